/**
 * Launches real Chromium with the built extension (.output/chrome-mv3) in a fresh profile, behind
 * a refusing proxy, and serves the fixture pages on 127.0.0.1.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startServer, type FixtureServer } from '../server.mjs';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
/** The built extensions; TL_OUTPUT_DIR points elsewhere (e.g. a build of another checkout). */
export const outputDir = process.env.TL_OUTPUT_DIR || join(repoRoot, '.output');
export const chromeBuildDir = join(outputDir, 'chrome-mv3');

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  proxy: RefusingProxy;
  /** Where the NetLog is written when `netLog` was asked for (complete only after close()). */
  netLogPath: string | null;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** Shuts the browser down (the NetLog is complete after this) but keeps the profile on disk. */
  closeBrowser(): Promise<void>;
  /** Shuts everything down and removes the profile. */
  close(): Promise<void>;
}

export async function launchChromium(options: { netLog?: boolean } = {}): Promise<ChromiumSession> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(chromeBuildDir, 'manifest.json'))) {
    throw new Error(`No Chrome build at ${chromeBuildDir}: run \`npm run build\` first.`);
  }
  const server = await startServer();
  const proxy = await startRefusingProxy();
  const profile = mkdtempSync(join(tmpdir(), 'tl-e2e-chromium-'));
  const netLogPath = options.netLog ? join(profile, 'netlog.json') : null;
  const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${chromeBuildDir}`,
      `--load-extension=${chromeBuildDir}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--proxy-server=http://${proxy.address}`,
      ...(netLogPath ? [`--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'] : []),
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    server,
    proxy,
    netLogPath,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async closeBrowser() {
      await context.close().catch(() => {});
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      await proxy.close();
      if (!process.env.TL_KEEP_PROFILE) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Merges `overrides` into the extension's settings (storage key "local:settings") from one of its pages. */
export async function setSettings(
  session: ChromiumSession,
  overrides: Record<string, unknown>,
): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('popup.html'));
    await page.evaluate(async (o) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: ChromeLocalStorage } } }).chrome
        .storage.local;
      const current = ((await storage.get('settings')).settings ?? {}) as Record<string, unknown>;
      await storage.set({ settings: { ...current, ...o } });
    }, overrides);
  } finally {
    await page.close();
  }
}

interface ChromeLocalStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Counts the records in every IndexedDB object store of the extension's origin, read from one of
 * its pages: `{ "<db>/<store>": count }`.
 */
export async function countStoredRecords(session: ChromiumSession): Promise<Record<string, number>> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('popup.html'));
    return await countRecordsInPage(page);
  } finally {
    await page.close();
  }
}

export async function countRecordsInPage(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error);
      });
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${info.name}/${store}`] = await request(db.transaction(store).objectStore(store).count());
      }
      db.close();
    }
    return out;
  });
}
