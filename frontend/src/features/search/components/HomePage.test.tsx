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

  it('lets a keyboard user skip the type tabs and filters: the third Tab stop leads to the results', async () => {
    answerSearch();
    await renderPage(<HomePage />, { path: '/?q=energy' });
    expect(await screen.findByRole('link', { name: /Smart grid in Amsterdam/ })).toBeInTheDocument();

    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to results' });
    expect(skip).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 2, name: /1 result/ })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('link', { name: /Smart grid in Amsterdam/ })).toHaveFocus();
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

  it('says when a hit was found only through the glossary, and marks English text shown to a Chinese reader', async () => {
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json({
          ...results,
          hits: [
            {
              id: 'hamburg-parking',
              type: 'case-study',
              title: { en: 'Parking guidance in Hamburg' },
              status: 'PUBLISHED',
              score: 2,
              highlights: { 'text.en': ['drivers find <em>parking</em> faster'] },
              via: [{ termId: 'parking', from: '停车', fromLanguage: 'zh', to: ['parking', 'car park'], toLanguage: 'en' }],
            },
          ],
        }),
      ),
      http.get('*/api/v1/reference', () => HttpResponse.json({}, { status: 503 })),
    );
    await renderPage(<HomePage />, { path: '/?q=停车', language: 'zh-CN' });

    const link = await screen.findByRole('link', { name: 'Parking guidance in Hamburg (仅有英文版本)' });
    expect(within(link).getByText('English')).toBeInTheDocument();
    const result = link.closest('li')!;
    const note = within(result).getByText(/通过术语表找到/).closest('p')!;
    expect(note).toHaveTextContent(/^通过术语表找到：停车 → 对应 parking、car park$/);
    expect(within(note).getByText('停车')).toHaveAttribute('lang', 'zh-CN');
    expect(within(note).getByText('parking、car park')).toHaveAttribute('lang', 'en');
    const snippet = within(result).getByText('parking', { selector: 'mark' }).closest('p')!;
    expect(snippet).toHaveAttribute('lang', 'en');
    expect(within(snippet).getByText('English')).toBeInTheDocument();
  });

  it('shows an English reader a Chinese-only hit found through the glossary, marked as Chinese', async () => {
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json({
          ...results,
          hits: [
            {
              id: 'ningbo-gonggong-tingche-youdao',
              type: 'case-study',
              title: { zh: '宁波公共停车诱导' },
              status: 'PUBLISHED',
              score: 2,
              highlights: { 'text.zh': ['全市<em>停车</em>场联网'] },
              via: [{ termId: 'parking', from: 'parking', fromLanguage: 'en', to: ['停车'], toLanguage: 'zh' }],
            },
            { ...results.hits[0], via: [] },
          ],
        }),
      ),
      http.get('*/api/v1/reference', () => HttpResponse.json({}, { status: 503 })),
    );
    await renderPage(<HomePage />, { path: '/?q=parking' });

    const link = await screen.findByRole('link', { name: '宁波公共停车诱导 (only in Chinese)' });
    expect(link.querySelector('[lang="zh-CN"]')).toHaveTextContent(/^宁波公共停车诱导/);
    expect(within(link).getByText('中文')).toBeInTheDocument();
    const result = link.closest('li')!;
    expect(within(result).getByText(/Found through the glossary/).closest('p')).toHaveTextContent(
      /^Found through the glossary: parking → matches 停车$/,
    );
    expect(within(result).getByText('停车', { selector: 'mark' }).closest('p')).toHaveAttribute('lang', 'zh-CN');
    // a hit the words found themselves says nothing about the glossary
    const other = screen.getByRole('link', { name: 'Smart grid in Amsterdam' }).closest('li')!;
    expect(within(other).queryByText(/glossary/)).not.toBeInTheDocument();
    expect(within(other).queryByText('中文')).not.toBeInTheDocument();
  });

  const fundingOnlyReference = http.get('*/api/v1/reference', () =>
    HttpResponse.json({
      characteristics: [{ code: 'FUNDING', name: { en: 'Funding', zh: '资金' }, rated: true, criteria: [] }],
      levels: [],
      serviceDomains: [],
      technologyTags: [],
      financingInstruments: [],
      businessModels: [],
      source: {},
    }),
  );

  it('offers the steps climbed as one filter, named by characteristic and levels', async () => {
    const seen: URL[] = [];
    server.use(
      http.get('*/api/v1/search', ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json({ ...results, facets: { step: [{ key: 'FUNDING:BASIC', count: 2 }] } });
      }),
      fundingOnlyReference,
    );
    await renderPage(<HomePage />, { path: '/?q=energy' });

    const filters = await screen.findByRole('complementary', { name: 'Filters' });
    const steps = within(filters).getByRole('group', { name: 'Step climbed' });
    await userEvent.click(await within(steps).findByRole('checkbox', { name: 'Funding: Basic → Average (2)' }));
    await waitFor(() => expect(seen.at(-1)?.searchParams.getAll('step')).toEqual(['FUNDING:BASIC']));
  });

  it('names the step filter in Chinese', async () => {
    server.use(
      http.get('*/api/v1/search', () => HttpResponse.json({ ...results, facets: { step: [{ key: 'FUNDING:BASIC', count: 2 }] } })),
      fundingOnlyReference,
    );
    await renderPage(<HomePage />, { path: '/?q=energy', language: 'zh-CN' });

    expect(await screen.findByRole('checkbox', { name: '资金：初级 → 中级 (2)' })).toBeInTheDocument();
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
