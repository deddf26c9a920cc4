import type { Schemas } from '../../lib/api/client';
import { LEVELS, nextLevel } from '../../lib/reference/reference';
import type { CaseStudy, CaseStudyInput } from './api/case-study';

/** The levels a step can start from: every level that has one above it. */
export const FROM_LEVELS = LEVELS.slice(0, -1);
export const STAGES = ['PILOT', 'SCALING', 'CITY_WIDE'] as const;
export const FLAGS = ['scalable', 'cloud', 'iot', 'openApi', 'integratedOffering'] as const;

export type StepRow = { characteristic: string; fromLevel: string };
export type BenefitRow = { descriptionEn: string; descriptionZh: string; baseline: string; result: string; unit: string; year: string };
export type PartnerRow = { name: string; roleEn: string; roleZh: string };
type Flag = (typeof FLAGS)[number];

/** The editor's state: what the inputs show, as strings. */
export type CaseStudyForm = {
  cityId: string;
  titleEn: string;
  titleZh: string;
  summaryEn: string;
  summaryZh: string;
  bodyEn: string;
  bodyZh: string;
  serviceDomains: string[];
  steps: StepRow[];
  stage: string;
  startDate: string;
  endDate: string;
  technologies: string[];
  businessModel: string;
  fundingAmount: string;
  fundingCurrency: string;
  fundingInstruments: string[];
  fundingPublicShare: string;
  benefits: BenefitRow[];
  partners: PartnerRow[];
  lessonsEn: string;
  lessonsZh: string;
  inclusionEn: string;
  inclusionZh: string;
  contactName: string;
  contactEmail: string;
  licence: string;
  flags: Record<Flag, boolean>;
  /** Kept as read, sent back unchanged. */
  targetGroups: string[];
};

export const emptyStep = (): StepRow => ({ characteristic: '', fromLevel: '' });
export const emptyBenefit = (): BenefitRow => ({ descriptionEn: '', descriptionZh: '', baseline: '', result: '', unit: '', year: '' });
export const emptyPartner = (): PartnerRow => ({ name: '', roleEn: '', roleZh: '' });

export function emptyForm(cityId: string): CaseStudyForm {
  return {
    cityId,
    titleEn: '',
    titleZh: '',
    summaryEn: '',
    summaryZh: '',
    bodyEn: '',
    bodyZh: '',
    serviceDomains: [],
    steps: [emptyStep()],
    stage: 'PILOT',
    startDate: '',
    endDate: '',
    technologies: [],
    businessModel: '',
    fundingAmount: '',
    fundingCurrency: 'EUR',
    fundingInstruments: [],
    fundingPublicShare: '',
    benefits: [],
    partners: [],
    lessonsEn: '',
    lessonsZh: '',
    inclusionEn: '',
    inclusionZh: '',
    contactName: '',
    contactEmail: '',
    licence: 'CC-BY-4.0',
    flags: { scalable: false, cloud: false, iot: false, openApi: false, integratedOffering: false },
    targetGroups: [],
  };
}

const num = (value: number | undefined) => (value === undefined || value === null ? '' : String(value));

export function formFrom(study: CaseStudy): CaseStudyForm {
  return {
    cityId: study.cityId,
    titleEn: study.title.en ?? '',
    titleZh: study.title.zh ?? '',
    summaryEn: study.summary.en ?? '',
    summaryZh: study.summary.zh ?? '',
    bodyEn: study.body.en ?? '',
    bodyZh: study.body.zh ?? '',
    serviceDomains: [...study.serviceDomains],
    steps: study.steps.length
      ? study.steps.map((step) => ({ characteristic: step.characteristic, fromLevel: step.fromLevel }))
      : [emptyStep()],
    stage: study.stage,
    startDate: study.startDate ?? '',
    endDate: study.endDate ?? '',
    technologies: [...study.technologies],
    businessModel: study.businessModel ?? '',
    fundingAmount: num(study.funding?.amount),
    fundingCurrency: study.funding?.currency ?? (study.funding ? '' : 'EUR'),
    fundingInstruments: [...(study.funding?.instruments ?? [])],
    fundingPublicShare: num(study.funding?.publicSharePercent),
    benefits: study.benefits.map((benefit) => ({
      descriptionEn: benefit.description.en ?? '',
      descriptionZh: benefit.description.zh ?? '',
      baseline: num(benefit.baseline),
      result: num(benefit.result),
      unit: benefit.unit,
      year: num(benefit.year),
    })),
    partners: study.partners.map((partner) => ({
      name: partner.name,
      roleEn: partner.role.en ?? '',
      roleZh: partner.role.zh ?? '',
    })),
    lessonsEn: study.lessonsLearned.en ?? '',
    lessonsZh: study.lessonsLearned.zh ?? '',
    inclusionEn: study.inclusionMeasures.en ?? '',
    inclusionZh: study.inclusionMeasures.zh ?? '',
    contactName: study.contact?.name ?? '',
    contactEmail: study.contact?.email ?? '',
    licence: study.licence,
    flags: { ...emptyForm('').flags, ...study.flags },
    targetGroups: [...study.targetGroups],
  };
}

/** A bilingual map with only the languages filled in; undefined when neither is. */
function texts(en: string, zh: string): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  if (en.trim()) map.en = en.trim();
  if (zh.trim()) map.zh = zh.trim();
  return Object.keys(map).length ? map : undefined;
}

/** A number typed into an input; undefined when empty (the API then names the field if it is required). */
function number(value: string): number | undefined {
  if (!value.trim()) return undefined;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}

export { nextLevel };

const blankStep = (row: StepRow) => !row.characteristic && !row.fromLevel;
const blankBenefit = (row: BenefitRow) => Object.values(row).every((value) => !value.trim());
const blankPartner = (row: PartnerRow) => Object.values(row).every((value) => !value.trim());

/** Which form row each sent list entry came from (blank rows are not sent). */
export type RowMap = { steps: number[]; benefits: number[]; partners: number[] };

type StepInput = Schemas['StepInput'];

export function toInput(form: CaseStudyForm, version: number | undefined): { body: CaseStudyInput; rows: RowMap } {
  const rows: RowMap = { steps: [], benefits: [], partners: [] };
  const steps = form.steps.flatMap((row, index) => {
    if (blankStep(row)) return [];
    rows.steps.push(index);
    return [
      {
        characteristic: row.characteristic || undefined,
        fromLevel: row.fromLevel || undefined,
        toLevel: nextLevel(row.fromLevel),
      } as StepInput,
    ];
  });
  const benefits = form.benefits.flatMap((row, index) => {
    if (blankBenefit(row)) return [];
    rows.benefits.push(index);
    return [
      {
        description: texts(row.descriptionEn, row.descriptionZh) ?? {},
        baseline: number(row.baseline),
        result: number(row.result) as number,
        unit: row.unit.trim(),
        year: number(row.year) as number,
      },
    ];
  });
  const partners = form.partners.flatMap((row, index) => {
    if (blankPartner(row)) return [];
    rows.partners.push(index);
    return [{ name: row.name.trim(), role: texts(row.roleEn, row.roleZh) }];
  });
  const hasFunding =
    form.fundingAmount.trim() || form.fundingInstruments.length > 0 || form.fundingPublicShare.trim();
  const contact: CaseStudyInput['contact'] =
    form.contactName.trim() || form.contactEmail.trim()
      ? { name: form.contactName.trim(), email: form.contactEmail.trim() || undefined }
      : undefined;
  const body: CaseStudyInput = {
    version,
    cityId: form.cityId,
    title: texts(form.titleEn, form.titleZh) ?? {},
    summary: texts(form.summaryEn, form.summaryZh) ?? {},
    body: texts(form.bodyEn, form.bodyZh),
    serviceDomains: form.serviceDomains as CaseStudyInput['serviceDomains'],
    steps,
    stage: form.stage as CaseStudyInput['stage'],
    startDate: form.startDate || undefined,
    endDate: form.endDate || undefined,
    flags: form.flags,
    technologies: form.technologies,
    businessModel: form.businessModel || undefined,
    funding: hasFunding
      ? {
          amount: number(form.fundingAmount),
          currency: form.fundingAmount.trim() ? form.fundingCurrency.trim().toUpperCase() || undefined : undefined,
          instruments: form.fundingInstruments,
          publicSharePercent: number(form.fundingPublicShare),
        }
      : undefined,
    benefits,
    partners,
    lessonsLearned: texts(form.lessonsEn, form.lessonsZh),
    inclusionMeasures: texts(form.inclusionEn, form.inclusionZh),
    contact,
    licence: form.licence.trim() || 'CC-BY-4.0',
    targetGroups: form.targetGroups,
  };
  return { body, rows };
}

/**
 * The API's field errors keyed as the form names them: list positions in the request are turned
 * back into form rows ("steps[0].toLevel" → the row it came from), "title[en]" stays as it is.
 */
export function formErrors(errors: Record<string, string>, rows: RowMap): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^(steps|benefits|partners)\[(\d+)\](.*)$/.exec(field);
    if (match) {
      const list = match[1] as keyof RowMap;
      const row = rows[list][Number(match[2])] ?? Number(match[2]);
      result[`${list}[${row}]${match[3]}`] = message;
    } else {
      result[field] = message;
    }
  }
  return result;
}
