import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type ClusterSuggestions = Schemas['ClusterSuggestions'];
export type ClusterSuggestionItem = Schemas['ClusterSuggestionItem'];
export type ClusterSuggestion = Schemas['ClusterSuggestion'];

/** GET /api/v1/clusters/suggestions: groups of cities working on similar things, with the reasons. */
export const clusterSuggestionsQuery = (page: number, size: number) =>
  queryOptions({
    queryKey: ['clusters', 'suggestions', { page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/clusters/suggestions', { params: { query: { page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useClusterSuggestions(page: number, size: number) {
  return useQuery(clusterSuggestionsQuery(page, size));
}
