import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export const cityQuery = (id: string) =>
  queryOptions({
    queryKey: ['cities', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id } }, signal })),
  });

/** The editor's own city. */
export function useCity(id: string | undefined) {
  return useQuery({ ...cityQuery(id ?? ''), enabled: Boolean(id) });
}
