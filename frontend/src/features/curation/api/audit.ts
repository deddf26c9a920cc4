import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type AuditEntry = Schemas['AuditEntry'];

/** GET /api/v1/case-studies/{id}/audit: every transition — who, when, from, to, note. */
export const auditQuery = (id: string) =>
  queryOptions({
    queryKey: ['case-studies', id, 'audit'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/case-studies/{id}/audit', { params: { path: { id } }, signal })),
  });

export function useAudit(id: string, enabled: boolean) {
  return useQuery({ ...auditQuery(id), enabled });
}
