import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, freshPage, horizontalOverflow, launch, problemsOn, record, recordFailure, screenshot, seriousViolations, signedInPage } from './support/browser';

/**
 * The whole product through a real browser against the real stack: the packaged app with its demo
 * data, the real Keycloak login page, Elasticsearch behind search. Steps run in order.
 */
let browser: Browser;
const title = `Flood-warning sensors on Amsterdam canals ${Date.now().toString(36)}`;
/** A case study written in Chinese only; "停车" in it is what the glossary's "parking" finds. */
const chineseTitle = `成都老旧小区错峰共享停车试点 ${Date.now() % 1_000_000}`;

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
 * Searches for `q` as a visitor would, again and again until `link` shows: search is a read model,
 * a publication reaches it at once, or within the catch-up interval (10 s) when the immediate
 * write was too slow. False when it never showed within 45 s.
 */
async function searchUntilFound(page: Page, q: string, link: ReturnType<Page['getByRole']>): Promise<boolean> {
  const deadline = Date.now() + 45_000;
  await page.goto(BASE_URL);
  await page.getByRole('combobox', { name: 'Search case studies and cities' }).fill(q);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  for (;;) {
    const found = await link
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (found || Date.now() > deadline) {
      if (!found) {
        await screenshot(page, `search-for-${q.replace(/\W+/g, '-')}-failed`);
        const answer = await page.evaluate(async (words) => (await fetch(`/api/v1/search?q=${encodeURIComponent(words)}&size=10`)).text(), q);
        console.log(`search answer for ${q}:`, answer.slice(0, 2000));
      }
      return found;
    }
    await page.goto(`${BASE_URL}/?q=${encodeURIComponent(q)}`);
  }
}

/** Loads `path` in a cold browser and reports the script bytes and the time until `ready` shows. */
async function measureFirstRender(path: string, ready: (page: Page) => Promise<unknown>) {
  const page = await freshPage(browser);
  await page.goto(`${BASE_URL}${path}`);
  await ready(page);
  const figures = await page.evaluate(() => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith('.js'))
      .map((entry) => ({ encoded: entry.encodedBodySize, decoded: entry.decodedBodySize }));
    return {
      contentReadyMs: Math.round(performance.now()),
      firstContentfulPaintMs: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
      scriptFiles: scripts.length,
      scriptBytesOverWire: scripts.reduce((sum, s) => sum + s.encoded, 0),
      scriptBytesUncompressed: scripts.reduce((sum, s) => sum + s.decoded, 0),
    };
  });
  await page.context().close();
  return figures;
}

describe('CityStep in a browser', () => {
  it('measures the first render of the home page and a city profile', async () => {
    const home = await measureFirstRender('/', (page) => page.getByRole('heading', { level: 2, name: /results?/ }).waitFor());
    const profile = await measureFirstRender('/cities/amsterdam', (page) =>
      page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor(),
    );
    record('home', home);
    record('cityProfile', profile);
    console.log('first render', JSON.stringify({ home, profile }));
    expect(home.scriptBytesOverWire).toBeGreaterThan(0);
    // gzip is on: fewer bytes cross the network than the scripts hold
    expect(home.scriptBytesOverWire).toBeLessThan(home.scriptBytesUncompressed * 0.6);
  });

  it('lets an anonymous visitor search and open a case study', async () => {
    const page = await freshPage(browser);
    await page.goto(BASE_URL);
    await page.getByRole('combobox', { name: 'Search case studies and cities' }).fill('smart grid');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.locator('ol.results');
    await expect.poll(() => results.getByRole('link').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'home-search-en');
    const first = results.getByRole('link').first();
    const name = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Similar case studies' }).waitFor();
    expect(page.url()).toContain('/case-studies/');
    await screenshot(page, 'case-study-en');
    await page.context().close();
  });

  it('lets editor.amsterdam tick criteria, see the level change, and submit a case study', async () => {
    const page = await freshPage(browser);
    await page.goto(`${BASE_URL}/cities/amsterdam/assessment`);
    // a protected page sends an anonymous visitor to the real Keycloak login page
    await page.waitForURL(/\/realms\/citystep\/protocol\/openid-connect\/auth/);
    await page.locator('#username').fill('editor.amsterdam');
    await page.locator('#password').fill('citystep-demo');
    await page.locator('#kc-login').click();
    await page.waitForURL(`${BASE_URL}/cities/amsterdam/assessment`);

    const derived = page.getByTestId('derived-level-STRATEGY');
    await derived.waitFor();
    const strategy = page.getByRole('region', { name: 'Smart City Strategy' });
    const boxes = strategy.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    const before = (await derived.textContent())?.trim();
    // untick everything in Strategy, then tick only the basic criteria: the level must follow
    for (const box of await boxes.all()) {
      if (await box.isChecked()) await box.uncheck();
    }
    await expect.poll(async () => (await derived.textContent())?.trim()).toBe('Not yet addressed');
    const basic = strategy.getByRole('group', { name: /^Basic/ }).getByRole('checkbox');
    for (const box of await basic.all()) await box.check();
    await expect.poll(async () => (await derived.textContent())?.trim()).toBe('Basic');
    console.log(`Strategy level: ${before} → Not yet addressed → Basic`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await screenshot(page, 'self-assessment-en');
    const problems = await problemsOn(page, 'self-assessment');

    await page.goto(`${BASE_URL}/my-city`);
    await page.getByRole('link', { name: /New case study/ }).first().waitFor();
    problems.push(...(await problemsOn(page, 'my-city')));

    await page.goto(`${BASE_URL}/case-studies/new`);
    await page.getByLabel('Title (English)').waitFor();
    problems.push(...(await problemsOn(page, 'case-study-editor')));
    await page.getByLabel('Title (English)').fill(title);
    await page.getByLabel('Summary (English)').fill('Sensors in the canals warn residents before water rises; the city climbs from basic to average in services.');
    await page.getByRole('checkbox', { name: 'Water' }).check();
    await page.getByLabel('Step 1: characteristic').selectOption('SERVICES');
    await page.getByLabel('Step 1: from level').selectOption('BASIC');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/case-studies\/[^/]+\/edit$/);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Submitted for review').first().waitFor();
    await screenshot(page, 'case-study-submitted-en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets curator.demo publish it from the curation queue', async () => {
    const page = await signedInPage(browser, 'curator.demo');
    await page.getByRole('link', { name: 'Curation' }).click();
    const item = page.getByRole('article', { name: title });
    await item.first().waitFor();
    await screenshot(page, 'curation-queue-en');
    const problems = await problemsOn(page, 'curation-queue');
    await item.first().getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'curation-after-publish-en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the published case study to an anonymous visitor searching for it', async () => {
    const page = await freshPage(browser);
    expect(await searchUntilFound(page, title, page.getByRole('link', { name: title }))).toBe(true);
    await page.context().close();
  });

  it('lets editor.chengdu write a case study in Chinese only, in the Chinese interface, and submit it', async () => {
    const page = await signedInPage(browser, 'editor.chengdu');
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('link', { name: '我的城市', exact: true }).waitFor();

    await page.goto(`${BASE_URL}/case-studies/new`);
    await page.getByLabel('标题（中文）').waitFor();
    const problems = await problemsOn(page, 'case-study-editor', 'zh-CN');
    await page.getByLabel('标题（中文）').fill(chineseTitle);
    await page.getByLabel('摘要（中文）').fill('晚间向周边居民错峰开放写字楼停车位，缓解老旧小区停车难。');
    await page
      .getByLabel('完整介绍（中文）')
      .fill('<p>老旧小区停车位不足，居民夜间只能把车停在人行道上。街道办与周边写字楼签订协议，每晚19时至次日7时开放停车场，居民通过手机预约停车。</p>');
    await page.getByRole('checkbox', { name: '交通', exact: true }).check();
    await page.getByLabel('第 1 步：特征').selectOption('SERVICES');
    await page.getByLabel('第 1 步：起始级别').selectOption('BASIC');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/case-studies\/[^/]+\/edit$/);
    // nothing was written in English, and the draft was saved all the same
    expect(await page.getByLabel('标题（英文）').inputValue()).toBe('');
    expect(await page.getByLabel('摘要（英文）').inputValue()).toBe('');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('heading', { level: 1, name: chineseTitle }).waitFor();
    await page.getByText('已提交审核').first().waitFor();
    await screenshot(page, 'case-study-zh-only-submitted-zh');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets curator.demo find the Chinese-only case study in the curation queue, publish it, and see the glossary', async () => {
    const page = await signedInPage(browser, 'curator.demo');
    await page.getByRole('link', { name: 'Curation' }).click();
    // in the English interface the Chinese title is shown as it is, marked as Chinese
    const item = page.getByRole('article', { name: chineseTitle });
    await item.first().waitFor();
    expect(await item.first().getByText('中文', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'curation-queue-zh-only-en');
    await item.first().getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);

    await page.getByRole('link', { name: 'Glossary' }).click();
    await page.getByLabel('Words in English or Chinese').fill('parking');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('row', { name: /^parking.*停车/ }).first().waitFor();
    await page.getByRole('link', { name: 'Edit “parking”' }).waitFor();
    const problems = await problemsOn(page, 'glossary');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('finds the Chinese-only case study for an English search through the glossary, and says so', async () => {
    const page = await freshPage(browser);
    const link = page.getByRole('link', { name: chineseTitle });
    expect(await searchUntilFound(page, 'parking', link)).toBe(true);
    const result = page.getByRole('listitem').filter({ has: link });
    const note = result.locator('p', { hasText: 'Found through the glossary' });
    await expect.poll(async () => (await note.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /^Found through the glossary: parking → .*停车/,
    );
    expect(await link.getByText('中文', { exact: true }).count()).toBe(1);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'search-parking-finds-zh-only-en');
    await page.context().close();
  });

  it('suggests clusters from the demo data as soon as it is loaded, each with its reasons', async () => {
    const page = await freshPage(browser);
    await page.goto(`${BASE_URL}/clusters`);
    const suggestions = page.getByRole('region', { name: 'Suggested clusters' }).getByRole('article');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(1);
    expect(await suggestions.first().locator('.suggestion__reasons li').count()).toBeGreaterThan(0);
    await screenshot(page, 'clusters-suggestions-en');
    await page.context().close();
  });

  it('switches the whole interface to Chinese and remembers it', async () => {
    const page = await freshPage(browser);
    await page.goto(BASE_URL);
    await page.getByRole('link', { name: 'Cities' }).waitFor();
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('link', { name: '城市', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await page.getByRole('button', { name: '搜索', exact: true }).waitFor();
    await screenshot(page, 'home-zh');
    await page.context().close();
  });

  const MAIN_PAGES: [string, string, (page: Page) => Promise<unknown>][] = [
    ['home', '/', (page) => page.locator('ol.results li').first().waitFor()],
    ['case-study', '/case-studies/amsterdam-nieuw-west-smart-grid-households', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
    ['cities', '/cities', (page) => page.locator('a[href="/cities/amsterdam"]').first().waitFor()],
    ['city-profile', '/cities/chengdu', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
    ['clusters', '/clusters', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
    ['experts', '/experts', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
    ['report', '/reports/maturity', (page) => page.getByRole('table').first().waitFor()],
  ];

  for (const language of ['en', 'zh-CN'] as const) {
    for (const width of [1280, 390]) {
      it(`main pages in ${language} at ${width} px: no serious accessibility violations, nothing wider than the screen`, async () => {
        const page = await freshPage(browser, { width, language });
        const problems: string[] = [];
        for (const [name, path, ready] of MAIN_PAGES) {
          await page.goto(`${BASE_URL}${path}`);
          await ready(page);
          await page.waitForLoadState('networkidle');
          for (const violation of await seriousViolations(page)) {
            problems.push(`${name}: ${violation.impact} ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes)}`);
          }
          const overflow = await horizontalOverflow(page);
          if (overflow > 1) problems.push(`${name}: ${overflow}px wider than the ${width}px screen`);
          await screenshot(page, `${name}-${language}-${width}`);
        }
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});
