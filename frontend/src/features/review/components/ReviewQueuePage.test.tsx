import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ReviewQueuePage } from './ReviewQueuePage';

const curator = { username: 'curator.demo' };

/** 150 approved experts in FUNDING, named "Expert 001" … "Expert 150", with ids in the same order. */
const experts = Array.from({ length: 150 }, (_, index) => {
  const number = String(index + 1).padStart(3, '0');
  return {
    id: `expert-${number}`,
    version: 0,
    name: `Expert ${number}`,
    affiliation: { en: 'Tongji University' },
    country: 'CN',
    region: 'CHINA',
    languages: ['zh', 'en'],
    expertise: { characteristics: ['FUNDING'], serviceDomains: [] },
    bio: {},
    availability: 'AVAILABLE',
    status: 'APPROVED',
    demo: false,
    createdAt: '2026-11-29T12:00:00Z',
    updatedAt: '2026-11-29T12:00:00Z',
  };
});

const waiting = {
  cityId: 'zagreb',
  cityName: { en: 'Zagreb' },
  characteristics: ['FUNDING'],
  round: 1,
  status: 'SUBMITTED',
  submittedAt: '2026-11-30T09:00:00Z',
  updatedAt: '2026-11-30T09:00:00Z',
  version: 3,
};

/** The backend as it answers: by id, a page of `size`, narrowed to names whose words start as typed. */
function answer() {
  const asked: URL[] = [];
  const assigned: unknown[] = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
    http.get('*/api/v1/reference', () =>
      HttpResponse.json({ characteristics: [], levels: [], serviceDomains: [], technologyTags: [], financingInstruments: [], businessModels: [], source: {} }),
    ),
    http.get('*/api/v1/reviews', () => HttpResponse.json({ items: [waiting], page: 0, size: 10, total: 1 })),
    http.get('*/api/v1/experts', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const words = (url.searchParams.get('name') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = experts.filter((expert) => {
        const parts = expert.name.toLowerCase().split(/\s+/);
        return words.every((word) => parts.some((part) => part.startsWith(word)));
      });
      const size = Number(url.searchParams.get('size') ?? 20);
      const page = Number(url.searchParams.get('page') ?? 0);
      return HttpResponse.json({ items: found.slice(page * size, page * size + size), page, size, total: found.length });
    }),
    http.post('*/api/v1/cities/:id/assessment/draft/assign', async ({ request }) => {
      assigned.push(await request.json());
      return HttpResponse.json({ ...waiting, status: 'ASSIGNED', expertId: 'expert-120', version: 4 });
    }),
  );
  return { asked, assigned };
}

describe('ReviewQueuePage reviewer picker', () => {
  it('finds the 120th of 150 experts by name and assigns them', async () => {
    const { asked, assigned } = answer();
    await renderPage(<ReviewQueuePage />, { path: '/review', route: '/review', user: curator });
    const form = await screen.findByRole('form', { name: 'Assign a reviewer' });
    const picker = within(form).getByLabelText('Expert with matching expertise');
    // the first page only, and a hint that there are more
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(21));
    expect(within(picker).queryByRole('option', { name: 'Expert 120' })).toBeNull();
    expect(await within(form).findByText('Showing 20 of 150 experts: type a name to find the others.')).toBeVisible();

    await userEvent.type(within(form).getByLabelText('Find an expert by name'), '120');
    const option = await within(picker).findByRole('option', { name: 'Expert 120' });
    await userEvent.selectOptions(picker, option);
    await userEvent.click(within(form).getByRole('button', { name: 'Assign' }));

    await waitFor(() => expect(assigned).toEqual([{ version: 3, expertId: 'expert-120' }]));
    expect(asked.every((url) => url.searchParams.get('characteristic') === 'FUNDING')).toBe(true);
    expect(asked.some((url) => url.searchParams.get('name') === '120')).toBe(true);
  });

  it('says so when no expert of the expertise has the name typed', async () => {
    answer();
    await renderPage(<ReviewQueuePage />, { path: '/review', route: '/review', user: curator });
    const form = await screen.findByRole('form', { name: 'Assign a reviewer' });
    await userEvent.type(within(form).getByLabelText('Find an expert by name'), 'Nobody');
    expect(await within(form).findByText('No expert with matching expertise is called “Nobody”.')).toBeVisible();
  });
});
