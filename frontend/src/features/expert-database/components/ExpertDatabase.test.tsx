import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { ExpertAdminPage } from './ExpertAdminPage';
import { MyExpertProfilePage } from './MyExpertProfilePage';

async function seriousViolations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const reference = {
  characteristics: [
    { code: 'STRATEGY', number: 1, name: { en: 'Smart City Strategy', zh: '智慧城市战略' }, rated: true, criteria: [], questions: [], description: {}, citation: { section: '3' } },
    { code: 'FUNDING', number: 4, name: { en: 'Funding', zh: '资金' }, rated: true, criteria: [], questions: [], description: {}, citation: { section: '3' } },
  ],
  levels: [],
  serviceDomains: [{ code: 'WATER', name: { en: 'Water', zh: '水务' }, citation: {} }],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

const expert = (overrides: Record<string, unknown> = {}) => ({
  id: 'demo-expert',
  version: 3,
  name: 'Dr. Demo',
  affiliation: { en: 'Demo University' },
  country: 'NL',
  region: 'EU',
  languages: ['en', 'nl'],
  expertise: { characteristics: ['STRATEGY'], serviceDomains: ['WATER'], levels: { STRATEGY: 'AVERAGE' } },
  bio: { en: 'Works on strategy.' },
  availability: 'AVAILABLE',
  contact: { email: 'demo@example.org' },
  status: 'APPROVED',
  demo: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('MyExpertProfilePage', () => {
  it('saves the own profile with a level per characteristic and the version, and lists linked case studies', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'expert.demo', roles: ['expert'], expertId: 'demo-expert' })),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/experts/me', () => HttpResponse.json(expert())),
      http.get('*/api/v1/case-studies', () =>
        HttpResponse.json({ items: [{ id: 'tallinn-plan', title: { en: 'Tallinn development plan' } }], page: 0, size: 5, total: 1 }),
      ),
      http.put('*/api/v1/experts/me', async ({ request }) => {
        const body = await request.json();
        bodies.push(body);
        return HttpResponse.json(expert({ version: 4, availability: 'LIMITED' }));
      }),
    );
    const { container } = await renderPage(<MyExpertProfilePage />, { path: '/my-expert-profile', route: '/my-expert-profile', user: { username: 'expert.demo' } });

    expect(await screen.findByRole('link', { name: 'Tallinn development plan' })).toHaveAttribute('href', '/case-studies/tallinn-plan');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Funding' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Up to level for Funding' }), 'MORE_ADVANCED');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Availability' }), 'LIMITED');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({
      version: 3,
      availability: 'LIMITED',
      expertise: { characteristics: ['STRATEGY', 'FUNDING'], levels: { STRATEGY: 'AVERAGE', FUNDING: 'MORE_ADVANCED' } },
    });
    expect((bodies[0] as { id?: string }).id).toBeUndefined();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows a stale version with a way to reload, keeping the input', async () => {
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'expert.demo', roles: ['expert'], expertId: 'demo-expert' })),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/experts/me', () => HttpResponse.json(expert())),
      http.get('*/api/v1/case-studies', () => HttpResponse.json({ items: [], page: 0, size: 5, total: 0 })),
      http.put('*/api/v1/experts/me', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:stale-version', title: 'Stale', status: 409, detail: 'Changed meanwhile' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderPage(<MyExpertProfilePage />, { path: '/my-expert-profile', route: '/my-expert-profile', user: { username: 'expert.demo' }, language: 'zh-CN' });
    const name = await screen.findByRole('textbox', { name: '姓名' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Dr. Changed');
    await userEvent.click(screen.getByRole('button', { name: '保存资料' }));
    expect(await screen.findByText('其他人保存了此资料的更新版本')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新加载更新的版本' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保留我的更改' })).toBeInTheDocument();
    expect(name).toHaveValue('Dr. Changed');
  });
});

describe('ExpertAdminPage', () => {
  it('retires an expert only after confirmation, with the version', async () => {
    const retired: unknown[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/experts', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status');
        return HttpResponse.json({ items: status === 'APPROVED' ? [expert()] : [], page: 0, size: 20, total: status === 'APPROVED' ? 1 : 0 });
      }),
      http.post('*/api/v1/experts/demo-expert/retire', async ({ request }) => {
        retired.push(await request.json());
        return HttpResponse.json(expert({ status: 'RETIRED', version: 4 }));
      }),
    );
    const { container } = await renderPage(<ExpertAdminPage />, { path: '/expert-database?status=APPROVED', route: '/expert-database', user: { username: 'curator.demo' } });

    const row = await screen.findByRole('article', { name: 'Dr. Demo' });
    expect(await within(row).findByText('Expertise: Smart City Strategy (up to Average)')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Retire Dr. Demo' }));
    expect(retired).toEqual([]);
    await userEvent.click(within(row).getByRole('button', { name: 'Yes, retire' }));
    await waitFor(() => expect(retired).toEqual([{ version: 3 }]));
    expect(await screen.findByText('Dr. Demo is retired.')).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('checks a proposal in the browser before sending it', async () => {
    const proposed: unknown[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ username: 'curator.demo', roles: ['curator'] })),
      http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
      http.get('*/api/v1/experts', () => HttpResponse.json({ items: [], page: 0, size: 20, total: 0 })),
      http.post('*/api/v1/experts', async ({ request }) => {
        proposed.push(await request.json());
        return HttpResponse.json(expert({ id: 'li-wei', name: 'Li Wei', status: 'PROPOSED', version: 0 }), { status: 201 });
      }),
    );
    await renderPage(<ExpertAdminPage />, { path: '/expert-database', route: '/expert-database', user: { username: 'curator.demo' } });
    await userEvent.click(await screen.findByRole('button', { name: 'Propose an expert' }));
    await userEvent.click(screen.getByRole('button', { name: 'Propose' }));
    expect(screen.getByRole('textbox', { name: 'Identifier' })).toHaveAccessibleDescription(/Give an identifier/);
    expect(proposed).toEqual([]);

    await userEvent.type(screen.getByRole('textbox', { name: 'Identifier' }), 'li-wei');
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Li Wei');
    await userEvent.type(screen.getByRole('textbox', { name: 'Country' }), 'cn');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Funding' }));
    await userEvent.click(screen.getByRole('button', { name: 'Propose' }));
    expect(await screen.findByText('Li Wei is proposed; approve the record once checked.')).toBeInTheDocument();
    expect(proposed[0]).toMatchObject({ id: 'li-wei', name: 'Li Wei', country: 'CN', languages: ['en'], expertise: { characteristics: ['FUNDING'] } });
  });
});
