import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { isApiError, unwrap } from '../../../lib/api/problem';

export type Assessment = Schemas['Assessment'];

export const assessmentKey = (cityId: string) => ['cities', cityId, 'assessment'] as const;
export const draftKey = (cityId: string) => [...assessmentKey(cityId), 'draft'] as const;

/** The draft being worked on, or null when the city has none yet (the API answers 404). */
export async function fetchDraft(cityId: string, signal?: AbortSignal): Promise<Assessment | null> {
  try {
    return await unwrap(api.GET('/api/v1/cities/{id}/assessment/draft', { params: { path: { id: cityId } }, signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 404 && error.problem?.type?.endsWith(':not-found')) return null;
    throw error;
  }
}

export const assessmentDraftQuery = (cityId: string) =>
  queryOptions({
    queryKey: draftKey(cityId),
    queryFn: ({ signal }) => fetchDraft(cityId, signal),
  });

export function useAssessmentDraft(cityId: string) {
  return useQuery(assessmentDraftQuery(cityId));
}
