import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { isApiError, unwrap } from '../../../lib/api/problem';
import { type Assessment, assessmentKey } from './assessment-draft';

/** The city's current validated self-assessment, or null before its first one (404). */
export async function fetchCurrentAssessment(cityId: string, signal?: AbortSignal): Promise<Assessment | null> {
  try {
    return await unwrap(api.GET('/api/v1/cities/{id}/assessment', { params: { path: { id: cityId } }, signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const currentAssessmentQuery = (cityId: string) =>
  queryOptions({
    queryKey: [...assessmentKey(cityId), 'current'],
    queryFn: ({ signal }) => fetchCurrentAssessment(cityId, signal),
  });

/** Only fetched when asked (there is no draft to start from). */
export function useCurrentAssessment(cityId: string, enabled: boolean) {
  return useQuery({ ...currentAssessmentQuery(cityId), enabled });
}
