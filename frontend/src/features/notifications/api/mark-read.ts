import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { NOTIFICATIONS_KEY } from './notifications';

/** POST /api/v1/me/notifications/{id}/read */
export function markRead(id: string) {
  return unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
}

/** POST /api/v1/me/notifications/read-all */
export function markAllRead() {
  return unwrap(api.POST('/api/v1/me/notifications/read-all'));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
