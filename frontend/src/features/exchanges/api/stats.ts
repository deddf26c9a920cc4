import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { ExchangeStats } from './types';

/** GET /api/v1/exchanges/stats: exchanges in numbers, for curators and admins. */
export const exchangeStatsQuery = queryOptions({
  queryKey: ['exchanges', 'stats'],
  queryFn: ({ signal }) => call<ExchangeStats>('get', '/api/v1/exchanges/stats', { signal }),
});

export function useExchangeStats(enabled: boolean) {
  return useQuery({ ...exchangeStatsQuery, enabled });
}
