import { LEVELS } from '../../lib/reference/reference';

/** The levels that have criteria, lowest first (everything above "not yet addressed"). */
export const LEVELS_WITH_CRITERIA = LEVELS.slice(1) as readonly (typeof LEVELS)[number][];

export type DerivedLevel = (typeof LEVELS)[number];

type CriterionLike = { code: string; level: string };

/**
 * The level a set of met criteria reaches, as the backend's ReferenceDataService.derivedLevel does:
 * walking up the staircase, a level is reached when all its criteria and all criteria of every
 * level below are met; a level without criteria stops the walk. Nothing met → NOT_YET_ADDRESSED.
 */
export function derivedLevel(criteria: readonly CriterionLike[], met: ReadonlySet<string> | readonly string[]): DerivedLevel {
  const metSet = met instanceof Set ? met : new Set(met as readonly string[]);
  let reached: DerivedLevel = 'NOT_YET_ADDRESSED';
  for (const level of LEVELS_WITH_CRITERIA) {
    const needed = criteria.filter((criterion) => criterion.level === level);
    if (needed.length === 0 || !needed.every((criterion) => metSet.has(criterion.code))) break;
    reached = level;
  }
  return reached;
}
