import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

/** Every transition of a case study with its note (for the curator's request for changes). */
export function useCaseStudyAudit(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['case-studies', id, 'audit'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/case-studies/{id}/audit', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id) && enabled,
  });
}
