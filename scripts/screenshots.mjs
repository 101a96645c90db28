#!/usr/bin/env node
/**
 * README screenshots from the real extension: the built Chrome extension (.output/chrome-mv3) in
 * Chromium reads the in-repo seed article (tests/fixtures/seed, invented people), and the script
 * photographs the expert card on the page and every popup view at the real popup size (400×600).
 *
 *   npm run screenshots            (builds first; writes scripts/screenshots/*.png)
 *   node scripts/screenshots.mjs   (uses the existing build)
 *   CHROMIUM_PATH=…  TL_OUTPUT_DIR=…  TL_SCREENSHOTS_DIR=…
 *
 * Nothing leaves the machine: the page is served on 127.0.0.1 and the browser sits behind no network.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startServer } from '../tests/e2e/server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const buildDir = join(process.env.TL_OUTPUT_DIR || join(repoRoot, '.output'), 'chrome-mv3');
const outDir = process.env.TL_SCREENSHOTS_DIR || join(repoRoot, 'scripts', 'screenshots');
const MARK = 'triangle-lens-mark';
const POPUP = { width: 400, height: 600 };

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

if (!existsSync(chromiumPath))
  fail(`Chromium not found at ${chromiumPath} (install it, or set CHROMIUM_PATH)`);
if (!existsSync(join(buildDir, 'manifest.json')))
  fail(`no build at ${buildDir} (run \`npm run build\` first)`);
mkdirSync(outDir, { recursive: true });

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'tl-screenshots-'));
const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
  args: [
    `--disable-extensions-except=${buildDir}`,
    `--load-extension=${buildDir}`,
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // No network beyond the local server: every other request fails at once.
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=127.0.0.1',
  ],
});
const written = [];

async function shoot(page, name, options = {}) {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  written.push(file);
}

/**
 * Waits until the card is open. It lives in a closed shadow root, which no page script can enter:
 * the DevTools protocol (the driver's privilege, not the page's) can, as in tests/e2e/support/closed-card.ts.
 */
async function waitForCard(page) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 100; i++) {
    const host = await cdp.send('Runtime.evaluate', {
      expression: "document.querySelector('triangle-lens-ui')",
    });
    if (host.result.objectId) {
      const { node } = await cdp.send('DOM.describeNode', {
        objectId: host.result.objectId,
        depth: -1,
        pierce: true,
      });
      const has = (n) =>
        (n.attributes ?? []).some(
          (a, j, all) => j % 2 === 1 && all[j - 1] === 'data-testid' && a === 'tl-card-name',
        ) || [...(n.children ?? []), ...(n.shadowRoots ?? [])].some(has);
      if (has(node)) return cdp.detach();
    }
    await page.waitForTimeout(100);
  }
  await cdp.detach();
  throw new Error('the card did not open');
}

try {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionUrl = (path) => `chrome-extension://${new URL(worker.url()).host}/${path}`;

  // Count an article as read after a second and a half (the default waits longer).
  const setup = await context.newPage();
  await setup.goto(extensionUrl('popup.html'));
  await setup.evaluate(async () => {
    const storage = globalThis.chrome.storage.local;
    const current = (await storage.get('settings')).settings ?? {};
    await storage.set({ settings: { ...current, dwellMs: 1500 } });
  });

  // The article with its marks, and the card of the expert whose name is a link.
  const article = await context.newPage();
  const articleUrl = server.url('/seed-article.html');
  await article.goto(articleUrl, { waitUntil: 'load' });
  await article.locator(MARK).first().waitFor({ state: 'attached', timeout: 20_000 });
  const mark = article.locator(`${MARK}[data-tl-expert="oleg-marchetti"]`).first();
  await mark.scrollIntoViewIfNeeded();
  await article.evaluate(() => window.scrollBy(0, 250));
  await mark.hover();
  await waitForCard(article);
  await article.waitForTimeout(600); // let the card's opening transition finish
  // The article column around the mark and its card (the card may sit above or below the name).
  const box = await mark.boundingBox();
  const top = Math.max(0, Math.round((box?.y ?? 0) - 330));
  await shoot(article, 'card', { clip: { x: 0, y: top, width: 740, height: Math.min(900 - top, 680) } });

  // Read to the end so the article counts, then wait until the history has it.
  await article.mouse.move(5, 5);
  await article.keyboard.press('Escape');
  await article.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await article.waitForTimeout(2500);

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP);
  const tabId = await setup.evaluate(
    async (url) => (await globalThis.chrome.tabs.query({ url }))[0]?.id ?? 0,
    articleUrl,
  );
  const popupUrl = extensionUrl(`popup.html?tabId=${tabId}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    await popup.goto(popupUrl);
    await popup.getByTestId('history-search').waitFor({ timeout: 15_000 });
    if ((await popup.getByTestId('history-row').count()) > 0) break;
    await popup.waitForTimeout(1000);
  }
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup-history');

  await popup.locator('.tl-why summary').click();
  await shoot(popup, 'popup-why');
  await popup.locator('.tl-why summary').click();

  await popup.getByTestId('experts-tab').click();
  await popup.getByTestId('expert-row').first().waitFor({ timeout: 10_000 });
  await shoot(popup, 'popup-experts');
  await popup.getByTestId('expert-row').first().getByRole('button').first().click();
  await popup.getByTestId('said-sentence').first().waitFor({ timeout: 10_000 });
  await shoot(popup, 'popup-expert');

  await popup.getByTestId('trends-tab').click();
  await popup.waitForTimeout(500);
  await shoot(popup, 'popup-trends');

  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByTestId('history-tab').click();
  await popup.getByTestId('history-row').first().waitFor({ timeout: 10_000 });
  await shoot(popup, 'popup-history-dark');

  const options = await context.newPage();
  await options.setViewportSize({ width: 700, height: 800 });
  await options.goto(extensionUrl('options.html'));
  await options.waitForTimeout(500);
  await shoot(options, 'options', { fullPage: true });
} finally {
  await context.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const file of written) console.log(`wrote ${file.slice(repoRoot.length + 1)}`);
