/**
 * Issue 14: no page is dropped because the background is not ready. In Chromium:
 * - `npm start`'s own demo, launched exactly as `npm start` launches it (fresh profile, the article
 *   as the start URL), is marked without a reload, on every one of several fresh launches;
 * - a tab open before the extension is installed is marked once it is installed;
 * - a page opened while the extension's service worker is stopped is marked.
 */
import { expect, test } from '@playwright/test';
import { startServer, type FixtureServer } from './server.mjs';
import {
  findPage,
  launchLikeNpmStart,
  launchWithPuppeteer,
  marksAndNavigation,
  MARK,
  stopExtensionWorker,
  waitForMarks,
} from './support/chromium-startup';
import { chromeBuildDir } from './support/chromium';
// @ts-expect-error a plain ES module of the start script, without types
import { serveDemo } from '../../scripts/demo/launch.mjs';

/**
 * Fresh launches of the demo. Before the fix the same test failed ("0 marks"; by hand 2 of 3 launches
 * showed none); the third test passed before too (a message wakes a stopped worker) and guards it.
 */
const RUNS = Number(process.env.TL_STARTUP_RUNS || 10);
const ARTICLE = '/e2e/ontopic-energy.html';

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.close();
});

test(`npm start's demo article, the start URL of a fresh profile, is marked without a reload (${RUNS} launches)`, async () => {
  test.setTimeout(RUNS * 45_000);
  const demo = await serveDemo();
  const results: string[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const launched = await launchLikeNpmStart(demo.url);
      try {
        const page = await findPage(launched.browser, demo.url);
        await page.waitForSelector(MARK, { timeout: 30_000 }).catch(() => null);
        const { marks, navigation } = await marksAndNavigation(page);
        results.push(`${marks} marks, ${navigation}`);
      } finally {
        await launched.close();
      }
    }
  } finally {
    await demo.close();
  }
  // Every launch: the demo's experts are marked, in the document loaded at start (not a reload).
  const missed = results.filter((r) => !/^[1-9]\d* marks, navigate$/.test(r));
  expect(missed, `launches: ${results.join('; ')}`).toEqual([]);
});

test('a tab open before the extension is installed is marked once it is installed', async () => {
  const launched = await launchWithPuppeteer(false);
  try {
    const page = await launched.browser.newPage();
    await page.goto(server.url(ARTICLE), { waitUntil: 'load' });
    // Something only this document holds: it must still be there when the marks come.
    await page.evaluate(() => ((window as unknown as { beforeInstall: number }).beforeInstall = 1));
    expect((await marksAndNavigation(page)).marks).toBe(0);
    await launched.browser.installExtension(chromeBuildDir);
    await waitForMarks(page);
    const same = await page.evaluate(() => (window as unknown as { beforeInstall?: number }).beforeInstall);
    expect(same).toBe(1);
    expect((await marksAndNavigation(page)).marks).toBeGreaterThan(0);
  } finally {
    await launched.close();
  }
});

test('a page opened while the service worker is stopped is marked', async () => {
  const launched = await launchWithPuppeteer(true);
  try {
    const page = await launched.browser.newPage();
    await stopExtensionWorker(launched.browser, page);
    await page.goto(server.url(ARTICLE), { waitUntil: 'load' });
    await waitForMarks(page);
    expect((await marksAndNavigation(page)).marks).toBeGreaterThan(0);
  } finally {
    await launched.close();
  }
});
