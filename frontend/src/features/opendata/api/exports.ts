import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { Exports } from './types';

/** GET /api/v1/exports: the datasets anyone may download, and where the catalogue and API are described. */
export const exportsQuery = queryOptions({
  queryKey: ['opendata', 'exports'],
  queryFn: ({ signal }) => call<Exports>('get', '/api/v1/exports', { signal }),
});

export function useExports() {
  return useQuery(exportsQuery);
}
