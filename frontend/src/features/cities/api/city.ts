import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** A city's public profile (levels from its current validated self-assessment). */
export const cityQuery = (id: string) =>
  queryOptions({
    queryKey: ['cities', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id } }, signal })),
  });

export function useCity(id: string) {
  return useQuery(cityQuery(id));
}
