import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../testing/render';
import { server } from '../../testing/server';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';

function me(roles: string[], cityId?: string) {
  server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'someone', roles, cityId })));
  // the notification bell of a signed-in user
  server.use(
    http.get('*/api/v1/me/notifications', () => HttpResponse.json({ items: [], page: 0, size: 1, total: 0, unread: 0 })),
    http.get('*/api/v1/me/notifications/stream', () => new HttpResponse(null, { status: 503 })),
  );
}

describe('Layout', () => {
  it('switches every piece of UI text to Chinese and remembers the choice', async () => {
    await renderPage(<Layout />);
    expect(screen.getByRole('link', { name: 'Cities' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /中文/ }));

    expect(await screen.findByRole('link', { name: '城市' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '语言：English' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem('citystep.language')).toBe('zh-CN');
  });

  it('shows curators the curation queue and city editors their city, nobody else', async () => {
    me(['curator']);
    await renderPage(<Layout />, { user: { username: 'curator.demo' } });
    expect(await screen.findByRole('link', { name: 'Curation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Glossary' })).toHaveAttribute('href', '/glossary');
    expect(screen.queryByRole('link', { name: 'My city' })).not.toBeInTheDocument();
    expect(screen.getByText('Signed in as curator.demo')).toBeInTheDocument();
  });

  it('closes the open menu with Escape and puts focus back on the menu button', async () => {
    await renderPage(<Layout />);
    const menu = screen.getByRole('button', { name: 'Menu' });
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it("marks My city, not Cities, as the current section on the editor's own self-assessment", async () => {
    me(['city-editor'], 'amsterdam');
    await renderPage(<Layout />, {
      user: { username: 'editor.amsterdam' },
      path: '/cities/amsterdam/assessment',
      route: '/cities/:id/assessment',
    });
    expect(await screen.findByRole('link', { name: 'My city' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Cities' })).not.toHaveAttribute('aria-current');
  });

  it('marks Cities as the current section on a city profile', async () => {
    await renderPage(<Layout />, { path: '/cities/amsterdam', route: '/cities/:id' });
    expect(screen.getByRole('link', { name: 'Cities' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Search' })).not.toHaveAttribute('aria-current');
  });

  it('links the open data page from the footer, in both languages', async () => {
    await renderPage(<Layout />);
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Open data' })).toHaveAttribute('href', '/open-data');

    await userEvent.click(screen.getByRole('button', { name: /中文/ }));

    expect(await within(footer).findByRole('link', { name: '开放数据' })).toHaveAttribute('href', '/open-data');
  });

  it('hides role pages from anonymous visitors', async () => {
    await renderPage(<Layout />);
    expect(screen.queryByRole('link', { name: 'Curation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Glossary' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'My city' })).not.toBeInTheDocument();
  });
});

describe('RequireRole', () => {
  it('sends an anonymous visitor to sign in, coming back to the same page', async () => {
    const { auth } = await renderPage(<RequireRole roles={['curator']} />, { path: '/curation', route: '/curation' });
    await vi.waitFor(() => expect(auth.signinRedirect).toHaveBeenCalled());
    expect(auth.signinRedirect.mock.calls[0]?.[0]).toMatchObject({ state: { returnTo: '/curation' } });
  });

  it('explains to a signed-in user without the role why the page is closed', async () => {
    me(['city-editor'], 'amsterdam');
    await renderPage(<RequireRole roles={['curator', 'admin']} />, { user: { username: 'editor.amsterdam' }, path: '/curation', route: '/curation' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(screen.getByRole('alert')).toHaveTextContent('curator, administrator');
  });
});
