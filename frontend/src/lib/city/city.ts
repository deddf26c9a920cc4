import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';

export type City = Schemas['City'];

/**
 * A city's public profile (levels from its current validated self-assessment). Shared by every
 * feature that shows a city, so they share one cache entry and one definition.
 */
export const cityQuery = (id: string) =>
  queryOptions({
    queryKey: ['cities', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id } }, signal })),
  });

/** The city `id`, or nothing while `id` is unknown. */
export function useCity(id: string | undefined) {
  return useQuery({ ...cityQuery(id ?? ''), enabled: Boolean(id) });
}
