import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';

export type Role = 'city-editor' | 'expert' | 'curator' | 'admin';
export type Me = Schemas['Me'];

export const meQueryKey = (username: string | undefined) => ['me', username] as const;

/**
 * The signed-in user as the API sees them (roles, and the city or expert record they act for),
 * plus sign-in and sign-out. Anonymous visitors get `me: undefined`.
 */
export function useSession() {
  const auth = useAuth();
  const { i18n } = useTranslation();
  const username = auth.user?.profile.preferred_username;
  const me = useQuery({
    queryKey: meQueryKey(username),
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: auth.isAuthenticated,
    staleTime: 5 * 60_000,
  });
  const roles = new Set(me.data?.roles ?? []);
  const hasRole = useCallback((...wanted: Role[]) => wanted.some((role) => roles.has(role)), [me.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const signIn = useCallback(
    (returnTo: string = window.location.pathname + window.location.search) =>
      auth.signinRedirect({ state: { returnTo }, ui_locales: i18n.language }),
    [auth, i18n.language],
  );
  const signOut = useCallback(() => auth.signoutRedirect(), [auth]);

  return {
    isLoading: auth.isLoading || (auth.isAuthenticated && me.isPending),
    isAuthenticated: auth.isAuthenticated,
    username,
    me: me.data,
    cityId: me.data?.cityId,
    hasRole,
    isCurator: roles.has('curator') || roles.has('admin'),
    signIn,
    signOut,
  };
}
