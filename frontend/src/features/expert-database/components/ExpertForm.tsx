import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { StaleVersionBanner } from '../../../components/ui/StaleVersionBanner';
import { ErrorMessage } from '../../../components/ui/status';
import { isStaleVersion } from '../../../lib/api/problem';
import { FORM_MESSAGES, flattenErrors, useFormMessage } from '../../../lib/forms/messages';
import { useUnsavedChangesPrompt } from '../../../lib/forms/unsaved-changes';
import { expertSchema, type ExpertFormValues } from '../form';
import { ExpertiseFields } from './ExpertiseFields';

type TextKey = 'name' | 'affiliationEn' | 'affiliationZh' | 'country' | 'languages' | 'bioEn' | 'bioZh' | 'email' | 'phone' | 'id';

/**
 * The expert profile form (react-hook-form, checked with `expertSchema` before anything is sent):
 * who, where, languages, expertise per characteristic with the highest level advised on, service
 * domains, availability, bio and contact. Shared by the curators' list (propose, edit) and the
 * expert's own profile. `onSubmit` saves (a rejected promise leaves the input unsaved; `error`
 * shows why). After a stale version, `onReload` replaces the input with the newest version and
 * `onKeepMine` reads the newest version so the next save replaces it.
 */
export function ExpertForm({
  idPrefix,
  initial,
  withId,
  submitLabel,
  busy,
  error,
  onSubmit,
  onReload,
  onKeepMine,
  children,
}: {
  idPrefix: string;
  initial: ExpertFormValues;
  withId: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: ExpertFormValues) => Promise<unknown>;
  onReload?: () => void;
  onKeepMine?: () => Promise<unknown>;
  children?: ReactNode;
}) {
  const { t } = useTranslation('expert-database');
  const { t: tc } = useTranslation();
  const message = useFormMessage();
  const form = useForm<ExpertFormValues>({ defaultValues: initial, resolver: zodResolver(expertSchema(withId)), shouldFocusError: false });
  const [keeping, setKeeping] = useState(false);
  const [kept, setKept] = useState(false);
  const errorBox = useRef<HTMLDivElement>(null);
  useUnsavedChangesPrompt(form);
  const problems = flattenErrors(form.formState.errors);
  const problem = (key: keyof ExpertFormValues) => {
    const code = problems[key];
    return code ? (code in FORM_MESSAGES ? message(code) : t(code)) : undefined;
  };
  const id = (name: string) => `${idPrefix}-${name}`;

  const submit = form.handleSubmit(
    async (values) => {
      setKept(false);
      try {
        await onSubmit(values);
        form.reset(values, { keepValues: true }); // what was sent is now the saved state
      } catch {
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    },
    () => requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${idPrefix} [aria-invalid="true"]`)?.focus()),
  );

  async function keepMine() {
    if (!onKeepMine) return;
    setKeeping(true);
    await onKeepMine();
    setKeeping(false);
    setKept(true);
  }

  const input = (key: TextKey, hint?: string) => (
    <FormField id={id(key)} label={t(`form.${key}`)} hint={hint} error={problem(key)}>
      {(props) =>
        key === 'bioEn' || key === 'bioZh' ? (
          <textarea {...props} maxLength={4000} {...form.register(key)} />
        ) : (
          <input {...props} type={key === 'email' ? 'email' : 'text'} lang={key.endsWith('Zh') ? 'zh-CN' : undefined} {...form.register(key)} />
        )
      }
    </FormField>
  );

  return (
    <FormProvider {...form}>
      <form id={idPrefix} className="expert-form" onSubmit={(event) => void submit(event)} noValidate>
        {withId && input('id', t('form.idHint'))}
        {input('name')}
        <div className="expert-form__pair">
          {input('affiliationEn')}
          {input('affiliationZh')}
        </div>
        <div className="expert-form__pair">
          {input('country', t('form.countryHint'))}
          <FormField id={id('region')} label={t('form.region')}>
            {(props) => (
              <select {...props} {...form.register('region')}>
                {(['EU', 'CHINA', 'OTHER'] as const).map((region) => (
                  <option key={region} value={region}>
                    {t(`regions.${region}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        {input('languages', t('form.languagesHint'))}
        <ExpertiseFields idPrefix={idPrefix} error={problem('characteristics')} />
        <FormField id={id('availability')} label={t('form.availability')}>
          {(props) => (
            <select {...props} {...form.register('availability')}>
              {(['AVAILABLE', 'LIMITED', 'UNAVAILABLE'] as const).map((availability) => (
                <option key={availability} value={availability}>
                  {t(`availability.${availability}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {input('bioEn')}
        {input('bioZh')}
        <div className="expert-form__pair">
          {input('email')}
          {input('phone')}
        </div>
        <div ref={errorBox} tabIndex={-1}>
          {kept && <p className="status status--empty">{tc('staleVersion.keptMine')}</p>}
          {isStaleVersion(error) ? (
            <StaleVersionBanner
              error={error}
              what={t('form.stale.what')}
              busy={keeping}
              onReload={onReload}
              onKeepMine={onKeepMine ? () => void keepMine() : undefined}
            />
          ) : (
            error != null && <ErrorMessage error={error} />
          )}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          {children}
        </div>
      </form>
    </FormProvider>
  );
}
