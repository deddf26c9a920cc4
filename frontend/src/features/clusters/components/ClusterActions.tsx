import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/status';
import { useSession } from '../../../lib/auth/session';
import { useApproveCluster } from '../api/approve-cluster';
import { useCloseCluster } from '../api/close-cluster';
import type { Cluster } from '../api/clusters';
import { useJoinCluster } from '../api/join-cluster';
import { useLeaveCluster } from '../api/leave-cluster';

type Pending = 'leave' | 'decline' | 'close' | null;

/**
 * Join/leave for a city editor's own city, approve for curators, close for the lead city's editors
 * and curators. Destructive steps ask first; results are announced; problems show their detail.
 */
export function ClusterActions({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation('clusters');
  const session = useSession();
  const join = useJoinCluster();
  const leave = useLeaveCluster();
  const approve = useApproveCluster();
  const close = useCloseCluster();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const cityId = session.hasRole('city-editor') ? session.cityId : undefined;
  const ownMembership = cityId ? cluster.members.find((member) => member.cityId === cityId) : undefined;
  const ownInvitation = cityId ? cluster.invited.some((invitation) => invitation.cityId === cityId) : false;
  const open = cluster.status !== 'CLOSED';
  const mayJoin = Boolean(cityId) && !ownMembership && open && (cluster.status === 'ACTIVE' || ownInvitation);
  const mayLeave = Boolean(ownMembership) && open;
  const mayDecline = !ownMembership && ownInvitation && open;
  const mayApprove = session.isCurator && cluster.status === 'PROPOSED';
  const leadCityId = cluster.members.find((member) => member.role === 'LEAD')?.cityId;
  const mayClose = open && (session.isCurator || (Boolean(cityId) && cityId === leadCityId));
  const busy = join.isPending || leave.isPending || approve.isPending || close.isPending;

  const run = <T,>(mutate: (options: { onSuccess: () => void; onError: (e: unknown) => void }) => T, done: string) => {
    setError(null);
    setAnnouncement('');
    mutate({
      onSuccess: () => {
        setConfirming(null);
        setAnnouncement(done);
      },
      onError: (cause) => {
        setConfirming(null);
        setError(cause);
      },
    });
  };
  const ask = (what: Pending) => {
    setConfirming(what);
    setError(null);
    setAnnouncement('');
    // move focus into the question so keyboard and screen-reader users meet it
    setTimeout(() => confirmButton.current?.focus(), 0);
  };

  const anything = mayJoin || mayLeave || mayDecline || mayApprove || mayClose;
  if (!anything && !announcement && !error) {
    if (!session.isAuthenticated && cluster.status === 'ACTIVE') {
      return <p className="muted">{t('actions.signInToJoin')}</p>;
    }
    return null;
  }

  const confirmText =
    confirming === 'close'
      ? t('actions.closeConfirm')
      : confirming === 'decline'
        ? t('actions.declineConfirm')
        : ownMembership?.role === 'LEAD'
          ? t('actions.leaveLeadConfirm')
          : t('actions.leaveConfirm');
  const confirmLabel =
    confirming === 'close' ? t('actions.confirmClose') : confirming === 'decline' ? t('actions.confirmDecline') : t('actions.confirmLeave');
  const confirmed = () => {
    if (confirming === 'close') {
      run((options) => close.mutate({ id: cluster.id, version: cluster.version }, options), t('actions.closed'));
    } else if (cityId) {
      run(
        (options) => leave.mutate({ id: cluster.id, cityId }, options),
        confirming === 'decline' ? t('actions.declined') : t('actions.left'),
      );
    }
  };

  return (
    <section className="card" aria-labelledby="cluster-actions">
      <h2 id="cluster-actions">{t('actions.heading')}</h2>
      <div className="actions">
        {mayJoin && cityId && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run((options) => join.mutate({ id: cluster.id, cityId }, options), t('actions.joined'))}
          >
            {ownInvitation && cluster.status === 'PROPOSED' ? t('actions.acceptInvitation') : t('actions.join')}
          </button>
        )}
        {mayApprove && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              run((options) => approve.mutate({ id: cluster.id, version: cluster.version }, options), t('actions.approved'))
            }
          >
            {t('actions.approve')}
          </button>
        )}
        {mayLeave && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => ask('leave')}>
            {t('actions.leave')}
          </button>
        )}
        {mayDecline && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => ask('decline')}>
            {t('actions.decline')}
          </button>
        )}
        {mayClose && (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => ask('close')}>
            {t('actions.close')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="cluster-confirm-text">
          <p id="cluster-confirm-text">{confirmText}</p>
          <div className="actions">
            <button ref={confirmButton} type="button" className="button button--danger" disabled={busy} onClick={confirmed}>
              {busy ? t('actions.working') : confirmLabel}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {announcement && <p className="status status--ok">{announcement}</p>}
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
