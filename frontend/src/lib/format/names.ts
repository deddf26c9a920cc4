import { contentKey } from '../i18n/i18n';
import { pick } from '../i18n/localized';
import type { ReferenceData } from '../reference/reference';

/** A country's name in the UI language, from the browser's CLDR data (ISO 3166 code in). */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "OPEN_DATA" → "Open data", for codes without a reference name. */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type TermList = keyof Pick<
  ReferenceData,
  'serviceDomains' | 'technologyTags' | 'financingInstruments' | 'businessModels'
>;

/** The name of a reference term (service domain, technology…) in the UI language. */
export function termName(reference: ReferenceData | undefined, list: TermList, code: string, language: string): string {
  const term = reference?.[list].find((entry) => entry.code === code);
  return term ? pick(term.name, language).text : humanize(code);
}

export function characteristicName(reference: ReferenceData | undefined, code: string, language: string): string {
  const entry = reference?.characteristics.find((characteristic) => characteristic.code === code);
  return entry ? pick(entry.name, language).text : humanize(code);
}

export function criterionText(reference: ReferenceData | undefined, code: string, language: string): string {
  for (const characteristic of reference?.characteristics ?? []) {
    const criterion = characteristic.criteria.find((entry) => entry.code === code);
    if (criterion) return pick(criterion.text, language).text;
  }
  return code;
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** Items as one list in the UI language: "a, b, c" in English, "a、b、c" in Chinese. */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'narrow', type: 'conjunction' }).format(items);
}

export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export { contentKey };
