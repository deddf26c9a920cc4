import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/problem';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failures: number, error: unknown) {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache(),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
