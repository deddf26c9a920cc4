import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useClusterChanged, useReloadOnConflict } from './cluster-mutation';

/** POST /api/v1/clusters/{id}/members: a city joins (or accepts its invitation to a proposed cluster). */
export function joinCluster({ id, cityId }: { id: string; cityId: string }) {
  return unwrap(api.POST('/api/v1/clusters/{id}/members', { params: { path: { id } }, body: { cityId } }));
}

export function useJoinCluster() {
  const changed = useClusterChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: joinCluster, onSuccess: changed, onError: reloadOnConflict });
}
