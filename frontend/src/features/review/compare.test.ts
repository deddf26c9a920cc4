import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../lib/api/client';
import { compareRounds } from './compare';

type Assessment = Schemas['Assessment'];

const round = (characteristics: Assessment['characteristics']): Assessment => ({
  cityId: 'tallinn',
  status: 'SUBMITTED',
  round: 2,
  updatedAt: '2026-12-01T10:00:00Z',
  characteristics,
});

describe('compareRounds', () => {
  it('shows criteria added and removed, rewritten evidence and the level beside the previous one', () => {
    const previous = round([
      { characteristic: 'STRATEGY', level: 'AVERAGE', criteriaMet: ['STRATEGY.BASIC.1', 'STRATEGY.AVERAGE.1'], evidence: { answers: { 'STRATEGY.Q1': 'Old plan' }, links: [] } },
      { characteristic: 'FUNDING', level: 'BASIC', criteriaMet: ['FUNDING.BASIC.1'], evidence: { answers: {}, links: [] } },
    ]);
    const draft = round([
      { characteristic: 'STRATEGY', level: 'MORE_ADVANCED', criteriaMet: ['STRATEGY.MORE_ADVANCED.1', 'STRATEGY.BASIC.1'], evidence: { answers: { 'STRATEGY.Q1': 'New plan' }, links: [] } },
      { characteristic: 'FUNDING', level: 'BASIC', criteriaMet: ['FUNDING.BASIC.1'], evidence: { answers: {}, links: [] } },
    ]);
    const [strategy, funding] = compareRounds(draft, previous);
    expect(strategy).toMatchObject({
      level: 'MORE_ADVANCED',
      previousLevel: 'AVERAGE',
      met: ['STRATEGY.BASIC.1', 'STRATEGY.MORE_ADVANCED.1'],
      added: ['STRATEGY.MORE_ADVANCED.1'],
      removed: ['STRATEGY.AVERAGE.1'],
      changedAnswers: ['STRATEGY.Q1'],
      changed: true,
    });
    expect(funding?.changed).toBe(false);
  });

  it('counts everything answered as new on a first round', () => {
    const draft = round([
      { characteristic: 'FUNDING', level: 'BASIC', criteriaMet: ['FUNDING.BASIC.1'], evidence: { answers: {}, links: [] } },
    ]);
    expect(compareRounds(draft, null)[0]).toMatchObject({ previousLevel: undefined, added: ['FUNDING.BASIC.1'], changed: true });
  });
});
