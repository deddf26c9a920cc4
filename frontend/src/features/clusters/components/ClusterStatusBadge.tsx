import { useTranslation } from 'react-i18next';
import type { ClusterStatus } from '../api/clusters';

/** A cluster's status in words; the colour only repeats what the text says. */
export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  const { t } = useTranslation('clusters');
  return <span className={`cluster-status cluster-status--${status}`}>{t(`statuses.${status}`)}</span>;
}
