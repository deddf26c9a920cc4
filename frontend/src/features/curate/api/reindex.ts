import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { isApiError, unwrap } from '../../../lib/api/problem';

export type ReindexJob = Schemas['ReindexJob'];

/** How often a running rebuild's progress is read. */
export const POLL_MS = 1000;

/**
 * GET /api/v1/admin/reindex/latest: the latest rebuild and its progress per index; polled while it
 * runs. No rebuild yet (404) is null.
 */
export const latestReindexQuery = queryOptions({
  queryKey: ['admin', 'reindex', 'latest'],
  queryFn: async ({ signal }) => {
    try {
      return await unwrap(api.GET('/api/v1/admin/reindex/latest', { signal }));
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }
  },
  refetchInterval: (query) => (query.state.data?.state === 'RUNNING' ? POLL_MS : false),
});

export function useLatestReindex() {
  return useQuery(latestReindexQuery);
}

/** POST /api/v1/admin/reindex: starts a rebuild of every search index (409 while one runs). */
export function startReindex() {
  return unwrap(api.POST('/api/v1/admin/reindex'));
}

export function useStartReindex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startReindex,
    onSuccess: (job) => queryClient.setQueryData(latestReindexQuery.queryKey, job),
    onSettled: () => queryClient.invalidateQueries({ queryKey: latestReindexQuery.queryKey }),
  });
}

/** Documents indexed over documents to index, across every index, as 0–100. */
export function percentDone(job: ReindexJob): number {
  const indexes = job.indexes ?? [];
  if (job.state === 'DONE') return 100;
  const total = indexes.reduce((sum, index) => sum + index.total, 0);
  const indexed = indexes.reduce((sum, index) => sum + Math.min(index.indexed, index.total), 0);
  if (total === 0) return indexes.length > 0 && indexes.every((index) => index.done) ? 100 : 0;
  return Math.floor((indexed / total) * 100);
}
