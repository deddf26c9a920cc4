import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type GlossaryEntry = Schemas['GlossaryEntry'];
export type GlossaryTermInput = Schemas['GlossaryTermInput'];
export type GlossaryCategory = GlossaryEntry['category'];

export const CATEGORIES: readonly GlossaryCategory[] = [
  'VOCABULARY',
  'SERVICE_DOMAIN',
  'CHARACTERISTIC',
  'LEVEL',
  'TECHNOLOGY',
  'FINANCING',
  'BUSINESS_MODEL',
];

export function isCategory(value: string | null | undefined): value is GlossaryCategory {
  return CATEGORIES.includes(value as GlossaryCategory);
}

export type GlossaryFilter = { q: string; category?: GlossaryCategory; page: number; size: number };

/** Every glossary query (lists and terms) starts with this key: a change invalidates them all. */
export const GLOSSARY_KEY = ['glossary'] as const;

/** GET /api/v1/glossary: terms containing the words in either language, of one category, a page at a time. */
export const glossaryQuery = ({ q, category, page, size }: GlossaryFilter) =>
  queryOptions({
    queryKey: [...GLOSSARY_KEY, 'list', { q, category, page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/glossary', { params: { query: { q: q || undefined, category, page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useGlossary(filter: GlossaryFilter) {
  return useQuery(glossaryQuery(filter));
}
