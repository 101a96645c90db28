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
