import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';

export type ReferenceData = Schemas['ReferenceData'];
export type Characteristic = Schemas['CharacteristicEntry'];
export type Criterion = Schemas['Criterion'];

/** The white paper's framework (characteristics, levels, criteria, domains…): fetched once. */
export const referenceQuery = queryOptions({
  queryKey: ['reference'],
  queryFn: () => unwrap(api.GET('/api/v1/reference')),
  staleTime: Infinity,
  gcTime: Infinity,
});

export function useReference() {
  return useQuery(referenceQuery);
}

/** The maturity levels in order, lowest first, as the API spells them. */
export const LEVELS = ['NOT_YET_ADDRESSED', 'BASIC', 'AVERAGE', 'MORE_ADVANCED', 'STATE_OF_THE_ART'] as const;
export type Level = (typeof LEVELS)[number] | 'NOT_ASSESSED';

export function levelIndex(level: string | undefined): number {
  return LEVELS.indexOf(level as (typeof LEVELS)[number]);
}

/** The level one above `from` (a step always climbs exactly one level). */
export function nextLevel(from: string): string | undefined {
  const index = levelIndex(from);
  return index >= 0 && index < LEVELS.length - 1 ? LEVELS[index + 1] : undefined;
}

/** The characteristics that are rated on the staircase (legal/regulatory is described, not rated). */
export function ratedCharacteristics(reference: ReferenceData): Characteristic[] {
  return reference.characteristics.filter((characteristic) => characteristic.rated);
}
