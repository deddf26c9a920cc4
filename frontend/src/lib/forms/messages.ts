import { useCallback } from 'react';
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

/**
 * The message codes a form schema uses instead of sentences (`z.string().min(1, FORM_MESSAGES.required)`),
 * translated in the common namespace under `forms.errors.<code>` in every UI language, so one schema
 * serves English and Chinese readers alike.
 */
export const FORM_MESSAGES = {
  required: 'required',
  eitherLanguage: 'eitherLanguage',
  chooseOne: 'chooseOne',
  email: 'email',
  url: 'url',
  number: 'number',
  wholeNumber: 'wholeNumber',
  percent: 'percent',
  year: 'year',
  currency: 'currency',
  endBeforeStart: 'endBeforeStart',
  tooLong: 'tooLong',
} as const;

export type FormMessage = keyof typeof FORM_MESSAGES;

/** Translates a schema's message code (anything else, such as an API's sentence, is shown as it is). */
export function useFormMessage() {
  const { t } = useTranslation();
  return useCallback(
    (message: string | undefined) =>
      message && message in FORM_MESSAGES ? t(`forms.errors.${message}`) : (message ?? ''),
    [t],
  );
}

/** Every error of a react-hook-form `errors` tree, by dotted path ("benefits.0.unit"), messages untranslated. */
export function flattenErrors<T extends FieldValues>(errors: FieldErrors<T>): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const error = node as Partial<FieldError>;
    if (typeof error.message === 'string' && typeof error.type === 'string') {
      flat[path] = error.message;
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'ref' || key === 'root') continue;
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, '');
  return flat;
}

/** Helpers for schemas over input values, which are strings as typed. */
export const blank = (value: string | undefined) => !value || !value.trim();

/** A number typed into an input, with a comma accepted as decimal mark; NaN when it is not one. */
export const typedNumber = (value: string) => Number(value.trim().replace(',', '.'));

/** An optional e-mail address: empty, or one that looks like an address. */
export const optionalEmail = z
  .string()
  .refine((value) => blank(value) || z.email().safeParse(value.trim()).success, FORM_MESSAGES.email);
