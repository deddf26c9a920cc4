import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type paths, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type City = Schemas['City'];
export type CityPage = Schemas['PageResponseCity'];
export type CityFilters = NonNullable<paths['/api/v1/cities']['get']['parameters']['query']>;

/** The cities directory: one page of cities matching the filters. */
export const citiesQuery = (filters: CityFilters) =>
  queryOptions({
    queryKey: ['cities', 'list', filters],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });

export function useCities(filters: CityFilters) {
  return useQuery(citiesQuery(filters));
}
