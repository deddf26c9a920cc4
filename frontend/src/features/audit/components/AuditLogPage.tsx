import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { type AuditRecord, useAudit } from '../api/audit';
import './audit.css';

const PAGE_SIZE = 25;
const TEXT_FILTERS = ['action', 'resourceType', 'resourceId', 'cityId', 'actor'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

/** A date input's day as the start of that day in UTC (from) or of the next day (to, exclusive). */
function dayBound(day: string | null, next: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00Z`);
  if (next) at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString();
}

function formatTime(iso: string, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

function Filters() {
  const { t } = useTranslation('audit');
  const { params, setParams } = useFilterParams();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([...TEXT_FILTERS, 'from', 'to'].map((name) => [name, params.get(name) ?? ''])),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim()) next.set(name, value.trim());
    setParams(next, { preventScrollReset: true });
  };
  const clear = () => {
    setValues(Object.fromEntries(Object.keys(values).map((name) => [name, ''])));
    setParams(new URLSearchParams(), { preventScrollReset: true });
  };
  const field = (name: TextFilter | 'from' | 'to', type = 'text') => (
    <div className="field" key={name}>
      <label htmlFor={`audit-${name}`}>{t(`filters.${name}`)}</label>
      <input
        id={`audit-${name}`}
        type={type}
        maxLength={200}
        value={values[name] ?? ''}
        onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      />
    </div>
  );
  return (
    <form className="audit__filters" role="search" aria-label={t('filters.label')} onSubmit={submit}>
      {TEXT_FILTERS.map((name) => field(name))}
      {field('from', 'date')}
      {field('to', 'date')}
      <div className="audit__buttons">
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}

function Row({ entry }: { entry: AuditRecord }) {
  const { t, i18n } = useTranslation('audit');
  const version = (value: number | undefined) => (value === undefined || value === null ? '–' : String(value));
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatTime(entry.at, i18n.language)}</time>
      </td>
      <td>{entry.actorName}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.resourceType} <code>{entry.resourceId}</code>
        {entry.cityId && <span className="muted small"> · {t('table.city', { city: entry.cityId })}</span>}
      </td>
      <td className="num">
        {version(entry.versionBefore)} → {version(entry.versionAfter)}
      </td>
      <td className="audit__note">{entry.note ?? ''}</td>
    </tr>
  );
}

/** The audit log for curators and administrators: who changed what, when, from which version to which. */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  const { params, page, setFilter } = useFilterParams();
  const filter = {
    ...Object.fromEntries(TEXT_FILTERS.map((name) => [name, params.get(name) || undefined])),
    from: dayBound(params.get('from'), false),
    to: dayBound(params.get('to'), true),
    page,
    size: PAGE_SIZE,
  };
  const query = useAudit(filter);
  const headingId = useId();
  const filtered = [...TEXT_FILTERS, 'from', 'to'].some((name) => params.get(name));
  return (
    <>
      <PageHeader title={t('title')}>
        <p>{t('intro')}</p>
      </PageHeader>
      <Filters key={params.toString()} />
      <QueryView query={query}>
        {(data) => (
          <section aria-labelledby={headingId}>
            <h2 id={headingId}>{t('table.count', { count: data.total })}</h2>
            {data.items.length === 0 ? (
              <Empty>{filtered ? t('table.noneMatching') : t('table.none')}</Empty>
            ) : (
              <>
                <p className="audit__scroll-hint muted small">{t('table.scrollHint')}</p>
                <div className="audit__wrap">
                  <TableWrap label={t('table.caption')}>
                    <table className="table audit__table">
                      <caption className="visually-hidden">{t('table.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('table.when')}</th>
                          <th scope="col">{t('table.who')}</th>
                          <th scope="col">{t('table.what')}</th>
                          <th scope="col">{t('table.record')}</th>
                          <th scope="col" className="num">
                            {t('table.versions')}
                          </th>
                          <th scope="col">{t('table.note')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.items.map((entry) => (
                          <Row key={entry.id} entry={entry} />
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </div>
              </>
            )}
            <Pagination page={data.page} size={data.size} total={data.total} onPage={(next) => setFilter('page', String(next))} />
          </section>
        )}
      </QueryView>
    </>
  );
}
