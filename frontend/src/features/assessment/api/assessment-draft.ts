import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Assessment = Schemas['Assessment'];

export const assessmentKey = (cityId: string) => ['cities', cityId, 'assessment'] as const;
export const draftKey = (cityId: string) => [...assessmentKey(cityId), 'draft'] as const;

/** The draft being worked on, or null when the city has none yet (the API answers 204, no error). */
export async function fetchDraft(cityId: string, signal?: AbortSignal): Promise<Assessment | null> {
  const draft = await unwrap(api.GET('/api/v1/cities/{id}/assessment/draft', { params: { path: { id: cityId } }, signal }));
  return draft ?? null;
}

export const assessmentDraftQuery = (cityId: string) =>
  queryOptions({
    queryKey: draftKey(cityId),
    queryFn: ({ signal }) => fetchDraft(cityId, signal),
  });

export function useAssessmentDraft(cityId: string) {
  return useQuery(assessmentDraftQuery(cityId));
}
