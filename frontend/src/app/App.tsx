import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { useEffect, useRef, useState } from 'react';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { RouterProvider } from 'react-router';
import { setAccessTokenSource, setUnauthorizedHandler } from '../lib/api/client';
import '../lib/i18n/i18n';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

const LAST_REDIRECT = 'citystep.signInAgainAt';

/**
 * Hands the API client the current token. When the API answers 401 to a signed-in user, their
 * session first renews quietly (refresh token); only if that fails are they sent to sign in
 * again, at most once a minute, so an API that keeps refusing fresh tokens cannot cause a loop.
 */
function ApiAuthBridge() {
  const auth = useAuth();
  const renewing = useRef<Promise<unknown> | null>(null);
  // set during render, not in an effect, so the very first queries already carry the token
  setAccessTokenSource(() => auth.user?.access_token);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!auth.user || renewing.current) return;
      renewing.current = auth
        .signinSilent()
        .then((user) => {
          if (!user) throw new Error('no session');
        })
        .catch(() => {
          const last = Number(window.sessionStorage.getItem(LAST_REDIRECT) ?? 0);
          if (Date.now() - last < 60_000) return;
          window.sessionStorage.setItem(LAST_REDIRECT, String(Date.now()));
          return auth.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } });
        })
        .finally(() => {
          renewing.current = null;
        });
    });
  }, [auth]);
  return null;
}

export function App({
  userManager,
  startedQueryClient,
  startedRouter,
}: {
  userManager: UserManager;
  /** Made before the sign-in settings arrived, with the first page's requests already under way. */
  startedQueryClient?: QueryClient;
  startedRouter?: ReturnType<typeof createAppRouter>;
}) {
  const [queryClient] = useState(() => startedQueryClient ?? createQueryClient());
  const [router] = useState(() => startedRouter ?? createAppRouter());
  return (
    <AuthProvider userManager={userManager} onSigninCallback={() => undefined}>
      <QueryClientProvider client={queryClient}>
        <ApiAuthBridge />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AuthProvider>
  );
}
