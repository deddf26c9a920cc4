import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { HomePage } from './HomePage';

const results = {
  total: 1,
  page: 0,
  size: 10,
  hits: [
    {
      id: 'amsterdam-grid',
      type: 'case-study',
      title: { en: 'Smart grid in Amsterdam', zh: '阿姆斯特丹智能电网' },
      status: 'PUBLISHED',
      score: 3.2,
      highlights: { 'text.en': ['households got <em>energy</em> displays <script>alert(1)</script>'] },
    },
  ],
  facets: { region: [{ key: 'EU', count: 1 }], serviceDomain: [{ key: 'ENERGY_UTILITIES', count: 1 }] },
};

function answerSearch(seen: URL[] = []) {
  server.use(
    http.get('*/api/v1/search', ({ request }) => {
      seen.push(new URL(request.url));
      return HttpResponse.json(results);
    }),
    http.get('*/api/v1/reference', () => HttpResponse.json({ characteristics: [], levels: [], serviceDomains: [{ code: 'ENERGY_UTILITIES', name: { en: 'Energy and utilities', zh: '能源与公用事业' }, citation: {} }], technologyTags: [], financingInstruments: [], businessModels: [], source: {} })),
  );
  return seen;
}

describe('HomePage', () => {
  it('shows results with highlighted matches as text, never as markup', async () => {
    answerSearch();
    await renderPage(<HomePage />, { path: '/?q=energy' });

    const link = await screen.findByRole('link', { name: 'Smart grid in Amsterdam' });
    expect(link).toHaveAttribute('href', '/case-studies/amsterdam-grid');
    expect(screen.getByText('energy', { selector: 'mark' })).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '1 result' })).toBeInTheDocument();
  });

  it('narrows the search when a facet is ticked, keeping the words', async () => {
    const seen = answerSearch();
    await renderPage(<HomePage />, { path: '/?q=energy' });

    const filters = await screen.findByRole('complementary', { name: 'Filters' });
    await userEvent.click(await within(filters).findByRole('checkbox', { name: /Energy and utilities/ }));

    await waitFor(() => expect(seen.at(-1)?.searchParams.getAll('serviceDomain')).toEqual(['ENERGY_UTILITIES']));
    expect(seen.at(-1)?.searchParams.get('q')).toBe('energy');
  });

  it('shows the title in Chinese when the UI is in Chinese', async () => {
    answerSearch();
    await renderPage(<HomePage />, { path: '/?q=energy', language: 'zh-CN' });

    expect(await screen.findByRole('link', { name: '阿姆斯特丹智能电网' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '搜索' })).toBeInTheDocument();
  });

  it("shows the backend's problem detail when the search fails", async () => {
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:validation-failed', title: 'Bad Request', status: 400, detail: 'size must be at most 100' },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
      http.get('*/api/v1/reference', () => HttpResponse.json({}, { status: 503 })),
    );
    await renderPage(<HomePage />, { path: '/?q=x' });

    expect(await screen.findByRole('alert')).toHaveTextContent('size must be at most 100');
  });
});
