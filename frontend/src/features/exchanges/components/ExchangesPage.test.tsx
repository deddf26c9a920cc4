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
});
