import { LEVELS, type ReferenceData } from '../../lib/reference/reference';
import type { GlossaryCategory, GlossaryEntry, GlossaryTermInput } from './api/glossary';

/** The term editor's state, as the inputs show it: the terms of a language one per line. */
export type TermForm = { category: GlossaryCategory; code: string; en: string; zh: string };

export const emptyTermForm = (): TermForm => ({ category: 'VOCABULARY', code: '', en: '', zh: '' });

export function termFormFrom(entry: GlossaryEntry): TermForm {
  return { category: entry.category, code: entry.code ?? '', en: entry.en.join('\n'), zh: entry.zh.join('\n') };
}

/** The non-empty lines of a text area, trimmed: one term each. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Only categories other than vocabulary name a reference code; vocabulary sends none. */
export const needsCode = (category: GlossaryCategory) => category !== 'VOCABULARY';

export function toTermInput(form: TermForm, version: number | undefined): GlossaryTermInput {
  return {
    version,
    category: form.category,
    code: needsCode(form.category) ? form.code || undefined : undefined,
    en: lines(form.en),
    zh: lines(form.zh),
  };
}

/** The input an API field path belongs to: "en[2]" → "en"; anything else unknown → "" (shown above the form). */
export type TermField = 'category' | 'code' | 'en' | 'zh' | '';

export function fieldOf(path: string): TermField {
  const name = path.replace(/[[.].*$/, '');
  return name === 'category' || name === 'code' || name === 'en' || name === 'zh' ? name : '';
}

export type CodeOption = { code: string; name: Record<string, string | undefined> | undefined };

/** The reference codes a term of `category` may name (the maturity levels' names are the UI's). */
export function codeOptions(reference: ReferenceData | undefined, category: GlossaryCategory): CodeOption[] {
  if (!reference) return [];
  switch (category) {
    case 'SERVICE_DOMAIN':
      return reference.serviceDomains;
    case 'CHARACTERISTIC':
      return reference.characteristics;
    case 'TECHNOLOGY':
      return reference.technologyTags;
    case 'FINANCING':
      return reference.financingInstruments;
    case 'BUSINESS_MODEL':
      return reference.businessModels;
    case 'LEVEL':
      return LEVELS.map((code) => ({ code, name: undefined }));
    default:
      return [];
  }
}
