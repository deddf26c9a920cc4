import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CaseStudyForm, emptyBenefit } from '../../form';
import { Field, LanguagePair } from '../fields';

/** Measured benefits: what, baseline, result, unit and year, as many as 20. */
export function BenefitsSection() {
  const { t } = useTranslation('case-study-editor');
  const { register, control } = useFormContext<CaseStudyForm>();
  const benefits = useFieldArray({ control, name: 'benefits' });
  return (
    <fieldset>
      <legend>{t('sections.benefits')}</legend>
      {benefits.fields.length === 0 && <p className="muted">{t('fields.noBenefits')}</p>}
      {benefits.fields.map((row, index) => {
        const n = index + 1;
        const at = `benefits[${index}]`;
        return (
          <fieldset className="cs-editor__row-group" key={row.id}>
            <legend>{t('fields.benefit', { n })}</legend>
            <LanguagePair field={`${at}.description`} legend={t('fields.benefitDescription', { n })} required>
              <Field field={`${at}.description[en]`} label={t('fields.benefitDescriptionEn', { n })}>
                {(props) => <input {...props} lang="en" {...register(`benefits.${index}.descriptionEn`)} />}
              </Field>
              <Field field={`${at}.description[zh]`} label={t('fields.benefitDescriptionZh', { n })}>
                {(props) => <input {...props} lang="zh-CN" {...register(`benefits.${index}.descriptionZh`)} />}
              </Field>
            </LanguagePair>
            <div className="grid grid--3">
              <Field field={`${at}.baseline`} label={t('fields.baseline', { n })}>
                {(props) => <input {...props} type="number" step="any" inputMode="decimal" {...register(`benefits.${index}.baseline`)} />}
              </Field>
              <Field field={`${at}.result`} label={t('fields.result', { n })} required>
                {(props) => <input {...props} type="number" step="any" inputMode="decimal" {...register(`benefits.${index}.result`)} />}
              </Field>
              <Field field={`${at}.unit`} label={t('fields.unit', { n })} required>
                {(props) => <input {...props} maxLength={40} {...register(`benefits.${index}.unit`)} />}
              </Field>
              <Field field={`${at}.year`} label={t('fields.year', { n })} required>
                {(props) => (
                  <input {...props} type="number" min={1900} max={2100} inputMode="numeric" {...register(`benefits.${index}.year`)} />
                )}
              </Field>
            </div>
            <button type="button" className="button button--secondary" onClick={() => benefits.remove(index)}>
              {t('fields.removeBenefit', { n })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        disabled={benefits.fields.length >= 20}
        onClick={() => benefits.append(emptyBenefit(), { shouldFocus: false })}
      >
        {t('fields.addBenefit')}
      </button>
    </fieldset>
  );
}
