import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { chengduEditor, exchange, serveBasics, slot } from '../testing/fixtures';
import { ExchangesPage } from './ExchangesPage';

describe('ExchangesPage', () => {
  it("lists a city's exchanges with the other city, step, format, state and date, filtered by state", async () => {
    const asked: string[] = [];
    serveBasics({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' });
    server.use(
      http.get('*/api/v1/exchanges', ({ request }) => {
        asked.push(new URL(request.url).search);
        const items = [
          exchange({ state: 'ACCEPTED', agreedSlot: slot }),
          exchange({
            id: 'ex-2',
            asking: { cityId: 'amsterdam', name: { en: 'Amsterdam' }, timeZone: 'Europe/Amsterdam' },
            peer: { cityId: 'chengdu', name: { en: 'Chengdu' }, timeZone: 'Asia/Shanghai' },
            format: 'WEBINAR',
            proposedSlots: [],
          }),
        ];
        return HttpResponse.json({ items, page: 0, size: 20, total: 2 });
      }),
    );
    await renderPage(<ExchangesPage />, { path: '/cities/chengdu/exchanges', route: '/cities/:cityId/exchanges', user: chengduEditor });

    expect(await screen.findByRole('heading', { level: 1, name: 'Exchanges of Chengdu' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Exchanges' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Asked Amsterdam' })).toHaveAttribute('href', '/exchanges/ex-1');
    expect(rows[0]).toHaveTextContent('Funding');
    expect(rows[0]).toHaveTextContent('Call');
    expect(rows[0]).toHaveTextContent('Accepted');
    expect(within(rows[1]!).getByRole('link', { name: 'Asked by Amsterdam' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Webinar');
    expect(rows[1]).toHaveTextContent('No date yet');
    expect(asked[0]).toContain('cityId=chengdu');

    await userEvent.selectOptions(screen.getByLabelText('State'), 'Accepted');
    await waitFor(() => expect(asked.at(-1)).toContain('state=ACCEPTED'));
  });

  it('says so when there are none yet', async () => {
    serveBasics({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' });
    server.use(http.get('*/api/v1/exchanges', () => HttpResponse.json({ items: [], page: 0, size: 20, total: 0 })));
    await renderPage(<ExchangesPage />, { path: '/cities/chengdu/exchanges', route: '/cities/:cityId/exchanges', user: chengduEditor });

    expect(await screen.findByText("No exchanges yet. Ask a peer from a match on your city's roadmap.")).toBeInTheDocument();
  });

  it('shows curators the figures: per state and format, time to answer and usefulness', async () => {
    serveBasics({ username: 'curator.demo', roles: ['curator'] });
    server.use(
      http.get('*/api/v1/exchanges', () => HttpResponse.json({ items: [exchange()], page: 0, size: 20, total: 1 })),
      http.get('*/api/v1/exchanges/stats', () =>
        HttpResponse.json({
          byStep: [{ step: { characteristic: 'FUNDING', fromLevel: 'AVERAGE', toLevel: 'MORE_ADVANCED' }, count: 3 }],
          byFormat: { CALL: 2, WEBINAR: 1 },
          byState: { REQUESTED: 1, COMPLETED: 2 },
          responseTimeHours: { p50: 5.5, p90: 30, answers: 2 },
          usefulness: { '4': 1, '5': 1 },
        }),
      ),
    );
    await renderPage(<ExchangesPage />, { path: '/exchanges', route: '/exchanges', user: { username: 'curator.demo' } });

    const stats = await screen.findByRole('region', { name: 'Exchanges in numbers' });
    expect(await within(stats).findByText('Median time to answer')).toBeInTheDocument();
    expect(within(stats).getByText('5.5 h')).toBeInTheDocument();
    expect(within(stats).getByText('Completed').nextElementSibling).toHaveTextContent('2');
    expect(within(stats).getByText('Rated 5 of 5').nextElementSibling).toHaveTextContent('1');
    expect(within(stats).getByRole('table', { name: 'Most asked steps' })).toHaveTextContent('Funding');
    expect(within(await screen.findByRole('table', { name: 'Exchanges' })).getByRole('link', { name: 'Chengdu asked Amsterdam' })).toBeInTheDocument();
  });
});
