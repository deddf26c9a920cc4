import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type ManagedCity = Schemas['ManagedCity'];

/** GET /api/v1/admin/cities/{id}: one city, shown or hidden, with its state (admins). */
export const managedCityQuery = (id: string) =>
  queryOptions({
    queryKey: ['admin', 'cities', 'detail', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/cities/{id}', { params: { path: { id } }, signal })),
  });

export function useManagedCity(id: string) {
  return useQuery({ ...managedCityQuery(id), enabled: Boolean(id) });
}

/** GET /api/v1/admin/cities/hidden: retired cities and those being deleted. */
export const hiddenCitiesQuery = (page: number) =>
  queryOptions({
    queryKey: ['admin', 'cities', 'hidden', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/cities/hidden', { params: { query: { page, size: 20 } }, signal })),
  });

export function useHiddenCities(page: number) {
  return useQuery(hiddenCitiesQuery(page));
}

type Step = { id: string; version: number };

export function retireCity({ id, version }: Step) {
  return unwrap(api.POST('/api/v1/admin/cities/{id}/retire', { params: { path: { id } }, body: { version } }));
}

export function restoreCity({ id, version }: Step) {
  return unwrap(api.POST('/api/v1/admin/cities/{id}/restore', { params: { path: { id } }, body: { version } }));
}

/** DELETE /api/v1/admin/cities/{id}?confirm=…: the typed id must repeat the city's. */
export function deleteCity({ id, confirm }: { id: string; confirm: string }) {
  return unwrap(api.DELETE('/api/v1/admin/cities/{id}', { params: { path: { id }, query: { confirm } } }));
}

/** After a city was retired, restored or deleted: every city list, match, report and cluster may change. */
function useCitiesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useRetireCity() {
  const changed = useCitiesChanged();
  return useMutation({ mutationFn: retireCity, onSettled: changed });
}

export function useRestoreCity() {
  const changed = useCitiesChanged();
  return useMutation({ mutationFn: restoreCity, onSettled: changed });
}

export function useDeleteCity() {
  const changed = useCitiesChanged();
  return useMutation({ mutationFn: deleteCity, onSettled: changed });
}
