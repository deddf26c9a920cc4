import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { isApiError, unwrap } from '../../../lib/api/problem';

export type Assessment = Schemas['Assessment'];

export const reviewDraftKey = (cityId: string) => ['cities', cityId, 'assessment', 'draft'] as const;
export const currentKey = (cityId: string) => ['cities', cityId, 'assessment'] as const;

/** GET /api/v1/cities/{id}/assessment/draft: the submitted round under review. */
export const reviewDraftQuery = (cityId: string) =>
  queryOptions({
    queryKey: reviewDraftKey(cityId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cities/{id}/assessment/draft', { params: { path: { id: cityId } }, signal })),
  });

export function useReviewDraft(cityId: string) {
  return useQuery(reviewDraftQuery(cityId));
}

/** The previous validated round (public), or null before the city's first validation. */
export const previousRoundQuery = (cityId: string) =>
  queryOptions({
    queryKey: [...currentKey(cityId), 'current'],
    queryFn: async ({ signal }): Promise<Assessment | null> => {
      try {
        return await unwrap(api.GET('/api/v1/cities/{id}/assessment', { params: { path: { id: cityId } }, signal }));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });

export function usePreviousRound(cityId: string) {
  return useQuery(previousRoundQuery(cityId));
}
