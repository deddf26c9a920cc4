import type { Schemas } from '../lib/api/client';

const citation = { section: '§4', page: 10 };

/** A characteristic of the framework as the reference data serves it, for tests' fixtures. */
export function characteristicEntry(code: Schemas['CharacteristicEntry']['code'], number: number, en: string, zh: string, rated = true) {
  return { code, number, rated, name: { en, zh }, description: {}, citation, criteria: [], questions: [] };
}
