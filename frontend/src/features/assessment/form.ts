import { z } from 'zod';
import { isApiError } from '../../lib/api/problem';
import { blank, FORM_MESSAGES } from '../../lib/forms/messages';
import type { Characteristic, ReferenceData } from '../../lib/reference/reference';
import type { Assessment } from './api/assessment-draft';
import type { AssessedCharacteristicInput } from './api/save-draft';
import { derivedLevel } from './derived-level';

type CharacteristicCode = AssessedCharacteristicInput['characteristic'];

/**
 * What the editor holds per characteristic (react-hook-form values, keyed by characteristic code).
 * Criterion and question codes contain dots, which form paths cannot: criteria met are a list of
 * codes, answers a list in the order of the characteristic's questions.
 */
export type CharacteristicAnswer = {
  met: string[];
  answers: string[];
  links: string;
  /** Included in the draft: characteristics left out are "not assessed". */
  assessed: boolean;
};
export type AssessmentForm = { characteristics: Record<string, CharacteristicAnswer> };

export function formFrom(reference: ReferenceData, source: Assessment | null): AssessmentForm {
  const characteristics: Record<string, CharacteristicAnswer> = {};
  for (const characteristic of reference.characteristics) {
    const entry = source?.characteristics.find((candidate) => candidate.characteristic === characteristic.code);
    const metCodes = new Set(entry?.criteriaMet ?? []);
    const met = characteristic.criteria.map((criterion) => criterion.code).filter((code) => metCodes.has(code));
    const answers = characteristic.questions.map((question) => entry?.evidence.answers[question.code] ?? '');
    const links = entry?.evidence.links ?? [];
    const assessed = Boolean(
      entry &&
        ((characteristic.rated && entry.level !== undefined && entry.level !== 'NOT_ASSESSED') ||
          met.length > 0 ||
          answers.some((answer) => answer.trim()) ||
          links.length > 0),
    );
    characteristics[characteristic.code] = { met, answers, links: links.join('\n'), assessed };
  }
  return { characteristics };
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((link) => link.trim())
    .filter(Boolean);

/** The body of PUT …/assessment/draft: only the characteristics that are assessed. */
export function draftBody(reference: ReferenceData, form: AssessmentForm): AssessedCharacteristicInput[] {
  return reference.characteristics
    .filter((characteristic) => form.characteristics[characteristic.code]?.assessed)
    .map((characteristic) => {
      const answer = form.characteristics[characteristic.code]!;
      const texts: Record<string, string> = {};
      characteristic.questions.forEach((question, index) => {
        const text = answer.answers[index]?.trim();
        if (text) texts[question.code] = text;
      });
      return {
        characteristic: characteristic.code as CharacteristicCode,
        criteriaMet: characteristic.criteria.map((criterion) => criterion.code).filter((code) => answer.met.includes(code)),
        evidence: { answers: texts, links: linesOf(answer.links) },
      };
    });
}

export function levelOf(characteristic: Characteristic, answer: CharacteristicAnswer | undefined): string | undefined {
  if (!characteristic.rated) return undefined;
  if (!answer?.assessed) return 'NOT_ASSESSED';
  return derivedLevel(characteristic.criteria, answer.met);
}

/** Checked before saving: every evidence link is a web address (the API checks it again). */
export const assessmentSchema = z.custom<AssessmentForm>().superRefine((form, context) => {
  for (const [code, answer] of Object.entries(form.characteristics)) {
    if (!answer.assessed || blank(answer.links)) continue;
    const wrong = linesOf(answer.links).some((link) => !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(link));
    if (wrong) context.addIssue({ code: 'custom', path: ['characteristics', code, 'links'], message: FORM_MESSAGES.url });
  }
});

/** Field errors of a save, per characteristic code (the API names them by position in the body). */
export type FieldProblem = { field: string; message: string };

export function errorsByCharacteristic(error: unknown, sent: string[]): Record<string, FieldProblem[]> {
  const result: Record<string, FieldProblem[]> = {};
  if (!isApiError(error)) return result;
  for (const problem of error.problem?.errors ?? []) {
    const match = /^characteristics\[(\d+)\]\.?(.*)$/.exec(problem.field ?? '');
    const code = match ? sent[Number(match[1])] : undefined;
    if (match && code && problem.message) (result[code] ??= []).push({ field: match[2] ?? '', message: problem.message });
  }
  return result;
}
