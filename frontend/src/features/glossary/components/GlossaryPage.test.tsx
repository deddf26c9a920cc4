import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { GlossaryPage } from './GlossaryPage';

const parking = {
  id: 'parking',
  version: 2,
  category: 'VOCABULARY',
  en: ['parking', 'car park'],
  zh: ['停车', '停车场'],
  updatedAt: '2026-03-01T10:00:00Z',
  updatedBy: 'curator.demo',
};
const transport = {
  id: 'transportation',
  version: 0,
  category: 'SERVICE_DOMAIN',
  code: 'TRANSPORTATION',
  en: ['transportation'],
  zh: ['交通'],
  updatedAt: '2026-01-01T10:00:00Z',
  updatedBy: 'seed',
};

const reference = {
  characteristics: [],
  levels: [],
  serviceDomains: [{ code: 'TRANSPORTATION', name: { en: 'Transportation', zh: '交通运输' }, citation: {} }],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

function backend({ total = 2, items = [parking, transport] as object[] } = {}) {
  const seen: URL[] = [];
  const deleted: string[] = [];
  server.use(
    http.get('*/api/v1/glossary', ({ request }) => {
      seen.push(new URL(request.url));
      return HttpResponse.json({ items, page: Number(new URL(request.url).searchParams.get('page') ?? 0), size: 20, total });
    }),
    http.delete('*/api/v1/glossary/:id', ({ params }) => {
      deleted.push(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
  );
  return { seen, deleted };
}

function signedIn(roles: string[]) {
  server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'someone', roles })));
}

describe('GlossaryPage', () => {
  it('shows every term in both languages with its category, and no editing to a visitor', async () => {
    backend();
    await renderPage(<GlossaryPage />, { path: '/glossary', route: '/glossary' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Glossary' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '2 terms' })).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /parking/ });
    expect(within(row).getByText('停车').closest('[lang]')).toHaveAttribute('lang', 'zh-CN');
    expect(within(row).getByText('停车场')).toBeInTheDocument();
    expect(within(row).getByText('Vocabulary')).toBeInTheDocument();
    expect(await screen.findByText('Transportation')).toBeInTheDocument();
    expect(screen.getByText('Only curators and administrators change the glossary.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add a term' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
  });

  it('searches by words and narrows to a category, starting again at the first page', async () => {
    const { seen } = backend({ total: 45 });
    await renderPage(<GlossaryPage />, { path: '/glossary', route: '/glossary' });

    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('page')).toBe('1'));

    await userEvent.type(screen.getByLabelText('Words in English or Chinese'), '停车');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('q')).toBe('停车'));
    expect(seen.at(-1)?.searchParams.get('page')).toBe('0');

    await userEvent.selectOptions(screen.getByLabelText('Category'), 'Service domain');
    await waitFor(() => expect(seen.at(-1)?.searchParams.get('category')).toBe('SERVICE_DOMAIN'));
    expect(seen.at(-1)?.searchParams.get('q')).toBe('停车');
  });

  it('says when nothing matches', async () => {
    backend({ total: 0, items: [] });
    await renderPage(<GlossaryPage />, { path: '/glossary?q=zzz', route: '/glossary' });

    expect(await screen.findByText('No term matches. Try other words or all categories.')).toBeInTheDocument();
  });

  it('lets a curator delete a term after confirming, or keep it', async () => {
    signedIn(['curator']);
    const { deleted } = backend();
    await renderPage(<GlossaryPage />, { path: '/glossary', route: '/glossary', user: { username: 'curator.demo' } });

    expect(await screen.findByRole('link', { name: 'Add a term' })).toHaveAttribute('href', '/glossary/new');
    expect(screen.getByRole('link', { name: 'Edit “parking”' })).toHaveAttribute('href', '/glossary/parking/edit');

    await userEvent.click(screen.getByRole('button', { name: 'Delete “parking”' }));
    const question = screen.getByRole('group', { name: 'Delete “parking”' });
    expect(question).toHaveTextContent('Delete “parking” from the glossary?');
    expect(within(question).getByRole('button', { name: 'Yes, delete' })).toHaveFocus();
    await userEvent.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(deleted).toEqual([]);
    expect(screen.getByRole('button', { name: 'Delete “parking”' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Delete “parking”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('“parking” was deleted.')).toBeInTheDocument();
    expect(deleted).toEqual(['parking']);
  });

  it('is all in Chinese for a Chinese reader, names of categories and reference terms included', async () => {
    signedIn(['admin']);
    backend();
    await renderPage(<GlossaryPage />, { path: '/glossary', route: '/glossary', user: { username: 'admin' }, language: 'zh-CN' });

    expect(await screen.findByRole('heading', { level: 1, name: '术语表' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '2 条术语' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '通用词汇' })).toBeInTheDocument();
    expect(await screen.findByText('交通运输')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '英文' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '添加术语' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '删除“parking”' })).toBeInTheDocument();
    expect(screen.getByLabelText('中文或英文词语')).toBeInTheDocument();
  });
});
