import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useCaseStudyChanged, useReloadOnConflict } from './invalidate';

export type CaseStudyReview = Schemas['CaseStudyReview'];
export type Decision = CaseStudyReview['decision'];

/** Decisions that need a note saying what should change, or why. */
export const NOTE_REQUIRED: readonly Decision[] = ['REQUEST_CHANGES', 'REJECT'];

/** POST /api/v1/case-studies/{id}/review: publish, request changes, reject or archive. 409 on an illegal transition. */
export function reviewCaseStudy({ id, review }: { id: string; review: CaseStudyReview }) {
  return unwrap(api.POST('/api/v1/case-studies/{id}/review', { params: { path: { id } }, body: review }));
}

export function useReviewCaseStudy() {
  const changed = useCaseStudyChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: reviewCaseStudy, onSuccess: changed, onError: reloadOnConflict });
}
