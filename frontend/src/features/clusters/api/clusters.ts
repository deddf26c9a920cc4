import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Cluster = Schemas['Cluster'];
export type ClusterStatus = Cluster['status'];
export type ServiceDomain = Schemas['Topic']['serviceDomains'][number];

export const CLUSTER_STATUSES = ['PROPOSED', 'ACTIVE', 'CLOSED'] as const satisfies readonly ClusterStatus[];

export type ClusterFilters = {
  status?: ClusterStatus;
  cityId?: string;
  serviceDomain?: ServiceDomain;
  page?: number;
  size?: number;
};

/** GET /api/v1/clusters: a page of clusters (proposed ones only for curators and the cities they name). */
export const clustersQuery = (filters: ClusterFilters) =>
  queryOptions({
    queryKey: ['clusters', 'list', filters],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/clusters', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });

export function useClusters(filters: ClusterFilters) {
  return useQuery(clustersQuery(filters));
}
