import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, launch, problemsOn, recordFailure, screenshot, signedInPage } from './support/browser';

/**
 * Curators' and admins' tools through a real browser against the real stack: a cluster proposed by
 * hand and its invitees changed, the confirmation before a suggestion is proposed, the search
 * rebuild's progress bar, and an admin retiring (then restoring) a city. Steps run in order.
 */
let browser: Browser;
const clusterName = `Night buses ${Date.now().toString(36)}`;
let clusterPath = '';

beforeAll(async () => {
  browser = await launch();
});
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => recordFailure(task.name));
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Picks a city in a city combobox by typing the start of its name; types again (another prefix, so a
 * new search) while search has not caught up with a city just restored.
 */
async function pickCity(page: Page, box: string, name: string) {
  const combobox = page.getByRole('combobox', { name: box });
  const option = page.getByRole('option', { name: new RegExp(`^${name}`) }).first();
  for (let length = 3; ; length++) {
    await combobox.fill('');
    await combobox.pressSequentially(name.slice(0, Math.min(length, name.length)), { delay: 30 });
    const shown = await option.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown) break;
    if (length >= name.length + 3) throw new Error(`${name} is not offered in ${box}`);
    await page.waitForTimeout(2_000);
  }
  await option.click();
}

async function invite(page: Page, name: string) {
  await pickCity(page, 'Find a city to invite', name);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await page.getByRole('group', { name: 'Invited cities' }).getByText(name, { exact: true }).waitFor();
}

describe('Curators and admins in a browser', () => {
  it('lets curator.demo propose a cluster by hand, inviting cities found by search', async () => {
    const page = await signedInPage(browser, 'curator.demo');
    await page.goto(`${BASE_URL}/clusters`);
    await page.getByRole('link', { name: 'Propose a cluster by hand' }).click();
    await page.getByRole('heading', { level: 1, name: 'Propose a cluster' }).waitFor();

    await page.getByLabel('Name in English').fill(clusterName);
    await page.getByLabel('Name in Chinese').fill('夜间公交');
    await page.getByRole('checkbox', { name: 'Transportation' }).check();
    await invite(page, 'Lyon');
    await invite(page, 'Riga');
    const problems = await problemsOn(page, 'cluster-form', 'en');

    await page.getByRole('button', { name: 'Propose cluster' }).click();
    await page.getByRole('heading', { level: 1, name: clusterName }).waitFor();
    clusterPath = new URL(page.url()).pathname;
    const invited = page.locator('h3:text-is("Invited cities") + ul');
    await invited.getByText('Lyon').waitFor();
    await invited.getByText('Riga').waitFor();
    await screenshot(page, 'cluster-proposed-by-hand-en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets curator.demo change who is invited, in the Chinese interface too', async () => {
    const page = await signedInPage(browser, 'curator.demo');
    await page.goto(`${BASE_URL}${clusterPath}`);
    await page.getByRole('link', { name: 'Edit cluster and invitations' }).click();
    const invitees = page.getByRole('group', { name: 'Invited cities' });
    await invitees.getByText('Riga', { exact: true }).waitFor();
    await invitees.getByRole('button', { name: 'Remove the invitation of Riga' }).click();
    await invite(page, 'Tallinn');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByRole('heading', { level: 1, name: clusterName }).waitFor();
    const invited = page.locator('h3:text-is("Invited cities") + ul');
    await invited.getByText('Tallinn').waitFor();
    expect(await invited.getByText('Riga').count()).toBe(0);
    expect(await invited.getByText('Lyon').count()).toBe(1);

    await page.getByRole('link', { name: 'Edit cluster and invitations' }).click();
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('group', { name: '受邀城市' }).waitFor();
    const problems = await problemsOn(page, 'cluster-form', 'zh-CN');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('asks curator.demo to confirm the invitees of a suggestion, and lets them untick cities', async () => {
    const page = await signedInPage(browser, 'curator.demo');
    await page.goto(`${BASE_URL}/clusters`);
    // held by its position: once confirming, it no longer shows the button a filter would look for
    const articles = page.getByRole('region', { name: 'Suggested clusters' }).getByRole('article');
    await articles.first().waitFor({ timeout: 30_000 });
    let index = -1;
    await expect.poll(async () => {
      const count = await articles.count();
      for (let i = 0; i < count; i++) {
        if ((await articles.nth(i).getByRole('button', { name: 'Propose this cluster' }).count()) > 0) return (index = i);
      }
      return -1;
    }, { timeout: 30_000 }).toBeGreaterThanOrEqual(0);
    const suggestion = articles.nth(index);
    await suggestion.getByRole('button', { name: 'Propose this cluster' }).click();

    const dialog = suggestion.getByRole('dialog', { name: 'Propose this cluster?' });
    await dialog.waitFor();
    const boxes = dialog.getByRole('checkbox');
    const offered = await boxes.count();
    expect(offered).toBeGreaterThan(0);
    const unticked = await dialog.locator('label.checkbox').first().innerText();
    await boxes.first().uncheck();
    await dialog.getByText(offered - 1 === 1 ? '1 city will be invited.' : `${offered - 1} cities will be invited.`).waitFor();
    const problems = await problemsOn(page, 'suggestion-confirm', 'en');
    await dialog.getByRole('button', { name: 'Propose with these cities' }).click();

    await page.getByText('This cluster is a proposal.', { exact: false }).waitFor();
    const invited = page.locator('h3:text-is("Invited cities") + ul');
    await expect.poll(() => invited.getByRole('listitem').count()).toBe(offered - 1);
    expect(await invited.getByText(unticked.trim(), { exact: true }).count()).toBe(0);
    await screenshot(page, 'suggestion-proposed-en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets admin.demo rebuild the search indexes, following a progress bar, in both languages', async () => {
    const page = await signedInPage(browser, 'admin.demo');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const start = page.getByRole('button', { name: 'Rebuild the search indexes' });
    await start.waitFor();
    // a rebuild the app started itself may be shown as complete before this one is answered
    await start.click();
    await page.getByText('A rebuild is running.').waitFor();
    expect(await page.getByRole('button', { name: 'Rebuilding…' }).isDisabled()).toBe(true);
    await page.getByRole('progressbar').waitFor();
    await page.getByText('The last rebuild is complete.').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => start.isEnabled()).toBe(true);
    const problems = await problemsOn(page, 'admin', 'en');

    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('heading', { level: 1, name: '管理' }).waitFor();
    problems.push(...(await problemsOn(page, 'admin', 'zh-CN')));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets admin.demo retire a city, which leaves the cities list, then restore it', async () => {
    const page = await signedInPage(browser, 'admin.demo');
    await page.goto(`${BASE_URL}/admin`);
    await pickCity(page, 'City', 'Korla');
    await page.getByRole('button', { name: 'Retire', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire Korla?' });
    await dialog.waitFor();
    const problems = await problemsOn(page, 'admin-retire', 'en');
    await dialog.getByRole('button', { name: 'Yes, retire' }).click();
    await page.getByText('Korla was retired.').waitFor();
    const retired = page.getByRole('region', { name: 'Retired cities' });
    await retired.getByText('Korla').waitFor();

    // gone from the cities list
    await page.goto(`${BASE_URL}/cities?region=CHINA`);
    await page.locator('a[href="/cities/chengdu"]').first().waitFor();
    await expect.poll(async () => {
      await page.reload();
      await page.locator('a[href="/cities/chengdu"]').first().waitFor();
      return page.locator('a[href="/cities/korla"]').count();
    }, { timeout: 30_000 }).toBe(0);

    // the delete dialog asks for the id, and restoring brings the city back
    await page.goto(`${BASE_URL}/admin`);
    await page.getByRole('region', { name: 'Retired cities' }).getByRole('button', { name: 'Restore Korla' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Retired cities' }).getByText('No city is retired.').count()).toBe(1);
    await pickCity(page, 'City', 'Korla');
    await page.getByRole('button', { name: 'Delete…' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete Korla for good?' });
    expect(await remove.getByRole('button', { name: 'Delete the city' }).isDisabled()).toBe(true);
    problems.push(...(await problemsOn(page, 'admin-delete', 'en')));
    await remove.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${BASE_URL}/cities?region=CHINA`);
    await expect.poll(async () => {
      await page.reload();
      await page.locator('a[href="/cities/chengdu"]').first().waitFor();
      return page.locator('a[href="/cities/korla"]').count();
    }, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
