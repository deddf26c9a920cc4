import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { StaleVersion } from '../../../components/ui/stale-version';
import { ErrorMessage } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { characteristicName, termName } from '../../../lib/format/names';
import { LEVELS, useReference } from '../../../lib/reference/reference';
import { type ExpertFormValues, problemsOf } from '../form';

type Characteristic = ExpertFormValues['characteristics'] extends Set<infer C> ? C : never;
type ServiceDomain = ExpertFormValues['serviceDomains'] extends Set<infer D> ? D : never;

/**
 * The expert profile form: who, where, languages, expertise per characteristic with the highest
 * level advised on, service domains, availability, bio and contact. Shared by the curators' list
 * (propose, edit) and the expert's own profile.
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
  children,
}: {
  idPrefix: string;
  initial: ExpertFormValues;
  withId: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: ExpertFormValues) => void;
  onReload?: () => void;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('expert-database');
  const reference = useReference().data;
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<ReturnType<typeof problemsOf>>({});
  const set = <K extends keyof ExpertFormValues>(key: K, value: ExpertFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const problem = (key: keyof ExpertFormValues) => (problems[key] ? t(problems[key]!) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(values, withId);
    setProblems(found);
    if (Object.keys(found).length === 0) onSubmit(values);
    else requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${idPrefix} [aria-invalid="true"]`)?.focus());
  };

  const toggleCharacteristic = (code: Characteristic, on: boolean) => {
    const next = new Set(values.characteristics);
    if (on) next.add(code);
    else next.delete(code);
    set('characteristics', next);
  };
  const toggleDomain = (code: ServiceDomain, on: boolean) => {
    const next = new Set(values.serviceDomains);
    if (on) next.add(code);
    else next.delete(code);
    set('serviceDomains', next);
  };

  const stale = isApiError(error) && error.status === 409 && error.problem?.type?.endsWith(':stale-version');
  const input = (key: 'name' | 'affiliationEn' | 'affiliationZh' | 'country' | 'languages' | 'bioEn' | 'bioZh' | 'email' | 'phone' | 'id', hint?: string) => (
    <FormField id={id(key)} label={t(`form.${key}`)} hint={hint} error={problem(key)}>
      {(props) =>
        key === 'bioEn' || key === 'bioZh' ? (
          <textarea {...props} value={values[key]} onChange={(event) => set(key, event.target.value)} maxLength={4000} />
        ) : (
          <input
            {...props}
            type={key === 'email' ? 'email' : 'text'}
            value={values[key]}
            onChange={(event) => set(key, event.target.value)}
            lang={key.endsWith('Zh') ? 'zh-CN' : undefined}
          />
        )
      }
    </FormField>
  );

  return (
    <form id={idPrefix} className="expert-form" onSubmit={submit} noValidate>
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
            <select {...props} value={values.region} onChange={(event) => set('region', event.target.value as ExpertFormValues['region'])}>
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
      <fieldset aria-describedby={problems.characteristics ? id('characteristics-error') : undefined}>
        <legend>{t('form.expertise')}</legend>
        <p className="field__hint">{t('form.expertiseHint')}</p>
        {problems.characteristics && (
          <p className="field__error" id={id('characteristics-error')}>
            {t(problems.characteristics)}
          </p>
        )}
        <ul className="list-plain expert-form__expertise">
          {(reference?.characteristics ?? []).map((characteristic) => {
            const code = characteristic.code as Characteristic;
            const on = values.characteristics.has(code);
            const name = characteristicName(reference, code, i18n.language);
            return (
              <li key={code}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    aria-invalid={problems.characteristics ? true : undefined}
                    onChange={(event) => toggleCharacteristic(code, event.target.checked)}
                  />
                  {name}
                </label>
                {on && characteristic.rated && (
                  <span className="field expert-form__level">
                    <label htmlFor={id(`level-${code}`)}>{t('form.upToLevel', { characteristic: name })}</label>
                    <select
                      id={id(`level-${code}`)}
                      value={values.levels[code] ?? ''}
                      onChange={(event) => set('levels', { ...values.levels, [code]: event.target.value })}
                    >
                      <option value="">{t('form.anyLevel')}</option>
                      {LEVELS.filter((level) => level !== 'NOT_YET_ADDRESSED').map((level) => (
                        <option key={level} value={level}>
                          {t(`levels.${level}`, { ns: 'common' })}
                        </option>
                      ))}
                    </select>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('form.serviceDomains')}</legend>
        <ul className="list-plain expert-form__domains">
          {(reference?.serviceDomains ?? []).map((domain) => (
            <li key={domain.code}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={values.serviceDomains.has(domain.code as ServiceDomain)}
                  onChange={(event) => toggleDomain(domain.code as ServiceDomain, event.target.checked)}
                />
                {termName(reference, 'serviceDomains', domain.code, i18n.language)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormField id={id('availability')} label={t('form.availability')}>
        {(props) => (
          <select
            {...props}
            value={values.availability}
            onChange={(event) => set('availability', event.target.value as ExpertFormValues['availability'])}
          >
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
      {isApiError(error) && stale ? (
        <StaleVersion
          error={error}
          heading={t('form.stale.heading')}
          body={t('form.stale.body')}
          reloadLabel={t('form.stale.reload')}
          onReload={onReload}
        />
      ) : (
        error != null && <ErrorMessage error={error} />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
