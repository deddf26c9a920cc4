import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CurationQueuePage } from './CurationQueuePage';

/** axe-core in jsdom (colour contrast cannot be computed here; checked in the browser). */
async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

function study(id: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    version: 3,
    cityId: 'korla',
    title: { en: title, zh: `${title}（中文）` },
    summary: { en: `Summary of ${title}` },
    body: {},
    lessonsLearned: {},
    inclusionMeasures: {},
    status: 'SUBMITTED',
    stage: 'PILOT',
    serviceDomains: ['WATER'],
    technologies: [],
    targetGroups: [],
    steps: [{ characteristic: 'STRATEGY', fromLevel: 'NOT_YET_ADDRESSED', toLevel: 'BASIC' }],
    benefits: [],
    partners: [],
    awards: [],
    bestPractice: false,
    dueForReverification: false,
    flags: { cloud: false, integratedOffering: false, iot: false, openApi: false, scalable: false },
    licence: 'CC-BY-4.0',
    demo: true,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

const reference = {
  characteristics: [{ code: 'STRATEGY', number: 1, name: { en: 'Smart City Strategy', zh: '智慧城市战略' }, criteria: [], rated: true }],
  levels: [],
  serviceDomains: [{ code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} }],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

type Seen = { url: URL; body?: unknown }[];

const cityRequests: URL[] = [];
const MANY_CITIES = [
  { id: 'korla', name: { en: 'Korla', zh: '库尔勒' } },
  ...Array.from({ length: 108 }, (_, i) => ({ id: `city-${String(i).padStart(3, '0')}`, name: { en: `City ${i}` } })),
  { id: 'zagreb', name: { en: 'Zagreb', zh: '萨格勒布' } },
];

/** A curator, a small queue that shrinks when an item is decided, and the reference data. */
function answer(queue = [study('korla-water', 'Korla irrigation'), study('zagreb-health', 'Zagreb health booking', { cityId: 'zagreb' })]) {
  const seen: Seen = [];
  cityRequests.length = 0;
  let items = [...queue];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    // 110 cities, Zagreb the last: a list of the first 100 would not name it; a lookup by id does
    http.get('*/api/v1/cities', ({ request }) => {
      const url = new URL(request.url);
      cityRequests.push(url);
      const ids = url.searchParams.getAll('ids');
      const found = ids.length ? MANY_CITIES.filter((city) => ids.includes(city.id)) : MANY_CITIES.slice(0, 100);
      return HttpResponse.json({ items: found, page: 0, size: 100, total: ids.length ? found.length : MANY_CITIES.length });
    }),
    http.get('*/api/v1/case-studies', ({ request }) => {
      const url = new URL(request.url);
      seen.push({ url });
      const status = url.searchParams.get('status');
      const due = url.searchParams.get('dueForReverification') === 'true';
      const matching = items.filter((item) => (due ? item.dueForReverification : item.status === status));
      return HttpResponse.json({ items: matching, page: 0, size: 10, total: matching.length });
    }),
    http.post('*/api/v1/case-studies/:id/review', async ({ request, params }) => {
      const body = (await request.json()) as { decision: string };
      seen.push({ url: new URL(request.url), body });
      const target = items.find((item) => item.id === params.id)!;
      const to = { PUBLISH: 'PUBLISHED', REQUEST_CHANGES: 'CHANGES_REQUESTED', REJECT: 'REJECTED', ARCHIVE: 'ARCHIVED' }[body.decision];
      items = items.map((item) => (item.id === params.id ? { ...item, status: to!, version: item.version + 1 } : item));
      return HttpResponse.json({ ...target, status: to });
    }),
  );
  return seen;
}

const curator = { username: 'curator.demo' };

async function item(title: string) {
  return screen.findByRole('article', { name: title });
}

describe('CurationQueuePage', () => {
  it('lists the submitted case studies, each an article named by its title', async () => {
    const seen = answer();
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });

    const korla = await item('Korla irrigation');
    expect(within(korla).getByRole('link', { name: 'Korla irrigation' })).toHaveAttribute('href', '/case-studies/korla-water');
    expect(await within(korla).findByRole('link', { name: 'Korla' })).toHaveAttribute('href', '/cities/korla');
    expect(within(korla).getByText('Water')).toBeInTheDocument();
    expect(within(korla).getByText(/Smart City Strategy/)).toBeInTheDocument();
    expect(await item('Zagreb health booking')).toBeInTheDocument();
    expect(seen[0]?.url.searchParams.get('status')).toBe('SUBMITTED');
  });

  it('names the city of every item by id, also one beyond the first hundred cities, in Chinese too', async () => {
    answer();
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator, language: 'zh-CN' });

    // the title exists only in English, which the heading says in Chinese
    const zagreb = await screen.findByRole('article', { name: /Zagreb health booking/ });
    expect(await within(zagreb).findByRole('link', { name: '萨格勒布' })).toHaveAttribute('href', '/cities/zagreb');
    expect(within(zagreb).queryByText('zagreb')).not.toBeInTheDocument();
    expect(cityRequests).toHaveLength(1);
    expect(cityRequests[0]?.searchParams.getAll('ids').sort()).toEqual(['korla', 'zagreb']);
  });

  it('publishes with PUBLISH and the version, then the item leaves the queue and it is announced', async () => {
    const seen = answer();
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });

    await userEvent.click(within(await item('Korla irrigation')).getByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: 'Korla irrigation' })).not.toBeInTheDocument());
    const review = seen.find((entry) => entry.url.pathname.endsWith('/review'));
    expect(review?.url.pathname).toBe('/api/v1/case-studies/korla-water/review');
    expect(review?.body).toEqual({ decision: 'PUBLISH', version: 3 });
    expect(screen.getByRole('status')).toHaveTextContent('“Korla irrigation” was published.');
    expect(screen.getByRole('article', { name: 'Zagreb health booking' })).toBeInTheDocument();
  });

  it('needs a note to request changes, and sends it', async () => {
    const seen = answer();
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });
    const korla = await item('Korla irrigation');

    await userEvent.click(within(korla).getByRole('button', { name: 'Request changes' }));
    const note = within(korla).getByRole('textbox', { name: 'Note to the city' });
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription(/Write a note/);
    expect(note).toHaveFocus();
    expect(seen.some((entry) => entry.url.pathname.endsWith('/review'))).toBe(false);

    await userEvent.type(note, 'Add the baseline year.');
    await userEvent.click(within(korla).getByRole('button', { name: 'Request changes' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: 'Korla irrigation' })).not.toBeInTheDocument());
    expect(seen.find((entry) => entry.url.pathname.endsWith('/review'))?.body).toEqual({
      decision: 'REQUEST_CHANGES',
      note: 'Add the baseline year.',
      version: 3,
    });
  });

  it('asks before rejecting, and Cancel sends nothing', async () => {
    const seen = answer();
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });
    const korla = await item('Korla irrigation');
    await userEvent.type(within(korla).getByRole('textbox', { name: 'Note to the city' }), 'Not a smart city project.');

    await userEvent.click(within(korla).getByRole('button', { name: 'Reject' }));
    expect(within(korla).getByRole('group')).toHaveTextContent('Reject “Korla irrigation”?');
    await userEvent.click(within(korla).getByRole('button', { name: 'Cancel' }));
    expect(seen.some((entry) => entry.url.pathname.endsWith('/review'))).toBe(false);

    await userEvent.click(within(korla).getByRole('button', { name: 'Reject' }));
    await userEvent.click(within(korla).getByRole('button', { name: 'Yes, reject' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Korla irrigation' })).not.toBeInTheDocument());
    expect(seen.find((entry) => entry.url.pathname.endsWith('/review'))?.body).toEqual({
      decision: 'REJECT',
      note: 'Not a smart city project.',
      version: 3,
    });
  });

  it("shows the backend's detail when the transition is not allowed (409)", async () => {
    answer();
    server.use(
      http.post('*/api/v1/case-studies/:id/review', () =>
        HttpResponse.json(
          {
            type: 'urn:citystep:problem:stale-version',
            title: 'The resource was changed by someone else',
            status: 409,
            detail: 'The case study is at version 4 but the request was based on version 3.',
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });
    const korla = await item('Korla irrigation');

    await userEvent.click(within(korla).getByRole('button', { name: 'Publish' }));

    expect(await within(korla).findByRole('alert')).toHaveTextContent('The case study is at version 4 but the request was based on version 3.');
    expect(screen.getByRole('article', { name: 'Korla irrigation' })).toBeInTheDocument();
  });

  it('shows the audit trail when expanded', async () => {
    answer();
    server.use(
      http.get('*/api/v1/case-studies/:id/audit', () =>
        HttpResponse.json([
          { by: 'editor.korla', at: '2026-11-01T10:00:00Z', to: 'DRAFT' },
          { by: 'editor.korla', at: '2026-11-20T10:00:00Z', from: 'DRAFT', to: 'SUBMITTED', note: 'Ready for review' },
        ]),
      ),
    );
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });
    const korla = await item('Korla irrigation');

    const toggle = within(korla).getByRole('button', { name: 'Show history' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);

    const table = await within(korla).findByRole('table', { name: 'History of “Korla irrigation”' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent(/editor\.korla.*Draft.*Submitted.*Ready for review/);
    expect(within(korla).getByRole('button', { name: 'Hide history' })).toHaveAttribute('aria-expanded', 'true');
  });

  it("shows the backend's own audit notes in Chinese and a person's note as written", async () => {
    answer();
    server.use(
      http.get('*/api/v1/case-studies/:id/audit', () =>
        HttpResponse.json([
          { by: 'demo', at: '2026-11-01T10:00:00Z', from: 'DRAFT', to: 'PUBLISHED', note: 'Demo data' },
          { by: 'curator.demo', at: '2026-11-02T10:00:00Z', from: 'PUBLISHED', to: 'PUBLISHED', note: 'Marked as best practice' },
          { by: 'curator.demo', at: '2026-11-03T10:00:00Z', from: 'PUBLISHED', to: 'PUBLISHED', note: 'Best practice mark removed' },
          { by: 'curator.demo', at: '2026-11-04T10:00:00Z', from: 'PUBLISHED', to: 'PUBLISHED', note: 'Verified as still accurate' },
          { by: 'curator.demo', at: '2026-11-05T10:00:00Z', from: 'PUBLISHED', to: 'ARCHIVED', note: '项目已结束' },
        ]),
      ),
    );
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator, language: 'zh-CN' });
    const korla = await item('Korla irrigation（中文）');

    await userEvent.click(within(korla).getByRole('button', { name: '查看历史' }));

    const table = await within(korla).findByRole('table', { name: '“Korla irrigation（中文）”的历史记录' });
    const notes = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[4]?.textContent);
    expect(notes).toEqual(['演示数据', '已评为最佳实践', '已取消最佳实践标记', '已核实内容仍然准确', '项目已结束']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/草稿.*已发布/);
  });

  it('lists published case studies due for re-verification on their tab, with verify and archive', async () => {
    const seen = answer([study('yantai-leaks', 'Yantai leak detection', { status: 'PUBLISHED', dueForReverification: true, lastVerified: '2024-03-18' })]);
    await renderPage(<CurationQueuePage />, { path: '/curation?tab=reverification', route: '/curation', user: curator });

    const yantai = await item('Yantai leak detection');
    expect(seen[0]?.url.searchParams.get('dueForReverification')).toBe('true');
    expect(screen.getByRole('link', { name: 'Due for re-verification' })).toHaveAttribute('aria-current', 'page');
    expect(within(yantai).getByRole('button', { name: 'Confirm still accurate' })).toBeInTheDocument();
    expect(within(yantai).getByRole('button', { name: 'Archive' })).toBeInTheDocument();
    expect(within(yantai).queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    expect(within(yantai).getByRole('checkbox', { name: 'Mark as best practice' })).not.toBeChecked();
  });

  it('has no serious accessibility violations', async () => {
    answer();
    const { container } = await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator });
    await item('Korla irrigation');
    await userEvent.click(within(await item('Korla irrigation')).getByRole('button', { name: 'Request changes' }));
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('says so when the queue is empty, in Chinese too', async () => {
    answer([]);
    await renderPage(<CurationQueuePage />, { path: '/curation', route: '/curation', user: curator, language: 'zh-CN' });
    expect(await screen.findByText('没有待审核的案例。')).toBeInTheDocument();
  });
});
