import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import type { Schemas } from '../../../lib/api/client';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { MaturityReportPage } from './MaturityReportPage';

const counts = (values: number[]) => ({
  NOT_YET_ADDRESSED: values[0] ?? 0,
  BASIC: values[1] ?? 0,
  AVERAGE: values[2] ?? 0,
  MORE_ADVANCED: values[3] ?? 0,
  STATE_OF_THE_ART: values[4] ?? 0,
  NOT_ASSESSED: values[5] ?? 0,
});

const byRegion: Schemas['MaturityDistribution'] = {
  groupBy: 'region',
  characteristics: [
    {
      characteristic: 'STRATEGY',
      groups: [
        { group: 'EU', total: 15, counts: counts([1, 0, 4, 8, 1, 1]), percentages: counts([6.7, 0, 26.7, 53.3, 6.7, 6.6]) },
        { group: 'CHINA', total: 15, counts: counts([0, 1, 4, 10, 0, 0]), percentages: counts([0, 6.7, 26.7, 66.6, 0, 0]) },
      ],
    },
  ],
};

const byCountry: Schemas['MaturityDistribution'] = {
  groupBy: 'country',
  characteristics: [
    {
      characteristic: 'STRATEGY',
      groups: [
        { group: 'NL', total: 1, counts: counts([0, 0, 0, 1, 0, 0]), percentages: counts([0, 0, 0, 100, 0, 0]) },
        { group: 'CN', total: 15, counts: counts([0, 1, 4, 10, 0, 0]), percentages: counts([0, 6.7, 26.7, 66.6, 0, 0]) },
      ],
    },
  ],
};

const reference = {
  characteristics: [{ code: 'STRATEGY', number: 1, rated: true, name: { en: 'Smart City Strategy', zh: '智慧城市战略' }, description: {}, citation: {}, criteria: [], questions: [] }],
  levels: [],
  serviceDomains: [],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

function answerReport(seen: Request[] = []) {
  server.use(
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/reports/maturity-distribution', ({ request }) => {
      seen.push(request);
      const url = new URL(request.url);
      if (request.headers.get('Accept')?.includes('text/csv')) {
        return new HttpResponse('characteristic,region,total\nSTRATEGY,EU,15\n', {
          headers: { 'Content-Type': 'text/csv;charset=UTF-8', 'Content-Disposition': 'attachment; filename="maturity-distribution-by-region.csv"' },
        });
      }
      return HttpResponse.json(url.searchParams.get('groupBy') === 'country' ? byCountry : byRegion);
    }),
  );
  return seen;
}

describe('MaturityReportPage', () => {
  it('shows the counts and shares of the API in the table, Europe beside China', async () => {
    answerReport();
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });

    const table = await screen.findByRole('table', { name: /Number and share of cities/ });
    expect(within(table).getByRole('columnheader', { name: 'More advanced' })).toBeInTheDocument();
    const europe = within(table).getByRole('rowheader', { name: 'Europe' }).closest('tr') as HTMLElement;
    const cells = within(europe).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['1 (6.7%)', '0 (0%)', '4 (26.7%)', '8 (53.3%)', '1 (6.7%)', '1 (6.6%)', '15']);
    const china = within(table).getByRole('rowheader', { name: 'China' }).closest('tr') as HTMLElement;
    expect(within(china).getAllByRole('cell')[3]).toHaveTextContent('10 (66.6%)');
    expect(await within(table).findByRole('rowheader', { name: 'Smart City Strategy' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Stacked bar chart for Smart City Strategy/ })).toBeInTheDocument();
  });

  it('downloads the CSV by asking the same URL for text/csv and saving it under its file name', async () => {
    const seen = answerReport();
    const createObjectURL = vi.fn((blob: Blob) => {
      void blob;
      return 'blob:report';
    });
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: lend it a pair for this test
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('maturity-distribution-by-region.csv');
      expect(this.href).toBe('blob:report');
    });
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });
    await screen.findByRole('table');

    await userEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));

    expect(await screen.findByText('Downloaded maturity-distribution-by-region.csv.')).toBeInTheDocument();
    const csvRequest = seen.find((request) => request.headers.get('Accept') === 'text/csv');
    expect(csvRequest).toBeDefined();
    expect(new URL(csvRequest!.url).searchParams.get('groupBy')).toBe('region');
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(await blob?.text()).toContain('STRATEGY,EU,15');
    click.mockRestore();
  });

  it('asks for the CSV in the language of the UI (the server writes its headers and names)', async () => {
    const seen = answerReport();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:report'), revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    onTestFinished(() => click.mockRestore());
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity', language: 'zh-CN' });
    await screen.findByRole('table');

    await userEvent.click(screen.getByRole('button', { name: '下载 CSV' }));

    expect(await screen.findByText('已下载 maturity-distribution-by-region.csv。')).toBeInTheDocument();
    const csvRequest = seen.find((request) => request.headers.get('Accept') === 'text/csv');
    expect(csvRequest?.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it("shows the problem's detail when the CSV cannot be made", async () => {
    answerReport();
    server.use(
      http.get('*/api/v1/reports/maturity-distribution', ({ request }) =>
        request.headers.get('Accept') === 'text/csv'
          ? HttpResponse.json(
              { type: 'urn:citystep:problem:unavailable', title: 'Service Unavailable', status: 503, detail: 'The report store is busy.' },
              { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : HttpResponse.json(byRegion),
      ),
    );
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });
    await screen.findByRole('table');

    await userEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The report store is busy.');
  });

  it('groups by country on request', async () => {
    const seen = answerReport();
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });
    await screen.findByRole('table');

    await userEvent.click(screen.getByRole('radio', { name: 'Country' }));

    expect(await screen.findByRole('rowheader', { name: 'Netherlands' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Country' })).toBeInTheDocument();
    await waitFor(() => expect(new URL(seen.at(-1)!.url).searchParams.get('groupBy')).toBe('country'));
  });

  it('is in Chinese when the UI is in Chinese', async () => {
    answerReport();
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity', language: 'zh-CN' });

    expect(await screen.findByRole('heading', { level: 1, name: '试点城市成熟度' })).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: '中国' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载 CSV' })).toBeInTheDocument();
  });

  it("shows the backend's problem detail when the report fails", async () => {
    server.use(
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/reports/maturity-distribution', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:unavailable', title: 'Service Unavailable', status: 503, detail: 'Search is starting up.' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Search is starting up.');
  });

  it('has no serious accessibility violations', async () => {
    answerReport();
    const { container } = await renderPage(<MaturityReportPage />, { path: '/reports/maturity', route: '/reports/maturity' });
    await screen.findByRole('rowheader', { name: 'Smart City Strategy' });

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});
