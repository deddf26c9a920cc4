import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CityCombobox } from '../../../../components/city/CityCombobox';
import { usePunctuation } from '../../../../lib/i18n/punctuation';
import type { CaseStudyForm } from '../../form';
import { Field, LanguagePair } from '../fields';

/** The city (chosen by curators, fixed for a city's editor), the title and the summary. */
export function BasicsSection({ chooseCity, cityName }: { chooseCity: boolean; cityName: ReactNode }) {
  const { t } = useTranslation('case-study-editor');
  const punctuation = usePunctuation();
  const { register, control } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.basics')}</legend>
      {chooseCity ? (
        <Field field="cityId" label={t('fields.city')} required>
          {(props) => (
            <Controller
              name="cityId"
              control={control}
              render={({ field }) => <CityCombobox {...props} required value={field.value} onChange={field.onChange} />}
            />
          )}
        </Field>
      ) : (
        <p className="cs-editor__city">
          <span className="muted">
            {t('fields.city')}
            {punctuation.colon}
          </span>
          <strong>{cityName}</strong>
        </p>
      )}
      <LanguagePair field="title" legend={t('fields.title')} required>
        <Field field="title[en]" label={t('fields.titleEn')}>
          {(props) => <input {...props} lang="en" maxLength={200} {...register('titleEn')} />}
        </Field>
        <Field field="title[zh]" label={t('fields.titleZh')}>
          {(props) => <input {...props} lang="zh-CN" maxLength={200} {...register('titleZh')} />}
        </Field>
      </LanguagePair>
      <LanguagePair field="summary" legend={t('fields.summary')} required>
        <Field field="summary[en]" label={t('fields.summaryEn')} hint={t('fields.summaryHint')}>
          {(props) => <textarea {...props} lang="en" maxLength={1000} {...register('summaryEn')} />}
        </Field>
        <Field field="summary[zh]" label={t('fields.summaryZh')} hint={t('fields.summaryHint')}>
          {(props) => <textarea {...props} lang="zh-CN" maxLength={1000} {...register('summaryZh')} />}
        </Field>
      </LanguagePair>
    </fieldset>
  );
}
