import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type NotificationItem = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];

/** Every notification query (pages and the unread count) starts with this key. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export type NotificationFilter = { unreadOnly: boolean; page: number; size: number; language: string };

/** GET /api/v1/me/notifications: the reader's notifications, newest first, in the UI's language. */
export const notificationsQuery = ({ unreadOnly, page, size, language }: NotificationFilter) =>
  queryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'list', { unreadOnly, page, size, language }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/me/notifications', { params: { query: { unreadOnly, page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useNotifications(filter: NotificationFilter) {
  return useQuery(notificationsQuery(filter));
}
