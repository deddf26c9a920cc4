#!/usr/bin/env node
// First render, measured: loads pages in a cold browser context (empty cache, no session) against a
// running app and prints, per page, the median over several runs of
//   - fcp: first contentful paint (performance.getEntriesByType('paint')),
//   - ready: when the page's main content shows (its heading or first results),
//   - chain: the requests the page made before it was ready, with their start and end times, so a
//     waterfall (one request waiting for another) is visible.
// Not a test: it prints figures. Usage:
//   node e2e/first-render.mjs [baseUrl=http://localhost:8080] [runs=7] [output.json]
// With an output file (bench/run frontend gives bench/results/frontend-latest.json) it also writes the
// figures there, each page against the target of issue 10: first content ≤ 1 s cold on localhost.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE_URL = process.argv[2] ?? process.env.E2E_BASE_URL ?? 'http://localhost:8080';
const RUNS = Number(process.argv[3] ?? 7);
const OUTPUT = process.argv[4];
const TARGET_MS = 1000;

const PAGES = [
  { name: 'home', path: '/', ready: (page) => page.getByRole('heading', { level: 2, name: /results?/ }).waitFor() },
  { name: 'city-profile', path: '/cities/amsterdam', ready: (page) => page.getByRole('heading', { level: 1, name: 'Amsterdam' }).waitFor() },
  { name: 'cities', path: '/cities', ready: (page) => page.locator('main a[href^="/cities/"]').first().waitFor() },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function once({ path, ready }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}${path}`);
  await ready(page);
  const figures = await page.evaluate(() => {
    const readyMs = performance.now();
    const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? -1;
    const chain = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < readyMs && !entry.name.endsWith('.svg'))
      .map((entry) => `${new URL(entry.name).pathname.replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1')} ${Math.round(entry.startTime)}–${Math.round(entry.responseEnd)}`);
    const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js'));
    return {
      fcp: Math.round(fcp),
      ready: Math.round(readyMs),
      scriptKbOverWire: Math.round(scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0) / 1024),
      chain,
    };
  });
  await context.close();
  return figures;
}

// one warm-up load, so the server's own first-request costs (class loading, JIT) are not counted
await once(PAGES[0]);
const results = [];
for (const target of PAGES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(target));
  const fcp = runs.map((run) => run.fcp);
  const ready = runs.map((run) => run.ready);
  results.push({
    name: target.name,
    path: target.path,
    firstContentfulPaintMedianMs: median(fcp),
    firstContentfulPaintMaxMs: Math.max(...fcp),
    firstContentfulPaintRunsMs: fcp,
    readyMedianMs: median(ready),
    readyMaxMs: Math.max(...ready),
    readyRunsMs: ready,
    scriptKbOverWire: runs[0].scriptKbOverWire,
    firstContentMet: median(fcp) >= 0 && median(fcp) <= TARGET_MS,
    requestsBeforeReady: runs[runs.length - 1].chain,
  });
  console.log(
    `${target.name.padEnd(13)} fcp median ${median(fcp)} ms [${fcp.join(', ')}]; ready median ${median(ready)} ms [${ready.join(', ')}]; scripts ${runs[0].scriptKbOverWire} KB over the wire`,
  );
  console.log(`${' '.repeat(14)}requests before ready (ms from navigation): ${runs[runs.length - 1].chain.join(' | ')}`);
}
await browser.close();
if (OUTPUT) {
  const report = {
    measuredAt: new Date().toISOString(),
    baseUrl: BASE_URL,
    runsPerPage: RUNS,
    method:
      'node frontend/e2e/first-render.mjs: a new browser context per load (empty cache, no session), Debian Chromium headless, ' +
      'viewport 1280x900, after one warm-up load; first content = first-contentful-paint, ready = the page\'s main content shown',
    cities: await fetch(`${BASE_URL}/api/v1/cities?size=1`)
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => body?.total ?? null)
      .catch(() => null),
    note: process.env.FIRST_RENDER_NOTE ?? null,
    targetFirstContentMs: TARGET_MS,
    pages: results,
  };
  writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${OUTPUT}`);
}
