import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { LocalizedText } from '../i18n/localized';

/** How many ids one request may name (the API's limit). */
export const MAX_IDS_PER_REQUEST = 100;

/**
 * The names of the cities `ids`, read by id (`GET /api/v1/cities?ids=…`, 100 at a time), so a list
 * that shows cities by id names every one of them, however many cities exist. Unknown ids are
 * missing from the map.
 */
export const cityNamesQuery = (ids: readonly string[]) => {
  const distinct = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: ['cities', 'names', distinct],
    queryFn: async ({ signal }) => {
      const chunks: string[][] = [];
      for (let i = 0; i < distinct.length; i += MAX_IDS_PER_REQUEST) chunks.push(distinct.slice(i, i + MAX_IDS_PER_REQUEST));
      const pages = await Promise.all(
        chunks.map((chunk) => unwrap(api.GET('/api/v1/cities', { params: { query: { ids: chunk } }, signal }))),
      );
      return new Map<string, LocalizedText>(pages.flatMap((page) => page.items.map((city) => [city.id, city.name] as const)));
    },
    staleTime: 10 * 60_000,
  });
};

export function useCityNames(ids: readonly string[]) {
  return useQuery({ ...cityNamesQuery(ids), enabled: ids.length > 0 });
}
