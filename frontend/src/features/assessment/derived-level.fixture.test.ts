import fixture from '../../../../shared-fixtures/level-rule.json';
import reference from '../../../../backend/src/main/resources/reference/reference-data.json';
import { derivedLevel } from './derived-level';

/**
 * The level rule on the fixture the backend's LevelRuleFixtureTest reads too (with the backend's
 * own reference data), so the front end's copy of the rule cannot drift from the backend's.
 */
describe('derivedLevel on the shared level-rule fixture', () => {
  const criteriaOf = (code: string) => {
    const characteristic = reference.characteristics.find((entry) => entry.code === code);
    if (!characteristic) throw new Error(`unknown characteristic ${code} in shared-fixtures/level-rule.json`);
    return characteristic.criteria;
  };

  it('has cases for several characteristics and every level', () => {
    expect(new Set(fixture.cases.map((entry) => entry.characteristic)).size).toBeGreaterThan(4);
    expect(new Set(fixture.cases.map((entry) => entry.level))).toEqual(
      new Set(['NOT_YET_ADDRESSED', 'BASIC', 'AVERAGE', 'MORE_ADVANCED', 'STATE_OF_THE_ART']),
    );
  });

  it.each(fixture.cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    expect(derivedLevel(criteriaOf(entry.characteristic), entry.met)).toBe(entry.level);
  });
});
