import type { TFunction } from 'i18next';

/** API field paths of the case study (CaseStudyInput) → the key of the label of the input for it. */
const FIELDS: Record<string, string> = {
  cityId: 'fields.city',
  title: 'fields.title',
  'title[en]': 'fields.titleEn',
  'title[zh]': 'fields.titleZh',
  summary: 'fields.summary',
  'summary[en]': 'fields.summaryEn',
  'summary[zh]': 'fields.summaryZh',
  body: 'fields.body',
  'body[en]': 'fields.bodyEn',
  'body[zh]': 'fields.bodyZh',
  serviceDomains: 'fields.domains',
  steps: 'fields.steps',
  stage: 'fields.stage',
  startDate: 'fields.startDate',
  endDate: 'fields.endDate',
  technologies: 'fields.technologies',
  businessModel: 'fields.businessModel',
  flags: 'fields.flags',
  funding: 'sections.funding',
  'funding.amount': 'fields.amount',
  'funding.currency': 'fields.currency',
  'funding.publicSharePercent': 'fields.publicShare',
  'funding.instruments': 'fields.instruments',
  benefits: 'sections.benefits',
  partners: 'sections.partners',
  lessonsLearned: 'fields.lessonsEn',
  'lessonsLearned[en]': 'fields.lessonsEn',
  'lessonsLearned[zh]': 'fields.lessonsZh',
  inclusionMeasures: 'fields.inclusionEn',
  'inclusionMeasures[en]': 'fields.inclusionEn',
  'inclusionMeasures[zh]': 'fields.inclusionZh',
  contact: 'fields.contactName',
  'contact.name': 'fields.contactName',
  'contact.email': 'fields.contactEmail',
  licence: 'fields.licence',
  targetGroups: 'fields.targetGroups',
};

/** Fields of one row of a list (after the row's "[n]"): "" is the row itself. */
const ROW_FIELDS: Record<string, Record<string, string>> = {
  steps: { '': 'fields.stepFrom', characteristic: 'fields.stepCharacteristic', fromLevel: 'fields.stepFrom', toLevel: 'fields.stepFrom' },
  benefits: {
    '': 'fields.benefit',
    description: 'fields.benefitDescription',
    'description[en]': 'fields.benefitDescriptionEn',
    'description[zh]': 'fields.benefitDescriptionZh',
    baseline: 'fields.baseline',
    result: 'fields.result',
    unit: 'fields.unit',
    year: 'fields.year',
  },
  partners: {
    '': 'fields.partner',
    name: 'fields.partnerName',
    role: 'fields.partnerRoleEn',
    'role[en]': 'fields.partnerRoleEn',
    'role[zh]': 'fields.partnerRoleZh',
  },
};

/**
 * The label of the editor's input an API field path names ("title[zh]" → "标题（中文）",
 * "benefits[1].unit" → "成果 2：单位"), as the form shows it; the path itself for a field the form
 * does not know. Row numbers are those of the form (see formErrors).
 */
export function fieldLabel(field: string, t: TFunction<'case-study-editor'>): string {
  const row = /^(steps|benefits|partners)\[(\d+)\]\.?(.*)$/.exec(field);
  if (row) {
    const key = ROW_FIELDS[row[1]!]?.[row[3] ?? ''];
    return key ? t(key, { n: Number(row[2]) + 1 }) : field;
  }
  const flag = /^flags\.(\w+)$/.exec(field);
  if (flag) return t(`fields.flag.${flag[1]}`, { defaultValue: field });
  // an entry of a list of codes ("technologies[2]") is the list's input
  const key = FIELDS[field] ?? FIELDS[field.replace(/\[\d+\]$/, '')];
  return key ? t(key) : field;
}
