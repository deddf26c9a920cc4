import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../../lib/i18n/localized';
import type { ReferenceData } from '../../../../lib/reference/reference';
import { type CaseStudyForm, FLAGS, STAGES } from '../../form';
import { Field, idFor, TermChecks } from '../fields';

/** Stage, dates, technologies, business model and the yes/no flags. */
export function ProjectSection({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation('case-study-editor');
  const pick = usePick();
  const { register } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.project')}</legend>
      <div className="grid grid--3">
        <Field field="stage" label={t('fields.stage')} required>
          {(props) => (
            <select {...props} {...register('stage')}>
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`fields.stages.${stage}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field="startDate" label={t('fields.startDate')}>
          {(props) => <input {...props} type="date" {...register('startDate')} />}
        </Field>
        <Field field="endDate" label={t('fields.endDate')} hint={t('fields.endDateHint')}>
          {(props) => <input {...props} type="date" {...register('endDate')} />}
        </Field>
      </div>
      <TermChecks name="technologies" field="technologies" legend={t('fields.technologies')} terms={reference.technologyTags} />
      <Field field="businessModel" label={t('fields.businessModel')}>
        {(props) => (
          <select {...props} {...register('businessModel')}>
            <option value="">{t('fields.noBusinessModel')}</option>
            {reference.businessModels.map((model) => (
              <option key={model.code} value={model.code}>
                {pick(model.name).text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="cs-editor__checks">
        <legend>{t('fields.flags')}</legend>
        <div className="cs-editor__check-grid">
          {FLAGS.map((flag) => (
            <div className="checkbox" key={flag}>
              <input type="checkbox" id={idFor(`flags.${flag}`)} {...register(`flags.${flag}`)} />
              <label htmlFor={idFor(`flags.${flag}`)}>{t(`fields.flag.${flag}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
