import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { MAX_SLOTS, type SlotInput, useExchangeFormMessage } from '../form';
import { browserTimeZone } from '../time';

type WithSlots = { slots: SlotInput[] };

/**
 * Up to five proposed slots, each a start and an end typed as date and time in the reader's own
 * time zone (named above the inputs); they are sent as UTC instants. `idPrefix` keeps the ids of two
 * such lists on one page apart.
 */
export function SlotsFields({ idPrefix, minimum = 0 }: { idPrefix: string; minimum?: number }) {
  const { t } = useTranslation('exchanges');
  const message = useExchangeFormMessage();
  const form = useFormContext<WithSlots>();
  const slots = useFieldArray({ control: form.control, name: 'slots' });
  const errors = form.formState.errors.slots;
  return (
    <fieldset className="exchange-slots">
      <legend>{t('slots.legend')}</legend>
      <p className="field__hint">{t('slots.hint', { zone: browserTimeZone() })}</p>
      {errors?.root?.message && <p className="field__error">{message(errors.root.message)}</p>}
      {errors?.message && <p className="field__error">{message(errors.message)}</p>}
      {slots.fields.length === 0 && <p className="muted small">{t('slots.none')}</p>}
      <ol className="list-plain exchange-slots__list">
        {slots.fields.map((field, index) => {
          const slotErrors = errors?.[index];
          const number = index + 1;
          return (
            <li key={field.id} className="exchange-slots__slot">
              <FormField
                id={`${idPrefix}-slot-${index}-start`}
                label={t('slots.start', { number })}
                error={slotErrors?.start?.message ? message(slotErrors.start.message) : undefined}
              >
                {(props) => <input type="datetime-local" {...props} {...form.register(`slots.${index}.start`)} />}
              </FormField>
              <FormField
                id={`${idPrefix}-slot-${index}-end`}
                label={t('slots.end', { number })}
                error={slotErrors?.end?.message ? message(slotErrors.end.message) : undefined}
              >
                {(props) => <input type="datetime-local" {...props} {...form.register(`slots.${index}.end`)} />}
              </FormField>
              {slots.fields.length > minimum && (
                <button
                  type="button"
                  className="button button--secondary exchange-slots__remove"
                  onClick={() => slots.remove(index)}
                  aria-label={t('slots.removeLabel', { number })}
                >
                  {t('slots.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {slots.fields.length < MAX_SLOTS && (
        <button type="button" className="button button--secondary" onClick={() => slots.append({ start: '', end: '' })}>
          {t('slots.add')}
        </button>
      )}
    </fieldset>
  );
}
