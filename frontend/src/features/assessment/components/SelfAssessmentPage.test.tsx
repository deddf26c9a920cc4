import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import { SelfAssessmentPage } from './SelfAssessmentPage';

const reference = {
  characteristics: [
    {
      code: 'FUNDING',
      number: 4,
      name: { en: 'Funding', zh: '资金' },
      description: { en: 'How projects are paid for.', zh: '项目如何获得资金。' },
      rated: true,
      citation: {},
      questions: [{ code: 'FUNDING.Q1', text: { en: 'How are projects funded?', zh: '项目如何获得资金？' } }],
      criteria: [
        { code: 'FUNDING.BASIC.1', level: 'BASIC', text: { en: 'Projects have a budget', zh: '项目有预算' } },
        { code: 'FUNDING.BASIC.2', level: 'BASIC', text: { en: 'Spending is reported', zh: '支出有报告' } },
        { code: 'FUNDING.AVERAGE.1', level: 'AVERAGE', text: { en: 'Several sources are combined', zh: '多种资金来源相结合' } },
      ],
    },
    {
      code: 'LEGAL_REGULATORY',
      number: 9,
      name: { en: 'Legal and regulatory', zh: '法律法规' },
      description: { en: 'Laws that help or hinder.', zh: '有利或不利的法律。' },
      rated: false,
      citation: {},
      questions: [{ code: 'LEGAL_REGULATORY.Q1', text: { en: 'Which laws matter?', zh: '哪些法律相关？' } }],
      criteria: [],
    },
  ],
  levels: [],
  serviceDomains: [],
  technologyTags: [],
  financingInstruments: [],
  businessModels: [],
  source: {},
};

const city = { id: 'amsterdam', name: { en: 'Amsterdam', zh: '阿姆斯特丹' } };

function assessment(overrides: Record<string, unknown> = {}) {
  return {
    cityId: 'amsterdam',
    status: 'DRAFT',
    round: 2,
    updatedAt: '2026-01-01T00:00:00Z',
    version: 3,
    reviewNotes: [],
    characteristics: [
      { characteristic: 'FUNDING', level: 'NOT_YET_ADDRESSED', criteriaMet: ['FUNDING.BASIC.1'], evidence: { answers: {}, links: [] } },
      { characteristic: 'LEGAL_REGULATORY', criteriaMet: [], evidence: { answers: {}, links: [] } },
    ],
    ...overrides,
  };
}

const problem = (status: number, type: string, detail: string, errors?: unknown[]) =>
  HttpResponse.json(
    { type: `urn:citystep:problem:${type}`, title: 'x', status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

function backend({ draft = assessment() as unknown, current = null as unknown } = {}) {
  const saved: { body: Record<string, unknown> }[] = [];
  const submitted: unknown[] = [];
  const currentReads: unknown[] = [];
  server.use(
    http.get('*/api/v1/me', () => HttpResponse.json({ username: 'editor.amsterdam', roles: ['city-editor'], cityId: 'amsterdam' })),
    http.get('*/api/v1/reference', () => HttpResponse.json(reference)),
    // the city says whether it has a validated assessment (assessedAt), so the page asks for it only then
    http.get('*/api/v1/cities/amsterdam', () =>
      HttpResponse.json(current ? { ...city, assessedAt: (current as { assessedAt?: string }).assessedAt } : city),
    ),
    http.get('*/api/v1/cities/amsterdam/assessment/draft', () => (draft ? HttpResponse.json(draft) : new HttpResponse(null, { status: 204 }))),
    http.get('*/api/v1/cities/amsterdam/assessment', () => {
      currentReads.push(1);
      return current ? HttpResponse.json(current) : problem(404, 'not-found', 'No validated self-assessment');
    }),
    http.put('*/api/v1/cities/amsterdam/assessment/draft', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      saved.push({ body });
      return HttpResponse.json(assessment({ version: ((body.version as number | undefined) ?? 0) + 1, characteristics: body.characteristics }));
    }),
    http.post('*/api/v1/cities/amsterdam/assessment/draft/submit', async ({ request }) => {
      submitted.push(await request.json());
      return HttpResponse.json(assessment({ status: 'SUBMITTED', version: 5 }));
    }),
  );
  return { saved, submitted, currentReads };
}

const editor = { username: 'editor.amsterdam' };
const renderAssessment = (language: 'en' | 'zh-CN' = 'en') =>
  renderPage(<SelfAssessmentPage />, { path: '/cities/amsterdam/assessment', route: '/cities/:id/assessment', user: editor, language });

describe('SelfAssessmentPage', () => {
  it('derives the level as criteria are ticked and announces it', async () => {
    backend();
    await renderAssessment();

    const level = await screen.findByTestId('derived-level-FUNDING');
    expect(level).toHaveTextContent('Not yet addressed');
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Projects have a budget' })).toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Spending is reported' }));
    expect(level).toHaveTextContent('Basic');
    expect(screen.getByText('Funding: level reached is now Basic')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Several sources are combined' }));
    expect(level).toHaveTextContent('Average');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Projects have a budget' }));
    expect(level).toHaveTextContent('Not yet addressed');
  });

  it('saves the ticked criteria with the version read', async () => {
    const { saved } = backend();
    await renderAssessment();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Spending is reported' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.body).toEqual({
      version: 3,
      characteristics: [
        { characteristic: 'FUNDING', criteriaMet: ['FUNDING.BASIC.1', 'FUNDING.BASIC.2'], evidence: { answers: {}, links: [] } },
      ],
    });
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('explains a stale version and keeps the ticks', async () => {
    backend();
    server.use(
      http.put('*/api/v1/cities/amsterdam/assessment/draft', () =>
        problem(409, 'stale-version', 'The assessment of city amsterdam is at version 4 but the request was based on version 3.'),
      ),
    );
    await renderAssessment();

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Spending is reported' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else saved a newer version of this self-assessment');
    expect(alert).toHaveTextContent('is at version 4');
    expect(within(alert).getByRole('button', { name: 'Reload the newer version' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Keep my changes' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Spending is reported' })).toBeChecked();
    expect(screen.getByTestId('derived-level-FUNDING')).toHaveTextContent('Basic');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('shows field errors on the characteristic they concern', async () => {
    backend();
    server.use(
      http.put('*/api/v1/cities/amsterdam/assessment/draft', () =>
        problem(400, 'validation-failed', 'The request has 1 invalid field(s).', [
          { field: 'characteristics[0].evidence.links[0]', message: 'must match "https?://…"' },
        ]),
      ),
    );
    await renderAssessment();

    await userEvent.type(await screen.findByLabelText('Links to evidence'), 'https://intranet');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('The request has 1 invalid field(s).')).toBeInTheDocument();
    const links = screen.getByLabelText('Links to evidence');
    expect(links).toHaveAttribute('aria-invalid', 'true');
    expect(links).toHaveAccessibleDescription(expect.stringContaining('must match'));
    expect(links).toHaveValue('https://intranet');
  });

  it('checks the evidence links before saving, in the reader\'s language, and sends nothing', async () => {
    const { saved } = backend();
    await renderAssessment('zh-CN');

    await userEvent.type(await screen.findByLabelText('佐证链接'), 'not a link');
    await userEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    const links = screen.getByLabelText('佐证链接');
    await waitFor(() => expect(links).toHaveAttribute('aria-invalid', 'true'));
    expect(links).toHaveAccessibleDescription(expect.stringContaining('请输入以 https:// 开头的网址。'));
    expect(within(screen.getByRole('navigation')).getByRole('button', { name: /资金/ })).toHaveTextContent(/有问题/);
    expect(saved).toHaveLength(0);
  });

  it('asks for nothing that does not exist when a city has neither a draft nor a validated assessment', async () => {
    const { currentReads } = backend({ draft: null });
    await renderAssessment();
    expect(await screen.findByText(/There is no draft yet and no validated assessment/)).toBeInTheDocument();
    expect(screen.getByText('Not saved yet')).toBeInTheDocument();
    expect(currentReads).toHaveLength(0);
  });

  it('tracks unsaved changes through the form state and keeps my ticks over a newer version when asked', async () => {
    const { saved } = backend();
    let stale = true;
    server.use(
      http.get('*/api/v1/cities/amsterdam/assessment/draft', () => HttpResponse.json(assessment({ version: stale ? 3 : 4 }))),
      http.put('*/api/v1/cities/amsterdam/assessment/draft', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        saved.push({ body });
        if (body.version === 3) return problem(409, 'stale-version', 'The assessment is at version 4 but the request was based on version 3.');
        return HttpResponse.json(assessment({ version: 5, characteristics: body.characteristics }));
      }),
    );
    await renderAssessment();
    const box = await screen.findByRole('checkbox', { name: 'Spending is reported' });
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    await userEvent.click(box);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    stale = false;
    await userEvent.click(await screen.findByRole('button', { name: 'Keep my changes' }));
    expect(await screen.findByText('Your changes are kept. Saving now replaces the newer version.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument());
    expect(saved.at(-1)!.body).toMatchObject({ version: 4 });
    expect(screen.getByRole('checkbox', { name: 'Spending is reported' })).toBeChecked();
  });

  it('starts from the validated assessment when there is no draft, and saves without a version', async () => {
    const { saved } = backend({
      draft: null,
      current: assessment({ status: 'VALIDATED', round: 1, assessedAt: '2014-03-15', version: undefined, characteristics: [
        { characteristic: 'FUNDING', level: 'BASIC', criteriaMet: ['FUNDING.BASIC.1', 'FUNDING.BASIC.2'], evidence: { answers: {}, links: [] } },
      ] }),
    });
    await renderAssessment();

    expect(await screen.findByTestId('derived-level-FUNDING')).toHaveTextContent('Basic');
    expect(screen.getByText(/starts from your city's validated assessment/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.body.version).toBeUndefined();
  });

  it('submits for review after confirming, then shows that an expert validates it', async () => {
    const { submitted, saved } = backend();
    await renderAssessment();

    await userEvent.click(await screen.findByRole('button', { name: 'Submit for review' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, submit' }));

    await waitFor(() => expect(submitted).toEqual([{ version: 3 }]));
    expect(saved).toHaveLength(0);
    expect(await screen.findByText(/An expert validates it/)).toBeInTheDocument();
    expect(screen.getByText('Submitted for review', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Projects have a budget' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
  });

  it("shows the reviewer's note on a returned assessment", async () => {
    backend({
      draft: assessment({
        status: 'RETURNED',
        reviewNotes: [{ to: 'RETURNED', by: 'expert.demo', at: '2026-02-01T10:00:00Z', note: 'Add evidence for the budget.' }],
      }),
    });
    await renderAssessment();
    expect(await screen.findByText('Add evidence for the budget.')).toBeInTheDocument();
    expect(screen.getByText('The reviewer returned this assessment')).toBeInTheDocument();
  });

  it('moves between characteristics and shows the questions of the non-rated one', async () => {
    backend();
    await renderAssessment('zh-CN');

    await userEvent.click(await screen.findByRole('button', { name: '下一个特征 →' }));
    expect(screen.getByText('第 2 步，共 2 步')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '法律法规' })).toBeInTheDocument();
    expect(screen.getByLabelText('哪些法律相关？')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('writes the labels with a full-width colon in Chinese', async () => {
    backend();
    await renderAssessment('zh-CN');

    const status = await screen.findByText('草稿', { selector: 'strong' });
    expect(status.parentElement).toHaveTextContent(/^状态：草稿$/);
    expect(screen.getByText('达到的级别：')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/[\u4e00-\u9fff]: /);
  });

  it('has no serious accessibility problems', async () => {
    backend();
    const { container } = await renderAssessment();
    await screen.findByTestId('derived-level-FUNDING');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))).toEqual([]);
  });
});
