import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { GlossaryEditorPage } from './GlossaryEditorPage';

const reference = {
  characteristics: [],
  levels: [],
  serviceDomains: [
    { code: 'TRANSPORTATION', name: { en: 'Transportation', zh: '交通运输' }, citation: {} },
    { code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} },
  ],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

const parking = {
  id: 'parking',
  version: 2,
  category: 'VOCABULARY',
  en: ['parking', 'car park'],
  zh: ['停车'],
  updatedAt: '2026-03-01T10:00:00Z',
  updatedBy: 'curator.demo',
};

const curator = { username: 'curator.demo' };
const newTerm = { path: '/glossary/new', route: '/glossary/new', user: curator };
const editParking = { path: '/glossary/parking/edit', route: '/glossary/:id/edit', user: curator };

function problem(status: number, body: object) {
  return HttpResponse.json({ status, title: 'Problem', ...body }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

beforeEach(() => {
  server.use(
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
  );
});

describe('GlossaryEditorPage', () => {
  it('adds a vocabulary term from one term per line, then shows it in the glossary', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/glossary', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ ...parking, id: 'bike-sharing', version: 0, en: ['bike sharing'], zh: ['共享单车', '公共自行车'] }, { status: 201 });
      }),
    );
    const { router } = await renderPage(<GlossaryEditorPage />, newTerm);

    expect(screen.getByRole('heading', { level: 1, name: 'New glossary term' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Reference term')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('English terms'), ' bike sharing \n\n');
    await userEvent.type(screen.getByLabelText('Chinese terms'), '共享单车\n公共自行车');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/glossary'));
    expect(router.state.location.search).toBe('?q=bike%20sharing');
    expect(sent).toEqual([{ category: 'VOCABULARY', en: ['bike sharing'], zh: ['共享单车', '公共自行车'] }]);
  });

  it('offers the reference terms of the chosen category and sends the code', async () => {
    const sent: Record<string, unknown>[] = [];
    server.use(
      http.post('*/api/v1/glossary', async ({ request }) => {
        sent.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json({ ...parking, category: 'SERVICE_DOMAIN', code: 'WATER', en: ['water'], zh: ['水务'] }, { status: 201 });
      }),
    );
    await renderPage(<GlossaryEditorPage />, { ...newTerm, language: 'zh-CN' });

    await userEvent.selectOptions(screen.getByLabelText('类别'), '服务领域');
    await userEvent.selectOptions(await screen.findByLabelText('参考术语'), '水务');
    await userEvent.type(screen.getByLabelText('英文术语'), 'water');
    await userEvent.type(screen.getByLabelText('中文术语'), '水务');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ category: 'SERVICE_DOMAIN', code: 'WATER', en: ['water'], zh: ['水务'] });
  });

  it('asks for the reference term of a category before sending anything, in the UI language', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/glossary', async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(parking, { status: 201 });
      }),
    );
    await renderPage(<GlossaryEditorPage />, { ...newTerm, language: 'zh-CN' });

    await userEvent.selectOptions(screen.getByLabelText('类别'), '服务领域');
    await userEvent.type(screen.getByLabelText('英文术语'), 'water');
    await userEvent.type(screen.getByLabelText('中文术语'), '水务');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByLabelText('参考术语')).toHaveAccessibleDescription(expect.stringContaining('必填。'));
    expect(screen.getByRole('link', { name: '参考术语：必填。' })).toHaveAttribute('href', '#glossary-code');
    expect(sent).toEqual([]);
  });

  it("shows the server's field errors by the label of their input, in the UI language", async () => {
    server.use(
      http.post('*/api/v1/glossary', () =>
        problem(400, {
          type: 'urn:citystep:problem:validation-failed',
          detail: '请求中有无效字段。',
          errors: [
            { field: 'en[1]', message: '长度不能超过60' },
            { field: 'zh', message: '个数必须在1和8之间' },
          ],
        }),
      ),
    );
    await renderPage(<GlossaryEditorPage />, { ...newTerm, language: 'zh-CN' });

    await userEvent.type(screen.getByLabelText('英文术语'), 'parking\n' + 'x'.repeat(61));
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('请求中有无效字段。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '英文术语：长度不能超过60' })).toHaveAttribute('href', '#glossary-en');
    expect(screen.getByRole('link', { name: '中文术语：个数必须在1和8之间' })).toBeInTheDocument();
    expect(screen.getByLabelText('英文术语')).toHaveAccessibleDescription(expect.stringContaining('长度不能超过60'));
    expect(screen.getByLabelText('英文术语')).toHaveAttribute('aria-invalid', 'true');
    // nothing typed is lost
    expect(screen.getByLabelText('英文术语')).toHaveValue(`parking\n${'x'.repeat(61)}`);
  });

  it('edits a term with the version it read, and on a stale version reloads the newer one', async () => {
    let current = parking;
    const sent: Record<string, unknown>[] = [];
    server.use(
      http.get('*/api/v1/glossary/parking', () => HttpResponse.json(current)),
      http.put('*/api/v1/glossary/parking', async ({ request }) => {
        sent.push((await request.json()) as Record<string, unknown>);
        // someone else saved version 3 meanwhile
        current = { ...parking, version: 3, en: ['parking', 'parking lot'], updatedBy: 'admin' };
        return problem(409, {
          type: 'urn:citystep:problem:stale-version',
          detail: 'The glossary term was changed by someone else (version 3, you sent 2).',
        });
      }),
    );
    await renderPage(<GlossaryEditorPage />, editParking);

    const english = await screen.findByLabelText('English terms');
    expect(english).toHaveValue('parking\ncar park');
    await userEvent.type(english, '\ncar parks');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Someone else saved a newer version of this term')).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ version: 2, en: ['parking', 'car park', 'car parks'] });
    expect(screen.getByLabelText('English terms')).toHaveValue('parking\ncar park\ncar parks');

    await userEvent.click(screen.getByRole('button', { name: 'Reload the newer version' }));
    await waitFor(() => expect(screen.getByLabelText('English terms')).toHaveValue('parking\nparking lot'));
    expect(screen.queryByText('Someone else saved a newer version of this term')).not.toBeInTheDocument();
  });
});
