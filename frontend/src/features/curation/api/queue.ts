import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type CaseStudy = Schemas['CaseStudy'];
export type CaseStudyStatus = CaseStudy['status'];

export const QUEUES = ['submitted', 'reverification', 'changes-requested', 'published'] as const;
export type Queue = (typeof QUEUES)[number];

type QueueQuery = { status?: CaseStudyStatus; dueForReverification?: boolean };

const QUEUE_QUERIES: Record<Queue, QueueQuery> = {
  submitted: { status: 'SUBMITTED' },
  reverification: { dueForReverification: true },
  'changes-requested': { status: 'CHANGES_REQUESTED' },
  published: { status: 'PUBLISHED' },
};

/**
 * GET /api/v1/case-studies for a curation queue: submitted ones, published ones due for
 * re-verification, ones waiting for the city's changes, or all published ones (curators see all).
 */
export const curationQueueQuery = (queue: Queue, page: number, size: number) =>
  queryOptions({
    queryKey: ['case-studies', 'list', { ...QUEUE_QUERIES[queue], page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/case-studies', { params: { query: { ...QUEUE_QUERIES[queue], page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useCurationQueue(queue: Queue, page: number, size: number) {
  return useQuery(curationQueueQuery(queue, page, size));
}
