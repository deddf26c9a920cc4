import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** GET /api/v1/cities (first 100): the cities' names, so the queue can say which city a case study is from. */
export const cityNamesQuery = queryOptions({
  queryKey: ['cities', 'list', { size: 100 }],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities', { params: { query: { size: 100 } }, signal })),
  staleTime: 10 * 60_000,
  select: (page) => new Map(page.items.map((city) => [city.id, city.name] as const)),
});

export function useCityNames() {
  return useQuery(cityNamesQuery);
}
