import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CaseStudyForm, emptyPartner } from '../../form';
import { Field } from '../fields';

/** Partners and their roles, as many as 30. */
export function PartnersSection() {
  const { t } = useTranslation('case-study-editor');
  const { register, control } = useFormContext<CaseStudyForm>();
  const partners = useFieldArray({ control, name: 'partners' });
  return (
    <fieldset>
      <legend>{t('sections.partners')}</legend>
      {partners.fields.length === 0 && <p className="muted">{t('fields.noPartners')}</p>}
      {partners.fields.map((row, index) => {
        const n = index + 1;
        const at = `partners[${index}]`;
        return (
          <fieldset className="cs-editor__row-group" key={row.id}>
            <legend>{t('fields.partner', { n })}</legend>
            <div className="grid grid--3">
              <Field field={`${at}.name`} label={t('fields.partnerName', { n })} required>
                {(props) => <input {...props} maxLength={200} {...register(`partners.${index}.name`)} />}
              </Field>
              <Field field={`${at}.role[en]`} also={[`${at}.role`]} label={t('fields.partnerRoleEn', { n })}>
                {(props) => <input {...props} lang="en" maxLength={200} {...register(`partners.${index}.roleEn`)} />}
              </Field>
              <Field field={`${at}.role[zh]`} label={t('fields.partnerRoleZh', { n })}>
                {(props) => <input {...props} lang="zh-CN" maxLength={200} {...register(`partners.${index}.roleZh`)} />}
              </Field>
            </div>
            <button type="button" className="button button--secondary" onClick={() => partners.remove(index)}>
              {t('fields.removePartner', { n })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        disabled={partners.fields.length >= 30}
        onClick={() => partners.append(emptyPartner(), { shouldFocus: false })}
      >
        {t('fields.addPartner')}
      </button>
    </fieldset>
  );
}
