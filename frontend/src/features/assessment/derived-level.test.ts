import { derivedLevel } from './derived-level';

const criteria = [
  { code: 'FUNDING.BASIC.1', level: 'BASIC' },
  { code: 'FUNDING.BASIC.2', level: 'BASIC' },
  { code: 'FUNDING.AVERAGE.1', level: 'AVERAGE' },
  { code: 'FUNDING.MORE_ADVANCED.1', level: 'MORE_ADVANCED' },
  { code: 'FUNDING.MORE_ADVANCED.2', level: 'MORE_ADVANCED' },
  { code: 'FUNDING.STATE_OF_THE_ART.1', level: 'STATE_OF_THE_ART' },
];

describe('derivedLevel', () => {
  it('is "not yet addressed" when nothing is met', () => {
    expect(derivedLevel(criteria, [])).toBe('NOT_YET_ADDRESSED');
  });

  it('needs every criterion of a level', () => {
    expect(derivedLevel(criteria, ['FUNDING.BASIC.1'])).toBe('NOT_YET_ADDRESSED');
    expect(derivedLevel(criteria, ['FUNDING.BASIC.1', 'FUNDING.BASIC.2'])).toBe('BASIC');
  });

  it('climbs one level at a time as criteria are ticked', () => {
    const met = new Set<string>();
    const seen = criteria.map((criterion) => {
      met.add(criterion.code);
      return derivedLevel(criteria, met);
    });
    expect(seen).toEqual(['NOT_YET_ADDRESSED', 'BASIC', 'AVERAGE', 'AVERAGE', 'MORE_ADVANCED', 'STATE_OF_THE_ART']);
  });

  it('is held back by a missing lower criterion whatever is met above', () => {
    const all = criteria.map((criterion) => criterion.code).filter((code) => code !== 'FUNDING.BASIC.2');
    expect(derivedLevel(criteria, all)).toBe('NOT_YET_ADDRESSED');
    const noAverage = criteria.map((criterion) => criterion.code).filter((code) => code !== 'FUNDING.AVERAGE.1');
    expect(derivedLevel(criteria, noAverage)).toBe('BASIC');
  });

  it('stops at a level that has no criteria', () => {
    const gap = criteria.filter((criterion) => criterion.level !== 'AVERAGE');
    expect(derivedLevel(gap, gap.map((criterion) => criterion.code))).toBe('BASIC');
  });

  it('is "not yet addressed" for a characteristic without criteria', () => {
    expect(derivedLevel([], ['X.BASIC.1'])).toBe('NOT_YET_ADDRESSED');
  });
});
