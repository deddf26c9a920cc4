import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, launch, problemsOn, recordFailure, signedInPage } from './support/browser';

/**
 * Notifications arriving live and the audit log, through a real browser against the real stack:
 * editor.amsterdam submits a case study in one browser; curator.demo's bell count rises in another
 * without a reload; the curator follows the notification to the curation queue, and finds the
 * submission in the audit log. axe and the 390 px check on the new pages, in both languages.
 */
let browser: Browser;
const title = `Notified canal sensors ${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

/** The unread count the bell's accessible name gives. */
async function bellCount(page: Page): Promise<number> {
  const name = (await page.locator('a.bell').first().textContent()) ?? '';
  const digits = /(\d+)/.exec(name);
  return digits ? Number(digits[1]) : 0;
}

describe('notifications', () => {
  it('tells curator.demo of a submission live, and leads to the curation queue and the audit log', async () => {
    const curator = await signedInPage(browser, 'curator.demo');
    await curator.locator('a.bell').waitFor();
    // the stream is up before the editor acts
    await expect.poll(() => curator.locator('a.bell').getAttribute('data-live'), { timeout: 20_000 }).toBe('true');
    const before = await bellCount(curator);

    const editor = await signedInPage(browser, 'editor.amsterdam');
    await editor.goto(`${BASE_URL}/case-studies/new`);
    await editor.getByLabel('Title (English)').fill(title);
    await editor.getByLabel('Summary (English)').fill('Sensors in the canals warn residents before the water rises.');
    await editor.getByRole('checkbox', { name: 'Water' }).check();
    await editor.getByLabel('Step 1: characteristic').selectOption('SERVICES');
    await editor.getByLabel('Step 1: from level').selectOption('BASIC');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.waitForURL(/\/case-studies\/[^/]+\/edit$/);
    const id = /\/case-studies\/([^/]+)\/edit$/.exec(editor.url())![1]!;
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.getByText('Submitted for review').first().waitFor();
    await editor.context().close();

    // no reload: the count rises on the page the curator has open
    const started = Date.now();
    await expect.poll(() => bellCount(curator), { timeout: 30_000 }).toBeGreaterThan(before);
    console.log(`bell rose from ${before} after ${Date.now() - started} ms`);

    await curator.locator('a.bell').click();
    await curator.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = curator.getByRole('listitem').filter({ hasText: `Case study '${id}' of amsterdam was submitted for review.` });
    await item.waitFor();
    const problems = await problemsOn(curator, 'notifications', 'en');
    await item.getByRole('link', { name: 'Open' }).click();
    await curator.waitForURL(`${BASE_URL}/curation`);
    await curator.getByRole('article', { name: title }).first().waitFor();

    await curator.goto(`${BASE_URL}/admin/audit?resourceId=${encodeURIComponent(id)}`);
    const table = curator.getByRole('table', { name: 'Audit log entries' });
    await expect.poll(async () => {
      await curator.reload();
      // the read model trails a write by a second or two
      return table.getByText('caseStudy.submitted', { exact: true }).waitFor({ timeout: 5_000 }).then(() => 1, () => 0);
    }, { timeout: 40_000, interval: 1_000 }).toBeGreaterThan(0);
    await table.getByText('caseStudy.created', { exact: true }).waitFor();
    problems.push(...(await problemsOn(curator, 'audit-log', 'en')));

    // both pages in Chinese
    await curator.getByRole('button', { name: /中文/ }).first().click().catch(async () => {
      await curator.getByRole('button', { name: 'Menu' }).click();
      await curator.getByRole('button', { name: /中文/ }).first().click();
    });
    await curator.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    problems.push(...(await problemsOn(curator, 'audit-log', 'zh-CN')));
    await curator.goto(`${BASE_URL}/notifications`);
    await curator.getByRole('heading', { level: 1, name: '通知' }).waitFor();
    await curator.getByText(`${id}`).first().waitFor();
    await expect.poll(() => curator.getByText(/amsterdam 的案例“.*”已提交审核。/).count()).toBeGreaterThan(0);
    problems.push(...(await problemsOn(curator, 'notifications', 'zh-CN')));
    expect(problems).toEqual([]);
    await curator.context().close();
  });
});
