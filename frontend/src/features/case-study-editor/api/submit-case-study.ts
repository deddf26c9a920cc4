import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { afterWrite } from './invalidate';

export function submitCaseStudy(id: string, version: number) {
  return unwrap(api.POST('/api/v1/case-studies/{id}/submit', { params: { path: { id } }, body: { version } }));
}

/** Hands a saved case study to the curators. */
export function useSubmitCaseStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => submitCaseStudy(id, version),
    onSuccess: (submitted) => {
      afterWrite(queryClient, submitted);
      void queryClient.invalidateQueries({ queryKey: ['case-studies', submitted.id, 'audit'] });
    },
  });
}
