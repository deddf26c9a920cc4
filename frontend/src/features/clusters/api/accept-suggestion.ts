import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { clusterQuery } from './cluster';

export type AcceptSuggestion = { suggestionId: string; leadCityId?: string };

/** POST /api/v1/clusters/suggestions/{id}/accept: proposes the suggested cluster (PROPOSED until a curator approves). */
export function acceptSuggestion({ suggestionId, leadCityId }: AcceptSuggestion) {
  return unwrap(
    api.POST('/api/v1/clusters/suggestions/{suggestionId}/accept', {
      params: { path: { suggestionId } },
      body: leadCityId ? { leadCityId } : {},
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
