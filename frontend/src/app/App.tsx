import { QueryClientProvider } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { useEffect, useState } from 'react';
import { AuthProvider, useAuth } from 'react-oidc-context';
import { RouterProvider } from 'react-router';
import { setAccessTokenSource, setUnauthorizedHandler } from '../lib/api/client';
import '../lib/i18n/i18n';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** Hands the API client the current token, and sends a signed-in user whose session ended to sign in again. */
function ApiAuthBridge() {
  const auth = useAuth();
  // set during render, not in an effect, so the very first queries already carry the token
  setAccessTokenSource(() => auth.user?.access_token);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (auth.user) {
        void auth.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } });
      }
    });
  }, [auth]);
  return null;
}

export function App({ userManager }: { userManager: UserManager }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <AuthProvider userManager={userManager} onSigninCallback={() => undefined}>
      <QueryClientProvider client={queryClient}>
        <ApiAuthBridge />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AuthProvider>
  );
}
