import type { Schemas } from '../../lib/api/client';

type Assessment = Schemas['Assessment'];
type Assessed = Assessment['characteristics'][number];

/** One characteristic of the round under review beside the previous validated round. */
export type Comparison = {
  code: Assessed['characteristic'];
  level: string | undefined;
  previousLevel: string | undefined;
  /** Criteria ticked in this round, in code order. */
  met: string[];
  /** Ticked now, not in the previous round. */
  added: string[];
  /** Ticked in the previous round, not any more. */
  removed: string[];
  /** Evidence answers whose text differs from the previous round's (question codes). */
  changedAnswers: string[];
  changed: boolean;
};

const byCode = (assessment: Assessment | null | undefined) =>
  new Map((assessment?.characteristics ?? []).map((entry) => [entry.characteristic, entry]));

/**
 * What changed per characteristic since the previous validated round: the level (derived by the
 * server from the criteria), criteria added and removed, and evidence rewritten. Without a previous
 * round everything answered counts as changed.
 */
export function compareRounds(draft: Assessment, previous: Assessment | null | undefined): Comparison[] {
  const before = byCode(previous);
  return draft.characteristics.map((entry) => {
    const old = before.get(entry.characteristic);
    const met = [...entry.criteriaMet].sort();
    const oldMet = new Set(old?.criteriaMet ?? []);
    const nowMet = new Set(entry.criteriaMet);
    const added = met.filter((code) => !oldMet.has(code));
    const removed = [...oldMet].filter((code) => !nowMet.has(code)).sort();
    const answers = entry.evidence.answers;
    const oldAnswers = old?.evidence.answers ?? {};
    const changedAnswers = [...new Set([...Object.keys(answers), ...Object.keys(oldAnswers)])]
      .filter((question) => (answers[question] ?? '') !== (oldAnswers[question] ?? ''))
      .sort();
    const linksChanged = (entry.evidence.links ?? []).join('\n') !== (old?.evidence.links ?? []).join('\n');
    return {
      code: entry.characteristic,
      level: entry.level,
      previousLevel: old?.level,
      met,
      added,
      removed,
      changedAnswers,
      changed:
        entry.level !== old?.level || added.length > 0 || removed.length > 0 || changedAnswers.length > 0 || linksChanged,
    };
  });
}
