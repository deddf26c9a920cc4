import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { percentDone } from '../api/reindex';
import { AdminPage } from './AdminPage';

async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
}

const job = (state: 'RUNNING' | 'DONE' | 'FAILED', indexed: number, error?: string) => ({
  id: '20261207-130000-000',
  state,
  trigger: 'requested',
  startedAt: '2026-12-07T13:00:00Z',
  indexes: [
    { name: 'cities', total: 30, indexed: 30, done: true },
    { name: 'case-studies', total: 70, indexed, done: state === 'DONE' },
  ],
  ...(error ? { error } : {}),
});

const testCity = { id: 'test-town', version: 2, name: { en: 'Test town', zh: '测试镇' }, country: 'NL', region: 'EU', updatedAt: '2026-12-07T12:00:00Z' };

function answer() {
  const seen: { method: string; url: URL; body?: unknown }[] = [];
  let latest: ReturnType<typeof job> | null = job('DONE', 70);
  let polls = 0;
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'admin.demo', roles: ['admin'] })),
    http.get('*/api/v1/admin/reindex/latest', () => {
      polls += 1;
      // a running rebuild moves on with each poll
      if (latest?.state === 'RUNNING') latest = polls > 3 ? job('DONE', 70) : job('RUNNING', Math.min(70, latest.indexes[1]!.indexed + 20));
      return latest ? HttpResponse.json(latest) : HttpResponse.json({ status: 404 }, { status: 404 });
    }),
    http.post('*/api/v1/admin/reindex', ({ request }) => {
      seen.push({ method: 'POST', url: new URL(request.url) });
      polls = 0;
      latest = job('RUNNING', 0);
      return HttpResponse.json(latest, { status: 202 });
    }),
    http.get('*/api/v1/search/suggest', () => HttpResponse.json({ suggestions: [{ text: 'Test town', type: 'city', id: 'test-town' }] })),
    http.get('*/api/v1/search', () => HttpResponse.json({ total: 0, page: 0, size: 10, hits: [], facets: {} })),
    http.get('*/api/v1/cities', () => HttpResponse.json({ items: [testCity], page: 0, size: 100, total: 1 })),
    http.get('*/api/v1/admin/cities/hidden', () => HttpResponse.json({ items: [], page: 0, size: 20, total: 0 })),
    http.get('*/api/v1/admin/cities/:id', () => HttpResponse.json(testCity)),
    http.post('*/api/v1/admin/cities/:id/retire', async ({ request }) => {
      seen.push({ method: 'POST', url: new URL(request.url), body: await request.json() });
      return HttpResponse.json({ ...testCity, version: 3, state: 'RETIRED' });
    }),
    http.delete('*/api/v1/admin/cities/:id', ({ request }) => {
      seen.push({ method: 'DELETE', url: new URL(request.url) });
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { seen, setLatest: (next: ReturnType<typeof job> | null) => (latest = next) };
}

async function chooseCity() {
  await userEvent.type(await screen.findByRole('combobox', { name: 'City' }), 'Tes');
  await userEvent.click(await screen.findByRole('option', { name: /Test town/ }));
  return screen.findByText('test-town', { selector: 'code' });
}

describe('AdminPage', () => {
  it('rebuilds the search indexes with a progress bar, the button disabled while it runs', async () => {
    const { seen } = answer();
    await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' } });

    expect(await screen.findByText('The last rebuild is complete.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rebuild the search indexes' }));

    const bar = await screen.findByRole('progressbar');
    expect(screen.getByRole('button', { name: 'Rebuilding…' })).toBeDisabled();
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'), { timeout: 6000 });
    expect(screen.getByText('The last rebuild is complete.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rebuild the search indexes' })).toBeEnabled();
    expect(seen.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  }, 10_000);

  it('lets a curator rebuild the indexes but not retire or delete cities', async () => {
    answer();
    server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })));
    await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'curator.demo' } });

    expect(await screen.findByRole('button', { name: 'Rebuild the search indexes' })).toBeEnabled();
    expect(screen.getByText('Keep the search indexes: rebuild them from the database, with their progress.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retire/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('shows why a rebuild failed, and that none ran yet', async () => {
    const { setLatest } = answer();
    setLatest(job('FAILED', 10, 'Elasticsearch is unavailable'));
    const { unmount } = await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The rebuild failed.');
    expect(alert).toHaveTextContent('Elasticsearch is unavailable');
    unmount();

    setLatest(null);
    await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' } });
    expect(await screen.findByText('The search indexes have not been rebuilt yet.')).toBeInTheDocument();
  });

  it('deletes a city only once its id is typed again', async () => {
    const { seen } = answer();
    await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' } });
    await chooseCity();
    await userEvent.click(screen.getByRole('button', { name: 'Delete…' }));

    const dialog = screen.getByRole('dialog', { name: 'Delete Test town for good?' });
    expect(within(dialog).getByText('its case studies')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete the city' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Type the city's id/ }), 'test-tow');
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Type the city's id/ }), 'n');
    await userEvent.click(confirm);

    expect(await screen.findByText('Test town was deleted.')).toBeInTheDocument();
    const deletion = seen.find((entry) => entry.method === 'DELETE');
    expect(deletion?.url.pathname).toBe('/api/v1/admin/cities/test-town');
    expect(deletion?.url.searchParams.get('confirm')).toBe('test-town');
  });

  it('retires a city after a confirmation, sending the version read', async () => {
    const { seen } = answer();
    await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' } });
    await chooseCity();
    await userEvent.click(screen.getByRole('button', { name: 'Retire' }));
    const dialog = screen.getByRole('dialog', { name: 'Retire Test town?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, retire' }));

    expect(await screen.findByText('Test town was retired.')).toBeInTheDocument();
    expect(seen.find((entry) => entry.url.pathname.endsWith('/retire'))?.body).toEqual({ version: 2 });
  });

  it('has no serious accessibility violations, in English and in Chinese', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      answer();
      const { container, unmount } = await renderPage(<AdminPage />, { path: '/admin', route: '/admin', user: { username: 'admin.demo' }, language });
      await screen.findByRole('progressbar');
      expect(await seriousViolations(container)).toEqual([]);
      unmount();
    }
  });
});

describe('percentDone', () => {
  it('counts documents over every index, and a finished rebuild as complete', () => {
    expect(percentDone(job('RUNNING', 20))).toBe(50);
    expect(percentDone(job('DONE', 0))).toBe(100);
    expect(percentDone({ state: 'RUNNING', indexes: [] })).toBe(0);
  });
});
