import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:8080';
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. The background-networking flags keep it from calling Google's
 * services, which this machine's closed network refuses.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(
  browser: Browser,
  { width = 1280, language = 'en', timeZone }: { width?: number; language?: 'en' | 'zh-CN'; timeZone?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: language === 'zh-CN' ? 'zh-CN' : 'en-GB',
    // the browser's own zone (IANA), e.g. a city editor in Asia/Shanghai; the machine's when unset
    timezoneId: timeZone,
  });
  context.on('page', watch);
  // the starting language, unless the page itself has chosen one since (a reload keeps the choice)
  await context.addInitScript((lang) => {
    if (!window.localStorage.getItem('citystep.language')) window.localStorage.setItem('citystep.language', lang);
  }, language);
  return context;
}

/** What the open pages did lately: console errors, failed requests, error answers, navigations. */
const events: string[] = [];
const openPages = new Set<Page>();

function note(line: string) {
  events.push(`${new Date().toISOString()} ${line}`);
  if (events.length > 400) events.splice(0, events.length - 400);
}

function watch(page: Page) {
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()} ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`pageerror ${error.message}`));
  page.on('requestfailed', (request) => note(`requestfailed ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(`http ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(`navigated ${frame.url()}`);
  });
}

/**
 * After a failed step: a screenshot and the visible text of every open page, and the recent page
 * events, so that a failure on CI says what the user would have seen.
 */
export async function recordFailure(name: string) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  let index = 0;
  for (const page of openPages) {
    index += 1;
    try {
      await page.screenshot({ path: join(ARTIFACTS, `failed-${slug}-${index}.png`), fullPage: true, timeout: 5_000 });
      const text = await page.evaluate(() => document.body?.innerText ?? '');
      console.log(`[failed: ${name}] page ${index} at ${page.url()} shows:\n${text.slice(0, 1500)}`);
    } catch (error) {
      console.log(`[failed: ${name}] page ${index} at ${page.url()} could not be captured: ${String(error)}`);
    }
  }
  // the next step starts with no leftovers of this one
  await Promise.all([...openPages].map((page) => page.context().close().catch(() => undefined)));
  console.log(`[failed: ${name}] recent page events:\n${events.slice(-60).join('\n')}`);
}

/** Signs in on Keycloak's real login page, starting from the app's "Sign in" button. */
export async function signIn(page: Page, username: string, password = 'citystep-demo') {
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).first().click();
  await page.waitForURL(/\/realms\/citystep\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && !url.pathname.startsWith('/auth/callback'));
  await page.getByText(new RegExp(username)).first().waitFor();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline scripts
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const measurements: Record<string, unknown> = {};

/** Figures the note reports; written to artifacts/measurements.json and printed at the end. */
export function record(name: string, value: unknown) {
  measurements[name] = value;
  writeFileSync(join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
}

/** A new page in a fresh browser context (no cookies, no storage: a new visitor). */
export async function freshPage(browser: Browser, options?: Parameters<typeof newContext>[1]): Promise<Page> {
  const context = await newContext(browser, options);
  return context.newPage();
}

/**
 * axe-core and the 390 px check on the page as it is, at the desktop width and on a phone; the
 * problems found, as readable lines, and a screenshot of each width in `artifacts/`.
 */
export async function problemsOn(page: Page, name: string, language: 'en' | 'zh-CN' = 'en'): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    for (const violation of await seriousViolations(page)) {
      problems.push(`${name} (${language}) at ${width}px: ${violation.impact} ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes)}`);
    }
    const overflow = await horizontalOverflow(page);
    if (overflow > 1) problems.push(`${name} (${language}): ${overflow}px wider than the ${width}px screen`);
    await screenshot(page, `${name}-${language}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}

/** A fresh visitor who opened the home page and signed in as `username` on the Keycloak page. */
export async function signedInPage(browser: Browser, username: string, options?: Parameters<typeof newContext>[1]): Promise<Page> {
  const page = await freshPage(browser, options);
  await page.goto(BASE_URL);
  await signIn(page, username);
  return page;
}
