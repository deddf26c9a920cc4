import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { MyCityPage } from './MyCityPage';

const item = (id: string, title: string, status: string) => ({
  id,
  cityId: 'amsterdam',
  title: { en: title },
  summary: { en: 'x' },
  status,
  updatedAt: '2026-01-02T00:00:00Z',
});

function backend(items: unknown[], seen: URL[] = []) {
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' })),
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json({ id: 'amsterdam', name: { en: 'Amsterdam', zh: '阿姆斯特丹' } })),
    http.get('*/api/v1/case-studies', ({ request }) => {
      seen.push(new URL(request.url));
      return HttpResponse.json({ items, page: 0, size: 20, total: items.length });
    }),
  );
  return seen;
}

const user = { username: 'editor.amsterdam' };

describe('MyCityPage', () => {
  it("lists the city's case studies in every status, with edit links for drafts and requested changes", async () => {
    const seen = backend([
      item('a-draft', 'Draft study', 'DRAFT'),
      item('a-changes', 'Needs work', 'CHANGES_REQUESTED'),
      item('a-published', 'Done study', 'PUBLISHED'),
    ]);
    await renderPage(<MyCityPage />, { path: '/my-city', route: '/my-city', user });

    expect(await screen.findByRole('heading', { level: 1, name: 'My city: Amsterdam' })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Changes requested')).toBeInTheDocument();
    expect(within(table).getByText('Published')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit “Draft study”' })).toHaveAttribute('href', '/case-studies/a-draft/edit');
    expect(screen.getByRole('link', { name: 'Edit “Needs work”' })).toHaveAttribute('href', '/case-studies/a-changes/edit');
    expect(screen.queryByRole('link', { name: 'Edit “Done study”' })).not.toBeInTheDocument();
    expect(seen[0]?.searchParams.get('cityId')).toBe('amsterdam');

    expect(screen.getByRole('link', { name: 'Self-assessment' })).toHaveAttribute('href', '/cities/amsterdam/assessment');
    expect(screen.getByRole('link', { name: 'New case study' })).toHaveAttribute('href', '/case-studies/new');
    expect(screen.getByRole('link', { name: 'View the city profile' })).toHaveAttribute('href', '/cities/amsterdam');
    expect(screen.getByRole('link', { name: 'Edit profile and KPIs' })).toHaveAttribute('href', '/cities/amsterdam/edit');
    expect(screen.getByRole('link', { name: 'Progress and benchmark' })).toHaveAttribute('href', '/cities/amsterdam/progress');
  });

  it('says so when there are no case studies yet, in Chinese too', async () => {
    backend([]);
    await renderPage(<MyCityPage />, { path: '/my-city', route: '/my-city', user, language: 'zh-CN' });
    expect(await screen.findByText(/本市还没有案例/)).toBeInTheDocument();
  });

  it("shows the problem detail when the list can't be loaded", async () => {
    backend([]);
    server.use(
      http.get('*/api/v1/case-studies', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:service-unavailable', title: 'x', status: 503, detail: 'Search is down' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderPage(<MyCityPage />, { path: '/my-city', route: '/my-city', user });
    expect(await screen.findByRole('alert')).toHaveTextContent('Search is down');
  });
});
