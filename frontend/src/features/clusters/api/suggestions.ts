import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type ClusterSuggestions = Schemas['ClusterSuggestions'];
export type ClusterSuggestionItem = Schemas['ClusterSuggestionItem'];
export type ClusterSuggestion = Schemas['ClusterSuggestion'];

/**
 * How often a page that found no suggestions yet asks again. The server computes them in the
 * background (at start and after changes): a page opened before the first snapshot, or between a
 * change and the next snapshot, fills itself once it arrives instead of staying empty until a reload.
 */
export const EMPTY_SUGGESTIONS_REFETCH_MS = 5_000;

/** True while there is nothing to show yet: no snapshot, or a snapshot without suggestions. */
export function awaitingSuggestions(data: ClusterSuggestions | undefined): boolean {
  return data !== undefined && (data.computedAt == null || data.items.length === 0);
}

/** GET /api/v1/clusters/suggestions: groups of cities working on similar things, with the reasons. */
export const clusterSuggestionsQuery = (page: number, size: number) =>
  queryOptions({
    queryKey: ['clusters', 'suggestions', { page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/clusters/suggestions', { params: { query: { page, size } }, signal })),
    placeholderData: keepPreviousData,
    // asks again while empty, and stops as soon as suggestions arrive (or the query fails)
    refetchInterval: (query) => (awaitingSuggestions(query.state.data) ? EMPTY_SUGGESTIONS_REFETCH_MS : false),
  });

export function useClusterSuggestions(page: number, size: number) {
  return useQuery(clusterSuggestionsQuery(page, size));
}
