import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';
import { GLOSSARY_KEY } from './glossary';

/** GET /api/v1/glossary/{id}: one term with its current version, for editing. */
export const glossaryTermQuery = (id: string) =>
  queryOptions({
    queryKey: [...GLOSSARY_KEY, 'term', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/glossary/{id}', { params: { path: { id } }, signal })),
  });

export function useGlossaryTerm(id: string | undefined) {
  return useQuery({ ...glossaryTermQuery(id ?? ''), enabled: Boolean(id) });
}
