import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, QueryView } from '../../../components/ui/status';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { characteristicName, countryName } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { LEVELS, ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import { type City, type CityFilters, useCities } from '../api/cities';
import { LevelStrip } from './LevelStrip';
import './cities.css';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { ServiceDomainOptions } from '../../../components/ui/service-domains';

const PAGE_SIZE = 12;
const REGIONS = ['EU', 'CHINA'] as const;
const FILTER_LEVELS = [...LEVELS, 'NOT_ASSESSED'] as const;
type FilterName = 'region' | 'interest' | 'characteristic' | 'level';

function useFilters() {
  const { params, setParams, page, setFilter } = useFilterParams();
  const value = (name: FilterName) => params.get(name) ?? '';
  const characteristic = value('characteristic');
  const level = value('level');
  const filters: CityFilters = {
    page,
    size: PAGE_SIZE,
    ...(value('region') && { region: value('region') as CityFilters['region'] }),
    ...(value('interest') && { interest: value('interest') as CityFilters['interest'] }),
    // the API filters by level only with both: one alone would be answered with 400
    ...(characteristic &&
      level && {
        characteristic: characteristic as CityFilters['characteristic'],
        level: level as CityFilters['level'],
      }),
  };
  const set = (name: FilterName | 'page', next: string) => setFilter(name, next);
  const clear = () => setParams(new URLSearchParams());
  const active = (['region', 'interest', 'characteristic', 'level'] as const).some((name) => value(name));
  return { value, page, filters, set, clear, active };
}

function Filters({ state }: { state: ReturnType<typeof useFilters> }) {
  const { t, i18n } = useTranslation('cities');
  const reference = useReference().data;
  const id = useId();
  const characteristics = reference ? ratedCharacteristics(reference) : [];
  const halfLevelFilter = Boolean(state.value('characteristic')) !== Boolean(state.value('level'));
  return (
    <form className="card city-filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="city-filters__grid">
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('filters.region')}</label>
          <select id={`${id}-region`} value={state.value('region')} onChange={(event) => state.set('region', event.target.value)}>
            <option value="">{t('filters.allRegions')}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t(`common:regions.${region}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-interest`}>{t('filters.interest')}</label>
          <select id={`${id}-interest`} value={state.value('interest')} onChange={(event) => state.set('interest', event.target.value)}>
            <option value="">{t('filters.allInterests')}</option>
            <ServiceDomainOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-characteristic`}>{t('filters.characteristic')}</label>
          <select
            id={`${id}-characteristic`}
            value={state.value('characteristic')}
            aria-describedby={`${id}-level-hint`}
            onChange={(event) => state.set('characteristic', event.target.value)}
          >
            <option value="">{t('filters.anyCharacteristic')}</option>
            {characteristics.map((characteristic) => (
              <option key={characteristic.code} value={characteristic.code}>
                {characteristicName(reference, characteristic.code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('filters.level')}</label>
          <select
            id={`${id}-level`}
            value={state.value('level')}
            aria-describedby={`${id}-level-hint`}
            onChange={(event) => state.set('level', event.target.value)}
          >
            <option value="">{t('filters.anyLevel')}</option>
            {FILTER_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`common:levels.${level}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-level-hint`} className={`field__hint${halfLevelFilter ? ' city-filters__warning' : ''}`}>
        {halfLevelFilter ? t('filters.levelIncomplete') : t('filters.levelHint')}
      </p>
      {state.active && (
        <button type="button" className="button button--secondary" onClick={state.clear}>
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}

function CityCard({ city }: { city: City }) {
  const { t, i18n } = useTranslation('cities');
  const reference = useReference().data;
  const characteristics = reference ? ratedCharacteristics(reference) : [];
  const assessed = characteristics.filter((entry) => {
    const level = city.levels[entry.code];
    return level && level !== 'NOT_ASSESSED';
  }).length;
  return (
    <li className="card city-card">
      <h3 className="city-card__name">
        <Link to={`/cities/${encodeURIComponent(city.id)}`}>
          <Localized text={city.name} />
        </Link>
      </h3>
      <p className="city-card__place muted">
        {countryName(city.country, i18n.language)} · {t(`common:regions.${city.region}`)}
      </p>
      {characteristics.length > 0 && (
        <>
          <LevelStrip levels={city.levels} characteristics={characteristics} reference={reference} />
          <p className="small muted city-card__assessed">
            {t('card.assessed', { count: assessed, total: characteristics.length })}
          </p>
        </>
      )}
    </li>
  );
}

function Legend() {
  const { t, i18n } = useTranslation('cities');
  const reference = useReference().data;
  if (!reference) return null;
  const characteristics = ratedCharacteristics(reference);
  return (
    <details className="city-legend small">
      <summary>{t('legend.summary')}</summary>
      <p>{t('legend.text')}</p>
      <ol>
        {characteristics.map((characteristic) => (
          <li key={characteristic.code}>{characteristicName(reference, characteristic.code, i18n.language)}</li>
        ))}
      </ol>
      <ul className="list-plain city-legend__levels">
        {LEVELS.map((level, index) => (
          <li key={level}>
            <span className={`level-strip__cell level-strip__cell--${index}`} aria-hidden="true">
              {index}
            </span>{' '}
            {t(`common:levels.${level}`)}
          </li>
        ))}
        <li>
          <span className="level-strip__cell level-strip__cell--none" aria-hidden="true">
            –
          </span>{' '}
          {t('common:levels.NOT_ASSESSED')}
        </li>
      </ul>
    </details>
  );
}

/** The cities directory: filter by region, interest and level in a characteristic; open a profile. */
export function CitiesPage() {
  const { t } = useTranslation('cities');
  const state = useFilters();
  const query = useCities(state.filters);
  return (
    <div className="cities-page">
      <PageHeader title={t('list.title')}>
        <p>{t('list.lead')}</p>
      </PageHeader>
      <Filters state={state} />
      <QueryView query={query} loadingLabel={t('list.loading')}>
        {(page) => (
          <section aria-labelledby="city-results" aria-busy={query.isFetching}>
            <h2 id="city-results">{t('list.count', { count: page.total })}</h2>
            {page.items.length === 0 ? (
              <Empty>{state.active ? t('list.emptyFiltered') : t('list.empty')}</Empty>
            ) : (
              <>
                <Legend />
                <ul className="grid grid--3 list-plain city-list">
                  {page.items.map((city) => (
                    <CityCard key={city.id} city={city} />
                  ))}
                </ul>
              </>
            )}
            <Pagination page={page.page} size={page.size} total={page.total} onPage={(next) => state.set('page', String(next))} />
          </section>
        )}
      </QueryView>
    </div>
  );
}
