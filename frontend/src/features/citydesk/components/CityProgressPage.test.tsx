import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CityProgressPage } from './CityProgressPage';
import { amsterdam, me, reference } from './testing';

const user = { username: 'editor.amsterdam' };
const route = '/cities/:id/progress';

const round = (n: number, strategy: string, funding: string) => ({
  cityId: 'amsterdam',
  round: n,
  status: 'VALIDATED',
  assessedAt: `202${n}-03-01`,
  updatedAt: '2026-01-01T00:00:00Z',
  characteristics: [
    { characteristic: 'STRATEGY', criteriaMet: [], evidence: { answers: {}, links: [] }, level: strategy },
    { characteristic: 'FUNDING', criteriaMet: [], evidence: { answers: {}, links: [] }, level: funding },
  ],
});

const benchmark = {
  cityId: 'amsterdam',
  region: 'EU',
  peerLookup: 'AVAILABLE',
  levels: [
    { characteristic: 'STRATEGY', level: 'AVERAGE', regionMedian: 1.5, regionCities: 12, peersMedian: 3, clustersMedian: 2 },
    { characteristic: 'FUNDING', level: 'BASIC', regionCities: 0 },
  ],
  peers: [
    { id: 'barcelona', name: { en: 'Barcelona', zh: '巴塞罗那' }, country: 'ES', region: 'EU', relation: 'PEER', levels: {} },
    { id: 'vienna', name: { en: 'Vienna' }, country: 'AT', region: 'EU', relation: 'CLUSTER_MEMBER', levels: {} },
  ],
  clusters: [{ id: 'clean-air', name: { en: 'Clean air' }, memberIds: ['amsterdam', 'vienna'] }],
  kpis: [
    {
      indicatorCode: 'ISO 37120:2014 8.1',
      title: { en: 'Fine particulate matter (PM2.5) concentration', zh: '细颗粒物（PM2.5）浓度' },
      unit: 'µg/m³',
      value: 11.5,
      year: 2023,
      others: [{ cityId: 'barcelona', name: { en: 'Barcelona' }, relation: 'PEER', value: 14, year: 2022 }],
      median: 14,
    },
  ],
};

function backend(rounds: unknown[] = [round(1, 'BASIC', 'BASIC')], current: unknown = round(2, 'AVERAGE', 'BASIC')) {
  me('amsterdam');
  server.use(
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(current ? { ...amsterdam, assessedAt: '2022-03-01' } : amsterdam)),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/cities/amsterdam/assessment', () => {
      if (!current) throw new Error('a city without validated levels has no current assessment to ask for');
      return HttpResponse.json(current);
    }),
    http.get('*/api/v1/cities/amsterdam/assessment/history', () => HttpResponse.json({ items: rounds, page: 0, size: 19, total: rounds.length })),
    http.get('*/api/v1/cities/amsterdam/benchmark', () => HttpResponse.json(benchmark)),
  );
}

describe('CityProgressPage', () => {
  it('charts the levels per characteristic over the rounds, with the same data as a table', async () => {
    backend();
    await renderPage(<CityProgressPage />, { path: '/cities/amsterdam/progress', route, user });
    expect(await screen.findByRole('heading', { level: 1, name: 'Progress and benchmark: Amsterdam' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Strategy: round 1 Basic, round 2 Average' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Levels per characteristic and round' });
    const strategy = within(table).getByRole('row', { name: /Strategy/ });
    expect(within(strategy).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Basic', 'Average']);
    expect(within(table).getByRole('columnheader', { name: /Round 2/ })).toBeInTheDocument();
  });

  it('puts the levels beside the medians and the KPIs beside the peers', async () => {
    backend();
    await renderPage(<CityProgressPage />, { path: '/cities/amsterdam/progress', route, user });
    const levels = await screen.findByRole('table', { name: 'Your levels beside the medians' });
    const strategy = within(levels).getByRole('row', { name: /Strategy/ });
    expect(strategy).toHaveTextContent('between Basic and Average');
    expect(strategy).toHaveTextContent('(12 cities)');
    expect(strategy).toHaveTextContent('More advanced');
    expect(within(levels).getByRole('columnheader', { name: 'Median in Europe' })).toBeInTheDocument();
    expect(screen.getByText(/Barcelona: 14 \(2022\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Vienna' })).toHaveAttribute('href', '/cities/vienna');
    expect(screen.getByRole('link', { name: 'Clean air' })).toHaveAttribute('href', '/clusters/clean-air');
  });

  it('says so when there is no validated round yet, in Chinese', async () => {
    backend([], null);
    await renderPage(<CityProgressPage />, { path: '/cities/amsterdam/progress', route, user, language: 'zh-CN' });
    expect(await screen.findByText(/尚无经验证的自评/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '开始自评' })).toHaveAttribute('href', '/cities/amsterdam/assessment');
  });

  it('tells an editor of another city the page is not theirs', async () => {
    me('chengdu');
    server.use(
      http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json(amsterdam)),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/cities/amsterdam/assessment', () => HttpResponse.json(round(1, 'BASIC', 'BASIC'))),
      http.get('*/api/v1/cities/amsterdam/assessment/history', () => HttpResponse.json({ items: [], page: 0, size: 19, total: 0 })),
    );
    await renderPage(<CityProgressPage />, { path: '/cities/amsterdam/progress', route, user });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only the city');
  });
});
