import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { useGlossaryChanged } from './invalidate';

/** DELETE /api/v1/glossary/{id}: removes a term; search stops bridging its words at once. */
export function deleteTerm(id: string) {
  return unwrap(api.DELETE('/api/v1/glossary/{id}', { params: { path: { id } } }));
}

export function useDeleteTerm() {
  const changed = useGlossaryChanged();
  return useMutation({ mutationFn: deleteTerm, onSuccess: changed });
}
