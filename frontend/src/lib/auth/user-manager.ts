import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ClientConfig } from '../../config/client-config';

export const CALLBACK_PATH = '/auth/callback';

/**
 * Keycloak sign-in with the authorisation code flow and PKCE (oidc-client-ts does both). Tokens
 * live in session storage, and are renewed quietly with the refresh token before they expire.
 */
export function createUserManager(config: ClientConfig): UserManager {
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where to go back to after signing in. */
export type SignInState = { returnTo: string };

export function returnToOf(state: unknown): string {
  if (state && typeof state === 'object' && 'returnTo' in state) {
    const returnTo = (state as SignInState).returnTo;
    // only paths inside this app, never another origin (also not //host or /\host)
    if (typeof returnTo === 'string' && returnTo.startsWith('/')) {
      const url = new URL(returnTo, window.location.origin);
      if (url.origin === window.location.origin) return url.pathname + url.search + url.hash;
    }
  }
  return '/';
}
