import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useCaseStudyChanged, useReloadOnConflict } from './invalidate';

export type BestPractice = Schemas['BestPractice'];

/** POST /api/v1/case-studies/{id}/best-practice: mark or unmark as best practice, with awards. */
export function markBestPractice({ id, bestPractice }: { id: string; bestPractice: BestPractice }) {
  return unwrap(api.POST('/api/v1/case-studies/{id}/best-practice', { params: { path: { id } }, body: bestPractice }));
}

export function useMarkBestPractice() {
  const changed = useCaseStudyChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: markBestPractice, onSuccess: changed, onError: reloadOnConflict });
}
