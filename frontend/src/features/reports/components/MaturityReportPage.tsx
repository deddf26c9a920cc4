import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { characteristicName, countryName, formatNumber } from '../../../lib/format/names';
import { useReference } from '../../../lib/reference/reference';
import {
  type GroupBy,
  type MaturityDistribution,
  useDownloadMaturityCsv,
  useMaturityDistribution,
} from '../api/maturity-distribution';
import { DistributionChart } from './DistributionChart';
import { levelColours, REPORT_LEVELS } from './levels';
import './reports.css';
import { TableWrap } from '../../../components/ui/table-wrap';

function useGroupLabel(groupBy: string) {
  const { t, i18n } = useTranslation('reports');
  return (group: string) =>
    groupBy === 'country' ? countryName(group, i18n.language) : t(`common:regions.${group}`, { defaultValue: group });
}

function LevelLegend({ colours }: { colours: ReturnType<typeof levelColours> }) {
  const { t } = useTranslation('reports');
  return (
    <ul className="level-legend list-plain" aria-label={t('chart.legend')}>
      {REPORT_LEVELS.map((level) => (
        <li key={level}>
          <span
            className={`level-legend__swatch${level === 'NOT_ASSESSED' ? ' level-legend__swatch--none' : ''}`}
            style={{ background: colours[level].fill, borderColor: colours[level].stroke }}
            aria-hidden="true"
          />
          {t(`common:levels.${level}`)}
        </li>
      ))}
    </ul>
  );
}

function Charts({ report }: { report: MaturityDistribution }) {
  const { t, i18n } = useTranslation('reports');
  const reference = useReference().data;
  const groupLabel = useGroupLabel(report.groupBy);
  const colours = useMemo(levelColours, []);
  return (
    <section aria-labelledby="report-chart">
      <h2 id="report-chart">{t('chart.title')}</h2>
      <p className="muted">{t('chart.lead')}</p>
      <LevelLegend colours={colours} />
      <ul className="grid grid--2 list-plain report-charts">
        {report.characteristics.map((entry) => {
          const name = characteristicName(reference, entry.characteristic, i18n.language);
          return (
            <li key={entry.characteristic} className="card report-chart">
              <h3>{name}</h3>
              <DistributionChart distribution={entry} name={name} groupLabel={groupLabel} colours={colours} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ReportTable({ report }: { report: MaturityDistribution }) {
  const { t, i18n } = useTranslation('reports');
  const reference = useReference().data;
  const groupLabel = useGroupLabel(report.groupBy);
  const percent = (value: number | undefined) =>
    formatNumber((value ?? 0) / 100, i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="report-table">
      <h2 id="report-table">{t('table.title')}</h2>
      <p className="muted small">{t('table.lead')}</p>
      <TableWrap label={t('table.caption')}>
        <table className="table report-table">
          <caption className="visually-hidden">{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.characteristic')}</th>
              <th scope="col">{t(`table.group.${report.groupBy === 'country' ? 'country' : 'region'}`)}</th>
              {REPORT_LEVELS.map((level) => (
                <th key={level} scope="col" className="num">
                  {t(`common:levels.${level}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('table.total')}
              </th>
            </tr>
          </thead>
          {report.characteristics.map((entry) => (
            <tbody key={entry.characteristic}>
              {entry.groups.map((group, index) => (
                <tr key={group.group}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={entry.groups.length} className="report-table__characteristic">
                      {characteristicName(reference, entry.characteristic, i18n.language)}
                    </th>
                  )}
                  <th scope="row">{groupLabel(group.group)}</th>
                  {REPORT_LEVELS.map((level) => (
                    <td key={level} className="num">
                      {formatNumber(group.counts[level] ?? 0, i18n.language)}{' '}
                      <span className="muted small">({percent(group.percentages[level])})</span>
                    </td>
                  ))}
                  <td className="num">{formatNumber(group.total, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableWrap>
    </section>
  );
}

function Controls({ groupBy, onGroupBy }: { groupBy: GroupBy; onGroupBy: (next: GroupBy) => void }) {
  const { t } = useTranslation('reports');
  const download = useDownloadMaturityCsv();
  const id = useId();
  return (
    <div className="card report-controls">
      <fieldset className="report-controls__group">
        <legend>{t('controls.groupBy')}</legend>
        {(['region', 'country'] as const).map((option) => (
          <label key={option} className="checkbox" htmlFor={`${id}-${option}`}>
            <input
              id={`${id}-${option}`}
              type="radio"
              name={`${id}-group-by`}
              value={option}
              checked={groupBy === option}
              onChange={() => onGroupBy(option)}
            />
            {t(`controls.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="report-controls__download">
        <button
          type="button"
          className="button"
          onClick={() => download.mutate(groupBy)}
          disabled={download.isPending}
          aria-describedby={`${id}-csv-hint`}
        >
          {download.isPending ? t('csv.preparing') : t('csv.download')}
        </button>
        <p id={`${id}-csv-hint`} className="small muted">
          {t('csv.hint')}
        </p>
        <div aria-live="polite">
          {download.isSuccess && <p className="status status--ok">{t('csv.done', { file: download.data })}</p>}
        </div>
        {download.isError && <ErrorMessage error={download.error} onRetry={() => download.mutate(groupBy)} />}
      </div>
    </div>
  );
}

/** The white paper's Figure 3: the maturity of the pilot cities per characteristic, Europe beside China. */
export function MaturityReportPage() {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const groupBy: GroupBy = params.get('groupBy') === 'country' ? 'country' : 'region';
  const query = useMaturityDistribution(groupBy);
  const setGroupBy = (next: GroupBy) =>
    setParams(next === 'region' ? {} : { groupBy: next }, { replace: true, preventScrollReset: true });
  return (
    <div className="report-page">
      <PageHeader title={t('title')}>
        <p>{t('lead')}</p>
      </PageHeader>
      <Controls groupBy={groupBy} onGroupBy={setGroupBy} />
      <QueryView query={query} loadingLabel={t('loading')}>
        {(report) =>
          report.characteristics.length === 0 ? (
            <Empty>{t('empty')}</Empty>
          ) : (
            <>
              <Charts report={report} />
              <ReportTable report={report} />
            </>
          )
        }
      </QueryView>
    </div>
  );
}
