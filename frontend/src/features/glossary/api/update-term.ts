import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import type { GlossaryTermInput } from './glossary';
import { useGlossaryChanged } from './invalidate';

/** PUT /api/v1/glossary/{id}: `body.version` must be the version read; 409 when someone saved meanwhile. */
export function updateTerm({ id, body }: { id: string; body: GlossaryTermInput }) {
  return unwrap(api.PUT('/api/v1/glossary/{id}', { params: { path: { id } }, body }));
}

export function useUpdateTerm() {
  const changed = useGlossaryChanged();
  return useMutation({ mutationFn: updateTerm, onSuccess: changed });
}
