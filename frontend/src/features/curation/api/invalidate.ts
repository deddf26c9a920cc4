import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/problem';

/** After a curation step: every case-study list and detail, and search results, are out of date. */
export function useCaseStudyChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['case-studies'] }),
      queryClient.invalidateQueries({ queryKey: ['search'] }),
    ]);
}

/**
 * On a 409 (someone else changed the case study first) the cached queue holds a stale version:
 * reload it, so the curator sees the current state and a retry sends the current version.
 */
export function useReloadOnConflict() {
  const changed = useCaseStudyChanged();
  return (error: Error) => {
    if (isApiError(error) && error.status === 409) void changed();
  };
}
