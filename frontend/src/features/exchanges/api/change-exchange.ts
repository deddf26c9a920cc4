import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import { exchangeQuery } from './exchange';
import type { Exchange, Slot } from './types';

/** Every state change of an exchange, as the caller asks for it (the version read is added when sent). */
export type ExchangeChange =
  | { kind: 'accept'; slot?: Slot }
  | { kind: 'decline'; reason: string }
  | { kind: 'dates'; slots: Slot[] }
  | { kind: 'agree'; slot: Slot }
  | { kind: 'cancel' }
  | { kind: 'invite'; expertId: string }
  | { kind: 'answer'; expertId: string; accept: boolean }
  | { kind: 'outcome'; learnt: string; willAdopt: string; usefulness: number };

/**
 * The state-change routes, each sent with the `version` the caller read (409 stale-version when
 * someone changed the exchange since): accept, decline, dates, agree, cancel, experts, an expert's
 * answer, and the outcome (PUT).
 */
export function changeExchange({ exchange, change }: { exchange: Pick<Exchange, 'id' | 'version'>; change: ExchangeChange }) {
  const path = { id: exchange.id };
  const version = exchange.version;
  switch (change.kind) {
    case 'accept':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/accept', { params: { path }, body: { version, slot: change.slot } });
    case 'decline':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/decline', { params: { path }, body: { version, reason: change.reason } });
    case 'dates':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/dates', { params: { path }, body: { version, slots: change.slots } });
    case 'agree':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/agree', { params: { path }, body: { version, slot: change.slot } });
    case 'cancel':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/cancel', { params: { path }, body: { version } });
    case 'invite':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/experts', { params: { path }, body: { version, expertId: change.expertId } });
    case 'answer':
      return call<Exchange>('post', '/api/v1/exchanges/{id}/experts/{expertId}/answer', {
        params: { path: { ...path, expertId: change.expertId } },
        body: { version, accept: change.accept },
      });
    case 'outcome':
      return call<Exchange>('put', '/api/v1/exchanges/{id}/outcome', {
        params: { path },
        body: { version, learnt: change.learnt, willAdopt: change.willAdopt, usefulness: change.usefulness },
      });
  }
}

function isExchange(value: unknown): value is Exchange {
  return Boolean(value && typeof value === 'object' && 'id' in value && 'version' in value && 'canAct' in value);
}

/**
 * A state change; afterwards the answer becomes the cached exchange, and lists, the conversation
 * (events may add to it) and roadmaps (their exchange counts) are refreshed.
 */
export function useChangeExchange(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeExchange,
    onSuccess: async (answer) => {
      if (isExchange(answer)) queryClient.setQueryData(exchangeQuery(id).queryKey, answer);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['exchanges'] }),
        queryClient.invalidateQueries({ queryKey: ['cities'], predicate: (query) => query.queryKey[2] === 'roadmap' }),
      ]);
    },
  });
}
