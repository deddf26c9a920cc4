import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** Approved experts whose name starts with `name` (20 at a time), to invite to an exchange. */
export const expertSearchQuery = (name: string) =>
  queryOptions({
    queryKey: ['experts', 'search', 'exchange', name],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/experts', { params: { query: { name, status: 'APPROVED', size: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useExpertSearch(name: string) {
  const trimmed = name.trim();
  return useQuery({ ...expertSearchQuery(trimmed), enabled: trimmed.length >= 2 });
}
