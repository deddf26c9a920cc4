import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { characteristicName, termName } from '../../../lib/format/names';
import { LEVELS, useReference } from '../../../lib/reference/reference';
import type { Characteristic, ExpertFormValues, ServiceDomain } from '../form';

const toggled = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/** Expertise per characteristic with the highest level advised on, then the service domains. */
export function ExpertiseFields({ idPrefix, error }: { idPrefix: string; error?: string }) {
  const { t, i18n } = useTranslation('expert-database');
  const reference = useReference().data;
  const { control } = useFormContext<ExpertFormValues>();
  const characteristics = useController({ control, name: 'characteristics' }).field;
  const levels = useController({ control, name: 'levels' }).field;
  const domains = useController({ control, name: 'serviceDomains' }).field;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <fieldset aria-describedby={error ? id('characteristics-error') : undefined}>
        <legend>{t('form.expertise')}</legend>
        <p className="field__hint">{t('form.expertiseHint')}</p>
        {error && (
          <p className="field__error" id={id('characteristics-error')}>
            {error}
          </p>
        )}
        <ul className="list-plain expert-form__expertise">
          {(reference?.characteristics ?? []).map((characteristic) => {
            const code = characteristic.code as Characteristic;
            const on = characteristics.value.includes(code);
            const name = characteristicName(reference, code, i18n.language);
            return (
              <li key={code}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => characteristics.onChange(toggled(characteristics.value, code, event.target.checked))}
                  />
                  {name}
                </label>
                {on && characteristic.rated && (
                  <span className="field expert-form__level">
                    <label htmlFor={id(`level-${code}`)}>{t('form.upToLevel', { characteristic: name })}</label>
                    <select
                      id={id(`level-${code}`)}
                      value={levels.value[code] ?? ''}
                      onChange={(event) => levels.onChange({ ...levels.value, [code]: event.target.value })}
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
                  checked={domains.value.includes(domain.code as ServiceDomain)}
                  onChange={(event) => domains.onChange(toggled(domains.value, domain.code as ServiceDomain, event.target.checked))}
                />
                {termName(reference, 'serviceDomains', domain.code, i18n.language)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}
