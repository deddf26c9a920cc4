import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { answerCommon, city, problem } from '../testing/fixtures';
import { CitiesPage } from './CitiesPage';

const chengdu = city({
  id: 'chengdu',
  name: { en: 'Chengdu', zh: '成都' },
  country: 'CN',
  region: 'CHINA',
  levels: { STRATEGY: 'AVERAGE', STAKEHOLDERS: 'AVERAGE', FUNDING: 'BASIC' },
});

function answerCities(seen: URL[] = [], total = 2) {
  answerCommon();
  server.use(
    http.get('*/api/v1/cities', ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const items = url.searchParams.get('region') === 'CHINA' ? [chengdu] : [city(), chengdu];
      return HttpResponse.json({ items, page: Number(url.searchParams.get('page') ?? 0), size: 12, total: url.searchParams.get('region') ? items.length : total });
    }),
  );
  return seen;
}

describe('CitiesPage', () => {
  it('lists the cities with their country, region and levels, linking to their profiles', async () => {
    answerCities();
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });

    expect(await screen.findByRole('heading', { level: 2, name: '2 cities' })).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Amsterdam' });
    expect(link).toHaveAttribute('href', '/cities/amsterdam');
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText('Netherlands · Europe')).toBeInTheDocument();
    const strip = await within(card).findByRole('list', { name: 'Levels per characteristic' });
    expect(within(strip).getByText('Smart City Strategy: More advanced')).toBeInTheDocument();
    expect(within(strip).getByText('Funding: Not assessed')).toBeInTheDocument();
    expect(within(card).getByText('2 of 3 characteristics assessed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chengdu' })).toHaveAttribute('href', '/cities/chengdu');
  });

  it('shows the city names in Chinese when the UI is in Chinese', async () => {
    answerCities();
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities', language: 'zh-CN' });

    expect(await screen.findByRole('link', { name: '阿姆斯特丹' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '2 个城市' })).toBeInTheDocument();
    expect(screen.getByLabelText('地区')).toBeInTheDocument();
  });

  it('filters by region', async () => {
    const seen = answerCities();
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });
    await screen.findByRole('link', { name: 'Amsterdam' });

    await userEvent.selectOptions(screen.getByLabelText('Region'), 'CHINA');

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Amsterdam' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Chengdu' })).toBeInTheDocument();
    expect(seen.at(-1)?.searchParams.get('region')).toBe('CHINA');
    expect(screen.getByRole('heading', { level: 2, name: '1 city' })).toBeInTheDocument();
  });

  it('filters by level only once both a characteristic and a level are chosen', async () => {
    const seen = answerCities();
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });
    await screen.findByRole('link', { name: 'Amsterdam' });
    const characteristic = screen.getByLabelText('Characteristic');
    await waitFor(() => expect(within(characteristic).getAllByRole('option')).toHaveLength(4));

    await userEvent.selectOptions(characteristic, 'FUNDING');
    expect(await screen.findByText(/the level filter needs both/)).toBeInTheDocument();
    expect(seen.every((url) => !url.searchParams.has('characteristic'))).toBe(true);
    expect(within(characteristic).queryByRole('option', { name: 'Legal and Regulatory Policies' })).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Level in that characteristic'), 'BASIC');
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('level')).toBe('BASIC'));
    expect(seen.at(-1)?.searchParams.get('characteristic')).toBe('FUNDING');
  });

  it('pages through the cities', async () => {
    const seen = answerCities([], 30);
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });
    await screen.findByText('Page 1 of 3');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(seen.at(-1)?.searchParams.get('page')).toBe('1');
  });

  it('says so when no city matches the filters', async () => {
    answerCommon();
    server.use(http.get('*/api/v1/cities', () => HttpResponse.json({ items: [], page: 0, size: 12, total: 0 })));
    await renderPage(<CitiesPage />, { path: '/cities?region=EU', route: '/cities' });

    expect(await screen.findByText('No city matches these filters. Try fewer filters.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByLabelText('Region')).toHaveValue('');
  });

  it("shows the backend's problem detail when the list fails", async () => {
    answerCommon();
    server.use(http.get('*/api/v1/cities', () => problem(400, 'Filter by level with both characteristic and level.')));
    await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Filter by level with both characteristic and level.');
  });

  it('has no serious accessibility violations', async () => {
    answerCities();
    const { container } = await renderPage(<CitiesPage />, { path: '/cities', route: '/cities' });
    await screen.findByRole('link', { name: 'Amsterdam' });
    await screen.findByText('Smart City Strategy: More advanced');

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});
