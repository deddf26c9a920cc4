import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type CaseStudy = Schemas['CaseStudy'];
export type CaseStudyInput = Schemas['CaseStudyInput'];

export const caseStudyKey = (id: string) => ['case-studies', id] as const;

export const caseStudyQuery = (id: string) =>
  queryOptions({
    queryKey: caseStudyKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/case-studies/{id}', { params: { path: { id } }, signal })),
  });

/** The case study being edited (drafts are visible to their city's editors and curators). */
export function useCaseStudy(id: string | undefined) {
  return useQuery({ ...caseStudyQuery(id ?? ''), enabled: Boolean(id) });
}
