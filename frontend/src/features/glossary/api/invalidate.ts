import { useQueryClient } from '@tanstack/react-query';
import { GLOSSARY_KEY } from './glossary';

/** After a change to the glossary: its lists and terms, and search results (a term changes what search finds at once). */
export function useGlossaryChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: GLOSSARY_KEY }),
      queryClient.invalidateQueries({ queryKey: ['search'] }),
    ]);
}
