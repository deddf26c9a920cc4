import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { GlossaryTermInput } from './glossary';
import { useGlossaryChanged } from './invalidate';

/** POST /api/v1/glossary: adds a term (curators, admins); its id is derived from the first English term. */
export function createTerm(body: GlossaryTermInput) {
  return unwrap(api.POST('/api/v1/glossary', { body }));
}

export function useCreateTerm() {
  const changed = useGlossaryChanged();
  return useMutation({ mutationFn: createTerm, onSuccess: changed });
}
