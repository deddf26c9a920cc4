import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { ExchangePage, ExchangeState } from './types';

export type ExchangeFilters = { cityId?: string; state?: ExchangeState; page: number; size: number };

/**
 * GET /api/v1/exchanges: one page of exchanges. An editor sees their city's (cityId defaults to
 * their own), curators any city's or all, an expert those they are invited to.
 */
export const exchangesQuery = (filters: ExchangeFilters) =>
  queryOptions({
    queryKey: ['exchanges', 'list', filters],
    queryFn: ({ signal }) =>
      call<ExchangePage>('get', '/api/v1/exchanges', {
        params: { query: { cityId: filters.cityId, state: filters.state, page: filters.page, size: filters.size } },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

export function useExchanges(filters: ExchangeFilters, enabled = true) {
  return useQuery({ ...exchangesQuery(filters), enabled });
}
