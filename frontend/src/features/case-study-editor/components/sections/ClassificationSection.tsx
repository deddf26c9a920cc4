import { useContext } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../../lib/i18n/localized';
import { type ReferenceData, ratedCharacteristics } from '../../../../lib/reference/reference';
import { type CaseStudyForm, emptyStep, FROM_LEVELS, nextLevel } from '../../form';
import { EditorErrors, Field, idFor, TermChecks } from '../fields';

/** "to level" follows from "from level": one level up, shown as it is chosen. */
function StepTo({ index }: { index: number }) {
  const { t } = useTranslation('case-study-editor');
  const from = useWatch<CaseStudyForm, `steps.${number}.fromLevel`>({ name: `steps.${index}.fromLevel` });
  const to = nextLevel(from);
  return (
    <p className="cs-editor__to" aria-live="polite">
      <span className="muted">{t('fields.stepTo')}</span> <strong>{to ? t(`common:levels.${to}`) : '—'}</strong>
    </p>
  );
}

/** Service domains and the staircase steps the case study helps a city climb. */
export function ClassificationSection({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation('case-study-editor');
  const pick = usePick();
  const errors = useContext(EditorErrors);
  const { register, control } = useFormContext<CaseStudyForm>();
  const steps = useFieldArray({ control, name: 'steps' });
  const rated = ratedCharacteristics(reference);
  return (
    <fieldset>
      <legend>{t('sections.classification')}</legend>
      <TermChecks
        name="serviceDomains"
        field="serviceDomains"
        legend={t('fields.domains')}
        hint={t('fields.domainsHint')}
        terms={reference.serviceDomains}
        required
      />
      <fieldset className="cs-editor__steps" id={idFor('steps')} tabIndex={-1} aria-describedby={`${idFor('steps')}-hint`}>
        <legend>{t('fields.steps')}</legend>
        <p className="field__hint" id={`${idFor('steps')}-hint`}>
          {t('fields.stepsHint')}
        </p>
        {errors.steps && <p className="field__error">{errors.steps}</p>}
        {steps.fields.map((row, index) => {
          const n = index + 1;
          return (
            <div className="cs-editor__row cs-editor__step" key={row.id}>
              <Field field={`steps[${index}].characteristic`} also={[`steps[${index}]`]} label={t('fields.stepCharacteristic', { n })}>
                {(props) => (
                  <select {...props} {...register(`steps.${index}.characteristic`)}>
                    <option value="">{t('fields.chooseCharacteristic')}</option>
                    {rated.map((characteristic) => (
                      <option key={characteristic.code} value={characteristic.code}>
                        {pick(characteristic.name).text}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field field={`steps[${index}].fromLevel`} also={[`steps[${index}].toLevel`]} label={t('fields.stepFrom', { n })}>
                {(props) => (
                  <select {...props} {...register(`steps.${index}.fromLevel`)}>
                    <option value="">{t('fields.chooseLevel')}</option>
                    {FROM_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`common:levels.${level}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <StepTo index={index} />
              <button type="button" className="button button--secondary cs-editor__remove" onClick={() => steps.remove(index)}>
                {t('fields.removeStep', { n })}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          disabled={steps.fields.length >= 9}
          onClick={() => steps.append(emptyStep(), { shouldFocus: false })}
        >
          {t('fields.addStep')}
        </button>
      </fieldset>
    </fieldset>
  );
}
