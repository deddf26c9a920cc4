import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, QueryView } from '../../../components/ui/status';
import { TableWrap } from '../../../components/ui/table-wrap';
import { useSession } from '../../../lib/auth/session';
import { useCity } from '../../../lib/city/city';
import { pick, usePick } from '../../../lib/i18n/localized';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { useExchanges } from '../api/exchanges';
import { type Exchange, type ExchangeState, STATES } from '../api/types';
import { browserTimeZone, formatInstant, formatSlot } from '../time';
import { ExchangeStatistics } from './ExchangeStatistics';
import { StateBadge, StepLabel } from './parts';
import './exchanges.css';

const PAGE_SIZE = 20;

function When({ exchange }: { exchange: Exchange }) {
  const { t, i18n } = useTranslation('exchanges');
  if (exchange.agreedSlot) return <>{formatSlot(exchange.agreedSlot, i18n.language, browserTimeZone())}</>;
  if (exchange.proposedSlots.length > 0) return <span className="muted">{t('list.proposed', { count: exchange.proposedSlots.length })}</span>;
  return <span className="muted">{t('list.noDate')}</span>;
}

function Row({ exchange, cityId }: { exchange: Exchange; cityId: string | undefined }) {
  const { t, i18n } = useTranslation('exchanges');
  const asked = cityId === undefined || exchange.asking.cityId === cityId;
  const other = cityId === exchange.asking.cityId ? exchange.peer : cityId === exchange.peer.cityId ? exchange.asking : undefined;
  const name = (side: Exchange['asking']) => pick(side.name, i18n.language).text || side.cityId;
  const title = other
    ? t(asked ? 'list.askedOther' : 'list.askedBy', { city: name(other) })
    : t('list.between', { asking: name(exchange.asking), peer: name(exchange.peer) });
  return (
    <tr>
      <td>
        <Link to={`/exchanges/${encodeURIComponent(exchange.id)}`}>{title}</Link>
      </td>
      <td data-label={t('list.step')}>
        <StepLabel step={exchange.step} />
      </td>
      <td data-label={t('list.format')}>{t(`formats.${exchange.format}`)}</td>
      <td data-label={t('list.state')}>
        <StateBadge state={exchange.state} />
      </td>
      <td data-label={t('list.when')}>
        <When exchange={exchange} />
      </td>
      <td data-label={t('list.updated')}>{formatInstant(exchange.updatedAt, i18n.language)}</td>
    </tr>
  );
}

/**
 * /cities/:cityId/exchanges (a city's exchanges, asked and asked of it) and /exchanges (what the
 * reader may see: their city's, the ones they are invited to as an expert, or all for curators).
 */
export function ExchangesPage() {
  const { t } = useTranslation('exchanges');
  const pickText = usePick();
  const { cityId } = useParams();
  const session = useSession();
  const city = useCity(cityId);
  const { params, page, setFilter } = useFilterParams();
  const stateParam = params.get('state') ?? '';
  const state = (STATES as readonly string[]).includes(stateParam) ? (stateParam as ExchangeState) : undefined;
  const query = useExchanges({ cityId, state, page, size: PAGE_SIZE });
  const cityName = city.data ? pickText(city.data.name).text || city.data.id : cityId;
  const ownCity = !cityId || cityId === session.cityId;
  return (
    <div className="exchanges">
      <PageHeader title={cityName ? t('list.titleCity', { city: cityName }) : t('list.title')}>
        <p>{t('list.intro')}</p>
      </PageHeader>
      {!cityId && session.isCurator && <ExchangeStatistics />}
      <div className="exchanges__filters">
        <div className="field">
          <label htmlFor="exchanges-state">{t('list.filterState')}</label>
          <select id="exchanges-state" value={state ?? ''} onChange={(event) => setFilter('state', event.target.value)}>
            <option value="">{t('list.allStates')}</option>
            {STATES.map((entry) => (
              <option key={entry} value={entry}>
                {t(`states.${entry}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryView query={query} loadingLabel={t('list.loading')}>
        {(result) =>
          result.items.length === 0 ? (
            <Empty>{state ? t('list.noneInState') : ownCity && session.hasRole('city-editor') ? t('list.noneOwn') : t('list.none')}</Empty>
          ) : (
            <>
              <p className="muted" role="status">
                {t('list.count', { count: result.total })}
              </p>
              <TableWrap label={t('list.tableLabel')}>
                <table className="table exchanges__table">
                  <caption className="visually-hidden">{t('list.tableLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('list.exchange')}</th>
                      <th scope="col">{t('list.step')}</th>
                      <th scope="col">{t('list.format')}</th>
                      <th scope="col">{t('list.state')}</th>
                      <th scope="col">{t('list.when')}</th>
                      <th scope="col">{t('list.updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((exchange) => (
                      <Row key={exchange.id} exchange={exchange} cityId={cityId ?? session.cityId} />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination page={page} size={PAGE_SIZE} total={result.total} onPage={(next) => setFilter('page', String(next))} />
            </>
          )
        }
      </QueryView>
    </div>
  );
}
