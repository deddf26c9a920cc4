import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { EMPTY_SUGGESTIONS_REFETCH_MS } from '../api/suggestions';
import { ClustersPage } from './ClustersPage';

/** axe-core in jsdom (colour contrast cannot be computed here; checked in the browser). */
async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

const suggestions = {
  computedAt: '2026-11-29T20:54:35Z',
  modularity: 0.43,
  cities: 30,
  page: 0,
  size: 6,
  total: 1,
  items: [
    {
      suggestion: {
        id: 's-water',
        cohesion: 0.38,
        members: [
          { cityId: 'yantai', name: { en: 'Yantai', zh: '烟台' } },
          { cityId: 'korla', name: { en: 'Korla', zh: '库尔勒' } },
        ],
        sharedTopics: [
          { kind: 'SERVICE_DOMAIN', code: 'WATER', name: { en: 'Water', zh: '水务' }, cities: 2 },
          { kind: 'TECHNOLOGY', code: 'IOT', name: { en: 'Internet of Things', zh: '物联网' }, cities: 2 },
        ],
        reasons: [
          { en: 'All 2 cities work on Water.', zh: '2个城市都关注水务。' },
          { en: 'On average, two of these cities share 38% of what they work on.', zh: '这些城市两两之间平均有38%的工作领域相同。' },
        ],
      },
    },
  ],
};

const clusters = {
  items: [
    {
      id: 'energy',
      version: 1,
      name: { en: 'Positive energy districts', zh: '正能量街区' },
      purpose: { en: 'Buildings that produce more than they use.' },
      status: 'ACTIVE',
      topic: { characteristics: [], serviceDomains: ['ENERGY_UTILITIES'], keywords: [] },
      members: [{ cityId: 'lyon', name: { en: 'Lyon', zh: '里昂' }, role: 'LEAD', joinedAt: '2026-10-01T10:00:00Z' }],
      invited: [],
      caseStudyIds: [],
      expertIds: [],
      origin: { kind: 'CITY', by: 'editor.lyon', reasons: [] },
      createdAt: '2026-10-01T10:00:00Z',
      updatedAt: '2026-10-01T10:00:00Z',
    },
  ],
  page: 0,
  size: 12,
  total: 1,
};

function answer(me?: { username: string; roles: string[]; cityId?: string }) {
  const seen: { url: URL; body?: unknown }[] = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json(me ?? { username: 'nobody', roles: [] })),
    http.get('*/api/v1/reference', () =>
      HttpResponse.json({ characteristics: [], levels: [], serviceDomains: [{ code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} }], technologyTags: [], financingInstruments: [], businessModels: [], source: {} }),
    ),
    http.get('*/api/v1/clusters/suggestions', () => HttpResponse.json(suggestions)),
    http.get('*/api/v1/clusters', ({ request }) => {
      seen.push({ url: new URL(request.url) });
      return HttpResponse.json(clusters);
    }),
    http.post('*/api/v1/clusters/suggestions/:id/accept', async ({ request }) => {
      seen.push({ url: new URL(request.url), body: await request.json() });
      return HttpResponse.json({ ...clusters.items[0], id: 'new-water', status: 'PROPOSED' });
    }),
  );
  return seen;
}

describe('ClustersPage', () => {
  it('shows a cluster named only in Chinese to an English reader, its name and lead city marked as Chinese', async () => {
    answer();
    server.use(
      http.get('*/api/v1/clusters', () =>
        HttpResponse.json({
          ...clusters,
          items: [
            {
              ...clusters.items[0],
              name: { zh: '成渝智慧交通' },
              purpose: { zh: '共享停车与公交数据。' },
              members: [{ cityId: 'chengdu', name: { zh: '成都' }, role: 'LEAD', joinedAt: '2026-10-01T10:00:00Z' }],
            },
          ],
        }),
      ),
    );
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters' });

    const card = await screen.findByRole('article', { name: '成渝智慧交通 (only in Chinese)' });
    expect(within(card).getByText('成渝智慧交通')).toHaveAttribute('lang', 'zh-CN');
    const lead = within(card).getByText(/^Led by/);
    expect(lead).toHaveTextContent(/^Led by 成都 中文\(only in Chinese\)$/);
    expect(within(lead).getByText('成都')).toHaveAttribute('lang', 'zh-CN');
    expect(within(card).getByText('共享停车与公交数据。')).toHaveAttribute('lang', 'zh-CN');
  });

  it('lists clusters and filters them by status', async () => {
    const seen = answer();
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters' });

    const card = await screen.findByRole('article', { name: 'Positive energy districts' });
    expect(within(card).getByRole('link', { name: 'Positive energy districts' })).toHaveAttribute('href', '/clusters/energy');
    expect(within(card).getByText('Active')).toBeInTheDocument();
    expect(within(card).getByText(/^Led by/)).toHaveTextContent(/^Led by Lyon$/);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Proposed');
    await waitFor(() => expect(seen.at(-1)?.url.searchParams.get('status')).toBe('PROPOSED'));
  });

  it('explains each suggestion and asks anonymous visitors to sign in to propose it', async () => {
    answer();
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters' });

    const suggestion = await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' });
    expect(within(suggestion).getByText('All 2 cities work on Water.')).toBeInTheDocument();
    expect(within(suggestion).getByText('Water (2 cities)')).toBeInTheDocument();
    expect(within(suggestion).getByRole('link', { name: 'Korla' })).toHaveAttribute('href', '/cities/korla');
    expect(within(suggestion).getByText(/38%/, { selector: 'dd' })).toBeInTheDocument();
    expect(within(suggestion).queryByRole('button', { name: 'Propose this cluster' })).not.toBeInTheDocument();
    expect(within(suggestion).getByText(/Sign in as an editor/)).toBeInTheDocument();
  });

  it('has no serious accessibility violations', async () => {
    answer({ username: 'curator.demo', roles: ['curator'] });
    const { container } = await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'curator.demo' } });
    await screen.findByRole('article', { name: 'Positive energy districts' });
    await screen.findByRole('combobox', { name: 'Lead city' });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows the reasons in Chinese when the UI is Chinese', async () => {
    answer();
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', language: 'zh-CN' });

    const suggestion = await screen.findByRole('article', { name: '建议：水务、物联网' });
    expect(within(suggestion).getByText('2个城市都关注水务。')).toHaveAttribute('lang', 'zh-CN');
    expect(within(suggestion).getByText('这些城市两两之间平均有38%的工作领域相同。')).toBeInTheDocument();
    expect(within(suggestion).queryByText('All 2 cities work on Water.')).not.toBeInTheDocument();
  });

  it("lets an editor of a suggested city propose it, with their city leading, then opens the new cluster", async () => {
    const seen = answer({ username: 'editor.korla', roles: ['city-editor'], cityId: 'korla' });
    const { router } = await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'editor.korla' } });

    const suggestion = await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' });
    await userEvent.click(await within(suggestion).findByRole('button', { name: 'Propose this cluster' }));
    // nothing is proposed before the user confirms the invitees
    const dialog = within(suggestion).getByRole('dialog', { name: 'Propose this cluster?' });
    expect(seen.some((entry) => entry.url.pathname.endsWith('/accept'))).toBe(false);
    expect(within(dialog).getByText('Korla (lead city)')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Yantai' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Propose with these cities' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/clusters/new-water'));
    const accept = seen.find((entry) => entry.url.pathname.endsWith('/accept'));
    expect(accept?.url.pathname).toBe('/api/v1/clusters/suggestions/s-water/accept');
    expect(accept?.body).toEqual({ leadCityId: 'korla', invitedCityIds: ['yantai'] });
  });

  it("does not offer a city editor to propose a suggestion their city is not in", async () => {
    answer({ username: 'editor.lyon', roles: ['city-editor'], cityId: 'lyon' });
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'editor.lyon' } });
    const suggestion = await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' });
    expect(within(suggestion).queryByRole('button', { name: 'Propose this cluster' })).not.toBeInTheDocument();
  });

  it("lets a curator pick the lead city, and shows a 409's detail", async () => {
    const seen = answer({ username: 'curator.demo', roles: ['curator'] });
    server.use(
      http.post('*/api/v1/clusters/suggestions/:id/accept', async ({ request }) => {
        seen.push({ url: new URL(request.url), body: await request.json() });
        return HttpResponse.json(
          { type: 'urn:citystep:problem:conflict', title: 'Conflict', status: 409, detail: 'An open cluster already brings these cities together.' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'curator.demo' } });
    const suggestion = await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' });

    await userEvent.selectOptions(await within(suggestion).findByRole('combobox', { name: 'Lead city' }), 'Korla');
    await userEvent.click(within(suggestion).getByRole('button', { name: 'Propose this cluster' }));
    await userEvent.click(within(suggestion).getByRole('button', { name: 'Propose with these cities' }));

    expect(await within(suggestion).findByRole('alert')).toHaveTextContent('An open cluster already brings these cities together.');
    expect(seen.find((entry) => entry.url.pathname.endsWith('/accept'))?.body).toEqual({ leadCityId: 'korla', invitedCityIds: ['yantai'] });
  });

  it('lets a curator untick suggested cities before proposing, or cancel without proposing', async () => {
    const seen = answer({ username: 'curator.demo', roles: ['curator'] });
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'curator.demo' } });
    const suggestion = await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' });

    await userEvent.click(await within(suggestion).findByRole('button', { name: 'Propose this cluster' }));
    await userEvent.click(within(suggestion).getByRole('button', { name: 'Cancel' }));
    expect(within(suggestion).queryByRole('dialog')).not.toBeInTheDocument();
    expect(seen.some((entry) => entry.url.pathname.endsWith('/accept'))).toBe(false);

    await userEvent.click(within(suggestion).getByRole('button', { name: 'Propose this cluster' }));
    const dialog = within(suggestion).getByRole('dialog', { name: 'Propose this cluster?' });
    expect(within(dialog).getByText('Yantai (lead city)')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Korla' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('0 cities will be invited.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Propose with these cities' }));
    await waitFor(() =>
      expect(seen.find((entry) => entry.url.pathname.endsWith('/accept'))?.body).toEqual({ leadCityId: 'yantai', invitedCityIds: [] }),
    );
  });

  it('offers curators to propose a cluster by hand', async () => {
    answer({ username: 'curator.demo', roles: ['curator'] });
    await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters', user: { username: 'curator.demo' } });
    expect(await screen.findByRole('link', { name: 'Propose a cluster by hand' })).toHaveAttribute('href', '/clusters/new');
  });

  it('fills an empty suggestions section by itself when the next snapshot arrives, without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      answer();
      let asked = 0;
      server.use(
        http.get('*/api/v1/clusters/suggestions', () => {
          asked += 1;
          // the first answer comes before any snapshot: no computedAt, no items
          return asked === 1
            ? HttpResponse.json({ modularity: 0, cities: 0, page: 0, size: 6, total: 0, items: [] })
            : HttpResponse.json(suggestions);
        }),
      );
      await renderPage(<ClustersPage />, { path: '/clusters', route: '/clusters' });
      expect(await screen.findByText('There are no suggestions right now.')).toBeInTheDocument();

      await vi.advanceTimersByTimeAsync(EMPTY_SUGGESTIONS_REFETCH_MS);
      expect(await screen.findByRole('article', { name: 'Suggested: Water, Internet of Things' })).toBeInTheDocument();
      expect(screen.queryByText('There are no suggestions right now.')).not.toBeInTheDocument();

      // once filled it stops asking
      const askedWhenFilled = asked;
      await vi.advanceTimersByTimeAsync(3 * EMPTY_SUGGESTIONS_REFETCH_MS);
      expect(asked).toBe(askedWhenFilled);
    } finally {
      vi.useRealTimers();
    }
  });
});
