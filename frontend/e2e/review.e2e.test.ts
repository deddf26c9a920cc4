import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, launch, newContext, problemsOn, recordFailure, signIn } from './support/browser';

/**
 * Expert review and the expert database through a real browser: the demo's submitted Tallinn
 * round waits in the queue, curator.demo assigns expert.demo, who compares it with the previous
 * round and returns it with a note; admin.demo submits it again from the self-assessment page
 * (which names the reviewer), and expert.demo validates it. expert.demo edits its own profile;
 * curators keep the expert database. Every new page is checked with axe and at 390 px in both
 * languages. Steps run in order.
 */
let browser: Browser;
const EXPERT_NAME = 'Dr. Morgan Example (demo)';
const NOTE = `Please add the council decision ${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(username: string, path: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await signIn(page, username);
  if (path !== '/') await page.goto(`${BASE_URL}${path}`);
  return page;
}

/** axe and the 390 px check in English and in Chinese; the problems found, as readable lines. */
async function problemsInBothLanguages(page: Page, name: string, ready: (language: 'en' | 'zh-CN') => Promise<unknown>) {
  const problems: string[] = [];
  for (const language of ['en', 'zh-CN'] as const) {
    await page.evaluate((lang) => window.localStorage.setItem('citystep.language', lang), language);
    await page.reload();
    await ready(language);
    problems.push(...(await problemsOn(page, name, language)));
  }
  await page.evaluate(() => window.localStorage.setItem('citystep.language', 'en'));
  await page.reload();
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}

describe('expert review and the expert database', () => {
  it('lets curator.demo find the submitted Tallinn round in the review queue and assign expert.demo', async () => {
    const page = await signedIn('curator.demo', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const tallinn = page.getByRole('article', { name: 'Tallinn' });
    await tallinn.waitFor();
    expect(
      await problemsInBothLanguages(page, 'review-queue', (language) =>
        page.getByRole('article', { name: language === 'en' ? 'Tallinn' : '塔林' }).waitFor(),
      ),
    ).toEqual([]);

    const select = tallinn.getByRole('combobox', { name: 'Expert with matching expertise' });
    await select.locator('option', { hasText: EXPERT_NAME }).waitFor({ state: 'attached' });
    await select.selectOption({ label: EXPERT_NAME });
    await tallinn.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`Assigned to ${EXPERT_NAME}.`).waitFor();
    await page.getByRole('link', { name: 'Assigned', exact: true }).click();
    await page.getByRole('article', { name: 'Tallinn' }).getByText(`Reviewed by ${EXPERT_NAME}`).waitFor();
    await page.context().close();
  });

  it('lets expert.demo open the review from the menu, see the comparison and return it with a note', async () => {
    const page = await signedIn('expert.demo', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('article', { name: 'Tallinn' }).getByRole('link', { name: 'Review it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review: Tallinn' }).waitFor();

    const strategy = page.getByRole('region', { name: /Smart City Strategy/ });
    await strategy.getByText('Changed').waitFor();
    expect(await strategy.getByText('Level now:').textContent()).toContain('State of the art');
    expect(await strategy.getByText('Previous round:').textContent()).toContain('More advanced');
    expect(await strategy.getByText('New', { exact: true }).count()).toBeGreaterThan(0);
    await strategy.getByText(/new multi-year programme/).waitFor();
    await page.getByText(/Compared with round 1/).waitFor();
    expect(
      await problemsInBothLanguages(page, 'review-page', (language) =>
        page.getByRole('heading', { level: 1, name: language === 'en' ? 'Review: Tallinn' : '评审：塔林' }).waitFor(),
      ),
    ).toEqual([]);

    await page.getByRole('button', { name: 'Return to the city' }).click();
    await page.getByText('Write what the city should add or change before returning it.').waitFor();
    await page.getByRole('textbox', { name: 'Note to the city' }).fill(NOTE);
    await page.getByRole('button', { name: 'Return to the city' }).click();
    await page.getByText('Returned to the city with your note.').waitFor();
    await page.context().close();
  });

  it('shows the note and the reviewer on the self-assessment page; admin.demo submits it again', async () => {
    const page = await signedIn('admin.demo', '/cities/tallinn/assessment');
    await page.getByText(NOTE).waitFor();
    await page.getByText(`Reviewed by ${EXPERT_NAME}`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByText('This assessment was submitted for review.', { exact: false }).waitFor();
    await page.getByText(`Reviewed by ${EXPERT_NAME}`, { exact: false }).waitFor();
    await page.context().close();
  });

  it('lets expert.demo validate the round it reviews; Tallinn then carries its new level', async () => {
    const page = await signedIn('expert.demo', '/review/tallinn');
    await page.getByRole('heading', { level: 1, name: 'Review: Tallinn' }).waitFor();
    await page.getByRole('textbox', { name: 'Note to the city' }).fill('Council decision checked.');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('Validated: its levels are now the city\'s levels.').waitFor();
    const city = await page.evaluate(async () => (await fetch('/api/v1/cities/tallinn')).json());
    expect(city.levels.STRATEGY).toBe('STATE_OF_THE_ART');
    await page.context().close();
  });

  it('lets expert.demo edit its own profile from the menu', async () => {
    const page = await signedIn('expert.demo', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My expert profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My expert profile' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).waitFor();
    expect(
      await problemsInBothLanguages(page, 'my-expert-profile', (language) =>
        page.getByRole('heading', { level: 1, name: language === 'en' ? 'My expert profile' : '我的专家资料' }).waitFor(),
      ),
    ).toEqual([]);

    await page.getByRole('textbox', { name: 'Name' }).waitFor();
    await page.getByRole('combobox', { name: 'Availability' }).selectOption('LIMITED');
    await page.getByRole('combobox', { name: 'Up to level for Smart City Strategy' }).selectOption('STATE_OF_THE_ART');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const me = await page.evaluate(async () => {
      const token = Object.entries(window.sessionStorage).find(([key]) => key.startsWith('oidc.user:'))?.[1];
      const access = token ? (JSON.parse(token) as { access_token: string }).access_token : '';
      return (await fetch('/api/v1/experts/me', { headers: { Authorization: `Bearer ${access}` } })).json();
    });
    expect(me.availability).toBe('LIMITED');
    expect(me.expertise.levels.STRATEGY).toBe('STATE_OF_THE_ART');
    await page.context().close();
  });

  it('lets curator.demo keep the expert database', async () => {
    const page = await signedIn('curator.demo', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Expert database' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expert database' }).waitFor();
    await page.getByRole('link', { name: 'Approved', exact: true }).click();
    await page.getByRole('article', { name: EXPERT_NAME }).waitFor();
    expect(
      await problemsInBothLanguages(page, 'expert-database', (language) =>
        page.getByRole('heading', { level: 1, name: language === 'en' ? 'Expert database' : '专家数据库' }).waitFor(),
      ),
    ).toEqual([]);
    await page.getByRole('button', { name: 'Propose an expert' }).click();
    await page.getByRole('textbox', { name: 'Identifier' }).waitFor();
    await page.context().close();
  });
});
