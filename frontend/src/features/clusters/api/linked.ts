import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/**
 * The case studies and experts a cluster links to, fetched one by one for their titles and names
 * (GET /api/v1/case-studies/{id}, GET /api/v1/experts/{id}). A failed one falls back to its id.
 */
export function useLinkedCaseStudies(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['case-studies', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(api.GET('/api/v1/case-studies/{id}', { params: { path: { id } }, signal })),
      staleTime: 60_000,
    })),
  });
}

export function useLinkedExperts(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['experts', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(api.GET('/api/v1/experts/{id}', { params: { path: { id } }, signal })),
      staleTime: 60_000,
    })),
  });
}
