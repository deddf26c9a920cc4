import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page';
import { Empty, Loading, QueryView } from '../../../components/ui/status';
import { isApiError } from '../../../lib/api/problem';
import { useSession } from '../../../lib/auth/session';
import { characteristicName, formatDate, formatList, formatNumber } from '../../../lib/format/names';
import { langTag, Localized, pick, usePick } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import { useCluster } from '../api/cluster';
import type { Cluster } from '../api/clusters';
import { useLinkedCaseStudies, useLinkedExperts } from '../api/linked';
import { ClusterActions } from './ClusterActions';
import { ClusterStatusBadge } from './ClusterStatusBadge';
import './clusters.css';
import { ServiceDomainChips } from '../../../components/ui/service-domains';

/** The exchanges feature's request form, started from this cluster: members may ask each other about any step. */
function askPath(cluster: Cluster, peerCityId: string) {
  const params = new URLSearchParams({ peer: peerCityId, origin: 'CLUSTER', originId: cluster.id });
  const characteristic = cluster.topic.characteristics[0];
  if (characteristic) params.set('characteristic', characteristic);
  return `/exchanges/new?${params.toString()}`;
}

function Members({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation('clusters');
  const session = useSession();
  const ownCity = session.hasRole('city-editor') ? session.cityId : undefined;
  const mayAsk = cluster.status === 'ACTIVE' && Boolean(ownCity) && cluster.members.some((member) => member.cityId === ownCity);
  const members = [...cluster.members].sort((a, b) => (a.role === b.role ? 0 : a.role === 'LEAD' ? -1 : 1));
  return (
    <section className="card" aria-labelledby="cluster-members">
      <h2 id="cluster-members">{t('detail.members')}</h2>
      {members.length === 0 ? (
        <Empty>{t('detail.noMembers')}</Empty>
      ) : (
        <ul className="list-plain member-list">
          {members.map((member) => (
            <li key={member.cityId}>
              <Link to={`/cities/${encodeURIComponent(member.cityId)}`}>
                <Localized text={member.name} />
              </Link>
              <span className={member.role === 'LEAD' ? 'chip' : 'muted small'}>{t(`roles.${member.role}`)}</span>
              <span className="muted small">{t('detail.joined', { date: formatDate(member.joinedAt, i18n.language) })}</span>
              {mayAsk && member.cityId !== ownCity && (
                <Link
                  className="small"
                  to={askPath(cluster, member.cityId)}
                  aria-label={t('detail.askLabel', { city: pick(member.name, i18n.language).text || member.cityId })}
                >
                  {t('detail.ask')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('detail.invited')}</h3>
      {cluster.invited.length === 0 ? (
        <p className="muted">{t('detail.noInvited')}</p>
      ) : (
        <ul className="list-plain member-list">
          {cluster.invited.map((invitation) => (
            <li key={invitation.cityId}>
              <Link to={`/cities/${encodeURIComponent(invitation.cityId)}`}>
                <Localized text={invitation.name} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Topics({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation('clusters');
  const reference = useReference().data;
  const { characteristics, serviceDomains, keywords } = cluster.topic;
  const none = !characteristics.length && !serviceDomains.length && !keywords.length;
  return (
    <section className="card" aria-labelledby="cluster-topics">
      <h2 id="cluster-topics">{t('detail.topics')}</h2>
      {none ? (
        <p className="muted">{t('detail.noTopics')}</p>
      ) : (
        <dl className="facts">
          {serviceDomains.length > 0 && (
            <>
              <dt>{t('detail.domains')}</dt>
              <dd>
                <ServiceDomainChips codes={serviceDomains} />
              </dd>
            </>
          )}
          {characteristics.length > 0 && (
            <>
              <dt>{t('detail.characteristics')}</dt>
              <dd>{formatList(characteristics.map((code) => characteristicName(reference, code, i18n.language)), i18n.language)}</dd>
            </>
          )}
          {keywords.length > 0 && (
            <>
              <dt>{t('detail.keywords')}</dt>
              <dd>{formatList(keywords, i18n.language)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function LinkedCaseStudies({ ids }: { ids: string[] }) {
  const { t } = useTranslation('clusters');
  const queries = useLinkedCaseStudies(ids);
  return (
    <section className="card" aria-labelledby="cluster-case-studies">
      <h2 id="cluster-case-studies">{t('detail.caseStudies')}</h2>
      {ids.length === 0 ? (
        <p className="muted">{t('detail.noCaseStudies')}</p>
      ) : (
        <ul className="list-plain member-list">
          {ids.map((id, index) => {
            const study = queries[index]?.data;
            return (
              <li key={id}>
                <Link to={`/case-studies/${encodeURIComponent(id)}`}>{study ? <Localized text={study.title} /> : id}</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function LinkedExperts({ ids }: { ids: string[] }) {
  const { t } = useTranslation('clusters');
  const queries = useLinkedExperts(ids);
  return (
    <section className="card" aria-labelledby="cluster-experts">
      <h2 id="cluster-experts">{t('detail.experts')}</h2>
      {ids.length === 0 ? (
        <p className="muted">{t('detail.noExperts')}</p>
      ) : (
        <ul className="list-plain member-list">
          {ids.map((id, index) => {
            const expert = queries[index]?.data;
            return (
              <li key={id}>
                <Link to={`/experts?focus=${encodeURIComponent(id)}`}>{expert?.name ?? id}</Link>
                {expert && (
                  <span className="muted small">
                    <Localized text={expert.affiliation} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Origin({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation('clusters');
  const { origin } = cluster;
  return (
    <section className="card" aria-labelledby="cluster-origin">
      <h2 id="cluster-origin">{t('detail.origin')}</h2>
      <p>{t(`detail.originKind.${origin.kind}`, { by: origin.by })}</p>
      {origin.score !== undefined && (
        <p className="muted small">
          {t('detail.score', { value: formatNumber(origin.score, i18n.language, { style: 'percent' }) })}
        </p>
      )}
      {origin.reasons.length > 0 && (
        <ul className="suggestion__reasons">
          {origin.reasons.map((reason, index) => (
            <li key={index}>
              <Localized text={reason} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClusterView({ cluster }: { cluster: Cluster }) {
  const { t, i18n } = useTranslation('clusters');
  const picked = pick(cluster.name, i18n.language);
  const title = picked.text;
  const purpose = usePick()(cluster.purpose);
  return (
    <article aria-labelledby="cluster-title-text">
      <PageHeader title={title} content={picked}>
        <p>
          <span id="cluster-title-text" className="visually-hidden" lang={langTag(picked.lang)}>
            {title}
          </span>
          <ClusterStatusBadge status={cluster.status} />
        </p>
      </PageHeader>
      {cluster.status === 'PROPOSED' && <p className="status status--empty">{t('detail.proposedNote')}</p>}
      <div className="cluster__layout">
        <div>
          {purpose.text && (
            <section aria-labelledby="cluster-purpose">
              <h2 id="cluster-purpose">{t('detail.purpose')}</h2>
              <Localized as="p" text={cluster.purpose} />
            </section>
          )}
          <ClusterActions cluster={cluster} />
          <EditClusterLink cluster={cluster} />
          <Members cluster={cluster} />
          <LinkedCaseStudies ids={cluster.caseStudyIds} />
          <LinkedExperts ids={cluster.expertIds} />
        </div>
        <div>
          <section className="card" aria-labelledby="cluster-facts">
            <h2 id="cluster-facts">{t('detail.facts')}</h2>
            <dl className="facts">
              <dt>{t('detail.status')}</dt>
              <dd>{t(`statuses.${cluster.status}`)}</dd>
              <dt>{t('detail.created')}</dt>
              <dd>{formatDate(cluster.createdAt, i18n.language)}</dd>
              <dt>{t('detail.updated')}</dt>
              <dd>{formatDate(cluster.updatedAt, i18n.language)}</dd>
            </dl>
          </section>
          <Topics cluster={cluster} />
          <Origin cluster={cluster} />
        </div>
      </div>
      <p>
        <Link to="/clusters">{t('detail.backToList')}</Link>
      </p>
    </article>
  );
}

function ClusterNotFound() {
  const { t } = useTranslation('clusters');
  const session = useSession();
  return (
    <>
      <PageHeader title={t('detail.notFound')} />
      <p>{t('detail.notFoundHelp')}</p>
      {!session.isAuthenticated && (
        <p>
          {t('detail.notFoundSignIn')}{' '}
          <button type="button" className="button" onClick={() => void session.signIn()}>
            {t('common:auth.signIn')}
          </button>
        </p>
      )}
      <p>
        <Link to="/clusters">{t('detail.backToList')}</Link>
      </p>
    </>
  );
}

/** Curators and the lead city's editors edit an open cluster and who is invited. */
function EditClusterLink({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation('clusters');
  const session = useSession();
  const leadCityId = cluster.members.find((member) => member.role === 'LEAD')?.cityId;
  const mayEdit =
    cluster.status !== 'CLOSED' &&
    (session.isCurator || (session.hasRole('city-editor') && Boolean(session.cityId) && session.cityId === leadCityId));
  if (!mayEdit) return null;
  return (
    <p>
      <Link className="button button--secondary" to={`/clusters/${encodeURIComponent(cluster.id)}/edit`}>
        {t('detail.edit')}
      </Link>
    </p>
  );
}

export function ClusterPage() {
  const { id = '' } = useParams();
  const query = useCluster(id);
  const session = useSession();
  if (query.isError && isApiError(query.error) && query.error.status === 404) {
    // a proposed cluster answers 404 until the session is known; wait for it before concluding
    if (session.isLoading) return <Loading />;
    return <ClusterNotFound />;
  }
  return <QueryView query={query}>{(cluster) => <ClusterView cluster={cluster} />}</QueryView>;
}
