import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/problem';

export type ReviewItem = Schemas['ReviewItem'];
export type ReviewStatus = ReviewItem['status'];

export const REVIEW_TABS = ['waiting', 'mine', 'assigned', 'returned'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

const TAB_QUERIES: Record<ReviewTab, { status?: ReviewStatus; mine?: boolean }> = {
  waiting: { status: 'SUBMITTED' },
  mine: { mine: true },
  assigned: { status: 'ASSIGNED' },
  returned: { status: 'RETURNED' },
};

export const reviewsKey = ['reviews'] as const;

/** GET /api/v1/reviews: the self-assessments in review, oldest submission first. */
export const reviewQueueQuery = (tab: ReviewTab, page: number, size: number) =>
  queryOptions({
    queryKey: [...reviewsKey, { ...TAB_QUERIES[tab], page, size }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/reviews', { params: { query: { ...TAB_QUERIES[tab], page, size } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useReviewQueue(tab: ReviewTab, page: number, size: number) {
  return useQuery(reviewQueueQuery(tab, page, size));
}
