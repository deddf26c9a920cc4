import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type AuditRecord = Schemas['AuditRecord'];

export type AuditFilter = {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  cityId?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
  size: number;
};

/** GET /api/v1/admin/audit: every write, newest first, filtered (curators and admins). */
export const auditQuery = (filter: AuditFilter) =>
  queryOptions({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/audit', { params: { query: filter }, signal })),
    placeholderData: keepPreviousData,
  });

export function useAudit(filter: AuditFilter) {
  return useQuery(auditQuery(filter));
}
