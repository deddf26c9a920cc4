import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, freshPage, launch, problemsOn, recordFailure } from './support/browser';

/**
 * Open data (issue 15) through a real browser against the real stack: an anonymous visitor finds
 * the Open data page in the footer, sees the six datasets in the contract's order, downloads the
 * case studies as CSV through their link, and reads the page in Chinese. axe and the 390 px check
 * in both languages.
 */
let browser: Browser;

const DATASETS = ['case-studies', 'cities', 'assessments', 'experts', 'clusters', 'maturity-distribution'];
const CASE_STUDIES_CSV = '/api/v1/exports/case-studies?format=csv';

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

/** The dataset cards, in the order the page shows them. */
function datasetCards(page: Page, regionName: string) {
  return page.getByRole('region', { name: regionName }).getByRole('article');
}

async function switchToChinese(page: Page) {
  await page.getByRole('button', { name: /中文/ }).first().click().catch(async () => {
    // on a narrow screen the language switch is in the menu
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: /中文/ }).first().click();
  });
}

describe('Open data', () => {
  it('lets an anonymous visitor open the datasets from the footer and download the case studies as CSV', async () => {
    const page = await freshPage(browser);
    await page.goto(BASE_URL);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
    await page.waitForURL(`${BASE_URL}/open-data`);
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    const cards = datasetCards(page, 'Datasets');
    await cards.first().waitFor();
    expect(await cards.evaluateAll((articles) => articles.map((article) => article.id))).toEqual(
      DATASETS.map((id) => `dataset-${id}`),
    );

    const caseStudies = page.getByRole('article', { name: 'Good-practice case studies' });
    await caseStudies.getByRole('link', { name: 'CC BY 4.0' }).waitFor();
    const csvLink = caseStudies.getByRole('link', { name: 'Download Good-practice case studies as CSV' });
    expect(await csvLink.getAttribute('href')).toBe(CASE_STUDIES_CSV);
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toBe('citystep-case-studies.csv');
    const lines = readFileSync(await download.path(), 'utf8').split(/\r?\n/).filter(Boolean);
    const header = lines[0] ?? '';
    // a header row of column names, then the demo data's published case studies
    expect(header.split(',').length).toBeGreaterThan(2);
    expect(header).toMatch(/^\uFEFF?"?[A-Za-z]/);
    expect(lines.length).toBeGreaterThan(1);

    // a browser download has no response event to read: the same link asked directly, for its status and type
    const answer = await page.request.get(`${BASE_URL}${CASE_STUDIES_CSV}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await answer.text()).split(/\r?\n/)[0]).toBe(header);

    // the catalogue and the OpenAPI document the page links are there
    for (const name of ['Catalogue in JSON-LD', 'Catalogue in Turtle', 'OpenAPI document (JSON)']) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect((await page.request.get(`${BASE_URL}${href}`)).status(), name).toBe(200);
    }

    const problems = await problemsOn(page, 'open-data', 'en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the datasets with their Chinese titles after switching to Chinese', async () => {
    const page = await freshPage(browser);
    await page.goto(`${BASE_URL}/open-data`);
    await page.getByRole('article', { name: 'Good-practice case studies' }).waitFor();

    await switchToChinese(page);
    await page.getByRole('heading', { level: 1, name: '开放数据' }).waitFor();
    const caseStudies = page.getByRole('article', { name: '良好实践案例' });
    await caseStudies.getByRole('link', { name: '下载良好实践案例，格式为 CSV' }).waitFor();
    // every title is the dataset's own Chinese one, not the English one shown in its place
    const titles = await datasetCards(page, '数据集').locator('h3 > span[lang="zh-CN"]').allTextContents();
    expect(titles).toHaveLength(DATASETS.length);
    for (const title of titles) expect(title, 'a title in Chinese').toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('contentinfo').getByRole('link', { name: '开放数据' }).waitFor();

    const problems = await problemsOn(page, 'open-data', 'zh-CN');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
