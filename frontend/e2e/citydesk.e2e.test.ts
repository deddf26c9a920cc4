import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, launch, newContext, problemsOn, recordFailure } from './support/browser';

/**
 * The city's own workspace through a real browser: editor.amsterdam edits the profile, adds a KPI
 * from the indicator catalogue, then sees the history chart and the benchmark; every new page passes
 * axe and fits 390 px, in English and in Chinese.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

async function signInAt(page: Page, path: string) {
  await page.goto(`${BASE_URL}${path}`);
  await page.waitForURL(/\/realms\/citystep\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill('editor.amsterdam');
  await page.locator('#password').fill('citystep-demo');
  await page.locator('#kc-login').click();
  await page.waitForURL(`${BASE_URL}${path}`);
}

describe('the city workspace', () => {
  it('lets editor.amsterdam edit the profile, add a KPI from the catalogue, and see the history chart and the benchmark', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAt(page, '/my-city');
    await page.getByRole('link', { name: 'Edit profile and KPIs' }).waitFor();
    const problems = await problemsOn(page, 'citydesk-my-city', 'en');
    // the fixed "empty bordered rows": at phone width no empty table cell takes up a row of its own
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('table').first().waitFor();
    const emptyCells = await page.evaluate(
      () => Array.from(document.querySelectorAll('main td')).filter((cell) => cell.textContent?.trim() === '' && (cell as HTMLElement).offsetHeight > 0).length,
    );
    expect(emptyCells).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'Edit profile and KPIs' }).click();
    await page.getByRole('heading', { level: 1, name: /Profile and KPIs/ }).waitFor();
    const population = page.getByLabel('Population', { exact: true });
    await population.fill('931000');
    const kpiRows = page.getByRole('table', { name: 'Key performance indicators' }).getByRole('row');
    const rowsBefore = await kpiRows.count();

    await page.getByLabel('Find an indicator').fill('自行车');
    await page.getByText('1 indicator found').waitFor();
    await page.getByRole('button', { name: /^Add Kilometres of bicycle paths and lanes per 100 000 population/ }).click();
    await expect.poll(() => kpiRows.count()).toBe(Math.max(rowsBefore, 1) + 1);
    await page.getByLabel('Value of Kilometres of bicycle paths and lanes per 100 000 population').last().fill('57.5');
    await page.getByLabel('Source of Kilometres of bicycle paths and lanes per 100 000 population').last().fill('e2e test');
    problems.push(...(await problemsOn(page, 'citydesk-city-edit', 'en')));

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForURL(`${BASE_URL}/my-city`);
    await page.getByText('Profile saved.').waitFor();

    // what was saved is what the server now holds
    await page.goto(`${BASE_URL}/cities/amsterdam/edit`);
    await expect.poll(() => page.getByLabel('Population', { exact: true }).inputValue()).toBe('931000');
    expect(await page.getByLabel('Source of Kilometres of bicycle paths and lanes per 100 000 population').last().inputValue()).toBe('e2e test');

    // a value out of the indicator's range is refused with the reason beside the field
    await page.getByLabel('Value of Kilometres of bicycle paths and lanes per 100 000 population').last().fill('-3');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/ISO 37120:2014 18\.7 is at least 0/).waitFor();

    await page.goto(`${BASE_URL}/cities/amsterdam/progress`);
    await page.getByRole('heading', { level: 1, name: /Progress and benchmark/ }).waitFor();
    await page.getByRole('table', { name: 'Levels per characteristic and round' }).waitFor();
    expect(await page.getByRole('img', { name: /^Smart City Strategy: round/ }).count()).toBe(1);
    const levels = page.getByRole('table', { name: 'Your levels beside the medians' });
    await levels.waitFor();
    expect(await levels.getByRole('row').count()).toBeGreaterThan(7);
    // the region's median comes from the search read model's counts, the peers from the matching roadmap
    expect(await levels.getByText(/\(\d+ cities\)/).count()).toBeGreaterThan(0);
    await page.getByText('peer one step ahead').first().waitFor();
    await page.getByRole('heading', { name: 'Your KPIs beside the compared cities' }).waitFor();
    await page.getByRole('rowheader', { name: /Kilometres of bicycle paths/ }).first().waitFor();
    problems.push(...(await problemsOn(page, 'citydesk-city-progress', 'en')));

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the same pages in Chinese, accessible and within 390 px', async () => {
    const context = await newContext(browser, { language: 'zh-CN' });
    const page = await context.newPage();
    await signInAt(page, '/cities/amsterdam/edit');
    await page.getByRole('heading', { level: 1, name: /概况与关键绩效指标/ }).waitFor();
    await page.getByLabel('查找指标').fill('PM2.5');
    await page.getByText(/找到 \d+ 项指标/).waitFor();
    const problems = await problemsOn(page, 'citydesk-city-edit', 'zh-CN');

    await page.goto(`${BASE_URL}/cities/amsterdam/progress`);
    await page.getByRole('table', { name: '各特征在各轮次的等级' }).waitFor();
    await page.getByRole('table', { name: '本市等级与中位数对比' }).waitFor();
    problems.push(...(await problemsOn(page, 'citydesk-city-progress', 'zh-CN')));

    await page.goto(`${BASE_URL}/my-city`);
    await page.getByRole('link', { name: '编辑概况和 KPI' }).waitFor();
    problems.push(...(await problemsOn(page, 'citydesk-my-city', 'zh-CN')));
    expect(problems).toEqual([]);
    await context.close();
  });
});
