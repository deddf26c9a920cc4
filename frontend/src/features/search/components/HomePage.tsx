import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Pagination, useDocumentTitle } from '../../../components/ui/page';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { FACETS, type Facet, type SearchParams, useSearch } from '../api/search';
import { Facets } from './Facets';
import { Results } from './Results';
import { SearchBox } from './SearchBox';
import './search.css';

const PAGE_SIZE = 10;
const TYPES = ['', 'case-study', 'city'] as const;

/** Search state lives in the address, so a search can be bookmarked, shared and gone back to. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const filters: SearchParams['filters'] = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet);
    if (values.length) filters[facet] = values;
  }
  const state: SearchParams = {
    q: params.get('q') ?? '',
    filters,
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
    size: PAGE_SIZE,
  };
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  return { state, update };
}

export function HomePage() {
  const { t } = useTranslation('search');
  const { state, update } = useSearchState();
  const results = useSearch(state);
  const type = state.filters.type?.[0] ?? '';
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('common:app.name'), t('hero.title'));
  // like every page: after navigating here, focus starts at the heading
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  const search = (q: string) =>
    update((next) => {
      if (q) next.set('q', q);
      else next.delete('q');
      next.delete('page');
    });
  const toggle = (facet: Facet, key: string) =>
    update((next) => {
      const values = next.getAll(facet);
      next.delete(facet);
      (values.includes(key) ? values.filter((value) => value !== key) : [...values, key]).forEach((value) =>
        next.append(facet, value),
      );
      next.delete('page');
    });
  const setType = (value: string) =>
    update((next) => {
      next.delete('type');
      if (value) next.set('type', value);
      next.delete('page');
    });
  const clear = () =>
    update((next) => {
      FACETS.filter((facet) => facet !== 'type').forEach((facet) => next.delete(facet));
      next.delete('page');
    });

  return (
    <>
      <section className="hero">
        <h1 ref={heading} tabIndex={-1}>
          {t('hero.title')}
        </h1>
        <p className="lead">{t('hero.lead')}</p>
        <SearchBox initial={state.q} onSearch={search} />
        <a
          className="skip-results"
          href="#results-heading"
          onClick={(event) => {
            // Past the type tabs and the filters, straight to the results (keyboard users).
            event.preventDefault();
            const target = document.getElementById('results-heading');
            target?.focus();
          }}
        >
          {t('skipToResults')}
        </a>
      </section>
      <div className="type-tabs" role="group" aria-label={t('types.label')}>
        {TYPES.map((value) => (
          <button
            key={value || 'all'}
            type="button"
            className={`type-tab${type === value ? ' type-tab--active' : ''}`}
            aria-pressed={type === value}
            onClick={() => setType(value)}
          >
            {t(value ? `types.${value}` : 'types.all')}
          </button>
        ))}
      </div>
      <div className="search-layout">
        {results.data && <Facets facets={results.data.facets} selected={state.filters} onToggle={toggle} onClear={clear} />}
        <section aria-labelledby="results-heading" aria-busy={results.isFetching} className="search-layout__results">
          <h2 id="results-heading" className="results-heading" tabIndex={-1}>
            {results.data ? t('results.count', { count: results.data.total }) : t('results.heading')}
          </h2>
          {results.isPending ? (
            <Loading />
          ) : results.isError ? (
            <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />
          ) : results.data.hits.length === 0 ? (
            <Empty>{state.q ? t('results.noneFor', { q: state.q }) : t('results.none')}</Empty>
          ) : (
            <>
              <Results hits={results.data.hits} />
              <Pagination
                page={state.page}
                size={state.size}
                total={results.data.total}
                onPage={(page) => update((next) => next.set('page', String(page)))}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
