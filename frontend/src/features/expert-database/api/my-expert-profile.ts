import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { expertsKey, type ExpertInput } from './experts-admin';

export const myExpertKey = [...expertsKey, 'me'] as const;

/** GET /api/v1/experts/me: the expert record the signed-in expert's login is linked to. */
export const myExpertQuery = queryOptions({
  queryKey: myExpertKey,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/experts/me', { signal })),
});

export function useMyExpert() {
  return useQuery(myExpertQuery);
}

/** PUT /api/v1/experts/me: the expert saves its own profile, with the version read. */
export function saveMyExpert(input: ExpertInput) {
  return unwrap(api.PUT('/api/v1/experts/me', { body: input }));
}

export function useSaveMyExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMyExpert,
    onSuccess: (saved) => {
      queryClient.setQueryData(myExpertKey, saved);
      return queryClient.invalidateQueries({ queryKey: [...expertsKey, 'list'] });
    },
  });
}
