import { z } from 'zod';
import { blank, FORM_MESSAGES as M, optionalEmail, typedNumber } from '../../lib/forms/messages';
import type { CaseStudyForm } from './form';

/**
 * What the editor checks before sending (the API checks it all again): the rules a user can fix
 * without asking the server, with message codes translated in the reader's language. Blank rows
 * of the lists are not sent, so they are not checked. Issue paths are form paths ("benefits.0.unit");
 * `title`, `summary` and a benefit's `description` name the language pair as a whole.
 */
export const caseStudySchema = z
  .custom<CaseStudyForm>()
  .superRefine((form, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });

    if (blank(form.cityId)) issue(['cityId'], M.required);
    if (blank(form.titleEn) && blank(form.titleZh)) issue(['title'], M.eitherLanguage);
    if (blank(form.summaryEn) && blank(form.summaryZh)) issue(['summary'], M.eitherLanguage);
    if (form.serviceDomains.length === 0) issue(['serviceDomains'], M.chooseOne);
    if (form.startDate && form.endDate && form.endDate < form.startDate) issue(['endDate'], M.endBeforeStart);

    form.steps.forEach((step, index) => {
      if (!step.characteristic && !step.fromLevel) return;
      if (!step.characteristic) issue(['steps', index, 'characteristic'], M.required);
      if (!step.fromLevel) issue(['steps', index, 'fromLevel'], M.required);
    });

    if (!blank(form.fundingAmount) && !(typedNumber(form.fundingAmount) >= 0)) issue(['fundingAmount'], M.number);
    if (!blank(form.fundingAmount) && !/^[A-Za-z]{3}$/.test(form.fundingCurrency.trim())) issue(['fundingCurrency'], M.currency);
    if (!blank(form.fundingPublicShare)) {
      const share = typedNumber(form.fundingPublicShare);
      if (!(share >= 0 && share <= 100)) issue(['fundingPublicShare'], M.percent);
    }

    form.benefits.forEach((benefit, index) => {
      if (Object.values(benefit).every(blank)) return;
      if (blank(benefit.descriptionEn) && blank(benefit.descriptionZh)) issue(['benefits', index, 'description'], M.eitherLanguage);
      if (!blank(benefit.baseline) && Number.isNaN(typedNumber(benefit.baseline))) issue(['benefits', index, 'baseline'], M.number);
      if (blank(benefit.result)) issue(['benefits', index, 'result'], M.required);
      else if (Number.isNaN(typedNumber(benefit.result))) issue(['benefits', index, 'result'], M.number);
      if (blank(benefit.unit)) issue(['benefits', index, 'unit'], M.required);
      const year = typedNumber(benefit.year);
      if (blank(benefit.year)) issue(['benefits', index, 'year'], M.required);
      else if (!(Number.isInteger(year) && year >= 1900 && year <= 2100)) issue(['benefits', index, 'year'], M.year);
    });

    form.partners.forEach((partner, index) => {
      if (Object.values(partner).every(blank)) return;
      if (blank(partner.name)) issue(['partners', index, 'name'], M.required);
    });

    if (!blank(form.contactEmail) && blank(form.contactName)) issue(['contactName'], M.required);
    const email = optionalEmail.safeParse(form.contactEmail);
    if (!email.success) issue(['contactEmail'], M.email);
  });

/** Form fields named differently in the API (CaseStudyInput), which the labels and the server's errors use. */
const TOP: Record<string, string> = {
  titleEn: 'title[en]',
  titleZh: 'title[zh]',
  summaryEn: 'summary[en]',
  summaryZh: 'summary[zh]',
  bodyEn: 'body[en]',
  bodyZh: 'body[zh]',
  fundingAmount: 'funding.amount',
  fundingCurrency: 'funding.currency',
  fundingPublicShare: 'funding.publicSharePercent',
  fundingInstruments: 'funding.instruments',
  lessonsEn: 'lessonsLearned[en]',
  lessonsZh: 'lessonsLearned[zh]',
  inclusionEn: 'inclusionMeasures[en]',
  inclusionZh: 'inclusionMeasures[zh]',
  contactName: 'contact.name',
  contactEmail: 'contact.email',
};
const ROW: Record<string, string> = {
  descriptionEn: 'description[en]',
  descriptionZh: 'description[zh]',
  roleEn: 'role[en]',
  roleZh: 'role[zh]',
};

/** The API's name for a form path: "titleEn" → "title[en]", "benefits.0.descriptionZh" → "benefits[0].description[zh]". */
export function apiFieldOf(formPath: string): string {
  const [first = '', index, ...rest] = formPath.split('.');
  if (index !== undefined && /^\d+$/.test(index)) {
    const field = rest.join('.');
    return `${first}[${index}]${field ? `.${ROW[field] ?? field}` : ''}`;
  }
  if (first === 'flags' && index) return formPath;
  return TOP[first] ?? first;
}
