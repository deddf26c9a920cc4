import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { CaseStudyInput } from './case-study';
import { afterWrite } from './invalidate';

export function updateCaseStudy(id: string, body: CaseStudyInput) {
  return unwrap(api.PUT('/api/v1/case-studies/{id}', { params: { path: { id } }, body }));
}

/** Saves a draft (or one with changes requested); `body.version` must be the version read. */
export function useUpdateCaseStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CaseStudyInput }) => updateCaseStudy(id, body),
    onSuccess: (updated) => afterWrite(queryClient, updated),
  });
}
