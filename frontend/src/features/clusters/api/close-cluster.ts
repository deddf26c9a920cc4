import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useClusterChanged, useReloadOnConflict } from './cluster-mutation';

/** POST /api/v1/clusters/{id}/close: the lead city's editors or curators close the cluster. */
export function closeCluster({ id, version }: { id: string; version: number }) {
  return unwrap(api.POST('/api/v1/clusters/{id}/close', { params: { path: { id } }, body: { version } }));
}

export function useCloseCluster() {
  const changed = useClusterChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: closeCluster, onSuccess: changed, onError: reloadOnConflict });
}
