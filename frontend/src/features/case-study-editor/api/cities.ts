import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** The cities a curator may draft a case study for (the pilot set fits one page). */
export function useCityOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['cities', 'list', { page: 0, size: 100 }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities', { params: { query: { page: 0, size: 100 } }, signal })),
    enabled,
    staleTime: 5 * 60_000,
  });
}
