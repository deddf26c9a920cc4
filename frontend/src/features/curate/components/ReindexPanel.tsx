import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { formatDate, formatNumber } from '../../../lib/format/names';
import { percentDone, useLatestReindex, useStartReindex, type ReindexJob } from '../api/reindex';

function Progress({ job }: { job: ReindexJob }) {
  const { t, i18n } = useTranslation('curate');
  const labelId = useId();
  const percent = percentDone(job);
  const state = job.state ?? 'RUNNING';
  return (
    <div className="curate__job">
      <p id={labelId}>
        {t(`reindex.state.${state}`)}{' '}
        <span className="muted small">{t('reindex.started', { date: formatDate(job.startedAt, i18n.language) })}</span>
      </p>
      <div
        className={`progress progress--${state.toLowerCase()}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('reindex.percent', { value: percent })}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="small" aria-live="polite">
        {t('reindex.percent', { value: percent })}
      </p>
      <ul className="curate__indexes small">
        {(job.indexes ?? []).map((index) => (
          <li key={index.name}>
            {t('reindex.index', {
              name: index.name,
              indexed: formatNumber(index.indexed, i18n.language),
              total: formatNumber(index.total, i18n.language),
            })}
            {index.done && ` ✓`}
          </li>
        ))}
      </ul>
      {state === 'FAILED' && (
        <div className="status status--error" role="alert">
          <p className="status__heading">{t('reindex.failed')}</p>
          {job.error && <p className="status__detail small">{job.error}</p>}
        </div>
      )}
    </div>
  );
}

/** Rebuild every search index, with a progress bar fed by the rebuild job; the button waits while one runs. */
export function ReindexPanel() {
  const { t } = useTranslation('curate');
  const latest = useLatestReindex();
  const start = useStartReindex();
  const running = latest.data?.state === 'RUNNING' || start.isPending;
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reindex.heading')}</h2>
      <p>{t('reindex.intro')}</p>
      <div>
        <button type="button" className="button" disabled={running} onClick={() => start.mutate()}>
          {running ? t('reindex.running') : t('reindex.start')}
        </button>
      </div>
      {start.isError && <ErrorMessage error={start.error} />}
      {latest.isPending ? (
        <Loading />
      ) : latest.isError ? (
        <ErrorMessage error={latest.error} onRetry={() => void latest.refetch()} />
      ) : latest.data ? (
        <Progress job={latest.data} />
      ) : (
        <p className="muted">{t('reindex.never')}</p>
      )}
    </section>
  );
}
