import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../../testing/render';
import { server } from '../../../testing/server';
import type { ExportDataset, Exports } from '../api/types';
import { OpenDataPage } from './OpenDataPage';

const CC_BY = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

function dataset(
  id: string,
  title: ExportDataset['title'],
  records: number,
  lastModified: string | undefined,
): ExportDataset {
  return {
    id,
    title,
    description: { en: `What ${title.en} holds.`, zh: `${title.zh}的内容。` },
    licence: CC_BY,
    formats: ['jsonl', 'csv'],
    records,
    lastModified,
    links: { jsonl: `/api/v1/exports/${id}?format=jsonl`, csv: `/api/v1/exports/${id}?format=csv` },
  };
}

/** The answer of GET /api/v1/exports as the contract shows it: six datasets, in its order. */
const exports: Exports = {
  items: [
    dataset('case-studies', { en: 'Good-practice case studies', zh: '良好实践案例' }, 44, '2026-12-07T12:00:00Z'),
    dataset('cities', { en: 'Cities and their current levels', zh: '城市及其当前等级' }, 30, '2026-11-20T12:00:00Z'),
    dataset('assessments', { en: 'Validated assessments', zh: '已验证的评估' }, 1234, '2026-12-01T12:00:00Z'),
    dataset('experts', { en: 'Approved experts', zh: '已批准的专家' }, 0, undefined),
    dataset('clusters', { en: 'Active city clusters', zh: '活跃的城市集群' }, 5, '2026-10-02T12:00:00Z'),
    dataset('maturity-distribution', { en: 'Maturity distribution', zh: '成熟度分布' }, 96, '2026-12-01T12:00:00Z'),
  ],
  catalog: { jsonLd: '/api/v1/catalog', turtle: '/api/v1/catalog?format=turtle' },
  openApi: '/v3/api-docs',
  licence: CC_BY,
};

function answerExports(body: Exports = exports) {
  server.use(http.get('*/api/v1/exports', () => HttpResponse.json(body)));
}

const openPage = (language: 'en' | 'zh-CN' = 'en') =>
  renderPage(<OpenDataPage />, { path: '/open-data', route: '/open-data', language });

describe('OpenDataPage', () => {
  it('lists every dataset with its licence, download links, records and last change', async () => {
    answerExports();
    await openPage();

    const caseStudies = await screen.findByRole('article', { name: 'Good-practice case studies' });
    const datasets = screen.getByRole('region', { name: 'Datasets' });
    expect(within(datasets).getAllByRole('article')).toHaveLength(6);
    expect(within(caseStudies).getByText('What Good-practice case studies holds.')).toBeInTheDocument();
    expect(within(caseStudies).getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute('href', CC_BY.url);
    const csv = within(caseStudies).getByRole('link', { name: 'Download Good-practice case studies as CSV' });
    expect(csv).toHaveAttribute('href', '/api/v1/exports/case-studies?format=csv');
    expect(csv).toHaveAttribute('download');
    expect(csv).toHaveTextContent(/CSV$/);
    const jsonl = within(caseStudies).getByRole('link', { name: 'Download Good-practice case studies as JSON Lines' });
    expect(jsonl).toHaveAttribute('href', '/api/v1/exports/case-studies?format=jsonl');
    expect(jsonl).toHaveAttribute('download');
    expect(within(caseStudies).getByText('44')).toBeInTheDocument();
    expect(within(caseStudies).getByText('Dec 7, 2026')).toHaveAttribute('datetime', '2026-12-07T12:00:00Z');
    const assessments = screen.getByRole('article', { name: 'Validated assessments' });
    expect(within(assessments).getByText('1,234')).toBeInTheDocument();
  });

  it('says a dataset without a last change has no records yet', async () => {
    answerExports();
    await openPage();

    const experts = await screen.findByRole('article', { name: 'Approved experts' });
    expect(within(experts).getByText('No records yet')).toBeInTheDocument();
    expect(within(experts).queryByRole('time')).not.toBeInTheDocument();
    expect(within(experts).getByText('0')).toBeInTheDocument();
  });

  it('still offers a dataset whose records cannot be counted right now, and says so', async () => {
    const uncounted: ExportDataset = {
      ...dataset('maturity-distribution', { en: 'Maturity distribution', zh: '成熟度分布' }, 0, undefined),
      records: undefined,
    };
    answerExports({ ...exports, items: [...exports.items.slice(0, 5), uncounted] });
    await openPage();

    const distribution = await screen.findByRole('article', { name: 'Maturity distribution' });
    // neither its size nor its last change is known: it is not said to be empty
    expect(within(distribution).getAllByText('Cannot be counted right now')).toHaveLength(2);
    expect(within(distribution).queryByText('No records yet')).not.toBeInTheDocument();
    expect(within(distribution).getByRole('link', { name: /as CSV/ })).toHaveAttribute(
      'href',
      '/api/v1/exports/maturity-distribution?format=csv',
    );
  });

  it('links the DCAT-AP catalogue in both serialisations and the OpenAPI document, saying what each is for', async () => {
    answerExports();
    await openPage();

    const machines = await screen.findByRole('region', { name: 'For data portals and developers' });
    expect(within(machines).getByRole('link', { name: 'Catalogue in JSON-LD' })).toHaveAttribute('href', '/api/v1/catalog');
    expect(within(machines).getByRole('link', { name: 'Catalogue in Turtle' })).toHaveAttribute('href', '/api/v1/catalog?format=turtle');
    expect(within(machines).getByRole('link', { name: 'OpenAPI document (JSON)' })).toHaveAttribute('href', '/v3/api-docs');
    expect(within(machines).getByText(/portals such as data\.europa\.eu and CKAN can harvest it/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Creative Commons Attribution 4\.0 licence/ })).toHaveAttribute('href', CC_BY.url);
  });

  it('is in Chinese when the UI is in Chinese: titles, links, numbers and dates', async () => {
    answerExports();
    await openPage('zh-CN');

    expect(await screen.findByRole('heading', { level: 1, name: '开放数据' })).toBeInTheDocument();
    const caseStudies = await screen.findByRole('article', { name: '良好实践案例' });
    expect(within(screen.getByRole('region', { name: '数据集' })).getAllByRole('article')).toHaveLength(6);
    expect(within(caseStudies).getByText('良好实践案例的内容。')).toBeInTheDocument();
    expect(within(caseStudies).getByRole('link', { name: '下载良好实践案例，格式为 CSV' })).toHaveAttribute(
      'href',
      '/api/v1/exports/case-studies?format=csv',
    );
    expect(within(caseStudies).getByText('2026年12月7日')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '已验证的评估' })).getByText('1,234')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '已批准的专家' })).getByText('暂无记录')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '数据目录（Turtle）' })).toHaveAttribute('href', '/api/v1/catalog?format=turtle');
  });

  it('marks a title shown in English because it has no Chinese yet', async () => {
    answerExports({ ...exports, items: [dataset('clusters', { en: 'Active city clusters' }, 5, '2026-10-02T12:00:00Z')] });
    await openPage('zh-CN');

    const clusters = await screen.findByRole('article', { name: /^Active city clusters/ });
    expect(within(clusters).getByRole('heading', { level: 3 }).querySelector('[lang="en"]')).not.toBeNull();
    expect(within(clusters).getByText(/仅有英文版本/)).toBeInTheDocument();
  });

  it("shows the backend's problem detail when the datasets cannot be loaded", async () => {
    server.use(
      http.get('*/api/v1/exports', () =>
        HttpResponse.json(
          { type: 'urn:citystep:problem:unavailable', title: 'Service Unavailable', status: 503, detail: 'The exports are being prepared.' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await openPage();

    expect(await screen.findByRole('alert')).toHaveTextContent('The exports are being prepared.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('has no serious accessibility violations', async () => {
    answerExports();
    const { container } = await openPage();
    await screen.findByRole('article', { name: 'Good-practice case studies' });

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});
