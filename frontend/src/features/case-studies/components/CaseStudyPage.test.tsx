import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { CaseStudyPage } from './CaseStudyPage';

const study = {
  id: 'cs-grid',
  cityId: 'amsterdam',
  title: { en: 'Smart grid for 500 households' },
  summary: { en: 'Households saw their use.' },
  body: { en: '<p>Meters were installed.</p>' },
  lessonsLearned: { en: 'Start small.' },
  inclusionMeasures: {},
  status: 'PUBLISHED',
  stage: 'PILOT',
  bestPractice: true,
  awards: ['EU Sustainable Energy Award 2013'],
  serviceDomains: ['ENERGY_UTILITIES'],
  steps: [{ characteristic: 'SERVICES', fromLevel: 'BASIC', toLevel: 'AVERAGE' }],
  technologies: [],
  targetGroups: [],
  partners: [{ name: 'Liander', role: { en: 'grid operator' } }],
  benefits: [{ description: { en: 'Electricity use' }, baseline: 100, result: 85, unit: '%', year: 2012 }],
  funding: { amount: 2000000, currency: 'EUR', instruments: ['EU_GRANT'], publicSharePercent: 40 },
  flags: { cloud: false, iot: true, openApi: false, scalable: true, integratedOffering: false },
  licence: 'CC-BY-4.0',
  contactAvailable: false,
  dueForReverification: false,
  demo: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function backend(overrides: Record<string, unknown> = {}) {
  server.use(
    http.get('*/api/v1/case-studies/cs-grid', () => HttpResponse.json({ ...study, ...overrides })),
    http.get('*/api/v1/case-studies/cs-grid/similar', () =>
      HttpResponse.json([{ id: 'cs-other', type: 'case-study', title: { en: 'District heating' }, highlights: {}, score: 1 }]),
    ),
    http.get('*/api/v1/reference', () => HttpResponse.json({}, { status: 503 })),
    http.get('*/api/v1/cities/amsterdam', () => HttpResponse.json({ id: 'amsterdam', name: { en: 'Amsterdam', zh: '阿姆斯特丹' } })),
  );
}

function notFound(detail: string) {
  server.use(
    http.get('*/api/v1/case-studies/nope', () =>
      HttpResponse.json({ type: 'urn:citystep:problem:not-found', title: 'Not Found', status: 404, detail }, { status: 404 }),
    ),
  );
}

describe('CaseStudyPage', () => {
  it('shows the story, the step it demonstrates, its metrics, funding and similar case studies', async () => {
    backend();
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Smart grid for 500 households' })).toBeInTheDocument();
    expect(screen.getByText('Meters were installed.')).toBeInTheDocument();
    expect(screen.getByText('Best practice')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Electricity use' })).toBeInTheDocument();
    expect(screen.getByText('€2,000,000')).toBeInTheDocument();
    expect(screen.getByText('Basic')).toBeInTheDocument();
    expect(screen.getByText('Average')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'District heating' })).toHaveAttribute('href', '/case-studies/cs-other');
    expect(await screen.findByRole('link', { name: 'Amsterdam' })).toHaveAttribute('href', '/cities/amsterdam');
  });

  it('shows English content in the Chinese UI and says it is only in English', async () => {
    backend();
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', language: 'zh-CN' });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Smart grid for 500 households (仅有英文版本)' });
    expect(heading).toHaveAttribute('lang', 'en');
    expect(within(heading).getByText('English')).toHaveAttribute('title', '仅有英文版本');
    expect(screen.getByText('此内容尚未翻译，以原文显示。')).toBeInTheDocument();
    expect(screen.getByText('Households saw their use.')).toHaveAttribute('lang', 'en');
    expect(screen.getAllByText(/仅有英文版本/).length).toBeGreaterThan(1);
  });

  it('shows a case study written only in Chinese to an English reader, marked as Chinese', async () => {
    backend({
      title: { zh: '宁波公共停车诱导' },
      summary: { zh: '实时车位信息引导驾驶员。' },
      body: { zh: '<p>全市停车场联网。</p>' },
      lessonsLearned: {},
      benefits: [{ description: { zh: '寻找车位时间' }, result: 5, unit: 'min', year: 2020 }],
    });
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id' });

    const heading = await screen.findByRole('heading', { level: 1, name: '宁波公共停车诱导 (only in Chinese)' });
    expect(heading).toHaveAttribute('lang', 'zh-CN');
    expect(within(heading).getByText('中文')).toBeInTheDocument();
    expect(document.title).toBe('宁波公共停车诱导 · CityStep');
    const summary = screen.getByText('实时车位信息引导驾驶员。');
    expect(summary).toHaveAttribute('lang', 'zh-CN');
    expect(within(summary).getByText('中文')).toBeInTheDocument();
    expect(screen.getByText('全市停车场联网。').closest('[lang]')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByText('This story is not yet translated; it is shown in its original language.')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '寻找车位时间 (only in Chinese)' })).toBeInTheDocument();
  });

  it('names the target groups in Chinese, listed with the Chinese comma, and an unknown one as words', async () => {
    backend({ targetGroups: ['CITIZENS', 'OLDER_PEOPLE', 'PEOPLE_WITH_DISABILITIES', 'NIGHT_WORKERS'] });
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', language: 'zh-CN' });

    const label = await screen.findByText('目标群体');
    expect(label.nextElementSibling).toHaveTextContent(/^市民、老年人、残障人士、Night workers$/);
  });

  it('names the target groups in English', async () => {
    backend({ targetGroups: ['COMMUTERS', 'LOW_INCOME_HOUSEHOLDS'] });
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id' });

    const label = await screen.findByText('Target groups');
    expect(label.nextElementSibling).toHaveTextContent(/^Commuters, Low-income households$/);
  });

  it('shows the units of its results in Chinese', async () => {
    backend({
      benefits: [
        { description: { en: 'Search time', zh: '寻找车位时间' }, baseline: 11.5, result: 4.6, unit: 'min', year: 2013 },
        { description: { en: 'Energy use', zh: '建筑能耗' }, baseline: 180, result: 120, unit: 'kWh per m2 per year', year: 2013 },
        { description: { en: 'Bike trips', zh: '骑行量' }, result: 9000, unit: 'trips per day', year: 2013 },
      ],
    });
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', language: 'zh-CN' });

    const unitOf = async (name: string) => (await screen.findByRole('cell', { name })).closest('tr')?.querySelectorAll('td')[3];
    expect(await unitOf('寻找车位时间')).toHaveTextContent(/^分钟$/);
    expect(await unitOf('建筑能耗')).toHaveTextContent(/^千瓦时\/平方米\/年$/);
    expect(await unitOf('骑行量')).toHaveTextContent(/^次\/天$/);
  });

  it('says so in a heading and the document title when the case study does not exist', async () => {
    notFound("No case study with id 'nope'.");
    await renderPage(<CaseStudyPage />, { path: '/case-studies/nope', route: '/case-studies/:id' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Case study not found' })).toBeInTheDocument();
    expect(document.title).toBe('Case study not found · CityStep');
    expect(screen.getByText("No case study with id 'nope'.")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('says so in Chinese, showing the detail the server sent', async () => {
    notFound('未找到 ID 为“nope”的案例。');
    await renderPage(<CaseStudyPage />, { path: '/case-studies/nope', route: '/case-studies/:id', language: 'zh-CN' });

    expect(await screen.findByRole('heading', { level: 1, name: '未找到该案例' })).toBeInTheDocument();
    expect(document.title).toBe('未找到该案例 · CityStep 城市阶梯');
    expect(screen.getByText(/草稿和审核中的案例只有所属城市的编辑和审核员可以查看/)).toBeInTheDocument();
    expect(screen.getByText('未找到 ID 为“nope”的案例。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '搜索案例' })).toHaveAttribute('href', '/');
  });

  it('keeps a heading when the case study cannot be loaded', async () => {
    server.use(
      http.get('*/api/v1/case-studies/cs-grid', () =>
        HttpResponse.json({ type: 'urn:citystep:problem:internal', title: 'x', status: 500, detail: '服务器内部错误' }, { status: 500 }),
      ),
    );
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', language: 'zh-CN' });

    expect(await screen.findByRole('alert')).toHaveTextContent('服务器内部错误');
    expect(screen.getByRole('heading', { level: 1, name: '案例' })).toBeInTheDocument();
    expect(document.title).toBe('案例 · CityStep 城市阶梯');
  });

  it("lets another city's editor ask the case study's city for an exchange about it, but not its own editors", async () => {
    backend();
    server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.chengdu', roles: ['city-editor'], cityId: 'chengdu' })));
    await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', user: { username: 'editor.chengdu' } });

    const ask = await screen.findByRole('link', { name: 'Ask this city for an exchange' });
    const query = new URLSearchParams(ask.getAttribute('href')!.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      peer: 'amsterdam',
      origin: 'CASE_STUDY',
      originId: 'cs-grid',
      caseStudy: 'cs-grid',
      characteristic: 'SERVICES',
    });
  });

  it("does not offer its own city's editors an exchange with themselves", async () => {
    backend();
    server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' })));
    const { queryClient } = await renderPage(<CaseStudyPage />, {
      path: '/case-studies/cs-grid',
      route: '/case-studies/:id',
      user: { username: 'editor.amsterdam' },
    });

    await screen.findByRole('heading', { level: 1, name: 'Smart grid for 500 households' });
    // the session knows whose city it is before the absence means anything
    await waitFor(() => expect(queryClient.getQueryData(['me', 'editor.amsterdam'])).toBeDefined());
    expect(screen.queryByRole('link', { name: 'Ask this city for an exchange' })).not.toBeInTheDocument();
  });

  describe('contact', () => {
    const contactSection = async () => within(await screen.findByRole('region', { name: 'Contact' }));

    it('asks an anonymous reader to sign in when the case study names a contact', async () => {
      backend({ contactAvailable: true });
      const { auth } = await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id' });

      const contact = await contactSection();
      expect(contact.getByText('Sign in to see the contact person.')).toBeInTheDocument();
      await userEvent.click(contact.getByRole('button', { name: 'Sign in' }));
      expect(auth.signinRedirect).toHaveBeenCalled();
    });

    it('asks in Chinese too', async () => {
      backend({ contactAvailable: true });
      await renderPage(<CaseStudyPage />, { path: '/case-studies/cs-grid', route: '/case-studies/:id', language: 'zh-CN' });

      const contact = within(await screen.findByRole('region', { name: '联系人' }));
      expect(contact.getByText('登录后可查看联系人。')).toBeInTheDocument();
      expect(contact.getByRole('button', { name: '登录' })).toBeInTheDocument();
    });

    it('shows a signed-in reader the contact', async () => {
      backend({ contactAvailable: true, contact: { name: 'Ana Ruiz', email: 'ana.ruiz@example.org' } });
      server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'expert.demo', roles: ['expert'] })));
      await renderPage(<CaseStudyPage />, {
        path: '/case-studies/cs-grid',
        route: '/case-studies/:id',
        user: { username: 'expert.demo' },
      });

      const contact = await contactSection();
      expect(contact.getByText('Ana Ruiz')).toBeInTheDocument();
      expect(contact.getByRole('link', { name: 'ana.ruiz@example.org' })).toHaveAttribute('href', 'mailto:ana.ruiz@example.org');
      expect(contact.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument();
    });

    it('tells a signed-in reader when no contact is named', async () => {
      backend({ contactAvailable: false });
      server.use(http.get('*/api/v1/me', () => HttpResponse.json({ username: 'expert.demo', roles: ['expert'] })));
      await renderPage(<CaseStudyPage />, {
        path: '/case-studies/cs-grid',
        route: '/case-studies/:id',
        user: { username: 'expert.demo' },
        language: 'zh-CN',
      });

      const contact = within(await screen.findByRole('region', { name: '联系人' }));
      expect(contact.getByText('此案例未提供联系人。')).toBeInTheDocument();
      expect(contact.queryByRole('button')).not.toBeInTheDocument();
    });
  });
});
