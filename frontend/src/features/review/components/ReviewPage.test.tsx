import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ReviewPage } from './ReviewPage';
import { ReviewQueuePage } from './ReviewQueuePage';

async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const reference = {
  characteristics: [
    {
      code: 'STRATEGY',
      number: 1,
      name: { en: 'Smart City Strategy', zh: '智慧城市战略' },
      rated: true,
      criteria: [
        { code: 'STRATEGY.BASIC.1', level: 'BASIC', text: { en: 'A vision exists', zh: '有愿景' } },
        { code: 'STRATEGY.AVERAGE.1', level: 'AVERAGE', text: { en: 'Goals are measurable', zh: '目标可衡量' } },
        { code: 'STRATEGY.MORE_ADVANCED.1', level: 'MORE_ADVANCED', text: { en: 'Progress is reviewed yearly', zh: '每年评估进展' } },
      ],
      questions: [{ code: 'STRATEGY.Q1', text: { en: 'What is the strategy?', zh: '战略是什么？' } }],
      description: {},
      citation: { section: '3' },
    },
  ],
  levels: [],
  serviceDomains: [],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

const previous = {
  cityId: 'tallinn',
  status: 'VALIDATED',
  round: 1,
  assessedAt: '2014-03-15',
  updatedAt: '2026-01-01T00:00:00Z',
  characteristics: [
    { characteristic: 'STRATEGY', level: 'AVERAGE', criteriaMet: ['STRATEGY.AVERAGE.1', 'STRATEGY.BASIC.1'], evidence: { answers: { 'STRATEGY.Q1': 'Old plan' }, links: [] } },
  ],
};

const draft = (reviewer?: { expertId: string; name: string }) => ({
  cityId: 'tallinn',
  status: 'SUBMITTED',
  round: 2,
  version: 7,
  updatedAt: '2026-12-01T00:00:00Z',
  reviewNotes: [],
  reviewer,
  characteristics: [
    {
      characteristic: 'STRATEGY',
      level: 'MORE_ADVANCED',
      criteriaMet: ['STRATEGY.AVERAGE.1', 'STRATEGY.BASIC.1', 'STRATEGY.MORE_ADVANCED.1'],
      evidence: { answers: { 'STRATEGY.Q1': 'New programme adopted' }, links: ['https://example.org/plan'] },
    },
  ],
});

type Seen = { path: string; body: unknown }[];

function answer(me: Record<string, unknown>, reviewer?: { expertId: string; name: string }) {
  const seen: Seen = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json(me)),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/cities/tallinn', () => HttpResponse.json({ id: 'tallinn', name: { en: 'Tallinn', zh: '塔林' } })),
    http.get('*/api/v1/cities/tallinn/assessment', () => HttpResponse.json(previous)),
    http.get('*/api/v1/cities/tallinn/assessment/draft', () => HttpResponse.json(draft(reviewer))),
    http.post('*/api/v1/cities/tallinn/assessment/draft/:step', async ({ request, params }) => {
      seen.push({ path: String(params.step), body: await request.json() });
      return HttpResponse.json({ ...draft(reviewer), status: params.step === 'return' ? 'RETURNED' : 'VALIDATED' });
    }),
  );
  return seen;
}

const expertDemo = { username: 'expert.demo', roles: ['expert'], expertId: 'demo-expert' };
const assigned = { expertId: 'demo-expert', name: 'Dr. Demo' };

describe('ReviewPage', () => {
  it('shows per characteristic the criteria with evidence, the level beside the previous round and what changed', async () => {
    answer(expertDemo, assigned);
    const { container } = await renderPage(<ReviewPage />, { path: '/review/tallinn', route: '/review/:cityId', user: { username: 'expert.demo' } });

    const strategy = await screen.findByRole('region', { name: /Smart City Strategy/ });
    expect(within(strategy).getByText('Changed')).toBeInTheDocument();
    expect(within(strategy).getByText('More advanced')).toBeInTheDocument();
    expect(within(strategy).getByText('Average')).toBeInTheDocument();
    const added = within(strategy).getByText('Progress is reviewed yearly').closest('li')!;
    expect(within(added).getByText('New')).toBeInTheDocument();
    expect(within(strategy).getByText('New programme adopted')).toBeInTheDocument();
    expect(within(strategy).getByText('Rewritten')).toBeInTheDocument();
    expect(screen.getByText('Reviewed by Dr. Demo')).toBeInTheDocument();
    expect(screen.getByText(/Compared with round 1/)).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('asks for a note before returning, then returns with the note and the version', async () => {
    const seen = answer(expertDemo, assigned);
    await renderPage(<ReviewPage />, { path: '/review/tallinn', route: '/review/:cityId', user: { username: 'expert.demo' } });

    await userEvent.click(await screen.findByRole('button', { name: 'Return to the city' }));
    expect(screen.getByRole('textbox', { name: 'Note to the city' })).toHaveAccessibleDescription(/Write what the city should add/);
    expect(seen).toEqual([]);

    await userEvent.type(screen.getByRole('textbox', { name: 'Note to the city' }), 'Add the council decision');
    await userEvent.click(screen.getByRole('button', { name: 'Return to the city' }));
    expect(await screen.findByText('Returned to the city with your note.')).toBeInTheDocument();
    expect(seen).toEqual([{ path: 'return', body: { version: 7, note: 'Add the council decision' } }]);
  });

  it('offers no decision to an expert who is not assigned, in Chinese too', async () => {
    answer({ username: 'other', roles: ['expert'], expertId: 'someone-else' }, assigned);
    const { container } = await renderPage(<ReviewPage />, {
      path: '/review/tallinn',
      route: '/review/:cityId',
      user: { username: 'other' },
      language: 'zh-CN',
    });
    expect(await screen.findByText('只有负责的评审专家或管理员可以确认或退回此自评估。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认' })).not.toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('ReviewQueuePage', () => {
  const item = (overrides: Record<string, unknown> = {}) => ({
    cityId: 'tallinn',
    cityName: { en: 'Tallinn', zh: '塔林' },
    round: 2,
    status: 'SUBMITTED',
    characteristics: ['STRATEGY'],
    submittedAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    version: 4,
    ...overrides,
  });

  it('lets a curator assign an expert with matching expertise, with the version', async () => {
    const seen: Seen = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/reviews', () => HttpResponse.json({ items: [item()], page: 0, size: 10, total: 1 })),
      http.get('*/api/v1/experts', ({ request }) => {
        expect(new URL(request.url).searchParams.get('characteristic')).toBe('STRATEGY');
        return HttpResponse.json({ items: [{ id: 'demo-expert', name: 'Dr. Demo' }], page: 0, size: 100, total: 1 });
      }),
      http.post('*/api/v1/cities/tallinn/assessment/draft/assign', async ({ request }) => {
        seen.push({ path: 'assign', body: await request.json() });
        return HttpResponse.json(draft(assigned));
      }),
    );
    const { container } = await renderPage(<ReviewQueuePage />, { path: '/review', route: '/review', user: { username: 'curator.demo' } });

    const tallinn = await screen.findByRole('article', { name: 'Tallinn' });
    const select = within(tallinn).getByRole('combobox', { name: 'Expert with matching expertise' });
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Dr. Demo' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'demo-expert');
    await userEvent.click(within(tallinn).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned to Dr. Demo.')).toBeInTheDocument();
    expect(seen).toEqual([{ path: 'assign', body: { version: 4, expertId: 'demo-expert' } }]);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('lets an expert take on a waiting review and open its own', async () => {
    const seen: Seen = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(expertDemo)),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/reviews', ({ request }) => {
        const mine = new URL(request.url).searchParams.get('mine') === 'true';
        const items = mine ? [item({ cityId: 'riga', cityName: { en: 'Riga' }, status: 'ASSIGNED', expertId: 'demo-expert', expertName: 'Dr. Demo' })] : [item()];
        return HttpResponse.json({ items, page: 0, size: 10, total: 1 });
      }),
      http.post('*/api/v1/cities/tallinn/assessment/draft/claim', async ({ request }) => {
        seen.push({ path: 'claim', body: await request.json() });
        return HttpResponse.json(draft(assigned));
      }),
    );
    await renderPage(<ReviewQueuePage />, { path: '/review', route: '/review', user: { username: 'expert.demo' } });
    const riga = await screen.findByRole('article', { name: 'Riga' });
    expect(within(riga).getByRole('link', { name: 'Review it' })).toHaveAttribute('href', '/review/riga');

    await userEvent.click(screen.getByRole('link', { name: 'Waiting for an expert' }));
    const tallinn = await screen.findByRole('article', { name: 'Tallinn' });
    expect(within(tallinn).queryByRole('link', { name: /review/i })).not.toBeInTheDocument();
    await userEvent.click(within(tallinn).getByRole('button', { name: 'Take on this review' }));
    expect(await screen.findByText('You review this self-assessment now.')).toBeInTheDocument();
    expect(seen).toEqual([{ path: 'claim', body: { version: 4 } }]);
  });
});
