import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { CaseStudyInput } from './case-study';
import { afterWrite } from './invalidate';

export function createCaseStudy(body: CaseStudyInput) {
  return unwrap(api.POST('/api/v1/case-studies', { body }));
}

/** Drafts a new case study. */
export function useCreateCaseStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCaseStudy,
    onSuccess: (created) => afterWrite(queryClient, created),
  });
}
