import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type NotificationSettings = Schemas['NotificationSettings'];
export type NotificationSettingsInput = Schemas['NotificationSettingsInput'];

const SETTINGS_KEY = ['notification-settings'] as const;

/** GET /api/v1/me/notification-settings */
export const settingsQuery = () =>
  queryOptions({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notification-settings', { signal })),
  });

export function useNotificationSettings() {
  return useQuery(settingsQuery());
}

/** PUT /api/v1/me/notification-settings */
export function saveSettings(body: NotificationSettingsInput) {
  return unwrap(api.PUT('/api/v1/me/notification-settings', { body }));
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (saved) => queryClient.setQueryData(SETTINGS_KEY, saved),
  });
}
