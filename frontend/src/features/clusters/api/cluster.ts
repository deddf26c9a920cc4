import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** GET /api/v1/clusters/{id}: one cluster; a proposed one answers 404 to people who may not see it. */
export const clusterQuery = (id: string) =>
  queryOptions({
    queryKey: ['clusters', 'detail', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/clusters/{id}', { params: { path: { id } }, signal })),
  });

export function useCluster(id: string) {
  return useQuery(clusterQuery(id));
}
