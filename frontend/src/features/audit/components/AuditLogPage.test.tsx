import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { AuditLogPage } from './AuditLogPage';

const curator = { username: 'curator.demo' };
const returned = {
  id: '65a000000000000000000001',
  at: '2026-12-01T10:00:00Z',
  actorId: 'sub-1',
  actorName: 'curator.demo',
  action: 'caseStudy.returned',
  resourceType: 'caseStudy',
  resourceId: 'amsterdam-bikes',
  cityId: 'amsterdam',
  versionBefore: 2,
  versionAfter: 3,
  details: {},
  note: 'Add the number of stations and the baseline year of the parking search time.',
};

function backend(items: object[] = [returned], total = items.length) {
  const seen: URL[] = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
    http.get('*/api/v1/admin/audit', ({ request }) => {
      seen.push(new URL(request.url));
      return HttpResponse.json({ items, page: 0, size: 25, total });
    }),
  );
  return seen;
}

describe('AuditLogPage', () => {
  it('shows who did what to which record, when, with versions and the note', async () => {
    backend();
    await renderPage(<AuditLogPage />, { path: '/admin/audit', route: '/admin/audit', user: curator });
    expect(await screen.findByRole('heading', { level: 2, name: '1 entry' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Audit log entries' });
    expect(table).toHaveTextContent('curator.demo');
    expect(table).toHaveTextContent('caseStudy.returned');
    expect(table).toHaveTextContent('amsterdam-bikes');
    expect(table).toHaveTextContent('2 → 3');
    expect(table).toHaveTextContent('Add the number of stations');
    // the table scrolls in its own, focusable box, and says so on narrow screens
    expect(screen.getByRole('group', { name: 'Audit log entries' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByText(/scroll it sideways/)).toBeInTheDocument();
  });

  it('sends the filters, with a day range as UTC instants', async () => {
    const seen = backend();
    await renderPage(<AuditLogPage />, { path: '/admin/audit', route: '/admin/audit', user: curator });
    await screen.findByRole('table');
    await userEvent.type(screen.getByLabelText('City id'), 'amsterdam');
    await userEvent.type(screen.getByLabelText('Action (e.g. caseStudy.published)'), 'caseStudy.returned');
    await userEvent.type(screen.getByLabelText('From (day)'), '2026-12-01');
    await userEvent.type(screen.getByLabelText('To (day, inclusive)'), '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('cityId')).toBe('amsterdam'));
    const last = seen.at(-1)!;
    expect(last.searchParams.get('action')).toBe('caseStudy.returned');
    expect(last.searchParams.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(last.searchParams.get('to')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('says when nothing matches, in Chinese too', async () => {
    backend([]);
    await renderPage(<AuditLogPage />, { path: '/admin/audit?cityId=nowhere', route: '/admin/audit', user: curator, language: 'zh-CN' });
    expect(await screen.findByText('没有符合这些筛选条件的记录。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '审计日志' })).toBeInTheDocument();
  });

  it('explains a refusal', async () => {
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor', roles: ['city-editor'] })),
      http.get('*/api/v1/admin/audit', () =>
        HttpResponse.json({ type: 'urn:citystep:problem:forbidden', status: 403, detail: 'Only curators and admins may read the audit log.' }, { status: 403 }),
      ),
    );
    await renderPage(<AuditLogPage />, { path: '/admin/audit', route: '/admin/audit', user: { username: 'editor' } });
    expect(await screen.findByText('Only curators and admins may read the audit log.')).toBeInTheDocument();
  });
});
