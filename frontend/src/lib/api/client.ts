import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n/i18n';
import type { components, paths } from './schema.gen';

/** The API's schemas, generated from the backend's OpenAPI document (npm run generate:api). */
export type Schemas = components['schemas'];
export type { paths };

type TokenSource = () => string | undefined;
type UnauthorizedHandler = () => void;

let accessToken: TokenSource = () => undefined;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Called by the auth layer: where the current access token comes from. */
export function setAccessTokenSource(source: TokenSource) {
  accessToken = source;
}

/** The current access token, for the few requests made without the client (a live event stream). */
export function currentAccessToken(): string | undefined {
  return accessToken();
}

/** Called by the auth layer: what to do when the API answers 401 to a signed-in user. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = accessToken();
    if (token) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    // the server writes problem details (detail, errors[].message) in the UI's language
    request.headers.set('Accept-Language', i18n.language || 'en');
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      onUnauthorized();
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // looked up per call, not captured once, so test doubles installed later are used
  fetch: (request) => globalThis.fetch(request),
});
api.use(auth);
