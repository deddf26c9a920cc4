import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Matches = Schemas['Matches'];
export type MatchCharacteristic = Matches['characteristic'];

/** More peer cities for one characteristic (409 when the city has no validated level there). */
export const matchesQuery = (id: string, characteristic: MatchCharacteristic, limit = 10) =>
  queryOptions({
    queryKey: ['cities', id, 'matches', characteristic, limit],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cities/{id}/matches', {
          params: { path: { id }, query: { characteristic, limit } },
          signal,
        }),
      ),
  });

export function useMatches(id: string, characteristic: MatchCharacteristic, enabled: boolean, limit = 10) {
  return useQuery({ ...matchesQuery(id, characteristic, limit), enabled });
}
