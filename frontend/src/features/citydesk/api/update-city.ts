import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { cityQuery } from '../../../lib/city/city';

export type CityInput = Schemas['CityInput'];

/** Saves the city's profile (the representation read, changed, with the version read); a stale version is a 409. */
export function useUpdateCity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CityInput) => unwrap(api.PUT('/api/v1/cities/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(cityQuery(id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['cities', id] });
      void queryClient.invalidateQueries({ queryKey: ['benchmark', id] });
    },
  });
}
