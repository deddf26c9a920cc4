import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import { exchangeQuery } from './exchange';
import type { Exchange, ExchangeRequest } from './types';

/** POST /api/v1/exchanges: a city editor asks a peer about one step (201 with the exchange). */
export function createExchange(body: ExchangeRequest) {
  return call<Exchange>('post', '/api/v1/exchanges', { body });
}

export function useCreateExchange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExchange,
    onSuccess: async (exchange) => {
      queryClient.setQueryData(exchangeQuery(exchange.id).queryKey, exchange);
      await queryClient.invalidateQueries({ queryKey: ['exchanges', 'list'] });
    },
  });
}
