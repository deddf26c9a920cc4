import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Expert = Schemas['Expert'];

/**
 * GET /api/v1/experts?characteristic=…: approved experts of one characteristic (retired and
 * proposed ones are never listed to assign), up to 100.
 */
export const reviewersQuery = (characteristic: string) =>
  queryOptions({
    queryKey: ['experts', 'list', { characteristic, size: 100 }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/experts', {
          params: { query: { characteristic: characteristic as Expert['expertise']['characteristics'][number], size: 100 } },
          signal,
        }),
      ),
  });

export function useReviewers(characteristic: string | undefined) {
  return useQuery({ ...reviewersQuery(characteristic ?? ''), enabled: Boolean(characteristic) });
}
