import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '../../../../lib/reference/reference';
import type { CaseStudyForm } from '../../form';
import { Field, TermChecks } from '../fields';

/** How the project was paid for. */
export function FundingSection({ reference }: { reference: ReferenceData }) {
  const { t } = useTranslation('case-study-editor');
  const { register } = useFormContext<CaseStudyForm>();
  return (
    <fieldset>
      <legend>{t('sections.funding')}</legend>
      <div className="grid grid--3">
        <Field field="funding.amount" label={t('fields.amount')}>
          {(props) => <input {...props} type="number" min={0} step="any" inputMode="decimal" {...register('fundingAmount')} />}
        </Field>
        <Field field="funding.currency" label={t('fields.currency')} hint={t('fields.currencyHint')}>
          {(props) => <input {...props} maxLength={3} autoCapitalize="characters" {...register('fundingCurrency')} />}
        </Field>
        <Field field="funding.publicSharePercent" label={t('fields.publicShare')}>
          {(props) => (
            <input {...props} type="number" min={0} max={100} step="any" inputMode="decimal" {...register('fundingPublicShare')} />
          )}
        </Field>
      </div>
      <TermChecks name="fundingInstruments" field="funding.instruments" legend={t('fields.instruments')} terms={reference.financingInstruments} />
    </fieldset>
  );
}
