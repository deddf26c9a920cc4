import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type SearchResults = Schemas['SearchResults'];
export type Hit = Schemas['Hit'];

/** The filters the search API takes, each a list of codes (OR within a facet, AND across facets). */
export const FACETS = [
  'type',
  'serviceDomain',
  'step',
  'region',
  'country',
  'stage',
  'tech',
  'instrument',
] as const;
export type Facet = (typeof FACETS)[number];

export type SearchParams = {
  q: string;
  filters: Partial<Record<Facet, string[]>>;
  year?: number;
  page: number;
  size: number;
  lang?: string;
};

export const searchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['search', params],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/search', {
          params: {
            query: {
              q: params.q || undefined,
              ...params.filters,
              year: params.year,
              page: params.page,
              size: params.size,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useSearch(params: SearchParams) {
  return useQuery(searchQuery(params));
}
