import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** GET /api/v1/experts/{id}: one expert (contact details only for signed-in users). */
export const expertQuery = (id: string, username: string | undefined) =>
  queryOptions({
    queryKey: ['experts', 'detail', id, username ?? null],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/experts/{id}', { params: { path: { id } }, signal })),
  });

export function useExpert(id: string | undefined, username: string | undefined) {
  return useQuery({ ...expertQuery(id ?? '', username), enabled: Boolean(id) });
}
