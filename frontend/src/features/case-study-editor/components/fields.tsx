import { createContext, type ReactNode, useContext } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldInputProps, FormField } from '../../../components/ui/form-field';
import { Localized } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import type { ReferenceData } from '../../../lib/reference/reference';
import { fieldLabel } from '../field-labels';
import type { CaseStudyForm } from '../form';

/** Messages per API field name ("steps[0].fromLevel"): the editor's own checks and the server's. */
export type Errors = Record<string, string>;

export const EditorErrors = createContext<Errors>({});

/** An input id for an API field name: "steps[0].fromLevel" → "cs-steps-0-fromLevel". */
export const idFor = (field: string) => `cs-${field.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

function errorOf(errors: Errors, fields: string[]): string | undefined {
  for (const field of fields) if (errors[field]) return errors[field];
  return undefined;
}

function RequiredMark() {
  const { t } = useTranslation('case-study-editor');
  return (
    <>
      <span className="cs-editor__required" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="visually-hidden"> ({t('required')})</span>
    </>
  );
}

/** A labelled input for the API field `field` (its error, or one of `also`, is shown under it). */
export function Field({
  field,
  also = [],
  label,
  hint,
  required,
  children,
}: {
  field: string;
  also?: string[];
  label: string;
  hint?: string;
  required?: boolean;
  children: (props: FieldInputProps) => ReactNode;
}) {
  const errors = useContext(EditorErrors);
  const marked = (
    <>
      {label}
      {required && <RequiredMark />}
    </>
  );
  return (
    <FormField id={idFor(field)} label={marked} hint={hint} error={errorOf(errors, [field, ...also])}>
      {children}
    </FormField>
  );
}

/**
 * A text written in English, Chinese or both: the two inputs under one legend, which says when at
 * least one of them is needed. An error about the text as a whole ("title") belongs to the group.
 */
export function LanguagePair({ field, legend, required, children }: { field: string; legend: string; required?: boolean; children: ReactNode }) {
  const { t } = useTranslation('case-study-editor');
  const errors = useContext(EditorErrors);
  const id = idFor(field);
  const error = errors[field];
  const describedBy = [required ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="cs-editor__language-pair" id={id} tabIndex={-1} aria-describedby={describedBy || undefined}>
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      {required && (
        <p className="field__hint" id={`${id}-hint`}>
          {t('fields.eitherLanguage')}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="cs-editor__pair">{children}</div>
    </fieldset>
  );
}

type ListField = 'serviceDomains' | 'technologies' | 'fundingInstruments';

/** A group of checkboxes over reference terms, bound to the form's list `name`, its error tied to the group. */
export function TermChecks({
  name,
  field,
  legend,
  hint,
  terms,
  required,
}: {
  name: ListField;
  field: string;
  legend: string;
  hint?: string;
  terms: ReferenceData['serviceDomains'];
  required?: boolean;
}) {
  const { control } = useFormContext<CaseStudyForm>();
  const { field: list } = useController({ name, control });
  const errors = useContext(EditorErrors);
  const selected = list.value;
  const id = idFor(field);
  const error = errors[field];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="cs-editor__checks" id={id} aria-describedby={describedBy || undefined} tabIndex={-1}>
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="cs-editor__check-grid">
        {terms.map((term) => (
          <div className="checkbox" key={term.code}>
            <input
              type="checkbox"
              id={`${id}-${term.code}`}
              checked={selected.includes(term.code)}
              aria-invalid={error ? true : undefined}
              onBlur={list.onBlur}
              onChange={(event) =>
                list.onChange(event.target.checked ? [...selected, term.code] : selected.filter((code) => code !== term.code))
              }
            />
            <label htmlFor={`${id}-${term.code}`}>
              <Localized text={term.name} />
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Moves to the input for an API field name, or the closest one ("title" → the title's two inputs). */
function focusField(event: React.MouseEvent, field: string) {
  const candidates = [field, `${field}[en]`, field.replace(/\.[^.]+$/, ''), field.replace(/\[\d+\].*$/, '')];
  const target = candidates.map((candidate) => document.getElementById(idFor(candidate))).find(Boolean);
  if (target) {
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  }
}

/** Lists every field error (even of fields not on screen) with a link to its input. */
export function ErrorSummary() {
  const { t } = useTranslation('case-study-editor');
  const { labelled } = usePunctuation();
  const entries = Object.entries(useContext(EditorErrors));
  if (!entries.length) return null;
  return (
    <div className="card cs-editor__summary">
      <p className="status__heading">{t('errorSummary')}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${idFor(field)}`} onClick={(event) => focusField(event, field)}>
              {labelled(fieldLabel(field, t), message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
