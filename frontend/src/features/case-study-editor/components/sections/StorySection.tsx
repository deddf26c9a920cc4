import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseStudyForm } from '../../form';
import { Field } from '../fields';

/** The story, in either language. */
export function StorySection() {
  const { t } = useTranslation('case-study-editor');
  const { register } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.story')}</legend>
      <div className="cs-editor__pair">
        <Field field="body[en]" also={['body']} label={t('fields.bodyEn')} hint={t('fields.bodyHint')}>
          {(props) => <textarea {...props} className="cs-editor__body" lang="en" {...register('bodyEn')} />}
        </Field>
        <Field field="body[zh]" label={t('fields.bodyZh')} hint={t('fields.bodyHint')}>
          {(props) => <textarea {...props} className="cs-editor__body" lang="zh-CN" {...register('bodyZh')} />}
        </Field>
      </div>
    </fieldset>
  );
}
