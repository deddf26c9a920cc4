import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type FieldInputProps, FormField } from '../../../components/ui/form-field';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage } from '../../../components/ui/status';
import { isApiError, isStaleVersion } from '../../../lib/api/problem';
import { FORM_MESSAGES, flattenErrors, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { pick } from '../../../lib/i18n/localized';
import { usePunctuation } from '../../../lib/i18n/punctuation';
import { useReference } from '../../../lib/reference/reference';
import { CATEGORIES, type GlossaryEntry } from '../api/glossary';
import { useCreateTerm } from '../api/create-term';
import { useUpdateTerm } from '../api/update-term';
import { codeOptions, emptyTermForm, fieldOf, needsCode, type TermField, type TermForm as Form, termFormFrom, toTermInput } from '../form';

type Errors = Partial<Record<TermField, string>>;

/** Checked before sending (the API checks it all again): a category other than vocabulary names its reference code. */
const termSchema = z.custom<Form>().superRefine((form, context) => {
  if (needsCode(form.category) && !form.code) context.addIssue({ code: 'custom', path: ['code'], message: FORM_MESSAGES.required });
});

const idFor = (field: TermField) => `glossary-${field}`;

function Field({
  field,
  label,
  hint,
  errors,
  children,
}: {
  field: TermField;
  label: string;
  hint?: string;
  errors: Errors;
  children: (props: FieldInputProps) => ReactNode;
}) {
  return (
    <FormField id={idFor(field)} label={label} hint={hint} error={errors[field]}>
      {children}
    </FormField>
  );
}

/** The field errors of a failed save, one message line per input ("en[2]" belongs to the English terms). */
function useErrors(error: unknown): Errors {
  const { semicolon } = usePunctuation();
  const errors: Errors = {};
  if (!isApiError(error)) return errors;
  for (const [path, message] of Object.entries(error.fieldErrors(semicolon))) {
    const field = fieldOf(path);
    errors[field] = errors[field] ? `${errors[field]}${semicolon}${message}` : message;
  }
  return errors;
}

/** Adds a term, or edits `entry` (its version is sent back, so a save over someone else's is refused). */
export function TermForm({ entry, onReload }: { entry?: GlossaryEntry; onReload?: () => void }) {
  const { t, i18n } = useTranslation('glossary');
  const { labelled } = usePunctuation();
  const navigate = useNavigate();
  const reference = useReference().data;
  const form = useForm<Form>({
    defaultValues: entry ? termFormFrom(entry) : emptyTermForm(),
    resolver: zodResolver(termSchema),
    shouldFocusError: false,
  });
  const [error, setError] = useState<unknown>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const busy = create.isPending || update.isPending;
  const allowNextNavigation = useUnsavedChangesPrompt(form);
  const message = useFormMessage();
  const serverErrors = useErrors(error);
  const clientErrors: Errors = {};
  for (const [path, code] of Object.entries(flattenErrors(form.formState.errors))) clientErrors[fieldOf(path)] = message(code);
  const errors: Errors = { ...serverErrors, ...clientErrors };
  const category = form.watch('category');
  const code = form.watch('code');
  const labels: Record<TermField, string> = {
    category: t('editor.category'),
    code: t('editor.code'),
    en: t('editor.en'),
    zh: t('editor.zh'),
    '': '',
  };
  const save = form.handleSubmit(
    async (values) => {
      setError(null);
      const body = toTermInput(values, entry?.version);
      try {
        const saved = entry ? await update.mutateAsync({ id: entry.id, body }) : await create.mutateAsync(body);
        allowNextNavigation();
        const name = saved.en[0] ?? saved.zh[0] ?? saved.id;
        void navigate(`/glossary?q=${encodeURIComponent(name)}`, { state: { saved: name } });
      } catch (failure) {
        setError(failure);
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    },
    () => {
      setError(null);
      requestAnimationFrame(() => errorBox.current?.focus());
    },
  );

  const options = codeOptions(reference, category);
  const fieldErrors = Object.entries(errors).filter(([field]) => field) as [TermField, string][];

  return (
    <form
      className="glossary__form"
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <div ref={errorBox} tabIndex={-1} className="glossary__errors">
        {(error !== null || fieldErrors.length > 0) &&
          (isStaleVersion(error) ? (
            <StaleVersionBanner error={error} what={t('stale.what')} onReload={onReload} />
          ) : (
            <>
              {error !== null && <ErrorMessage error={error} />}
              <p className="field__hint">{t('editor.failed')}</p>
              {errors[''] && <p className="field__error">{errors['']}</p>}
              {fieldErrors.length > 0 && (
                <div className="card glossary__summary">
                  <p className="status__heading">{t('editor.errorSummary')}</p>
                  <ul>
                    {fieldErrors.map(([field, message]) => (
                      <li key={field}>
                        <a href={`#${idFor(field)}`}>{labelled(labels[field], message)}</a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          ))}
      </div>
      <div className="glossary__pair">
        <Field field="category" label={labels.category} errors={errors}>
          {(props) => (
            <select {...props} {...form.register('category', { onChange: () => form.setValue('code', '') })}>
              {CATEGORIES.map((code) => (
                <option key={code} value={code}>
                  {t(`categories.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsCode(category) && (
          <Field field="code" label={labels.code} hint={t('editor.codeHint')} errors={errors}>
            {(props) => (
              <select {...props} {...form.register('code')}>
                <option value="">{t('editor.chooseCode')}</option>
                {code && !options.some((option) => option.code === code) && <option value={code}>{code}</option>}
                {options.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name ? pick(option.name, i18n.language).text : t(`common:levels.${option.code}`, { defaultValue: option.code })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="glossary__pair">
        <Field field="en" label={labels.en} hint={t('editor.termsHint')} errors={errors}>
          {(props) => <textarea {...props} lang="en" rows={5} {...form.register('en')} />}
        </Field>
        <Field field="zh" label={labels.zh} hint={t('editor.termsHint')} errors={errors}>
          {(props) => <textarea {...props} lang="zh-CN" rows={5} {...form.register('zh')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('editor.saving') : t('editor.save')}
        </button>
        <Link className="button button--secondary" to="/glossary">
          {t('editor.cancel')}
        </Link>
      </div>
    </form>
  );
}
