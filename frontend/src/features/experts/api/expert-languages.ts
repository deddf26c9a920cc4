import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/**
 * GET /api/v1/search?type=expert: the languages the approved experts speak (primary tags, most
 * spoken first), from the search index's language facet over the whole directory: read from a page
 * of experts, the filter offered only the languages of the first 100 of thousands.
 */
export const expertLanguagesQuery = () =>
  queryOptions({
    queryKey: ['experts', 'languages'],
    queryFn: async ({ signal }) => {
      const found = await unwrap(api.GET('/api/v1/search', { params: { query: { type: ['expert'], size: 1 } }, signal }));
      return (found.facets.language ?? []).map((bucket) => bucket.key);
    },
    staleTime: 5 * 60_000,
  });

export function useExpertLanguages() {
  return useQuery(expertLanguagesQuery());
}
