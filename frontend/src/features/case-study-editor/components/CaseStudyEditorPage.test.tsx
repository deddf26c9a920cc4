import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CaseStudyEditorPage } from './CaseStudyEditorPage';

const term = (code: string, en: string, zh: string) => ({ code, name: { en, zh }, citation: {} });
const reference = {
  characteristics: [
    { code: 'FUNDING', number: 4, name: { en: 'Funding', zh: '资金' }, description: {}, rated: true, citation: {}, questions: [], criteria: [] },
    { code: 'LEGAL_REGULATORY', number: 9, name: { en: 'Legal', zh: '法律' }, description: {}, rated: false, citation: {}, questions: [], criteria: [] },
  ],
  levels: [],
  serviceDomains: [term('ENERGY_UTILITIES', 'Energy and utilities', '能源与公用事业'), term('WATER', 'Water', '水务')],
  technologyTags: [term('IOT', 'Internet of Things', '物联网')],
  financingInstruments: [term('EU_GRANT', 'EU grant', '欧盟资助')],
  businessModels: [],
  source: {},
};

function study(overrides: Record<string, unknown> = {}) {
  return {
    id: 'amsterdam-smart-parking',
    version: 4,
    cityId: 'amsterdam',
    title: { en: 'Smart parking' },
    summary: { en: 'Sensors guide drivers.' },
    body: {},
    serviceDomains: ['ENERGY_UTILITIES'],
    steps: [{ characteristic: 'FUNDING', fromLevel: 'BASIC', toLevel: 'AVERAGE' }],
    stage: 'PILOT',
    flags: { scalable: false, cloud: false, iot: false, openApi: false, integratedOffering: false },
    targetGroups: [],
    benefits: [],
    technologies: [],
    partners: [],
    inclusionMeasures: {},
    lessonsLearned: {},
    licence: 'CC-BY-4.0',
    status: 'DRAFT',
    bestPractice: false,
    awards: [],
    dueForReverification: false,
    demo: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

const problem = (status: number, type: string, detail: string, errors?: unknown[]) =>
  HttpResponse.json(
    { type: `urn:citystep:problem:${type}`, title: 'x', status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

function backend(existing = study()) {
  const calls: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const record = async (request: Request) => {
    const body = (await request.json()) as Record<string, unknown>;
    calls.push({ method: request.method, path: new URL(request.url).pathname, body });
    return body;
  };
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' })),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json({ id: 'amsterdam', name: { en: 'Amsterdam', zh: '阿姆斯特丹' } })),
    http.get('*/api/v1/case-studies/:id', () => HttpResponse.json(existing)),
    http.get('*/api/v1/case-studies/:id/audit', () =>
      HttpResponse.json([
        { by: 'editor.amsterdam', at: '2026-01-01T00:00:00Z', to: 'DRAFT' },
        { by: 'curator.demo', at: '2026-01-03T00:00:00Z', from: 'SUBMITTED', to: 'CHANGES_REQUESTED', note: 'Please add measured results.' },
      ]),
    ),
    http.post('*/api/v1/case-studies', async ({ request }) => {
      const body = await record(request);
      return HttpResponse.json(study({ ...body, id: 'amsterdam-new-study', version: 0 }), { status: 201 });
    }),
    http.put('*/api/v1/case-studies/:id', async ({ request }) => {
      const body = await record(request);
      return HttpResponse.json(study({ ...body, version: (body.version as number) + 1 }));
    }),
    http.post('*/api/v1/case-studies/:id/submit', async ({ request }) => {
      const body = await record(request);
      return HttpResponse.json(study({ status: 'SUBMITTED', version: (body.version as number) + 1 }));
    }),
  );
  return calls;
}

const user = { username: 'editor.amsterdam' };
const extraRoutes = [
  { path: '/case-studies/:id/edit', element: <p>edit page</p> },
  { path: '/case-studies/:id', element: <p>case study page</p> },
];
const renderNew = () => renderPage(<CaseStudyEditorPage />, { path: '/case-studies/new', route: '/case-studies/new', user, extraRoutes });
const renderEdit = () =>
  renderPage(<CaseStudyEditorPage />, { path: '/case-studies/amsterdam-smart-parking/edit', route: '/case-studies/:id/edit', user });

async function fillMinimum() {
  await userEvent.type(await screen.findByLabelText(/^Title \(English\)/), 'Smart water meters');
  await userEvent.type(screen.getByLabelText(/^Summary \(English\)/), 'Meters report leaks.');
  await userEvent.click(screen.getByRole('checkbox', { name: 'Energy and utilities' }));
  await userEvent.selectOptions(screen.getByLabelText('Step 1: characteristic'), 'FUNDING');
  await userEvent.selectOptions(screen.getByLabelText('Step 1: from level'), 'AVERAGE');
}

describe('CaseStudyEditorPage', () => {
  it('creates a draft with steps one level up, then goes to its edit page', async () => {
    const calls = backend();
    const { router } = await renderNew();

    await fillMinimum();
    expect(screen.getByText('More advanced', { selector: 'strong' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/case-studies/amsterdam-new-study/edit'));
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/case-studies',
      body: {
        cityId: 'amsterdam',
        title: { en: 'Smart water meters' },
        summary: { en: 'Meters report leaks.' },
        serviceDomains: ['ENERGY_UTILITIES'],
        steps: [{ characteristic: 'FUNDING', fromLevel: 'AVERAGE', toLevel: 'MORE_ADVANCED' }],
        stage: 'PILOT',
      },
    });
    expect(calls[0]!.body.version).toBeUndefined();
  });

  it('creates a draft written only in Chinese, with no English anywhere', async () => {
    const calls = backend();
    const { router } = await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/new',
      route: '/case-studies/new',
      user,
      extraRoutes,
      language: 'zh-CN',
    });

    const title = await screen.findByRole('group', { name: '标题 (必填)' });
    expect(title).toHaveAccessibleDescription('填写中文或英文，或两者都填：一种即可。');
    expect(screen.getByText(/可以用中文、英文或两种语言填写/)).toBeInTheDocument();
    expect(screen.queryByText(/英文为必填/)).not.toBeInTheDocument();
    await userEvent.type(within(title).getByLabelText('标题（中文）'), '宁波公共停车诱导');
    await userEvent.type(screen.getByLabelText('摘要（中文）'), '实时车位信息引导驾驶员。');
    await userEvent.type(screen.getByLabelText('完整介绍（中文）'), '全市停车场联网。');
    await userEvent.click(screen.getByRole('checkbox', { name: '能源与公用事业' }));
    await userEvent.selectOptions(screen.getByLabelText('第 1 步：特征'), 'FUNDING');
    await userEvent.selectOptions(screen.getByLabelText('第 1 步：起始级别'), 'AVERAGE');
    await userEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/case-studies/amsterdam-new-study/edit'));
    expect(calls[0]!.body).toMatchObject({
      title: { zh: '宁波公共停车诱导' },
      summary: { zh: '实时车位信息引导驾驶员。' },
      body: { zh: '全市停车场联网。' },
    });
    expect(calls[0]!.body.title).not.toHaveProperty('en');
    expect(calls[0]!.body.summary).not.toHaveProperty('en');
  });

  it('shows that a title is needed in one of the languages on the title as a whole, without sending anything', async () => {
    const calls = backend();
    await renderNew();
    Element.prototype.scrollIntoView = vi.fn(); // jsdom has no layout

    await userEvent.type(await screen.findByLabelText(/^Summary \(Chinese\)/), '只有摘要。');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const link = await screen.findByRole('link', { name: 'Title: Fill in English, Chinese or both.' });
    expect(screen.getByRole('link', { name: 'Service domains: Choose at least one.' })).toBeInTheDocument();
    await userEvent.click(link);
    const group = screen.getByRole('group', { name: 'Title (required)' });
    expect(group).toHaveFocus();
    expect(group).toHaveAccessibleDescription('In English, in Chinese or both: one of them is enough. Fill in English, Chinese or both.');
    expect(screen.getByLabelText('Title (English)')).not.toBeRequired();
    expect(calls).toEqual([]);
  });

  it('checks benefits, e-mail and currency before sending, with the messages in Chinese', async () => {
    const calls = backend();
    await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/amsterdam-smart-parking/edit',
      route: '/case-studies/:id/edit',
      user,
      language: 'zh-CN',
    });

    await userEvent.click(await screen.findByRole('button', { name: '添加成果' }));
    await userEvent.type(screen.getByLabelText(/^成果 1：单位/), 'kWh');
    await userEvent.type(screen.getByLabelText('联系邮箱'), 'not-an-address');
    await userEvent.type(screen.getByLabelText('预算'), '5000');
    await userEvent.clear(screen.getByLabelText('货币'));
    await userEvent.type(screen.getByLabelText('货币'), 'E1');
    await userEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    const summary = (await screen.findByText('请更正以下字段')).closest('div') as HTMLElement;
    const texts = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(texts).toEqual([
      '货币：请输入三个字母的货币代码，例如 EUR 或 CNY。',
      '成果 1：指标：请填写英文、中文或两者。',
      '成果 1：实施后：必填。',
      '成果 1：年份：必填。',
      '联系人：必填。',
      '联系邮箱：请输入电子邮件地址，例如 name@example.org。',
    ]);
    expect(screen.getByLabelText('联系邮箱')).toHaveAccessibleDescription(/请输入电子邮件地址/);
    expect(calls).toEqual([]);
  });

  it('shows the field errors the API returns next to the fields, keeping what was typed', async () => {
    backend();
    server.use(
      http.post('*/api/v1/case-studies', () =>
        problem(400, 'validation-failed', 'The case study has 2 invalid field(s).', [
          { field: 'steps[0].toLevel', message: 'must be exactly one level above fromLevel (no leapfrogging)' },
          { field: 'title[en]', message: 'must not be blank' },
        ]),
      ),
    );
    await renderNew();

    await fillMinimum();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('The case study has 2 invalid field(s).')).toBeInTheDocument();
    const from = screen.getByLabelText('Step 1: from level');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription('must be exactly one level above fromLevel (no leapfrogging)');
    const title = screen.getByLabelText(/^Title \(English\)/);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('must not be blank');
    expect(title).toHaveValue('Smart water meters');
  });

  it("names the fields of the API's errors by their labels in Chinese, and an unknown one by its path", async () => {
    backend();
    server.use(
      http.put('*/api/v1/case-studies/:id', () =>
        problem(400, 'validation-failed', '请求中有 5 个无效字段。', [
          { field: 'title[zh]', message: '长度必须在0到200之间' },
          { field: 'steps[0].toLevel', message: '必须比起始级别高一级' },
          { field: 'steps[0].toLevel', message: '不能跳级' },
          { field: 'funding.currency', message: '必须是三个字母的代码' },
          { field: 'flags.iot', message: '类型错误' },
          { field: 'sponsor', message: '不是已知字段' },
        ]),
      ),
    );
    await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/amsterdam-smart-parking/edit',
      route: '/case-studies/:id/edit',
      user,
      language: 'zh-CN',
    });

    await userEvent.click(await screen.findByRole('button', { name: '保存草稿' }));

    expect(await screen.findByText('请求中有 5 个无效字段。')).toBeInTheDocument();
    const summary = screen.getByText('请更正以下字段').closest('div') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '标题（中文）：长度必须在0到200之间',
      '第 1 步：起始级别：必须比起始级别高一级；不能跳级',
      '货币：必须是三个字母的代码',
      '使用物联网：类型错误',
      'sponsor：不是已知字段',
    ]);
    expect(screen.getByLabelText('标题（中文）')).toHaveAccessibleDescription('长度必须在0到200之间');
  });

  it('saves with the version, then submits and goes to the case study', async () => {
    const calls = backend();
    const { router } = await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/amsterdam-smart-parking/edit',
      route: '/case-studies/:id/edit',
      user,
      extraRoutes: [{ path: '/case-studies/:id', element: <p>case study page</p> }],
    });

    const title = await screen.findByLabelText(/^Title \(English\)/);
    expect(title).toHaveValue('Smart parking');
    await userEvent.type(title, ' guidance');
    await userEvent.click(screen.getByRole('button', { name: 'Submit for review' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/case-studies/amsterdam-smart-parking'));
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'PUT /api/v1/case-studies/amsterdam-smart-parking',
      'POST /api/v1/case-studies/amsterdam-smart-parking/submit',
    ]);
    expect(calls[0]!.body).toMatchObject({ version: 4, title: { en: 'Smart parking guidance' } });
    expect(calls[1]!.body).toEqual({ version: 5 });
  });

  it('explains a stale version and offers to reload or to keep my changes, which the next save sends over the newer version', async () => {
    const calls = backend();
    let stale = true;
    server.use(
      http.get('*/api/v1/case-studies/:id', () => HttpResponse.json(study({ version: stale ? 4 : 5, title: { en: 'Their title' } }))),
      http.put('*/api/v1/case-studies/:id', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        calls.push({ method: 'PUT', path: new URL(request.url).pathname, body });
        if (body.version === 4)
          return problem(409, 'stale-version', "The case study 'amsterdam-smart-parking' is at version 5 but the request was based on version 4.");
        return HttpResponse.json(study({ ...body, version: 6 }));
      }),
    );
    await renderEdit();

    const title = await screen.findByLabelText(/^Title \(English\)/);
    await userEvent.clear(title);
    await userEvent.type(title, 'My title');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else saved a newer version of this case study');
    expect(alert).toHaveTextContent('is at version 5');
    expect(screen.getByRole('button', { name: 'Reload the newer version' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title \(English\)/)).toHaveValue('My title');
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');

    stale = false;
    await userEvent.click(screen.getByRole('button', { name: 'Keep my changes' }));
    expect(await screen.findByText('Your changes are kept. Saving now replaces the newer version.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    expect(calls.at(-1)!.body).toMatchObject({ version: 5, title: { en: 'My title' } });
  });

  it('reloads the newer version when asked, replacing the input', async () => {
    backend();
    let version = 4;
    server.use(
      http.get('*/api/v1/case-studies/:id', () => HttpResponse.json(study({ version, title: { en: version === 4 ? 'Smart parking' : 'Their title' } }))),
      http.put('*/api/v1/case-studies/:id', () => {
        version = 5;
        return problem(409, 'stale-version', 'The case study is at version 5 but the request was based on version 4.');
      }),
    );
    await renderEdit();
    await userEvent.type(await screen.findByLabelText(/^Title \(English\)/), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reload the newer version' }));

    await waitFor(() => expect(screen.getByLabelText(/^Title \(English\)/)).toHaveValue('Their title'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent('Unsaved changes');
  });

  it('tracks unsaved changes through the form state: typing marks it, undoing the typing or saving clears it', async () => {
    backend();
    await renderEdit();
    const title = await screen.findByLabelText(/^Title \(English\)/);
    const state = screen.getByRole('status');
    expect(state).toHaveTextContent('');

    await userEvent.type(title, '!');
    expect(state).toHaveTextContent('Unsaved changes');
    await userEvent.type(title, '{Backspace}');
    expect(state).not.toHaveTextContent('Unsaved changes');

    await userEvent.click(screen.getByRole('button', { name: 'Add a result' }));
    expect(state).toHaveTextContent('Unsaved changes');
    await userEvent.click(screen.getByRole('button', { name: 'Remove result 1' }));
    expect(state).not.toHaveTextContent('Unsaved changes');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Water' }));
    expect(state).toHaveTextContent('Unsaved changes');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(state).toHaveTextContent('Draft saved.'));
  });

  it("shows the curator's note when changes were requested", async () => {
    backend(study({ status: 'CHANGES_REQUESTED' }));
    await renderEdit();
    expect(await screen.findByText('Please add measured results.')).toBeInTheDocument();
    expect(screen.getByText('A curator asked for changes')).toBeInTheDocument();
  });

  it('explains that a submitted case study cannot be edited', async () => {
    backend(study({ status: 'SUBMITTED' }));
    await renderEdit();
    expect(await screen.findByText(/can no longer be edited here/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });

  it("writes the city's label with a full-width colon in Chinese", async () => {
    backend();
    await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/amsterdam-smart-parking/edit',
      route: '/case-studies/:id/edit',
      user,
      language: 'zh-CN',
    });
    const name = await screen.findByText('阿姆斯特丹');
    expect(name).toHaveAttribute('lang', 'zh-CN');
    expect(name.closest('p')).toHaveTextContent(/^城市：阿姆斯特丹$/);
  });

  it('is in Chinese when the UI is, and has no serious accessibility problems', async () => {
    backend();
    const { container } = await renderPage(<CaseStudyEditorPage />, {
      path: '/case-studies/new',
      route: '/case-studies/new',
      user,
      language: 'zh-CN',
    });
    expect(await screen.findByRole('checkbox', { name: '能源与公用事业' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存草稿' })).toBeInTheDocument();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))).toEqual([]);
  });
});
