import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** The city the case study belongs to (for its name). */
export function useCity(id: string) {
  return useQuery({
    queryKey: ['cities', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id } }, signal })),
    enabled: Boolean(id),
  });
}
