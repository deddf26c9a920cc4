import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, freshPage, launch, problemsOn, recordFailure, screenshot, signedInPage, signIn } from './support/browser';

/**
 * The editors on one form library (react-hook-form + zod) and the small things users tripped on,
 * in a real browser against the real stack: checks before sending, unsaved changes, the shared
 * stale-version banner (two people saving the same thing), no console 404 on a first
 * self-assessment, the menu's Escape and highlight, the search page's skip link, and "You are
 * here" only for the city's own editors. axe and the 390 px check on each page, in both languages.
 */
let browser: Browser;
const title = `Canal heat sensors ${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

/** Error answers and console errors of a page, from now on. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

async function signedIn(username: string, path: string, language: 'en' | 'zh-CN' = 'en') {
  const page = await freshPage(browser, { language });
  await page.goto(BASE_URL);
  await signIn(page, username);
  await page.goto(`${BASE_URL}${path}`);
  return page;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('Forms and small things in a browser', () => {
  it('lets a keyboard user skip the search filters, and closes the phone menu with Escape', async () => {
    const page = await freshPage(browser);
    await page.goto(`${BASE_URL}/?q=smart`);
    await page.locator('ol.results').getByRole('link').first().waitFor();
    let presses = 0;
    while ((await focusedText(page)) !== 'Skip to results' && presses < 30) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    console.log(`Tab presses to "Skip to results": ${presses}`);
    expect(presses).toBeLessThan(15);
    await page.keyboard.press('Enter');
    expect(await focusedText(page)).toMatch(/results?/);
    await page.keyboard.press('Tab');
    const first = (await page.locator('ol.results').getByRole('link').first().textContent())?.trim();
    expect(await focusedText(page)).toBe(first);
    const problems = await problemsOn(page, 'search');
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('link', { name: '跳到搜索结果' }).waitFor({ state: 'attached' });
    problems.push(...(await problemsOn(page, 'search', 'zh-CN')));
    await page.getByRole('button', { name: /English/ }).click();

    await page.setViewportSize({ width: 390, height: 900 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.getByRole('link', { name: 'Cities', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Cities', exact: true }).isVisible()).toBe(false);
    expect(await focusedText(page)).toBe('Menu');
    await screenshot(page, 'forms-menu-closed-390');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows an anonymous visitor the current level on a city profile, never "You are here"', async () => {
    const page = await freshPage(browser);
    await page.goto(`${BASE_URL}/cities/amsterdam`);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    await page.getByText('Current level').first().waitFor();
    expect(await page.getByText('You are here').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Cities', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.context().close();
  });

  it('checks the case-study editor before sending, in both languages, and shows a newer version saved meanwhile', async () => {
    const page = await signedIn('editor.amsterdam', '/case-studies/new');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (['POST', 'PUT'].includes(request.method()) && request.url().includes('/api/v1/case-studies')) saves.push(request.url());
    });
    await page.getByLabel('Title (English)').waitFor();
    for (const section of ['About the case study', 'Domains and maturity steps', 'Funding', 'Contact and licence']) {
      expect(await page.getByRole('group', { name: new RegExp(`^${section}`) }).count(), section).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('link', { name: 'Title: Fill in English, Chinese or both.' }).waitFor();
    await page.getByRole('link', { name: 'Service domains: Choose at least one.' }).waitFor();
    expect(saves).toEqual([]);
    const problems = await problemsOn(page, 'case-study-editor-errors');

    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('link', { name: '标题：请填写英文、中文或两者。' }).waitFor();
    problems.push(...(await problemsOn(page, 'case-study-editor-errors', 'zh-CN')));
    await page.getByRole('button', { name: /English/ }).click();

    await page.getByLabel('Title (English)').fill(title);
    await page.getByLabel('Summary (English)').fill('Sensors in the canals measure water temperature every hour.');
    await page.getByRole('checkbox', { name: 'Water' }).check();
    await page.getByLabel('Step 1: characteristic').selectOption('SERVICES');
    await page.getByLabel('Step 1: from level').selectOption('BASIC');
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/case-studies\/[^/]+\/edit$/);
    const editPath = new URL(page.url()).pathname;
    await page.getByLabel('Title (English)').waitFor();
    expect(await page.getByText('Unsaved changes').count()).toBe(0);

    // someone else (the same editor in another browser) saves a newer version meanwhile
    const other = await signedIn('editor.amsterdam', editPath);
    await other.getByLabel('Title (English)').fill(`${title} (theirs)`);
    await other.getByRole('button', { name: 'Save draft' }).click();
    await other.getByText('Draft saved.').waitFor();
    await other.context().close();

    await page.getByLabel('Title (English)').fill(`${title} (mine)`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Someone else saved a newer version of this case study' });
    await banner.waitFor();
    expect(await page.getByLabel('Title (English)').inputValue()).toBe(`${title} (mine)`);
    problems.push(...(await problemsOn(page, 'case-study-editor-stale')));
    await page.getByRole('button', { name: 'Reload the newer version' }).click();
    await expect.poll(() => page.getByLabel('Title (English)').inputValue()).toBe(`${title} (theirs)`);
    expect(await banner.count()).toBe(0);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('heading', { level: 1, name: `${title} (theirs)` }).waitFor();
    await page.context().close();

    // the curator's history of it: the Note column is not cut off, and on a phone the table scrolls in its own box
    const curator = await signedIn('curator.demo', '/curation');
    const item = curator.getByRole('article', { name: `${title} (theirs)` });
    await item.getByRole('button', { name: 'Show history' }).click();
    const history = curator.getByRole('group', { name: `History of “${title} (theirs)”` });
    await history.getByRole('columnheader', { name: 'Note' }).waitFor();
    const fits = () =>
      history.evaluate((wrap) => {
        const note = wrap.querySelector('th:last-child')!.getBoundingClientRect();
        const box = wrap.getBoundingClientRect();
        return { noteVisible: note.right <= box.right + 1, scrolls: wrap.scrollWidth > wrap.clientWidth, focusable: wrap.tabIndex === 0 };
      });
    expect(await fits()).toMatchObject({ noteVisible: true, focusable: true });
    await curator.setViewportSize({ width: 390, height: 900 });
    const phone = await fits();
    expect(phone.noteVisible || phone.scrolls).toBe(true);
    problems.push(...(await problemsOn(curator, 'curation-history')));
    expect(problems).toEqual([]);
    await curator.context().close();
  });

  it('opens a first self-assessment without an error answer, marks My city, and keeps my ticks over a newer version', async () => {
    const page = await signedInPage(browser, 'editor.amsterdam');
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL}/cities/amsterdam/assessment`);
    const derived = page.getByTestId('derived-level-STRATEGY');
    await derived.waitFor();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    expect(errors).toEqual([]);
    expect(await page.getByRole('link', { name: 'My city', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('link', { name: 'Cities', exact: true }).getAttribute('aria-current')).toBeNull();

    const strategy = page.getByRole('region', { name: 'Smart City Strategy' });
    const first = strategy.getByRole('checkbox').first();
    await first.setChecked(!(await first.isChecked()));
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();

    const other = await signedIn('editor.amsterdam', '/cities/amsterdam/assessment');
    await other.getByTestId('derived-level-STRATEGY').waitFor();
    const theirs = other.getByRole('region', { name: 'Smart City Strategy' }).getByRole('checkbox').last();
    await theirs.setChecked(!(await theirs.isChecked()));
    await other.getByRole('button', { name: 'Save draft' }).click();
    await other.getByText('All changes saved').waitFor();
    await other.context().close();

    const second = strategy.getByRole('checkbox').nth(1);
    const mine = !(await second.isChecked());
    await second.setChecked(mine);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else saved a newer version of this self-assessment' }).waitFor();
    const problems = await problemsOn(page, 'self-assessment-stale');
    await page.getByRole('button', { name: 'Keep my changes' }).click();
    await page.getByText('Your changes are kept. Saving now replaces the newer version.').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    expect(await second.isChecked()).toBe(mine);

    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByText('所有更改均已保存').waitFor();
    problems.push(...(await problemsOn(page, 'self-assessment', 'zh-CN')));
    await page.getByRole('button', { name: /English/ }).click();

    await page.goto(`${BASE_URL}/cities/amsterdam`);
    await page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor();
    await page.getByText('You are here').first().waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
