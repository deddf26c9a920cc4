import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { pick } from '../../../lib/i18n/localized';
import { useExchange } from '../api/exchange';
import type { Exchange } from '../api/types';
import { formatInstant } from '../time';
import { Conversation } from './Conversation';
import { ExchangeActions } from './ExchangeActions';
import { Experts } from './Experts';
import { Outcome } from './Outcome';
import { StateBadge, StepLabel } from './parts';
import { Schedule } from './Schedule';
import './exchanges.css';

function Facts({ exchange }: { exchange: Exchange }) {
  const { t, i18n } = useTranslation('exchanges');
  const city = (side: Exchange['asking']) => (
    <Link to={`/cities/${encodeURIComponent(side.cityId)}`}>{pick(side.name, i18n.language).text || side.cityId}</Link>
  );
  const origin = exchange.origin;
  return (
    <section className="card" aria-labelledby="exchange-facts">
      <h2 id="exchange-facts">{t('detail.facts')}</h2>
      <dl className="facts">
        <dt>{t('detail.asking')}</dt>
        <dd>{city(exchange.asking)}</dd>
        <dt>{t('detail.peer')}</dt>
        <dd>{city(exchange.peer)}</dd>
        <dt>{t('detail.step')}</dt>
        <dd>
          <StepLabel step={exchange.step} />
        </dd>
        <dt>{t('detail.format')}</dt>
        <dd>{t(`formats.${exchange.format}`)}</dd>
        <dt>{t('detail.state')}</dt>
        <dd>
          <StateBadge state={exchange.state} />
        </dd>
        <dt>{t('detail.relation')}</dt>
        <dd>{t(`relations.${exchange.relation}`)}</dd>
        <dt>{t('detail.origin')}</dt>
        <dd>
          {origin.kind === 'CASE_STUDY' && origin.id ? (
            <Link to={`/case-studies/${encodeURIComponent(origin.id)}`}>{t('origins.CASE_STUDY')}</Link>
          ) : origin.kind === 'CLUSTER' && origin.id ? (
            <Link to={`/clusters/${encodeURIComponent(origin.id)}`}>{t('origins.CLUSTER')}</Link>
          ) : (
            t(`origins.${origin.kind}`)
          )}
        </dd>
        {exchange.caseStudyId && (
          <>
            <dt>{t('detail.caseStudy')}</dt>
            <dd>
              <Link to={`/case-studies/${encodeURIComponent(exchange.caseStudyId)}`}>{t('detail.openCaseStudy')}</Link>
            </dd>
          </>
        )}
        <dt>{t('detail.created')}</dt>
        <dd>{formatInstant(exchange.createdAt, i18n.language)}</dd>
        {exchange.declineReason && (
          <>
            <dt>{t('detail.declineReason')}</dt>
            <dd>{exchange.declineReason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ExchangeView({ exchange, onReload }: { exchange: Exchange; onReload: () => void }) {
  const { t, i18n } = useTranslation('exchanges');
  const session = useSession();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const asking = pick(exchange.asking.name, i18n.language).text || exchange.asking.cityId;
  const peer = pick(exchange.peer.name, i18n.language).text || exchange.peer.cityId;
  const ownCity = session.cityId && [exchange.asking.cityId, exchange.peer.cityId].includes(session.cityId) ? session.cityId : undefined;
  return (
    <article className="exchange">
      <PageHeader title={t('detail.title', { asking, peer })}>
        <p className="exchange__summary">
          <StateBadge state={exchange.state} /> <StepLabel step={exchange.step} />{' '}
          <span className="chip">{t(`formats.${exchange.format}`)}</span>
          {exchange.credited && <span className="chip exchange__credited">{t('detail.credited', { city: asking })}</span>}
        </p>
      </PageHeader>
      {created && (
        <p className="status status--ok" role="status">
          {t('detail.sent', { peer })}
        </p>
      )}
      <div className="exchange__layout">
        <div className="exchange__main">
          <ExchangeActions exchange={exchange} onReload={onReload} />
          <Schedule exchange={exchange} />
          <Outcome exchange={exchange} onReload={onReload} />
          <Conversation exchange={exchange} />
        </div>
        <aside className="exchange__side">
          <Facts exchange={exchange} />
          <Experts exchange={exchange} onReload={onReload} />
        </aside>
      </div>
      {ownCity && (
        <p>
          <Link to={`/cities/${encodeURIComponent(ownCity)}/exchanges`}>{t('detail.backToList')}</Link>
        </p>
      )}
    </article>
  );
}

/** /exchanges/:id: one exchange for its participants, invited experts, curators and admins (404 to anyone else). */
export function ExchangePage() {
  const { t } = useTranslation('exchanges');
  const { id = '' } = useParams();
  const query = useExchange(id);
  if (query.isPending) return <Loading label={t('detail.loading')} />;
  if (query.isError || !query.data) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <>
        <PageHeader title={notFound ? t('detail.notFound') : t('detail.failed')} />
        {notFound ? <p>{t('detail.notFoundHelp')}</p> : <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      </>
    );
  }
  return <ExchangeView exchange={query.data} onReload={() => void query.refetch()} />;
}
