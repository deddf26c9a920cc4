import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { formatNumber } from '../../../lib/format/names';
import { useExchangeStats } from '../api/stats';
import { FORMATS, STATES } from '../api/types';
import { StepLabel } from './parts';

const SCORES = ['1', '2', '3', '4', '5'] as const;
const TOP_STEPS = 10;

/** Curators' figures: exchanges per step, format and state, how fast peers answer, how useful they were. */
export function ExchangeStatistics() {
  const { t, i18n } = useTranslation('exchanges');
  const query = useExchangeStats(true);
  const hours = (value: number | null | undefined) =>
    value === null || value === undefined ? t('stats.noAnswers') : t('stats.hours', { value: formatNumber(value, i18n.language, { maximumFractionDigits: 1 }) });
  return (
    <section className="card exchanges__stats" aria-labelledby="exchanges-stats">
      <h2 id="exchanges-stats">{t('stats.heading')}</h2>
      <QueryView query={query} loadingLabel={t('stats.loading')}>
        {(stats) => (
          <div className="exchanges__stats-grid">
            <dl className="facts">
              {STATES.map((state) => (
                <div key={state} className="exchanges__stat">
                  <dt>{t(`states.${state}`)}</dt>
                  <dd>{formatNumber(stats.byState[state] ?? 0, i18n.language)}</dd>
                </div>
              ))}
            </dl>
            <dl className="facts">
              {FORMATS.map((format) => (
                <div key={format} className="exchanges__stat">
                  <dt>{t(`formats.${format}`)}</dt>
                  <dd>{formatNumber(stats.byFormat[format] ?? 0, i18n.language)}</dd>
                </div>
              ))}
            </dl>
            <dl className="facts">
              <div className="exchanges__stat">
                <dt>{t('stats.p50')}</dt>
                <dd>{hours(stats.responseTimeHours.p50)}</dd>
              </div>
              <div className="exchanges__stat">
                <dt>{t('stats.p90')}</dt>
                <dd>{hours(stats.responseTimeHours.p90)}</dd>
              </div>
              {SCORES.map((score) => (
                <div key={score} className="exchanges__stat">
                  <dt>{t('stats.usefulness', { score })}</dt>
                  <dd>{formatNumber(stats.usefulness[score] ?? 0, i18n.language)}</dd>
                </div>
              ))}
            </dl>
            {stats.byStep.length > 0 && (
              <TableWrap label={t('stats.byStep')}>
                <table className="table">
                  <caption>{t('stats.byStep')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.step')}</th>
                      <th scope="col">{t('stats.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.byStep.slice(0, TOP_STEPS).map((entry) => (
                      <tr key={`${entry.step.characteristic}-${entry.step.fromLevel}-${entry.step.toLevel}`}>
                        <td>
                          <StepLabel step={entry.step} />
                        </td>
                        <td>{formatNumber(entry.count, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </div>
        )}
      </QueryView>
    </section>
  );
}
