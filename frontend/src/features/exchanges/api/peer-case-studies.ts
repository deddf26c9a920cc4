import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** The peer's published case studies (50 at most), one of which may be attached to a request. */
export const peerCaseStudiesQuery = (cityId: string) =>
  queryOptions({
    queryKey: ['case-studies', 'list', { cityId, status: 'PUBLISHED', page: 0, size: 50 }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/case-studies', { params: { query: { cityId, status: 'PUBLISHED', page: 0, size: 50 } }, signal })),
  });

export function usePeerCaseStudies(cityId: string | undefined) {
  return useQuery({ ...peerCaseStudiesQuery(cityId ?? ''), enabled: Boolean(cityId) });
}
