import { useQueries } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { PageHeader, Pagination } from '../../../components/ui/page';
import { Empty, ErrorMessage, QueryView } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { characteristicName, formatDate, formatList } from '../../../lib/format/names';
import { Localized } from '../../../lib/i18n/localized';
import { useReference } from '../../../lib/reference/reference';
import { useAssignReview, useClaimReview } from '../api/review-actions';
import { REVIEW_TABS, type ReviewItem, type ReviewTab, useReviewQueue } from '../api/review-queue';
import { reviewersQuery } from '../api/reviewers';
import './review.css';
import { useFilterParams } from '../../../lib/routing/filter-params';

const PAGE_SIZE = 10;

/**
 * A curator picks an approved expert with expertise in one of the round's characteristics: the
 * first few by id, or those whose name starts with what is typed (thousands of experts are found
 * by name, never all listed).
 */
function AssignForm({ item, onDone }: { item: ReviewItem; onDone: (message: string) => void }) {
  const { t } = useTranslation('review');
  const id = useId();
  const [expertId, setExpertId] = useState(item.expertId ?? '');
  const [name, setName] = useState('');
  const [chosenName, setChosenName] = useState(item.expertName ?? '');
  const typed = useDeferredValue(name);
  const candidates = useQueries({
    queries: item.characteristics.map((characteristic) => reviewersQuery(characteristic, typed)),
    combine: (results) => {
      const byId = new Map<string, string>();
      results.forEach((result) => result.data?.items.forEach((expert) => byId.set(expert.id, expert.name)));
      const total = results.reduce((sum, result) => sum + (result.data?.total ?? 0), 0);
      return {
        experts: [...byId].sort((a, b) => a[1].localeCompare(b[1])),
        total,
        pending: results.some((r) => r.isPending),
      };
    },
  });
  // the chosen expert stays choosable while the name typed shows others
  const options =
    expertId && !candidates.experts.some(([candidate]) => candidate === expertId)
      ? [[expertId, chosenName || expertId] as [string, string], ...candidates.experts]
      : candidates.experts;
  const assign = useAssignReview();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!expertId) return;
    const chosen = options.find(([candidate]) => candidate === expertId)?.[1] ?? expertId;
    assign.mutate(
      { cityId: item.cityId, version: item.version, expertId },
      { onSuccess: () => onDone(t('assigned', { name: chosen })) },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('assign.label')}>
      <FormField id={`${id}-name`} label={t('assign.findByName')}>
        {(props) => (
          <input {...props} type="search" value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        )}
      </FormField>
      <FormField id={`${id}-expert`} label={t('assign.expert')}>
        {(props) => (
          <select
            {...props}
            value={expertId}
            onChange={(event) => {
              setExpertId(event.target.value);
              setChosenName(options.find(([candidate]) => candidate === event.target.value)?.[1] ?? '');
            }}
          >
            <option value="">{candidates.pending ? t('assign.loading') : t('assign.choose')}</option>
            {options.map(([candidate, label]) => (
              <option key={candidate} value={candidate}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {!candidates.pending && candidates.total > candidates.experts.length && (
        <p className="small" role="status">
          {t('assign.more', { shown: candidates.experts.length, total: candidates.total })}
        </p>
      )}
      {!candidates.pending && typed.trim() && candidates.experts.length === 0 && (
        <p className="small" role="status">
          {t('assign.none', { name: typed.trim() })}
        </p>
      )}
      <button type="submit" className="button" disabled={!expertId || assign.isPending}>
        {item.expertId ? t('assign.reassign') : t('assign.submit')}
      </button>
      {assign.isError && <ErrorMessage error={assign.error} />}
    </form>
  );
}

function ClaimButton({ item, onDone }: { item: ReviewItem; onDone: (message: string) => void }) {
  const { t } = useTranslation('review');
  const claim = useClaimReview();
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={claim.isPending}
        onClick={() => claim.mutate({ cityId: item.cityId, version: item.version }, { onSuccess: () => onDone(t('claimed')) })}
      >
        {t('claim')}
      </button>
      {claim.isError && <ErrorMessage error={claim.error} />}
    </div>
  );
}

function ReviewQueueItem({ item, onDone }: { item: ReviewItem; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('review');
  const session = useSession();
  const reference = useReference().data;
  const headingId = useId();
  const mine = Boolean(session.me?.expertId) && item.expertId === session.me?.expertId;
  const mayOpen = session.isCurator || mine;
  return (
    <li>
      <article className="card review-item" aria-labelledby={headingId}>
        <h2 id={headingId}>
          <Localized text={item.cityName} />
        </h2>
        <p className="review-item__meta">
          <span className="chip">{t(`statuses.${item.status}`)}</span>
          <span>{t('round', { round: item.round })}</span>
          <span>{t('submittedAt', { date: formatDate(item.submittedAt, i18n.language) })}</span>
          <span>{item.expertName ? t('reviewer', { name: item.expertName }) : t('noReviewer')}</span>
        </p>
        <p className="small">
          {t('characteristics', {
            list: formatList(
              item.characteristics.map((code) => characteristicName(reference, code, i18n.language)),
              i18n.language,
            ),
          })}
        </p>
        <div className="actions">
          {mayOpen && (
            <Link className="button button--secondary" to={`/review/${item.cityId}`}>
              {mine && item.status === 'ASSIGNED' ? t('openMine') : t('open')}
            </Link>
          )}
          {session.hasRole('expert') && item.status === 'SUBMITTED' && !item.expertId && (
            <ClaimButton item={item} onDone={onDone} />
          )}
        </div>
        {session.isCurator && item.status !== 'RETURNED' && <AssignForm item={item} onDone={onDone} />}
      </article>
    </li>
  );
}

function isTab(value: string | null): value is ReviewTab {
  return REVIEW_TABS.includes(value as ReviewTab);
}

/** The review queue: submitted self-assessments, for experts to take on and curators to assign. */
export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const session = useSession();
  const { params, page, setFilter } = useFilterParams();
  const tabs: readonly ReviewTab[] = session.isCurator
    ? ['waiting', 'assigned', 'returned']
    : ['waiting', 'mine'];
  const requested = params.get('tab');
  const tab: ReviewTab = isTab(requested) && tabs.includes(requested) ? requested : session.isCurator ? 'waiting' : 'mine';
  const query = useReviewQueue(tab, page, PAGE_SIZE);
  const [announcement, setAnnouncement] = useState('');

  return (
    <>
      <PageHeader title={t('queue.title')}>
        <p>{session.isCurator ? t('queue.introCurator') : t('queue.introExpert')}</p>
      </PageHeader>
      <nav aria-label={t('queue.tabs')}>
        <ul className="review-tabs">
          {tabs.map((name) => (
            <li key={name}>
              <Link to={`/review?tab=${name}`} aria-current={name === tab ? 'page' : undefined} onClick={() => setAnnouncement('')}>
                {t(`tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" aria-live="polite" className="review-announce">
        {announcement && <p className="status status--ok">{announcement}</p>}
      </div>
      <QueryView query={query}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <Empty>{t(`empty.${tab}`)}</Empty>
            ) : (
              <ul className="review-list" aria-label={t(`tabs.${tab}`)}>
                {data.items.map((item) => (
                  <ReviewQueueItem key={item.cityId} item={item} onDone={setAnnouncement} />
                ))}
              </ul>
            )}
            <Pagination
              page={data.page}
              size={data.size}
              total={data.total}
              onPage={(next) =>
                setFilter('page', String(next))
              }
            />
          </>
        )}
      </QueryView>
    </>
  );
}
