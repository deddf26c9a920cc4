import { api } from './client';
import { unwrap } from './problem';

type Method = 'get' | 'post' | 'put';
type Init = {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | undefined> };
  body?: unknown;
  signal?: AbortSignal;
  parseAs?: 'json' | 'blob' | 'text';
};
type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * The shared API client (its token, Accept-Language and 401 handling), called by path for routes
 * that the generated `paths` type does not list yet, because a feature's front end was built from a
 * contract before the backend's OpenAPI document described it. Once the routes are generated, the
 * operation files call `api.GET('/api/v1/…', …)` directly.
 */
const client = api as unknown as { request(method: Method, url: string, init?: Init): Promise<Result> };

export function call<T>(method: Method, url: string, init?: Init): Promise<T> {
  return unwrap(client.request(method, url, init) as Promise<{ data?: T; error?: unknown; response: Response }>);
}
