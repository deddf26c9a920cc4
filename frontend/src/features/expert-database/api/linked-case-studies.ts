import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

type Characteristic = Schemas['Expert']['expertise']['characteristics'][number];

export const LINKED_PER_STEP = 5;

/**
 * GET /api/v1/case-studies?characteristic=…&status=PUBLISHED: published case studies of a
 * characteristic in the expert's expertise, the steps on which matching suggests the expert.
 */
export const linkedCaseStudiesQuery = (characteristic: Characteristic) =>
  queryOptions({
    queryKey: ['case-studies', 'list', { characteristic, status: 'PUBLISHED', size: LINKED_PER_STEP }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/case-studies', {
          params: { query: { characteristic, status: 'PUBLISHED', size: LINKED_PER_STEP } },
          signal,
        }),
      ),
  });
