import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Benchmark = Schemas['Benchmark'];

export const benchmarkQuery = (id: string) =>
  queryOptions({
    queryKey: ['benchmark', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cities/{id}/benchmark', { params: { path: { id } }, signal })),
  });

/** The city beside its region's median, its peers and its clusters' members. */
export function useBenchmark(id: string) {
  return useQuery(benchmarkQuery(id));
}
