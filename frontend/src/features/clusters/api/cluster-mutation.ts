import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/problem';
import type { Cluster } from './clusters';
import { clusterQuery } from './cluster';

/** After a cluster changed: keep the answer as its detail and refresh every cluster list and suggestion. */
export function useClusterChanged() {
  const queryClient = useQueryClient();
  return async (cluster: Cluster) => {
    queryClient.setQueryData(clusterQuery(cluster.id).queryKey, cluster);
    await queryClient.invalidateQueries({
      queryKey: ['clusters'],
      predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== cluster.id,
    });
  };
}

/** On a 409 the cached cluster holds a stale version: reload it so a retry sends the current one. */
export function useReloadOnConflict() {
  const queryClient = useQueryClient();
  return (error: Error) => {
    if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['clusters'] });
  };
}
