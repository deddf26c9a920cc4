import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Indicator = Schemas['Indicator'];

/** The whole indicator catalogue (it is small: one page of 100), cached for the session. */
export const indicatorsQuery = queryOptions({
  queryKey: ['reference', 'indicators'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reference/indicators', { params: { query: { size: 100 } }, signal })),
  staleTime: Infinity,
});

export function useIndicators() {
  return useQuery(indicatorsQuery);
}

/** Indicators whose code or title (either language) contains every word of `text`. */
export function matchIndicators(indicators: Indicator[], text: string, standard: string): Indicator[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return indicators.filter((indicator) => {
    if (standard && indicator.standard !== standard) return false;
    const haystack = [indicator.code, ...Object.values(indicator.title)].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
