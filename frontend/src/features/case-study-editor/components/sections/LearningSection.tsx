import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseStudyForm } from '../../form';
import { Field } from '../fields';

/** Lessons learned and inclusion measures, in either language. */
export function LearningSection() {
  const { t } = useTranslation('case-study-editor');
  const { register } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.learning')}</legend>
      <div className="cs-editor__pair">
        <Field field="lessonsLearned[en]" also={['lessonsLearned']} label={t('fields.lessonsEn')}>
          {(props) => <textarea {...props} lang="en" maxLength={4000} {...register('lessonsEn')} />}
        </Field>
        <Field field="lessonsLearned[zh]" label={t('fields.lessonsZh')}>
          {(props) => <textarea {...props} lang="zh-CN" maxLength={4000} {...register('lessonsZh')} />}
        </Field>
        <Field field="inclusionMeasures[en]" also={['inclusionMeasures']} label={t('fields.inclusionEn')}>
          {(props) => <textarea {...props} lang="en" maxLength={4000} {...register('inclusionEn')} />}
        </Field>
        <Field field="inclusionMeasures[zh]" label={t('fields.inclusionZh')}>
          {(props) => <textarea {...props} lang="zh-CN" maxLength={4000} {...register('inclusionZh')} />}
        </Field>
      </div>
    </fieldset>
  );
}
