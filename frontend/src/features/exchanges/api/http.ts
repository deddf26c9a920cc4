import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

type Method = 'get' | 'post' | 'put';
type Init = {
  params?: { path?: Record<string, string>; query?: Record<string, string | number | undefined> };
  body?: unknown;
  signal?: AbortSignal;
  parseAs?: 'json' | 'blob' | 'text';
};
type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * The shared API client (its token, Accept-Language and 401 handling), called by path for the
 * exchange routes that the generated `paths` type does not list yet. Once they are generated, the
 * operation files call `api.GET('/api/v1/exchanges/{id}', …)` directly and this file goes.
 */
const client = api as unknown as { request(method: Method, url: string, init?: Init): Promise<Result> };

export function call<T>(method: Method, url: string, init?: Init): Promise<T> {
  return unwrap(client.request(method, url, init) as Promise<{ data?: T; error?: unknown; response: Response }>);
}
