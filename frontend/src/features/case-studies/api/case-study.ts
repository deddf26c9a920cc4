import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type CaseStudy = Schemas['CaseStudy'];

export const caseStudyQuery = (id: string) =>
  queryOptions({
    queryKey: ['case-studies', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/case-studies/{id}', { params: { path: { id } }, signal })),
  });

export function useCaseStudy(id: string) {
  return useQuery(caseStudyQuery(id));
}

export function useSimilarCaseStudies(id: string) {
  return useQuery({
    queryKey: ['case-studies', id, 'similar'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/case-studies/{id}/similar', { params: { path: { id }, query: { size: 4 } }, signal })),
  });
}

