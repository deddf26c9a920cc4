import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { changeLanguage } from '../../../lib/i18n/i18n';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import type { Exchange, ExchangeMessage } from '../api/types';
import { amsterdamEditor, chengduEditor, exchange, message, problem, serveBasics, slot } from '../testing/fixtures';
import { ExchangePage } from './ExchangePage';

const at = (user: { username: string; token?: string }) => ({ path: '/exchanges/ex-1', route: '/exchanges/:id', user });

/** Serves the exchange as it is now (a state change replaces it) and its conversation. */
function serve(initial: Exchange, messages: ExchangeMessage[] = [message()]) {
  const state = { current: initial };
  server.use(
    http.get('*/api/v1/exchanges/ex-1', () => HttpResponse.json(state.current)),
    http.get('*/api/v1/exchanges/ex-1/messages', () => HttpResponse.json({ items: messages, page: 0, size: 50, total: messages.length })),
  );
  return {
    changeTo(next: Exchange) {
      state.current = next;
      return HttpResponse.json(next);
    },
  };
}

const asAmsterdam = () => serveBasics({ username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' });
const asChengdu = () => serveBasics({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' });

describe('ExchangePage', () => {
  it('offers the peer exactly what canAct allows: accept, propose dates and decline', async () => {
    asAmsterdam();
    serve(exchange({ canAct: ['ACCEPT', 'DECLINE', 'PROPOSE_DATES', 'POST_MESSAGE'] }));
    await renderPage(<ExchangePage />, at(amsterdamEditor));

    expect(await screen.findByRole('heading', { level: 1, name: 'Chengdu asks Amsterdam' })).toBeInTheDocument();
    const actions = screen.getByRole('region', { name: 'What you can do' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Accept', 'Propose other dates', 'Decline']);
    expect(screen.queryByRole('button', { name: 'Cancel the exchange' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your message' })).toBeInTheDocument();
  });

  it('offers nothing to do and no composer when canAct is empty', async () => {
    serveBasics({ username: 'curator.demo', roles: ['curator'] });
    serve(exchange({ state: 'DECLINED', declineReason: 'No capacity this winter.', canAct: [] }));
    await renderPage(<ExchangePage />, at({ username: 'curator.demo' }));

    await screen.findByRole('heading', { level: 1, name: 'Chengdu asks Amsterdam' });
    expect(screen.queryByRole('region', { name: 'What you can do' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your message' })).not.toBeInTheDocument();
    expect(screen.getByText('No capacity this winter.')).toBeInTheDocument();
  });

  it('accepts with the chosen proposed date, sending the version read', async () => {
    const sent: unknown[] = [];
    asAmsterdam();
    const served = serve(exchange({ canAct: ['ACCEPT', 'DECLINE'] }));
    server.use(
      http.post('*/api/v1/exchanges/ex-1/accept', async ({ request }) => {
        sent.push(await request.json());
        return served.changeTo(exchange({ state: 'ACCEPTED', version: 4, agreedSlot: slot, canAct: ['POST_MESSAGE'] }));
      }),
    );
    await renderPage(<ExchangePage />, at(amsterdamEditor));

    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(3); // the two proposed dates and "none of them yet"
    expect(radios[0]).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm acceptance' }));

    expect(await screen.findByText('Accepted. The asking city is told.')).toBeInTheDocument();
    expect(sent).toEqual([{ version: 3, slot }]);
    expect(screen.getByText('Agreed date:')).toBeInTheDocument();
  });

  it('declines only with a reason', async () => {
    const sent: unknown[] = [];
    asAmsterdam();
    const served = serve(exchange({ canAct: ['ACCEPT', 'DECLINE'] }));
    server.use(
      http.post('*/api/v1/exchanges/ex-1/decline', async ({ request }) => {
        sent.push(await request.json());
        return served.changeTo(exchange({ state: 'DECLINED', version: 4, declineReason: 'No capacity this winter.' }));
      }),
    );
    await renderPage(<ExchangePage />, at(amsterdamEditor));

    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send decline' }));
    expect(await screen.findByLabelText('Reason')).toHaveAccessibleDescription(expect.stringContaining('Required.'));
    expect(sent).toEqual([]);

    await userEvent.type(screen.getByLabelText('Reason'), 'No capacity this winter.');
    await userEvent.click(screen.getByRole('button', { name: 'Send decline' }));
    await waitFor(() => expect(sent).toEqual([{ version: 3, reason: 'No capacity this winter.' }]));
  });

  it('keeps a confirmation in the language the reader switches to', async () => {
    asAmsterdam();
    const served = serve(exchange({ canAct: ['ACCEPT', 'DECLINE'] }));
    server.use(
      http.post('*/api/v1/exchanges/ex-1/decline', () =>
        served.changeTo(exchange({ state: 'DECLINED', version: 4, declineReason: 'No capacity this winter.' })),
      ),
    );
    await renderPage(<ExchangePage />, at(amsterdamEditor));
    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    await userEvent.type(screen.getByLabelText('Reason'), 'No capacity this winter.');
    await userEvent.click(screen.getByRole('button', { name: 'Send decline' }));
    await screen.findByText('Declined. The asking city is told.');

    await act(() => changeLanguage('zh-CN'));
    expect(await screen.findByText('已拒绝，申请城市会收到通知。')).toBeInTheDocument();
    expect(screen.queryByText('Declined. The asking city is told.')).not.toBeInTheDocument();
  });

  it("shows the agreed date in both cities' time zones", async () => {
    asChengdu();
    serve(exchange({ state: 'ACCEPTED', agreedSlot: slot, canAct: ['POST_MESSAGE', 'CANCEL'] }));
    await renderPage(<ExchangePage />, at(chengduEditor));

    const schedule = await screen.findByRole('region', { name: 'Date' });
    const amsterdam = within(schedule).getByText('Amsterdam time (Europe/Amsterdam)').nextElementSibling;
    const chengdu = within(schedule).getByText('Chengdu time (Asia/Shanghai)').nextElementSibling;
    expect(amsterdam).toHaveTextContent(/10:00/);
    expect(amsterdam).toHaveTextContent(/11:30/);
    expect(chengdu).toHaveTextContent(/5:00/);
    expect(chengdu).toHaveTextContent(/6:30\sPM/);
    expect(within(schedule).getByRole('button', { name: 'Download calendar file' })).toBeInTheDocument();
  });

  it('downloads the calendar file with the token', async () => {
    let authorization: string | null = null;
    asChengdu();
    serve(exchange({ state: 'ACCEPTED', agreedSlot: slot, canAct: ['POST_MESSAGE'] }));
    server.use(
      http.get('*/api/v1/exchanges/ex-1/calendar.ics', ({ request }) => {
        authorization = request.headers.get('Authorization');
        return new HttpResponse('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { headers: { 'Content-Type': 'text/calendar' } });
      }),
    );
    const createObjectURL = vi.fn(() => 'blob:calendar');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderPage(<ExchangePage />, at({ ...chengduEditor, token: 'chengdu-token' }));

    await userEvent.click(await screen.findByRole('button', { name: 'Download calendar file' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(authorization).toBe('Bearer chengdu-token');
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows messages oldest first as text, with links and without running markup', async () => {
    asChengdu();
    serve(exchange({ state: 'ACCEPTED', canAct: ['POST_MESSAGE'] }), [
      message(),
      message({
        id: 'm-2',
        seq: 2,
        authorName: 'editor.amsterdam',
        authorCityId: 'amsterdam',
        text: 'Our plan: https://example.org/plan.pdf <img src=x onerror=alert(1)>',
      }),
    ]);
    const { container } = await renderPage(<ExchangePage />, at(chengduEditor));

    const list = await screen.findByRole('list', { name: 'Conversation' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('How did you fund the smart grid?');
    expect(items[1]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(within(items[1]!).getByRole('link', { name: 'https://example.org/plan.pdf' })).toHaveAttribute(
      'href',
      'https://example.org/plan.pdf',
    );
    expect(container.querySelector('.exchange-messages img')).toBeNull();
  });

  it('posts a message and shows the refreshed conversation', async () => {
    const posted: unknown[] = [];
    let messages = [message()];
    asChengdu();
    server.use(
      http.get('*/api/v1/exchanges/ex-1', () => HttpResponse.json(exchange({ canAct: ['POST_MESSAGE', 'CANCEL'] }))),
      http.get('*/api/v1/exchanges/ex-1/messages', () => HttpResponse.json({ items: messages, page: 0, size: 50, total: messages.length })),
      http.post('*/api/v1/exchanges/ex-1/messages', async ({ request }) => {
        const body = (await request.json()) as { text: string };
        posted.push(body);
        const created = message({ id: 'm-2', seq: 2, text: body.text, createdAt: '2026-12-02T08:00:00Z' });
        messages = [...messages, created];
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    await renderPage(<ExchangePage />, at(chengduEditor));

    await userEvent.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Thursday suits us.');
    await userEvent.click(screen.getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText('Thursday suits us.')).toBeInTheDocument();
    expect(posted).toEqual([{ text: 'Thursday suits us.' }]);
    expect(screen.getByRole('textbox', { name: 'Your message' })).toHaveValue('');
  });

  it('records the outcome when RECORD_OUTCOME is allowed, with usefulness from 1 to 5', async () => {
    const sent: unknown[] = [];
    asChengdu();
    const served = serve(exchange({ state: 'ACCEPTED', agreedSlot: slot, canAct: ['POST_MESSAGE', 'RECORD_OUTCOME'] }));
    server.use(
      http.put('*/api/v1/exchanges/ex-1/outcome', async ({ request }) => {
        const body = (await request.json()) as { learnt: string; willAdopt: string; usefulness: number };
        sent.push(body);
        return served.changeTo(
          exchange({
            state: 'COMPLETED',
            version: 4,
            agreedSlot: slot,
            outcome: { ...body, recordedAt: '2026-12-09T08:00:00Z' },
            canAct: ['MAKE_DRAFT'],
          }),
        );
      }),
    );
    await renderPage(<ExchangePage />, at(chengduEditor));

    await userEvent.click(await screen.findByRole('button', { name: 'Save the outcome' }));
    expect(await screen.findByText('Choose how useful it was, from 1 to 5.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await userEvent.type(screen.getByLabelText('What we learnt'), 'Green bonds need a city rating first.');
    await userEvent.type(screen.getByLabelText('What we will adopt'), 'A pilot bond for the grid.');
    await userEvent.click(screen.getByRole('radio', { name: '4' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the outcome' }));

    await waitFor(() =>
      expect(sent).toEqual([
        { version: 3, learnt: 'Green bonds need a city rating first.', willAdopt: 'A pilot bond for the grid.', usefulness: 4 },
      ]),
    );
    expect(await screen.findByText('4 of 5')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn this into a case study draft' })).toBeInTheDocument();
  });

  it('turns the outcome into a case study draft and opens it in the editor', async () => {
    asChengdu();
    serve(
      exchange({
        state: 'COMPLETED',
        agreedSlot: slot,
        outcome: { learnt: 'Rating first.', willAdopt: 'A pilot bond.', usefulness: 5, recordedAt: '2026-12-09T08:00:00Z' },
        canAct: ['MAKE_DRAFT'],
      }),
    );
    server.use(
      http.post('*/api/v1/exchanges/ex-1/case-study-draft', () => HttpResponse.json({ caseStudyId: 'chengdu-green-bonds' }, { status: 201 })),
    );
    const { router } = await renderPage(<ExchangePage />, at(chengduEditor));

    await userEvent.click(await screen.findByRole('button', { name: 'Turn this into a case study draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/case-studies/chengdu-green-bonds/edit'));
  });

  it('says a stale version plainly and reloads', async () => {
    asAmsterdam();
    serve(exchange({ canAct: ['ACCEPT', 'DECLINE'] }));
    server.use(
      http.post('*/api/v1/exchanges/ex-1/accept', () =>
        problem(409, { type: 'urn:citystep:problem:stale-version', detail: 'Someone changed it since you read version 3.' }),
      ),
    );
    await renderPage(<ExchangePage />, at(amsterdamEditor));

    await userEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm acceptance' }));

    expect(await screen.findByText('Someone changed it since you read version 3.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /reload/i })).toBeInTheDocument();
  });

  it('answers 404 for anyone who may not read it, without revealing anything', async () => {
    serveBasics({ username: 'expert.demo', roles: ['expert'], expertId: 'demo-expert' });
    server.use(
      http.get('*/api/v1/exchanges/ex-1', () => problem(404, { type: 'urn:citystep:problem:not-found', detail: 'Not found.' })),
    );
    await renderPage(<ExchangePage />, at({ username: 'expert.demo' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Exchange not found' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Conversation' })).not.toBeInTheDocument();
  });

  it('has no serious accessibility violations, with every panel of the peer open in turn', async () => {
    asAmsterdam();
    serve(exchange({ state: 'ACCEPTED', agreedSlot: slot, canAct: ['PROPOSE_DATES', 'DECLINE', 'INVITE_EXPERT', 'POST_MESSAGE'] }));
    const { container } = await renderPage(<ExchangePage />, at(amsterdamEditor));
    await screen.findByRole('list', { name: 'Conversation' });
    const serious = async () => {
      const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    };
    expect(await serious()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Propose other dates' }));
    expect(await serious()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(await serious()).toEqual([]);
  });
});
