import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { LocalizedText } from '../i18n/localized';

/** How many cities a picker offers at once; more are found by typing more of the name. */
export const CITY_OPTIONS = 10;

/** A city a picker offers: its id, its names when known, and the name a completion matched. */
export type CityOption = { id: string; name?: LocalizedText; matched?: string };
export type CitySearch = { options: CityOption[]; total: number };

/**
 * Cities whose name matches `text`, in any language, best first: completions of the name's start
 * (`/search/suggest`, so "Zag" finds Zagreb and "浙江" finds 浙江省嘉兴市) before full-text hits
 * (`/search`, whole words, typo-tolerant and with Chinese word splitting, so "嘉兴" finds it too).
 * Both are answered by Elasticsearch, so this stays fast with any number of cities.
 */
export async function searchCities(text: string, signal?: AbortSignal): Promise<CitySearch> {
  const q = text.trim();
  const [completed, found] = await Promise.allSettled([
    unwrap(api.GET('/api/v1/search/suggest', { params: { query: { q, type: ['city'], size: CITY_OPTIONS } }, signal })),
    unwrap(api.GET('/api/v1/search', { params: { query: { q, type: ['city'], size: CITY_OPTIONS } }, signal })),
  ]);
  if (completed.status === 'rejected' && found.status === 'rejected') throw found.reason;
  const hits = found.status === 'fulfilled' ? found.value.hits : [];
  const names = new Map(hits.map((hit) => [hit.id, hit.title] as const));
  const options = new Map<string, CityOption>();
  for (const suggestion of completed.status === 'fulfilled' ? completed.value.suggestions : []) {
    if (suggestion.type === 'city' && !options.has(suggestion.id)) {
      options.set(suggestion.id, { id: suggestion.id, name: names.get(suggestion.id), matched: suggestion.text });
    }
  }
  for (const hit of hits) if (!options.has(hit.id)) options.set(hit.id, { id: hit.id, name: hit.title });
  const total = Math.max(found.status === 'fulfilled' ? found.value.total : 0, options.size);
  return { options: [...options.values()].slice(0, CITY_OPTIONS), total };
}

export const citySearchQuery = (text: string) =>
  queryOptions({
    queryKey: ['cities', 'search', text.trim()],
    queryFn: ({ signal }) => searchCities(text, signal),
    staleTime: 60_000,
  });

/** The cities matching what has been typed so far; nothing is asked before the first letter. */
export function useCitySearch(text: string) {
  return useQuery({ ...citySearchQuery(text), enabled: text.trim().length > 0, placeholderData: keepPreviousData });
}
