import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Roadmap = Schemas['Roadmap'];
export type RoadmapStep = Schemas['RoadmapStep'];
export type PeerMatch = Schemas['PeerMatch'];
export type MatchExpert = Schemas['MatchExpert'];

/**
 * A city's staircase roadmap: per characteristic the next level, what is missing for it and the
 * best peers one step ahead. Only the city's editors, experts, curators and admins may read it.
 */
export const roadmapQuery = (id: string) =>
  queryOptions({
    queryKey: ['cities', id, 'roadmap'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}/roadmap', { params: { path: { id } }, signal })),
  });

/** `enabled` is false for anonymous visitors: the API would only answer 401. */
export function useRoadmap(id: string, enabled: boolean) {
  return useQuery({ ...roadmapQuery(id), enabled });
}
