import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { toInstant } from '../time';
import { chengduEditor, exchange, problem, serveBasics } from '../testing/fixtures';
import { NewExchangePage } from './NewExchangePage';

const fromMatch = {
  path: '/exchanges/new?peer=amsterdam&characteristic=FUNDING&origin=MATCH',
  route: '/exchanges/new',
  user: chengduEditor,
};

const caseStudies = {
  items: [{ id: 'amsterdam-green-bonds', title: { en: 'Green bonds for the smart grid', zh: '智能电网绿色债券' } }],
  page: 0,
  size: 50,
  total: 1,
};

beforeEach(() => {
  serveBasics({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' });
  server.use(http.get('*/api/v1/case-studies', () => HttpResponse.json(caseStudies)));
});

async function fillRequired() {
  await screen.findByText('More advanced');
  await userEvent.selectOptions(screen.getByLabelText('Format'), 'Call');
  await userEvent.type(screen.getByLabelText('First message'), 'How did you fund the smart grid?');
}

/** Sends a filled-in request from the match, which the API refuses with {@code status} and {@code body}: the alert shown. */
async function sendRefusedWith(status: number, body: Record<string, unknown>) {
  server.use(http.post('*/api/v1/exchanges', () => problem(status, body)));
  await renderPage(<NewExchangePage />, fromMatch);
  await fillRequired();
  await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
  return screen.findByRole('alert');
}

describe('NewExchangePage', () => {
  it('starts from the match: the peer, and the step from the city’s own level to the next', async () => {
    await renderPage(<NewExchangePage />, fromMatch);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ask for an exchange' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Peer city' })).toHaveValue('Amsterdam'));
    expect(screen.getByLabelText('Characteristic')).toHaveValue('FUNDING');
    const step = screen.getByRole('group', { name: 'Step' });
    await waitFor(() => expect(step).toHaveTextContent('Funding Average → to More advanced'));
  });

  it('asks for the format and a first message before sending anything', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/exchanges', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(exchange(), { status: 201 });
      }),
    );
    await renderPage(<NewExchangePage />, fromMatch);
    await screen.findByText('More advanced');

    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));

    expect(await screen.findByRole('link', { name: 'Format: Required.' })).toHaveAttribute('href', '#exchange-format');
    expect(screen.getByRole('link', { name: 'First message: Required.' })).toHaveAttribute('href', '#exchange-message');
    expect(screen.getByLabelText('First message')).toHaveAccessibleDescription(expect.stringContaining('Required.'));
    expect(sent).toEqual([]);
  });

  it('refuses a proposed date that ends before it starts', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/exchanges', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(exchange(), { status: 201 });
      }),
    );
    await renderPage(<NewExchangePage />, fromMatch);
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Propose a date' }));
    fireEvent.change(screen.getByLabelText('Date 1: start'), { target: { value: '2026-12-08T10:00' } });
    fireEvent.change(screen.getByLabelText('Date 1: end'), { target: { value: '2026-12-08T09:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));

    expect(await screen.findByRole('link', { name: 'Date 1: end: The end must be after the start.' })).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('sends the step, the format, the dates as UTC instants, the message and the case study, then opens the exchange', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/exchanges', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(exchange(), { status: 201 });
      }),
    );
    const { router } = await renderPage(<NewExchangePage />, fromMatch);
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Propose a date' }));
    fireEvent.change(screen.getByLabelText('Date 1: start'), { target: { value: '2026-12-08T10:00' } });
    fireEvent.change(screen.getByLabelText('Date 1: end'), { target: { value: '2026-12-08T11:30' } });
    await userEvent.selectOptions(await screen.findByLabelText('Case study (optional)'), 'Green bonds for the smart grid');
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/exchanges/ex-1'));
    expect(sent).toEqual([
      {
        askingCityId: 'chengdu',
        peerCityId: 'amsterdam',
        step: { characteristic: 'FUNDING', fromLevel: 'AVERAGE', toLevel: 'MORE_ADVANCED' },
        format: 'CALL',
        origin: { kind: 'MATCH' },
        caseStudyId: 'amsterdam-green-bonds',
        proposedSlots: [{ start: toInstant('2026-12-08T10:00'), end: toInstant('2026-12-08T11:30') }],
        message: 'How did you fund the smart grid?',
      },
    ]);
  });

  it('explains a peer that is not one level ahead, with what to do instead', async () => {
    const alert = await sendRefusedWith(422, {
      type: 'urn:citystep:problem:exchange-peer-not-one-step-ahead',
      detail: 'Amsterdam is at State of the art in Services, two levels above your Average.',
    });
    expect(alert).toHaveTextContent('This city cannot be asked about this step');
    expect(alert).toHaveTextContent('two levels above your Average');
    expect(alert).toHaveTextContent('your roadmap lists them');
  });

  it('explains the limit of open requests (429)', async () => {
    const alert = await sendRefusedWith(429, {
      type: 'urn:citystep:problem:exchange-limit',
      detail: 'Chengdu has 10 open requests, the most allowed.',
    });
    expect(alert).toHaveTextContent('Your city has reached its limit of open requests');
    expect(alert).toHaveTextContent('Chengdu has 10 open requests');
  });

  it('says from when a declined request may be sent again, in Chinese too', async () => {
    server.use(
      http.post('*/api/v1/exchanges', () =>
        problem(409, {
          type: 'urn:citystep:problem:exchange-declined-recently',
          detail: '阿姆斯特丹最近拒绝了同样的申请。',
          declinedAt: '2026-12-08T12:00:00Z',
          sendableFrom: '2027-01-07T12:00:00Z',
        }),
      ),
    );
    await renderPage(<NewExchangePage />, { ...fromMatch, language: 'zh-CN' });
    await screen.findByText('较先进');
    await userEvent.selectOptions(screen.getByLabelText('形式'), '电话会议');
    await userEvent.type(screen.getByLabelText('第一条消息'), '请问智能电网的资金来自哪里？');
    await userEvent.click(screen.getByRole('button', { name: '发送申请' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('该城市最近拒绝过同样的申请');
    expect(alert).toHaveTextContent('阿姆斯特丹最近拒绝了同样的申请。');
    expect(alert).toHaveTextContent('您可以从2027年1月7日起再次申请。');
  });

  it('points to the open request when the same request is sent again', async () => {
    const alert = await sendRefusedWith(409, {
      type: 'urn:citystep:problem:exchange-already-open',
      detail: 'Your city already has an open request to this city about this step (exchange 0123456789abcdef01234567).',
      exchangeId: '0123456789abcdef01234567',
    });
    expect(alert).toHaveTextContent('Your city has asked this city about this step already');
    expect(within(alert).getByRole('link', { name: 'Open the request' })).toHaveAttribute(
      'href',
      '/exchanges/0123456789abcdef01234567',
    );
  });

  it('has no serious accessibility violations, with its errors shown', async () => {
    const { container } = await renderPage(<NewExchangePage />, fromMatch);
    await screen.findByText('More advanced');
    await userEvent.click(screen.getByRole('button', { name: 'Propose a date' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByRole('link', { name: 'Format: Required.' });

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
