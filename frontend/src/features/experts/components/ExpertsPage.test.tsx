import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ExpertsPage } from './ExpertsPage';

/** axe-core in jsdom (colour contrast cannot be computed here; checked in the browser). */
async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

function expert(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    version: 0,
    name,
    affiliation: { en: 'Tongji University', zh: '同济大学' },
    country: 'CN',
    region: 'CHINA',
    languages: ['zh', 'en'],
    expertise: { characteristics: ['GOVERNANCE'], serviceDomains: ['OPEN_DATA'] },
    bio: { en: 'Urban informatics researcher.', zh: '城市信息学研究者。' },
    availability: 'AVAILABLE',
    status: 'APPROVED',
    demo: true,
    createdAt: '2026-11-29T12:00:00Z',
    updatedAt: '2026-11-29T12:00:00Z',
    ...overrides,
  };
}

const reference = {
  characteristics: [{ code: 'GOVERNANCE', number: 3, name: { en: 'Governance', zh: '治理' }, criteria: [], rated: true }],
  levels: [],
  serviceDomains: [{ code: 'OPEN_DATA', name: { en: 'Open data', zh: '开放数据' }, citation: {} }],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

/** The directory; contact details only when the request carries a token, as the backend does. */
function answer(experts = [expert('li-wei', 'Li Wei'), expert('anna', 'Anna Kowalska', { country: 'PL', region: 'EU', languages: ['pl', 'en'] })]) {
  const seen: URL[] = [];
  const withContact = (request: Request, item: ReturnType<typeof expert>) =>
    request.headers.get('Authorization') ? { ...item, contact: { email: `${item.id}@example.org`, phone: '+86 21 5555 0100' } } : item;
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' })),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/experts', ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const size = Number(url.searchParams.get('size') ?? 12);
      const page = Number(url.searchParams.get('page') ?? 0);
      const items = experts.slice(page * size, page * size + size).map((item) => withContact(request, item));
      return HttpResponse.json({ items, page, size, total: experts.length });
    }),
    // the search index's language facet over the whole directory, as the backend computes it
    http.get('*/api/v1/search', ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const counts = new Map<string, number>();
      experts.forEach((item) =>
        item.languages.forEach((code) => {
          const primary = code.split('-')[0] ?? code;
          counts.set(primary, (counts.get(primary) ?? 0) + 1);
        }),
      );
      const language = [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => ({ key, count }));
      return HttpResponse.json({ total: experts.length, page: 0, size: 1, hits: [], facets: { language } });
    }),
    http.get('*/api/v1/experts/:id', ({ request, params }) => {
      const found = experts.find((item) => item.id === params.id);
      return found
        ? HttpResponse.json(withContact(request, found))
        : HttpResponse.json({ type: 'urn:citystep:problem:not-found', title: 'Not found', status: 404, detail: `No expert ${String(params.id)}` }, { status: 404 });
    }),
  );
  return seen;
}

describe('ExpertsPage', () => {
  it('hides contact details from anonymous visitors and offers to sign in', async () => {
    answer();
    const { auth } = await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts' });

    const card = await screen.findByRole('article', { name: 'Li Wei' });
    expect(within(card).getByText('Tongji University')).toBeInTheDocument();
    expect(within(card).getByText('Governance')).toBeInTheDocument();
    expect(within(card).getByText('Open data')).toBeInTheDocument();
    expect(within(card).queryByText(/@example\.org/)).not.toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Sign in to see contact details' }));
    expect(auth.signinRedirect).toHaveBeenCalled();
  });

  it('shows contact details to signed-in users', async () => {
    answer();
    await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts', user: { username: 'editor.chengdu' } });

    const card = await screen.findByRole('article', { name: 'Li Wei' });
    expect(await within(card).findByRole('link', { name: 'li-wei@example.org' })).toHaveAttribute('href', 'mailto:li-wei@example.org');
    expect(within(card).queryByRole('button', { name: 'Sign in to see contact details' })).not.toBeInTheDocument();
  });

  it('labels the contact details with a full-width colon in Chinese', async () => {
    answer();
    await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts', user: { username: 'editor.chengdu' }, language: 'zh-CN' });

    const email = await screen.findByRole('link', { name: 'li-wei@example.org' });
    expect(email.parentElement).toHaveTextContent(/^电子邮件：li-wei@example\.org/);
  });

  it('filters by characteristic, service domain and language', async () => {
    const seen = answer();
    await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts' });
    await screen.findByRole('article', { name: 'Li Wei' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Characteristic' }), 'Governance');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Service domain' }), 'Open data');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'Polish');

    await waitFor(() => {
      const last = seen.filter((url) => url.pathname.endsWith('/experts')).at(-1);
      expect(last?.searchParams.get('characteristic')).toBe('GOVERNANCE');
      expect(last?.searchParams.get('domain')).toBe('OPEN_DATA');
      expect(last?.searchParams.get('language')).toBe('pl');
    });
  });

  it('offers every language of a directory of 150 experts, not only those of the first page', async () => {
    const many = Array.from({ length: 150 }, (_, index) =>
      expert(`expert-${index + 1}`, `Expert ${index + 1}`, { languages: index + 1 === 120 ? ['is', 'en'] : ['zh', 'en'] }),
    );
    const seen = answer(many);
    await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts' });
    await screen.findByRole('article', { name: 'Expert 1' });

    const filter = await screen.findByRole('combobox', { name: 'Language' });
    await userEvent.selectOptions(filter, await within(filter).findByRole('option', { name: 'Icelandic' }));
    await waitFor(() => expect(seen.filter((url) => url.pathname.endsWith('/experts')).at(-1)?.searchParams.get('language')).toBe('is'));
  }, 15_000);

  it('shows the expert asked for by ?focus= first, highlighted and focused', async () => {
    answer();
    await renderPage(<ExpertsPage />, { path: '/experts?focus=anna', route: '/experts' });

    const focus = await screen.findByRole('region', { name: 'The expert you were looking for' });
    const card = await within(focus).findByRole('article', { name: 'Anna Kowalska' });
    await waitFor(() => expect(card).toHaveFocus());
    // listed once, first
    expect(screen.getAllByRole('article', { name: 'Anna Kowalska' })).toHaveLength(1);
    expect(await screen.findByRole('article', { name: 'Li Wei' })).toBeInTheDocument();
  });

  it('has no serious accessibility violations', async () => {
    answer();
    const { container } = await renderPage(<ExpertsPage />, { path: '/experts?focus=anna', route: '/experts' });
    await screen.findByRole('article', { name: 'Li Wei' });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('says so when nobody matches, in Chinese too', async () => {
    answer([]);
    await renderPage(<ExpertsPage />, { path: '/experts?domain=OPEN_DATA', route: '/experts', language: 'zh-CN' });
    expect(await screen.findByText('没有符合筛选条件的专家，请减少筛选条件。')).toBeInTheDocument();
  });

  it("shows the backend's detail when the directory fails", async () => {
    answer();
    server.use(
      http.get('*/api/v1/experts', () =>
        HttpResponse.json({ type: 'urn:citystep:problem:unavailable', title: 'Unavailable', status: 503, detail: 'The database is not reachable.' }, { status: 503 }),
      ),
    );
    await renderPage(<ExpertsPage />, { path: '/experts', route: '/experts' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not reachable.');
  });
});
