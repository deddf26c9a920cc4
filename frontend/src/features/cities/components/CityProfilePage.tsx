import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { countryName, formatDate, formatList, formatNumber, humanize, languageName, termName } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { useUnits } from '../../../lib/format/units';
import { ratedCharacteristics, useReference } from '../../../lib/reference/reference';
import type { City } from '../api/cities';
import { useCity } from '../../../lib/city/city';
import { MaturityRadar } from './MaturityRadar';
import { Roadmap } from './Roadmap';
import './cities.css';
import { TableWrap } from '../../../components/ui/table-wrap';

function Facts({ city }: { city: City }) {
  const { t, i18n } = useTranslation('cities');
  const language = i18n.language;
  // steps climbed after an exchange, and exchanges that helped another city climb (issue 14)
  const credits = city.exchangeCredits;
  return (
    <dl className="facts">
      <dt>{t('profile.country')}</dt>
      <dd>{countryName(city.country, language)}</dd>
      <dt>{t('profile.region')}</dt>
      <dd>{t(`common:regions.${city.region}`)}</dd>
      {city.administrativeLevel && (
        <>
          <dt>{t('profile.administrativeLevel')}</dt>
          <dd>{t(`administrativeLevels.${city.administrativeLevel}`, { defaultValue: humanize(city.administrativeLevel) })}</dd>
        </>
      )}
      {city.population !== undefined && (
        <>
          <dt>{t('profile.population')}</dt>
          <dd>{formatNumber(city.population, language)}</dd>
        </>
      )}
      {city.areaKm2 !== undefined && (
        <>
          <dt>{t('profile.area')}</dt>
          <dd>{t('profile.areaValue', { value: formatNumber(city.areaKm2, language, { maximumFractionDigits: 1 }) })}</dd>
        </>
      )}
      {city.languages.length > 0 && (
        <>
          <dt>{t('profile.languages')}</dt>
          <dd>{formatList(city.languages.map((code) => languageName(code, language)), language)}</dd>
        </>
      )}
      <dt>{t('profile.assessedAt')}</dt>
      <dd>{city.assessedAt ? formatDate(city.assessedAt, language) : t('profile.notAssessed')}</dd>
      {credits && credits.climbed + credits.helped > 0 && (
        <>
          <dt>{t('profile.exchangeCredits')}</dt>
          <dd>{t('profile.exchangeCreditsValue', { climbed: credits.climbed, helped: credits.helped })}</dd>
        </>
      )}
    </dl>
  );
}

function Contacts({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  if (city.contacts.length === 0) return <Empty>{t('profile.noContacts')}</Empty>;
  return (
    <ul className="list-plain stack">
      {city.contacts.map((contact, index) => (
        <li key={`${contact.name}-${index}`}>
          <strong>{contact.name}</strong>
          {contact.role && (
            <>
              {' · '}
              <Localized text={contact.role} />
            </>
          )}
          {contact.email && (
            <div>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </div>
          )}
          {contact.phone && (
            <div>
              <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function Kpis({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const units = useUnits();
  if (city.kpis.length === 0) return <Empty>{t('kpis.none')}</Empty>;
  return (
    <TableWrap label={t('kpis.title')}>
      <table className="table table--rows">
        <caption className="visually-hidden">{t('kpis.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpis.indicator')}</th>
            <th scope="col" className="num">
              {t('kpis.value')}
            </th>
            <th scope="col" className="num">
              {t('kpis.year')}
            </th>
            <th scope="col">{t('kpis.source')}</th>
          </tr>
        </thead>
        <tbody>
          {city.kpis.map((kpi, index) => (
            <tr key={`${kpi.indicatorCode ?? ''}-${index}`}>
              <th scope="row">
                <Localized text={kpi.name} />
                {kpi.indicatorCode && <div className="small muted">{kpi.indicatorCode}</div>}
              </th>
              <td className="num">{units.quantity(kpi.value, kpi.unit)}</td>
              <td className="num">{kpi.year}</td>
              <td>{kpi.source ? units.source(kpi.source) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Profile({ city }: { city: City }) {
  const { t, i18n } = useTranslation('cities');
  const session = useSession();
  const reference = useReference();
  const pickText = usePick();
  const picked = pickText(city.name);
  const name = picked.text || city.id;
  const characteristics = reference.data ? ratedCharacteristics(reference.data) : [];
  const canEdit = session.isCurator || (session.hasRole('city-editor') && session.cityId === city.id);
  return (
    <>
      <PageHeader title={name} content={picked}>
        <p>
          {countryName(city.country, i18n.language)} · {t(`common:regions.${city.region}`)}
        </p>
      </PageHeader>
      {city.demo && <p className="chip city-demo">{t('profile.demo')}</p>}
      {canEdit && (
        <nav className="actions city-actions" aria-label={t('profile.editorActions')}>
          <Link className="button" to={`/cities/${encodeURIComponent(city.id)}/assessment`}>
            {t('profile.selfAssessment')}
          </Link>
          <Link className="button button--secondary" to="/case-studies/new">
            {t('profile.newCaseStudy')}
          </Link>
          <Link className="button button--secondary" to={`/cities/${encodeURIComponent(city.id)}/edit`}>
            {t('profile.editProfile')}
          </Link>
          <Link className="button button--secondary" to={`/cities/${encodeURIComponent(city.id)}/progress`}>
            {t('profile.progress')}
          </Link>
        </nav>
      )}
      <div className="grid grid--2 city-profile__top">
        <section className="card" aria-labelledby="city-facts">
          <h2 id="city-facts">{t('profile.facts')}</h2>
          <Facts city={city} />
        </section>
        <section className="card" aria-labelledby="city-vision">
          <h2 id="city-vision">{t('profile.vision')}</h2>
          {Object.values(city.vision).some((text) => text?.trim()) ? (
            <Localized as="p" text={city.vision} />
          ) : (
            <Empty>{t('profile.noVision')}</Empty>
          )}
          <h3>{t('profile.interests')}</h3>
          {city.interests.length === 0 ? (
            <p className="muted">{t('profile.noInterests')}</p>
          ) : (
            <ul className="chips">
              {city.interests.map((code) => (
                <li key={code} className="chip">
                  {termName(reference.data, 'serviceDomains', code, i18n.language)}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('profile.contacts')}</h3>
          <Contacts city={city} />
        </section>
      </div>
      <section className="card city-section" aria-labelledby="city-kpis">
        <h2 id="city-kpis">{t('kpis.title')}</h2>
        <Kpis city={city} />
      </section>
      <section className="card city-section" aria-labelledby="city-maturity">
        <h2 id="city-maturity">{t('radar.title')}</h2>
        <QueryView query={reference}>
          {(data) => (
            <MaturityRadar cityName={name} levels={city.levels} characteristics={ratedCharacteristics(data)} reference={data} />
          )}
        </QueryView>
      </section>
      {reference.data && <Roadmap city={city} characteristics={characteristics} reference={reference.data} />}
    </>
  );
}

/** A city's profile: facts, vision, KPIs, its maturity radar and its staircase roadmap with peer matches. */
export function CityProfilePage() {
  const { t } = useTranslation('cities');
  const { id = '' } = useParams();
  const query = useCity(id);
  return (
    <div className="city-profile">
      {query.data ? (
        <Profile city={query.data} />
      ) : (
        <>
          <PageHeader title={t('profile.title')} />
          <QueryView query={query} loadingLabel={t('profile.loading')}>
            {() => null}
          </QueryView>
        </>
      )}
    </div>
  );
}
