import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Suggestion = Schemas['Suggestion'];

/** Completions while typing (cities, case-study titles, experts), from two characters on. */
export function useSuggestions(prefix: string) {
  const q = prefix.trim();
  return useQuery({
    queryKey: ['suggest', q],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/search/suggest', { params: { query: { q, size: 8 } }, signal })).then(
        (answer) => answer.suggestions,
      ),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}
