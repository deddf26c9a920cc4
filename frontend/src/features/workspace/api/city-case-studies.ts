import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export const cityCaseStudiesQuery = (cityId: string, page: number, size: number) =>
  queryOptions({
    queryKey: ['case-studies', 'list', { cityId, page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/case-studies', { params: { query: { cityId, page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

/** The city's case studies in every status its editors may see (their drafts too), newest change first. */
export function useCityCaseStudies(cityId: string | undefined, page: number, size: number) {
  return useQuery({ ...cityCaseStudiesQuery(cityId ?? '', page, size), enabled: Boolean(cityId) });
}
