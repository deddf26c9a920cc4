import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { Exchange } from './types';

/** GET /api/v1/exchanges/{id}: for its participants, invited experts, curators and admins; 404 to anyone else. */
export const exchangeQuery = (id: string) =>
  queryOptions({
    queryKey: ['exchanges', 'detail', id],
    queryFn: ({ signal }) => call<Exchange>('get', '/api/v1/exchanges/{id}', { params: { path: { id } }, signal }),
  });

export function useExchange(id: string) {
  return useQuery(exchangeQuery(id));
}
