import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Expert = Schemas['Expert'];

/** How many experts the reviewer picker offers at once; more are found by typing more of a name. */
export const REVIEWER_OPTIONS = 20;

/**
 * GET /api/v1/experts?characteristic=…&name=…: approved experts of one characteristic (retired and
 * proposed ones are never listed to assign) whose name starts with what was typed, first
 * {@link REVIEWER_OPTIONS} by id, and how many there are in all. The backend answers from the
 * search index, so this stays fast with thousands of experts.
 */
export const reviewersQuery = (characteristic: string, name = '') =>
  queryOptions({
    queryKey: ['experts', 'list', { characteristic, name: name.trim(), size: REVIEWER_OPTIONS }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/experts', {
          params: {
            query: {
              characteristic: characteristic as Expert['expertise']['characteristics'][number],
              name: name.trim() || undefined,
              size: REVIEWER_OPTIONS,
            },
          },
          signal,
        }),
      ),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

export function useReviewers(characteristic: string | undefined, name = '') {
  return useQuery({ ...reviewersQuery(characteristic ?? '', name), enabled: Boolean(characteristic) });
}
