import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { TableWrap } from '../../../components/ui/table-wrap';
import { pick } from '../../../lib/i18n/localized';
import type { Indicator } from '../api/indicators';
import type { CityDraft } from '../city-form';
import { KpiPicker } from './KpiPicker';

/** The city's KPIs (value, year, source per indicator), and the catalogue search that adds one. `errors` by API field. */
export function KpiTable({ errors }: { errors: Record<string, string> }) {
  const { t, i18n } = useTranslation('citydesk');
  const { register, control, watch } = useFormContext<CityDraft>();
  const kpis = useFieldArray({ control, name: 'kpis' });
  const values = watch('kpis');
  const add = (indicator: Indicator) =>
    kpis.append({
      indicatorCode: indicator.code,
      name: { ...indicator.title } as Record<string, string>,
      value: '',
      unit: indicator.unit,
      year: String(new Date().getFullYear() - 1),
      source: '',
    });

  return (
    <fieldset>
      <legend>{t('kpis.heading')}</legend>
      <p className="field__hint">{t('kpis.intro')}</p>
      {kpis.fields.length === 0 ? (
        <p className="status status--empty">{t('kpis.none')}</p>
      ) : (
        <TableWrap label={t('kpis.heading')}>
          <table className="table citydesk__kpis">
            <caption className="visually-hidden">{t('kpis.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpis.indicator')}</th>
                <th scope="col">{t('kpis.value')}</th>
                <th scope="col">{t('kpis.year')}</th>
                <th scope="col">{t('kpis.source')}</th>
                <th scope="col">{t('kpis.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.fields.map((row, index) => {
                const kpi = values[index] ?? row;
                const title = pick(kpi.name, i18n.language).text;
                const field = (name: string) => errors[`kpis[${index}].${name}`];
                const codeError = field('indicatorCode');
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {title}
                      <span className="citydesk__code">{kpi.indicatorCode ?? t('kpis.local')}</span>
                      {codeError && <span className="field__error">{codeError}</span>}
                    </th>
                    <td data-label={t('kpis.value')}>
                      <FormField id={`kpi-${index}-value`} label={<span className="visually-hidden">{t('kpis.valueOf', { title })}</span>} error={field('value') ?? field('unit')}>
                        {(props) => (
                          <span className="citydesk__value">
                            <input {...props} inputMode="decimal" {...register(`kpis.${index}.value`)} />
                            <span>{kpi.unit}</span>
                          </span>
                        )}
                      </FormField>
                    </td>
                    <td data-label={t('kpis.year')}>
                      <FormField id={`kpi-${index}-year`} label={<span className="visually-hidden">{t('kpis.yearOf', { title })}</span>} error={field('year')}>
                        {(props) => <input {...props} inputMode="numeric" size={5} {...register(`kpis.${index}.year`)} />}
                      </FormField>
                    </td>
                    <td data-label={t('kpis.source')}>
                      <FormField id={`kpi-${index}-source`} label={<span className="visually-hidden">{t('kpis.sourceOf', { title })}</span>} error={field('source')}>
                        {(props) => <input {...props} {...register(`kpis.${index}.source`)} />}
                      </FormField>
                    </td>
                    <td>
                      <button type="button" className="button button--secondary" aria-label={t('kpis.removeLabel', { title })} onClick={() => kpis.remove(index)}>
                        {t('kpis.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <KpiPicker taken={values.map((kpi) => kpi.indicatorCode ?? '')} onPick={add} />
    </fieldset>
  );
}
