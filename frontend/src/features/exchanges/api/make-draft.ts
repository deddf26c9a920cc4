import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/by-path';
import type { CaseStudyDraft } from './types';

/**
 * POST /api/v1/exchanges/{id}/case-study-draft: after the outcome, a DRAFT case study of the asking
 * city pre-filled from the step, what was learnt and the peer (201 with its id).
 */
export function makeCaseStudyDraft({ id }: { id: string }) {
  return call<CaseStudyDraft>('post', '/api/v1/exchanges/{id}/case-study-draft', { params: { path: { id } } });
}

export function useMakeCaseStudyDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makeCaseStudyDraft,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['exchanges', 'detail', id] }),
        queryClient.invalidateQueries({ queryKey: ['case-studies'] }),
      ]),
  });
}
