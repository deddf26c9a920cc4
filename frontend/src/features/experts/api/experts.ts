import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Expert = Schemas['Expert'];
export type Characteristic = Schemas['Expertise']['characteristics'][number];
export type ServiceDomain = Schemas['Expertise']['serviceDomains'][number];
export type ExpertStatus = Expert['status'];

export type ExpertFilters = {
  characteristic?: Characteristic;
  domain?: ServiceDomain;
  language?: string;
  status?: ExpertStatus;
  page?: number;
  size?: number;
};

/**
 * GET /api/v1/experts: the directory of the technical expert group, a page at a time. Contact
 * details come only with a signed-in user's token, so the user is part of the key.
 */
export const expertsQuery = (filters: ExpertFilters, username: string | undefined) =>
  queryOptions({
    queryKey: ['experts', 'list', filters, username ?? null],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/experts', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });

export function useExperts(filters: ExpertFilters, username: string | undefined) {
  return useQuery(expertsQuery(filters, username));
}
