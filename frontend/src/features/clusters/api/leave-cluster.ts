import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useClusterChanged, useReloadOnConflict } from './cluster-mutation';

/** DELETE /api/v1/clusters/{id}/members/{cityId}: a city leaves, or declines its invitation. */
export function leaveCluster({ id, cityId }: { id: string; cityId: string }) {
  return unwrap(api.DELETE('/api/v1/clusters/{id}/members/{cityId}', { params: { path: { id, cityId } } }));
}

export function useLeaveCluster() {
  const changed = useClusterChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: leaveCluster, onSuccess: changed, onError: reloadOnConflict });
}
