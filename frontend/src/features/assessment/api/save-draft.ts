import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { draftKey } from './assessment-draft';

export type AssessmentDraft = Schemas['AssessmentDraft'];
export type AssessedCharacteristicInput = Schemas['AssessedCharacteristicInput'];

export function saveDraft(cityId: string, body: AssessmentDraft) {
  return unwrap(api.PUT('/api/v1/cities/{id}/assessment/draft', { params: { path: { id: cityId } }, body }));
}

/** Saves the whole draft (with the version read); the answer becomes the cached draft. */
export function useSaveDraft(cityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentDraft) => saveDraft(cityId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(draftKey(cityId), saved);
    },
  });
}
