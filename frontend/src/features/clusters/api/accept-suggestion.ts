import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { clusterQuery } from './cluster';

export type AcceptSuggestion = { suggestionId: string; leadCityId?: string; invitedCityIds?: string[] };

/**
 * POST /api/v1/clusters/suggestions/{id}/accept: proposes the suggested cluster (PROPOSED until a curator
 * approves), inviting `invitedCityIds` of the suggested cities (all of them when absent).
 */
export function acceptSuggestion({ suggestionId, leadCityId, invitedCityIds }: AcceptSuggestion) {
  return unwrap(
    api.POST('/api/v1/clusters/suggestions/{suggestionId}/accept', {
      params: { path: { suggestionId } },
      body: { ...(leadCityId ? { leadCityId } : {}), ...(invitedCityIds ? { invitedCityIds } : {}) },
    }),
  );
}

export function useAcceptSuggestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptSuggestion,
    onSuccess: async (cluster) => {
      queryClient.setQueryData(clusterQuery(cluster.id).queryKey, cluster);
      await queryClient.invalidateQueries({ queryKey: ['clusters'] });
    },
  });
}
