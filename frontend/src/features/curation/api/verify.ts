import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useCaseStudyChanged, useReloadOnConflict } from './invalidate';

/** POST /api/v1/case-studies/{id}/verify: confirm a published case study is still accurate. */
export function verifyCaseStudy({ id, version }: { id: string; version: number }) {
  return unwrap(api.POST('/api/v1/case-studies/{id}/verify', { params: { path: { id } }, body: { version } }));
}

export function useVerifyCaseStudy() {
  const changed = useCaseStudyChanged();
  const reloadOnConflict = useReloadOnConflict();
  return useMutation({ mutationFn: verifyCaseStudy, onSuccess: changed, onError: reloadOnConflict });
}
