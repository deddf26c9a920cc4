import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AuthContext, type AuthContextProps } from 'react-oidc-context';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { setAccessTokenSource } from '../lib/api/client';
import { changeLanguage, type Language } from '../lib/i18n/i18n';

export type TestUser = { username: string; token?: string } | null;

/** A stand-in for react-oidc-context: signed in as `user` (or anonymous), sign-in calls recorded. */
export function fakeAuth(user: TestUser): AuthContextProps & { signinRedirect: ReturnType<typeof vi.fn> } {
  const signinRedirect = vi.fn(() => Promise.resolve());
  return {
    isLoading: false,
    isAuthenticated: Boolean(user),
    user: user
      ? ({ access_token: user.token ?? 'test-token', profile: { preferred_username: user.username, sub: user.username }, state: undefined } as never)
      : null,
    activeNavigator: undefined,
    error: undefined,
    settings: {} as never,
    events: {} as never,
    clearStaleState: vi.fn(),
    removeUser: vi.fn(),
    signinPopup: vi.fn(),
    signinSilent: vi.fn(),
    signinRedirect,
    signinResourceOwnerCredentials: vi.fn(),
    signoutRedirect: vi.fn(),
    signoutPopup: vi.fn(),
    signoutSilent: vi.fn(),
    querySessionStatus: vi.fn(),
    revokeTokens: vi.fn(),
    startSilentRenew: vi.fn(),
    stopSilentRenew: vi.fn(),
  } as unknown as AuthContextProps & { signinRedirect: ReturnType<typeof vi.fn> };
}

/**
 * Renders `element` at `path` (matching `route`) with a fresh query cache, the router, i18n in
 * `language` and a fake sign-in. Returns Testing Library's result plus the fake auth.
 */
export async function renderPage(
  element: ReactElement,
  {
    path = '/',
    route = '/',
    user = null,
    language = 'en',
    extraRoutes = [],
  }: { path?: string; route?: string; user?: TestUser; language?: Language; extraRoutes?: RouteObject[] } = {},
) {
  await changeLanguage(language);
  const auth = fakeAuth(user);
  setAccessTokenSource(() => (user ? (user.token ?? 'test-token') : undefined));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter([{ path: route, element }, ...extraRoutes, { path: '*', element: <p>other page</p> }], {
    initialEntries: [path],
  });
  const result = render(
    <AuthContext.Provider value={auth}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AuthContext.Provider>,
  );
  return { ...result, auth, router, queryClient };
}
