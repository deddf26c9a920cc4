import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { isApiError, unwrap } from '../../../lib/api/problem';

export type Assessment = Schemas['Assessment'];

/** Earlier rounds shown besides the current one. */
export const HISTORY_ROUNDS = 19;

async function current(id: string, signal: AbortSignal): Promise<Assessment | null> {
  try {
    return await unwrap(api.GET('/api/v1/cities/{id}/assessment', { params: { path: { id } }, signal }));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * The city's validated self-assessments, oldest round first: the earlier ones and the current one. The
 * current one is asked for only when the city carries validated levels (`assessed`), so a city without
 * any does not log a 404.
 */
export const assessmentHistoryQuery = (id: string, assessed: boolean) =>
  queryOptions({
    queryKey: ['cities', id, 'assessment', 'rounds', assessed],
    queryFn: async ({ signal }) => {
      const [latest, earlier] = await Promise.all([
        assessed ? current(id, signal) : Promise.resolve(null),
        unwrap(
          api.GET('/api/v1/cities/{id}/assessment/history', {
            params: { path: { id }, query: { page: 0, size: HISTORY_ROUNDS } },
            signal,
          }),
        ),
      ]);
      const rounds = new Map<number, Assessment>();
      for (const assessment of [...earlier.items, ...(latest ? [latest] : [])]) {
        if (assessment.status === 'VALIDATED') rounds.set(assessment.round, assessment);
      }
      return [...rounds.values()].sort((a, b) => a.round - b.round);
    },
  });

/** Waits for `assessed` (whether the city has validated levels, from its profile). */
export function useAssessmentHistory(id: string, assessed: boolean | undefined) {
  return useQuery({ ...assessmentHistoryQuery(id, Boolean(assessed)), enabled: assessed !== undefined });
}
