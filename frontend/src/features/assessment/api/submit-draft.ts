import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { draftKey } from './assessment-draft';

export function submitDraft(cityId: string, version: number) {
  return unwrap(
    api.POST('/api/v1/cities/{id}/assessment/draft/submit', { params: { path: { id: cityId } }, body: { version } }),
  );
}

/** Hands the saved draft (at `version`) to the experts for review; the answer becomes the cached draft. */
export function useSubmitDraft(cityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => submitDraft(cityId, version),
    onSuccess: (submitted) => {
      queryClient.setQueryData(draftKey(cityId), submitted);
    },
  });
}
