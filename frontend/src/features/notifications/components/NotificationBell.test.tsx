import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { NotificationBell } from './NotificationBell';

function signedIn() {
  server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })));
}

describe('NotificationBell', () => {
  it('shows the unread count and raises it when the live stream says so', async () => {
    signedIn();
    let push: (text: string) => void = () => {};
    server.use(
      http.get('*/api/v1/me/notifications', () => HttpResponse.json({ items: [], page: 0, size: 1, total: 2, unread: 2 })),
      http.get('*/api/v1/me/notifications/stream', ({ request }) => {
        expect(request.headers.get('Authorization')).toBe('Bearer test-token');
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            push = (text) => controller.enqueue(encoder.encode(text));
            push('event:unread\ndata:{"unread":2}\n\n');
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }),
    );
    await renderPage(<NotificationBell />, { user: { username: 'curator.demo' } });
    const bell = await screen.findByRole('link', { name: 'Notifications 2 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    push(':heartbeat\n\nevent:unread\ndata:{"unread":3}\n\n');
    expect(await screen.findByRole('link', { name: 'Notifications 3 unread' })).toBeInTheDocument();
  });

  it('polls while the stream is down, and says none unread in Chinese', async () => {
    signedIn();
    server.use(
      http.get('*/api/v1/me/notifications', () => HttpResponse.json({ items: [], page: 0, size: 1, total: 0, unread: 0 })),
      http.get('*/api/v1/me/notifications/stream', () => new HttpResponse(null, { status: 503 })),
    );
    await renderPage(<NotificationBell />, { user: { username: 'curator.demo' }, language: 'zh-CN' });
    const bell = await screen.findByRole('link', { name: '通知 没有未读' });
    expect(bell).toHaveAttribute('data-live', 'false');
  });

  it('is not shown to anonymous visitors', async () => {
    await renderPage(<NotificationBell />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
