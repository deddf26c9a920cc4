import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { NOTIFICATIONS_KEY } from './notifications';

export const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;

/**
 * The unread count for the bell: read once from the inbox (a page of one), then kept current by the
 * live stream (useLiveUnread), which writes into this query; while the stream is down it polls.
 */
export const unreadQuery = (polling: boolean) =>
  queryOptions({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/me/notifications', { params: { query: { unreadOnly: true, page: 0, size: 1 } }, signal })).then(
        (page) => page.unread,
      ),
    refetchInterval: polling ? 30_000 : false,
    staleTime: 5_000,
  });

export function useUnreadCount(enabled: boolean, polling: boolean) {
  return useQuery({ ...unreadQuery(polling), enabled });
}
