import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { useSession } from '../../../lib/auth/session';
import { formatDate, formatList } from '../../../lib/format/names';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { CATEGORIES, type GlossaryEntry, isCategory, useGlossary } from '../api/glossary';
import { CategoryName } from './CategoryName';
import { DeleteTerm } from './DeleteTerm';
import './glossary.css';

const PAGE_SIZE = 20;

/** The search box and category filter, kept in the address. */
function Filters() {
  const { t } = useTranslation('glossary');
  const { params, setFilter } = useFilterParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const category = params.get('category') ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', text.trim());
  };
  return (
    <form className="glossary__filters" role="search" aria-label={t('filters.label')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="glossary-q">{t('filters.q')}</label>
        <div className="glossary__search">
          <input id="glossary-q" type="search" maxLength={60} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit" className="button">
            {t('filters.search')}
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor="glossary-category">{t('filters.category')}</label>
        <select id="glossary-category" value={category} onChange={(event) => setFilter('category', event.target.value)}>
          <option value="">{t('filters.anyCategory')}</option>
          {CATEGORIES.map((code) => (
            <option key={code} value={code}>
              {t(`categories.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Terms({ terms, lang }: { terms: string[]; lang: 'en' | 'zh-CN' }) {
  const { i18n } = useTranslation();
  const [first, ...others] = terms;
  return (
    <span lang={lang}>
      <strong>{first}</strong>
      {others.length > 0 && (
        <>
          <br />
          <span className="muted small">{formatList(others, i18n.language)}</span>
        </>
      )}
    </span>
  );
}

function TermRow({ entry, mayEdit, onDeleted }: { entry: GlossaryEntry; mayEdit: boolean; onDeleted: (term: string) => void }) {
  const { t, i18n } = useTranslation('glossary');
  const name = entry.en[0] ?? entry.zh[0] ?? entry.id;
  return (
    <tr>
      <td>
        <Terms terms={entry.en} lang="en" />
      </td>
      <td>
        <Terms terms={entry.zh} lang="zh-CN" />
      </td>
      <td>
        <CategoryName category={entry.category} code={entry.code} />
      </td>
      <td className="small">{t('list.changedBy', { date: formatDate(entry.updatedAt, i18n.language), by: entry.updatedBy })}</td>
      {mayEdit && (
        <td>
          <div className="glossary__actions">
            <Link
              className="button button--secondary"
              to={`/glossary/${encodeURIComponent(entry.id)}/edit`}
              aria-label={t('actions.editTerm', { term: name })}
            >
              {t('actions.edit')}
            </Link>
            <DeleteTerm id={entry.id} term={name} onDeleted={() => onDeleted(name)} />
          </div>
        </td>
      )}
    </tr>
  );
}

/** The glossary: anyone may read it; curators and administrators add, edit and delete terms. */
export function GlossaryPage() {
  const { t } = useTranslation('glossary');
  const session = useSession();
  const location = useLocation();
  const { params, page, setFilter } = useFilterParams();
  const q = params.get('q') ?? '';
  const categoryParam = params.get('category');
  const category = isCategory(categoryParam) ? categoryParam : undefined;
  const query = useGlossary({ q, category, page, size: PAGE_SIZE });
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [announcement, setAnnouncement] = useState(saved ? t('actions.saved', { term: saved }) : '');
  const captionId = useId();
  const mayEdit = session.isCurator;

  return (
    <>
      <PageHeader title={t('title')}>
        <p>{t('intro')}</p>
        {mayEdit ? (
          <p>
            <Link className="button" to="/glossary/new">
              {t('add')}
            </Link>
          </p>
        ) : (
          <p className="muted small">{t('readOnly')}</p>
        )}
      </PageHeader>
      <div role="status" aria-live="polite">
        {announcement && <p className="status status--ok">{announcement}</p>}
      </div>
      {/* a new search starts with what the address says, e.g. after going back */}
      <Filters key={`${q}|${category ?? ''}`} />
      <QueryView query={query}>
        {(data) => (
          <section aria-labelledby={captionId}>
            <h2 id={captionId} className="glossary__count">
              {t('list.count', { count: data.total })}
            </h2>
            {data.items.length === 0 ? (
              <Empty>{q || category ? t('list.none') : t('list.noneAtAll')}</Empty>
            ) : (
              <TableWrap label={t('list.caption')}>
                <table className="table glossary__table">
                  <caption className="visually-hidden">{t('list.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.en')}</th>
                      <th scope="col">{t('list.zh')}</th>
                      <th scope="col">{t('list.category')}</th>
                      <th scope="col">{t('list.changed')}</th>
                      {mayEdit && <th scope="col">{t('list.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((entry) => (
                      <TermRow
                        key={entry.id}
                        entry={entry}
                        mayEdit={mayEdit}
                        onDeleted={(term) => setAnnouncement(t('actions.deleted', { term }))}
                      />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <Pagination page={data.page} size={data.size} total={data.total} onPage={(next) => setFilter('page', String(next))} />
          </section>
        )}
      </QueryView>
    </>
  );
}
