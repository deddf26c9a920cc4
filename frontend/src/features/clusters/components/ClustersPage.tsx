import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { formatDate, formatNumber } from '../../../lib/format/names';
import { Localized, usePick } from '../../../lib/i18n/localized';
import { useAcceptSuggestion } from '../api/accept-suggestion';
import { CLUSTER_STATUSES, type Cluster, type ClusterStatus, type ServiceDomain, useClusters } from '../api/clusters';
import { type ClusterSuggestionItem, useClusterSuggestions } from '../api/suggestions';
import { ClusterStatusBadge } from './ClusterStatusBadge';
import './clusters.css';
import { useFilterParams } from '../../../lib/routing/filter-params';
import { ServiceDomainOptions } from '../../../components/ui/service-domains';

const PAGE_SIZE = 12;
const SUGGESTION_PAGE_SIZE = 6;

function ClusterCard({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation('clusters');
  const pick = usePick();
  const lead = cluster.members.find((member) => member.role === 'LEAD');
  const headingId = useId();
  return (
    <li>
      <article className="card cluster-card" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link to={`/clusters/${encodeURIComponent(cluster.id)}`}>
            <Localized text={cluster.name} />
          </Link>
        </h3>
        <p className="cluster-card__meta">
          <ClusterStatusBadge status={cluster.status} />
          <span>{t('list.members', { count: cluster.members.length })}</span>
          {lead && (
            <span>
              <Trans t={t} i18nKey="list.lead" components={{ city: <Localized text={lead.name} /> }} />
            </span>
          )}
        </p>
        {pick(cluster.purpose).text && <Localized as="p" text={cluster.purpose} />}
      </article>
    </li>
  );
}

function ClusterList() {
  const { t } = useTranslation('clusters');
  const session = useSession();
  const { params, page, setFilter: update } = useFilterParams();
  const status = (params.get('status') ?? '') as ClusterStatus | '';
  const serviceDomain = (params.get('domain') ?? '') as ServiceDomain | '';
  const mine = params.get('mine') === '1' && Boolean(session.cityId);
  const query = useClusters({
    status: status || undefined,
    serviceDomain: serviceDomain || undefined,
    cityId: mine ? session.cityId : undefined,
    page,
    size: PAGE_SIZE,
  });
  const filtered = Boolean(status || serviceDomain || mine);


  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading" className="visually-hidden">
        {t('list.heading')}
      </h2>
      <form className="clusters__filters" aria-label={t('list.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="cluster-status">{t('list.status')}</label>
          <select id="cluster-status" value={status} onChange={(event) => update('status', event.target.value)}>
            <option value="">{t('list.anyStatus')}</option>
            {CLUSTER_STATUSES.map((code) => (
              <option key={code} value={code}>
                {t(`statuses.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cluster-domain">{t('list.domain')}</label>
          <select id="cluster-domain" value={serviceDomain} onChange={(event) => update('domain', event.target.value)}>
            <option value="">{t('list.anyDomain')}</option>
            <ServiceDomainOptions />
          </select>
        </div>
        {session.cityId && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={mine}
              onChange={(event: ChangeEvent<HTMLInputElement>) => update('mine', event.target.checked ? '1' : '')}
            />
            {t('list.mine')}
          </label>
        )}
      </form>
      <QueryView query={query}>
        {(data) => (
          <>
            <p role="status" className="muted">
              {t('list.count', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <Empty>{filtered ? t('list.none') : t('list.noneAtAll')}</Empty>
            ) : (
              <ul className="cluster-list grid grid--2">
                {data.items.map((cluster) => (
                  <ClusterCard key={cluster.id} cluster={cluster} />
                ))}
              </ul>
            )}
            <Pagination page={data.page} size={data.size} total={data.total} onPage={(next) => update('page', String(next))} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function AcceptSuggestion({ item }: { item: ClusterSuggestionItem }) {
  const { t } = useTranslation('clusters');
  const pick = usePick();
  const session = useSession();
  const navigate = useNavigate();
  const accept = useAcceptSuggestion();
  const { suggestion } = item;
  const selectId = useId();
  const hintId = useId();
  const ownCityIsMember = Boolean(session.cityId && suggestion.members.some((member) => member.cityId === session.cityId));
  const mayAccept = session.isCurator || (session.hasRole('city-editor') && ownCityIsMember);
  const [lead, setLead] = useState(suggestion.members[0]?.cityId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [unticked, setUnticked] = useState<string[]>([]);

  if (item.existingClusterId) {
    return (
      <p className="status status--ok">
        {t('suggestions.existing')}{' '}
        <Link to={`/clusters/${encodeURIComponent(item.existingClusterId)}`}>{t('suggestions.viewExisting')}</Link>
      </p>
    );
  }
  if (!session.isAuthenticated) return <p className="muted small">{t('suggestions.signInToAccept')}</p>;
  if (!mayAccept) return <p className="muted small">{t('suggestions.whoMayAccept')}</p>;

  // a city editor's own city leads; a curator picks the lead
  const leadCityId = session.isCurator && !ownCityIsMember ? lead : session.cityId;
  return (
    <>
      {!confirming && (
        <div className="suggestion__accept">
          {session.isCurator && !ownCityIsMember && (
            <div className="field">
              <label htmlFor={selectId}>{t('suggestions.lead')}</label>
              <select id={selectId} value={lead} aria-describedby={hintId} onChange={(event) => setLead(event.target.value)}>
                {suggestion.members.map((member) => (
                  <option key={member.cityId} value={member.cityId}>
                    {pick(member.name).text}
                  </option>
                ))}
              </select>
              <span id={hintId} className="field__hint">
                {t('suggestions.leadHint')}
              </span>
            </div>
          )}
          <button
            type="button"
            className="button"
            onClick={() => {
              setUnticked([]);
              setConfirming(true);
            }}
          >
            {t('suggestions.accept')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmInvitees
          item={item}
          leadCityId={leadCityId}
          unticked={unticked}
          onToggle={(cityId, on) =>
            setUnticked((current) => (on ? current.filter((id) => id !== cityId) : [...current, cityId]))
          }
          pending={accept.isPending}
          onCancel={() => {
            accept.reset();
            setConfirming(false);
          }}
          onConfirm={() =>
            accept.mutate(
              {
                suggestionId: suggestion.id,
                leadCityId,
                invitedCityIds: suggestion.members
                  .map((member) => member.cityId)
                  .filter((cityId) => cityId !== leadCityId && !unticked.includes(cityId)),
              },
              { onSuccess: (cluster) => void navigate(`/clusters/${encodeURIComponent(cluster.id)}`) },
            )
          }
        />
      )}
      {accept.isError && <ErrorMessage error={accept.error} />}
    </>
  );
}

/** Before a suggestion is proposed: every city it would invite, ticked; the user unticks any to leave out. */
function ConfirmInvitees({
  item,
  leadCityId,
  unticked,
  onToggle,
  pending,
  onCancel,
  onConfirm,
}: {
  item: ClusterSuggestionItem;
  leadCityId: string | undefined;
  unticked: string[];
  onToggle: (cityId: string, on: boolean) => void;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('clusters');
  const pick = usePick();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const lead = item.suggestion.members.find((member) => member.cityId === leadCityId);
  const invitees = item.suggestion.members.filter((member) => member.cityId !== leadCityId);
  const chosen = invitees.filter((member) => !unticked.includes(member.cityId)).length;
  return (
    <div
      className="suggestion__confirm"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {t('confirm.confirmTitle')}
      </h4>
      <p>{t('confirm.confirmIntro')}</p>
      {lead && <p>{t('confirm.lead', { city: pick(lead.name).text })}</p>}
      <ul className="suggestion__invitees">
        {invitees.map((member) => (
          <li key={member.cityId}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={!unticked.includes(member.cityId)}
                onChange={(event) => onToggle(member.cityId, event.target.checked)}
              />
              {pick(member.name).text}
            </label>
          </li>
        ))}
      </ul>
      <p role="status">{t('confirm.chosen', { count: chosen })}</p>
      <div className="suggestion__accept">
        <button type="button" className="button" disabled={pending} onClick={onConfirm}>
          {pending ? t('suggestions.accepting') : t('confirm.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </div>
  );
}

function SuggestionCard({ item }: { item: ClusterSuggestionItem }) {
  const { t, i18n } = useTranslation('clusters');
  const pick = usePick();
  const { suggestion } = item;
  const headingId = useId();
  const topics = suggestion.sharedTopics
    .slice(0, 2)
    .map((topic) => pick(topic.name).text)
    .join(i18n.language.startsWith('zh') ? '、' : ', ');
  return (
    <li>
      <article className="card suggestion" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('suggestions.title', { topics })}</h3>
        <dl className="facts">
          <dt>{t('suggestions.members')}</dt>
          <dd>
            <ul className="suggestion__cities">
              {suggestion.members.map((member) => (
                <li key={member.cityId}>
                  <Link to={`/cities/${encodeURIComponent(member.cityId)}`}>
                    <Localized text={member.name} />
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('suggestions.topics')}</dt>
          <dd>
            <ul className="chips">
              {suggestion.sharedTopics.map((topic) => (
                <li key={`${topic.kind}-${topic.code}`} className={topic.kind === 'TECHNOLOGY' ? 'chip chip--tech' : 'chip'}>
                  {t('suggestions.topicCount', { name: pick(topic.name).text, count: topic.cities })}
                  {topic.kind === 'TECHNOLOGY' && <span className="visually-hidden"> ({t('suggestions.technology')})</span>}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('suggestions.cohesion')}</dt>
          <dd>
            {t('suggestions.cohesionValue', { value: formatNumber(suggestion.cohesion, i18n.language, { style: 'percent' }) })}
          </dd>
        </dl>
        <h4 className="suggestion__why">{t('suggestions.why')}</h4>
        <ul className="suggestion__reasons">
          {suggestion.reasons.map((reason, index) => (
            <li key={index}>
              <Localized text={reason} />
            </li>
          ))}
        </ul>
        <AcceptSuggestion item={item} />
      </article>
    </li>
  );
}

function Suggestions() {
  const { t, i18n } = useTranslation('clusters');
  const [page, setPage] = useState(0);
  const query = useClusterSuggestions(page, SUGGESTION_PAGE_SIZE);
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('suggestions.heading')}</h2>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('suggestions.none')}</Empty>
          ) : (
            <>
              <p className="muted">
                {t('suggestions.intro', { date: formatDate(data.computedAt, i18n.language), cities: data.cities })}
              </p>
              <ul className="suggestion-list grid grid--2">
                {data.items.map((item) => (
                  <SuggestionCard key={item.suggestion.id} item={item} />
                ))}
              </ul>
              <Pagination page={data.page} size={data.size} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

/** Curators set up a cluster by hand. */
function ProposeByHand() {
  const { t } = useTranslation('clusters');
  const session = useSession();
  if (!session.isCurator) return null;
  return (
    <p>
      <Link className="button button--secondary" to="/clusters/new">
        {t('list.proposeByHand')}
      </Link>
    </p>
  );
}

export function ClustersPage() {
  const { t } = useTranslation('clusters');
  return (
    <>
      <PageHeader title={t('list.title')}>
        <p>{t('list.intro')}</p>
        <ProposeByHand />
      </PageHeader>
      <ClusterList />
      <Suggestions />
    </>
  );
}
