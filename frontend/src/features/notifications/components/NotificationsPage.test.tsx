import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { NotificationsPage } from './NotificationsPage';

const curator = { username: 'curator.demo' };

function item(id: string, text: string, read: boolean, link = '/curation') {
  return { id, at: '2026-12-01T10:00:00Z', action: 'caseStudy.submitted', text, link, read };
}

function backend({ items = [] as object[], unread = 0, settings = { email: false, language: 'en', mailEnabled: true } as object } = {}) {
  const seen: URL[] = [];
  const read: string[] = [];
  const saved: object[] = [];
  let readAll = 0;
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
    http.get('*/api/v1/me/notifications', ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      return HttpResponse.json({ items, page: 0, size: 20, total: items.length, unread });
    }),
    http.post('*/api/v1/me/notifications/:id/read', ({ params }) => {
      read.push(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('*/api/v1/me/notifications/read-all', () => {
      readAll += 1;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/v1/me/notification-settings', () => HttpResponse.json(settings)),
    http.put('*/api/v1/me/notification-settings', async ({ request }) => {
      const body = (await request.json()) as object;
      saved.push(body);
      return HttpResponse.json({ ...settings, ...body, address: 'curator@example.org' });
    }),
  );
  return { seen, read, saved, readAll: () => readAll };
}

describe('NotificationsPage', () => {
  it('lists notifications newest first, unread ones marked, each linking to the page to act on', async () => {
    const calls = backend({
      items: [item('a1', "Case study 'bikes' of amsterdam was submitted for review.", false), item('a2', 'Older news', true, '/case-studies/x')],
      unread: 1,
    });
    await renderPage(<NotificationsPage />, { path: '/notifications', route: '/notifications', user: curator });

    expect(await screen.findByRole('heading', { level: 2, name: '1 unread' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent("Unread: Case study 'bikes' of amsterdam was submitted for review.");
    expect(within(items[0]!).getByRole('link', { name: 'Open' })).toHaveAttribute('href', '/curation');
    expect(within(items[1]!).getByRole('link', { name: 'Open' })).toHaveAttribute('href', '/case-studies/x');
    expect(within(items[1]!).queryByRole('button', { name: /Mark as read/ })).not.toBeInTheDocument();

    await userEvent.click(within(items[0]!).getByRole('button', { name: /Mark as read/ }));
    await waitFor(() => expect(calls.read).toEqual(['a1']));
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(calls.readAll()).toBe(1));
  });

  it('shows only unread ones when asked, and says when there is nothing', async () => {
    const calls = backend();
    await renderPage(<NotificationsPage />, { path: '/notifications?show=unread', route: '/notifications', user: curator });
    expect(await screen.findByText('You have read everything.')).toBeInTheDocument();
    expect(calls.seen.at(-1)?.searchParams.get('unreadOnly')).toBe('true');
  });

  it('is in Chinese for a Chinese reader', async () => {
    backend({ items: [item('a1', 'amsterdam 的案例“bikes”已提交审核。', false)], unread: 1 });
    await renderPage(<NotificationsPage />, { path: '/notifications', route: '/notifications', user: curator, language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: '通知' })).toBeInTheDocument();
    expect(await screen.findByText('amsterdam 的案例“bikes”已提交审核。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '全部标为已读' })).toBeInTheDocument();
  });

  it('shows the error when the inbox cannot be read', async () => {
    backend();
    server.use(
      http.get('*/api/v1/me/notifications', () =>
        HttpResponse.json({ type: 'urn:citystep:problem:service-unavailable', status: 503, detail: 'Down for a moment.' }, { status: 503 }),
      ),
    );
    await renderPage(<NotificationsPage />, { path: '/notifications', route: '/notifications', user: curator });
    expect(await screen.findByText('Down for a moment.')).toBeInTheDocument();
  });

  it('opts in to e-mail in a chosen language', async () => {
    const calls = backend();
    await renderPage(<NotificationsPage />, { path: '/notifications', route: '/notifications', user: curator });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Also send my notifications by e-mail' }));
    await userEvent.selectOptions(screen.getByLabelText('Language of the e-mails'), 'zh-CN');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.saved).toEqual([{ email: true, language: 'zh-CN' }]);
    expect(screen.getByText('E-mails go to curator@example.org, the address of your account.')).toBeInTheDocument();
  });
});
