import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { ExchangeMessage, MessagePage } from './types';

const PAGE_SIZE = 50;

/** GET /api/v1/exchanges/{id}/messages: the conversation, oldest first, 50 messages a page. */
export const messagesQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: ['exchanges', 'messages', id],
    queryFn: ({ pageParam, signal }) =>
      call<MessagePage>('get', '/api/v1/exchanges/{id}/messages', {
        params: { path: { id }, query: { page: pageParam, size: PAGE_SIZE } },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => ((last.page + 1) * last.size < last.total ? last.page + 1 : undefined),
  });

export function useMessages(id: string) {
  return useInfiniteQuery(messagesQuery(id));
}

/** POST /api/v1/exchanges/{id}/messages: plain text, 1 to 4,000 characters. */
export function postMessage({ id, text }: { id: string; text: string }) {
  return call<ExchangeMessage>('post', '/api/v1/exchanges/{id}/messages', { params: { path: { id } }, body: { text } });
}

/** Posting refreshes the conversation and the exchange (its message count and what may be done next). */
export function usePostMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postMessage,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['exchanges', 'messages', id] }),
        queryClient.invalidateQueries({ queryKey: ['exchanges', 'detail', id] }),
      ]),
  });
}
