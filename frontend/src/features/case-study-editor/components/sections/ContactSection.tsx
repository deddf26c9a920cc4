import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseStudyForm } from '../../form';
import { Field } from '../fields';

/** Whom to ask, and the licence the case study is shared under. */
export function ContactSection() {
  const { t } = useTranslation('case-study-editor');
  const { register } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.contact')}</legend>
      <div className="grid grid--3">
        <Field field="contact.name" also={['contact']} label={t('fields.contactName')} hint={t('fields.contactHint')}>
          {(props) => <input {...props} autoComplete="name" maxLength={200} {...register('contactName')} />}
        </Field>
        <Field field="contact.email" label={t('fields.contactEmail')}>
          {(props) => <input {...props} type="email" autoComplete="email" maxLength={254} {...register('contactEmail')} />}
        </Field>
        <Field field="licence" label={t('fields.licence')} hint={t('fields.licenceHint')}>
          {(props) => <input {...props} maxLength={40} {...register('licence')} />}
        </Field>
      </div>
    </fieldset>
  );
}
