/**
 * Chromium launched the ways a reader meets the extension at start-up, driven with puppeteer-core
 * (which can install an extension into a running browser): as `npm start` does (a fresh profile,
 * the extension on the command line, the article as the start URL), or without the extension, which
 * is then installed into the running browser.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeBuildDir, chromiumPath } from './chromium';
// @ts-expect-error a plain ES module of the start script, without types
import { chromiumArgs } from '../../../scripts/demo/launch.mjs';

export const MARK = 'triangle-lens-mark';
const HEADLESS = ['--headless=new', '--disable-gpu', '--disable-quic'];

function requireBrowserAndBuild(): void {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: set CHROMIUM_PATH.`);
  if (!existsSync(join(chromeBuildDir, 'manifest.json')))
    throw new Error(`No Chrome build at ${chromeBuildDir}: run \`npm run build\` first.`);
}

export interface Launched {
  browser: Browser;
  close(): Promise<void>;
}

/** `npm start`'s own command line (scripts/demo/launch.mjs), headless, with a debugging port. */
export async function launchLikeNpmStart(url: string): Promise<Launched> {
  requireBrowserAndBuild();
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-start-'));
  const args: string[] = chromiumArgs({
    extensionDir: chromeBuildDir,
    profileDir: profile,
    url,
    extra: [...HEADLESS, '--remote-debugging-port=0'],
  });
  const child: ChildProcess = spawn(chromiumPath, args, { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 20_000;
  while (!(existsSync(portFile) && readFileSync(portFile, 'utf8').includes('\n'))) {
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('Chromium did not open its debugging port');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const [port, path] = readFileSync(portFile, 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}` });
  return {
    browser,
    async close() {
      const exited = new Promise((done) => child.once('exit', done));
      await browser.close().catch(() => {});
      if (child.exitCode === null) {
        child.kill();
        await exited;
      }
      await removeProfile(profile);
    },
  };
}

/** Removes a profile; Chromium's helper processes may still write into it for a moment after exit. */
async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Chromium over a pipe, with extensions enabled; `withExtension: false` starts it without ours. */
export async function launchWithPuppeteer(withExtension: boolean): Promise<Launched> {
  requireBrowserAndBuild();
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-pptr-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    enableExtensions: withExtension ? [chromeBuildDir] : true,
    userDataDir: profile,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      await removeProfile(profile);
    },
  };
}

/** The open tab showing `url`, once it is there. */
export async function findPage(browser: Browser, url: string, timeout = 20_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const page = (await browser.pages()).find((p) => p.url().startsWith(url));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`no tab with ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How the page's document came to be ("navigate", "reload", …) and how many marks it holds. */
export async function marksAndNavigation(page: Page): Promise<{ marks: number; navigation: string }> {
  return page.evaluate((tag) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { marks: document.querySelectorAll(tag).length, navigation: nav?.type ?? 'unknown' };
  }, MARK);
}

const isExtensionWorker = (t: { type(): string; url(): string }) =>
  t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');

/**
 * Stops every service worker, the extension's included, the way the browser does when idle, and
 * waits until the extension's worker is gone (asking again if it is not: under load a stop sent while
 * the worker was still starting was followed by the worker running again).
 */
export async function stopExtensionWorker(browser: Browser, page: Page): Promise<void> {
  await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
  // The browser stops a worker once it is idle, not while it starts (under load, workers stopped right
  // after they appeared kept running in 2 of 16 runs, even after 3 stops). Let it finish starting
  // first: its warm-up creates the offscreen document, the last thing it does.
  await browser.waitForTarget(
    (t) => t.url().startsWith('chrome-extension://') && t.url().endsWith('/offscreen.html'),
    {
      timeout: 20_000,
    },
  );
  await new Promise((r) => setTimeout(r, 1000));
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  try {
    for (let attempt = 1; ; attempt++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 5_000;
      while (browser.targets().some(isExtensionWorker) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      if (!browser.targets().some(isExtensionWorker)) return;
      if (attempt === 3) throw new Error('the extension service worker did not stop (3 tries)');
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * What the extension's stages left in the page's isolated world (for a failure message): whether the
 * gate runs, whether the lens was injected, whether a verdict was handed over.
 */
export async function stagesInPage(page: Page): Promise<string> {
  const cdp = await page.createCDPSession();
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  try {
    await cdp.send('Runtime.enable');
    const ours = contexts.filter(
      (c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
    );
    if (!ours.length) return 'no isolated world of the extension in the page (the gate never ran)';
    const states: string[] = [];
    for (const c of ours) {
      const r = await cdp.send('Runtime.evaluate', {
        contextId: c.id,
        returnByValue: true,
        expression: `(() => { const g = globalThis; const b = g.__triangleLensBridge;
          return 'gate ' + (g.__triangleLensGate ? 'running' : 'absent') + ', lens ' + (b?.refresh ? 'injected' : 'absent') +
            ', verdict ' + (!b ? 'none' : b.analysis ? 'on topic' : 'not on topic or not yet'); })()`,
      });
      states.push(String(r.result.value));
    }
    return states.join('; ');
  } catch (err) {
    return `could not read the page's isolated world: ${String(err)}`;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Waits for the page's first mark; if none comes, fails saying which stage stopped short. */
export async function waitForMarks(page: Page, timeout = 30_000): Promise<void> {
  const marked = await page.waitForSelector(MARK, { timeout }).then(
    () => true,
    () => false,
  );
  if (!marked) throw new Error(`no marks in ${timeout / 1000} s: ${await stagesInPage(page)}`);
}
