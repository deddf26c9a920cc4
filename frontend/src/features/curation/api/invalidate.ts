import { useQueryClient } from '@tanstack/react-query';

/** After a curation step: every case-study list and detail, and search results, are out of date. */
export function useCaseStudyChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['case-studies'] }),
      queryClient.invalidateQueries({ queryKey: ['search'] }),
    ]);
}
