import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type Expert = Schemas['Expert'];
export type ExpertInput = Schemas['ExpertInput'];
export type ExpertStatus = Expert['status'];

export const expertsKey = ['experts'] as const;

/** GET /api/v1/experts?status=…: curators list proposed, approved and retired experts. */
export const expertsByStatusQuery = (status: ExpertStatus, page: number, size: number) =>
  queryOptions({
    queryKey: [...expertsKey, 'list', { status, page, size }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/experts', { params: { query: { status, page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useExpertsByStatus(status: ExpertStatus, page: number, size: number) {
  return useQuery(expertsByStatusQuery(status, page, size));
}

/** POST /api/v1/experts: a curator proposes an expert (PROPOSED until approved). */
export function proposeExpert(input: ExpertInput) {
  return unwrap(api.POST('/api/v1/experts', { body: input }));
}

/** PUT /api/v1/experts/{id}: a curator edits an expert, with the version read. */
export function updateExpert({ id, input }: { id: string; input: ExpertInput }) {
  return unwrap(api.PUT('/api/v1/experts/{id}', { params: { path: { id } }, body: input }));
}

/** POST /api/v1/experts/{id}/approve. */
export function approveExpert({ id, version }: { id: string; version: number }) {
  return unwrap(api.POST('/api/v1/experts/{id}/approve', { params: { path: { id } }, body: { version } }));
}

/** POST /api/v1/experts/{id}/retire: gone from search, matching and review; the record stays. */
export function retireExpert({ id, version }: { id: string; version: number }) {
  return unwrap(api.POST('/api/v1/experts/{id}/retire', { params: { path: { id } }, body: { version } }));
}

/** Not awaited: the caller's announcement comes first, before the refetch moves the row away. */
function useExpertsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: expertsKey });
  };
}

export const useProposeExpert = () => useMutation({ mutationFn: proposeExpert, onSuccess: useExpertsChanged() });
export const useUpdateExpert = () => useMutation({ mutationFn: updateExpert, onSuccess: useExpertsChanged() });
export const useApproveExpert = () => useMutation({ mutationFn: approveExpert, onSuccess: useExpertsChanged() });
export const useRetireExpert = () => useMutation({ mutationFn: retireExpert, onSuccess: useExpertsChanged() });
