import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Cluster = Schemas['Cluster'];
export type ClusterInput = Schemas['ClusterInput'];

/** GET /api/v1/clusters/{id}: the cluster to edit (shares the clusters feature's cache key). */
export const editedClusterQuery = (id: string) =>
  queryOptions({
    queryKey: ['clusters', 'detail', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/clusters/{id}', { params: { path: { id } }, signal })),
  });

export function useEditedCluster(id: string | undefined) {
  return useQuery({ ...editedClusterQuery(id ?? ''), enabled: Boolean(id) });
}

/** POST /api/v1/clusters: a curator proposes a cluster by hand, inviting the chosen cities. */
export function proposeCluster(input: ClusterInput) {
  return unwrap(api.POST('/api/v1/clusters', { body: input }));
}

export type ClusterEdit = { id: string; version: number; input: ClusterInput; invitedCityIds: string[] };

/**
 * PUT /api/v1/clusters/{id}, then PUT /api/v1/clusters/{id}/invitations with the version the first
 * answered: what the cluster is about, then who is invited. Either answers 409 on a stale version.
 */
export async function editCluster({ id, version, input, invitedCityIds }: ClusterEdit) {
  const edited = await unwrap(
    api.PUT('/api/v1/clusters/{id}', { params: { path: { id } }, body: { ...input, id, version } }),
  );
  const current = edited.invited.map((invitation) => invitation.cityId);
  const same = current.length === invitedCityIds.length && current.every((city) => invitedCityIds.includes(city));
  if (same) return edited;
  return unwrap(
    api.PUT('/api/v1/clusters/{id}/invitations', {
      params: { path: { id } },
      body: { version: edited.version, cityIds: invitedCityIds },
    }),
  );
}

function useClusterSaved() {
  const queryClient = useQueryClient();
  return async (cluster: Cluster) => {
    queryClient.setQueryData(editedClusterQuery(cluster.id).queryKey, cluster);
    await queryClient.invalidateQueries({
      queryKey: ['clusters'],
      predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== cluster.id,
    });
  };
}

export function useProposeCluster() {
  const saved = useClusterSaved();
  return useMutation({ mutationFn: proposeCluster, onSuccess: saved });
}

export function useEditCluster() {
  const saved = useClusterSaved();
  return useMutation({ mutationFn: editCluster, onSuccess: saved });
}
