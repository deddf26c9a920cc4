import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { reviewDraftKey, currentKey } from './review-draft';
import { reviewsKey } from './review-queue';

type Step = { cityId: string; version: number };

/** POST .../draft/assign (curators, admins): an approved expert with matching expertise reviews it. */
export function assignReview({ cityId, version, expertId }: Step & { expertId: string }) {
  return unwrap(
    api.POST('/api/v1/cities/{id}/assessment/draft/assign', {
      params: { path: { id: cityId } },
      body: { version, expertId },
    }),
  );
}

/** POST .../draft/claim (approved experts with matching expertise). */
export function claimReview({ cityId, version }: Step) {
  return unwrap(api.POST('/api/v1/cities/{id}/assessment/draft/claim', { params: { path: { id: cityId } }, body: { version } }));
}

/** POST .../draft/validate (the assigned expert, admins): the round becomes the city's current one. */
export function validateReview({ cityId, version, note }: Step & { note?: string }) {
  return unwrap(
    api.POST('/api/v1/cities/{id}/assessment/draft/validate', {
      params: { path: { id: cityId } },
      body: { version, note: note || undefined },
    }),
  );
}

/** POST .../draft/return (the assigned expert, admins), with the note the city needs. */
export function returnReview({ cityId, version, note }: Step & { note: string }) {
  return unwrap(
    api.POST('/api/v1/cities/{id}/assessment/draft/return', { params: { path: { id: cityId } }, body: { version, note } }),
  );
}

/**
 * Every review step changes the queue, the draft and, once validated, the city's current round.
 * Not awaited: the caller's own success callback (an announcement) runs first, before the refetch
 * may take away the item or the draft it was shown in.
 */
function useReviewChanged() {
  const queryClient = useQueryClient();
  return (_: unknown, { cityId }: { cityId: string }) => {
    void queryClient.invalidateQueries({ queryKey: reviewsKey });
    void queryClient.invalidateQueries({ queryKey: reviewDraftKey(cityId) });
    void queryClient.invalidateQueries({ queryKey: currentKey(cityId) });
    void queryClient.invalidateQueries({ queryKey: ['cities', cityId], exact: true });
  };
}

export function useAssignReview() {
  return useMutation({ mutationFn: assignReview, onSuccess: useReviewChanged() });
}

export function useClaimReview() {
  return useMutation({ mutationFn: claimReview, onSuccess: useReviewChanged() });
}

export function useValidateReview() {
  return useMutation({ mutationFn: validateReview, onSuccess: useReviewChanged() });
}

export function useReturnReview() {
  return useMutation({ mutationFn: returnReview, onSuccess: useReviewChanged() });
}
