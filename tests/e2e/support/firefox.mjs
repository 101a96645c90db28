/**
 * Launches stock Firefox ESR over WebDriver BiDi (puppeteer-core) with the built Firefox extension
 * installed as a temporary add-on, at a fixed moz-extension:// UUID, and serves the fixture pages.
 */
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer } from '../server.mjs';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const firefoxBuildDir = join(process.env.TL_OUTPUT_DIR || join(repoRoot, '.output'), 'firefox-mv3');
export const GECKO_ID = 'triangle-lens@triangle-lens.dev';
export const EXTENSION_UUID = '5d1f0c2a-7b3e-4c55-9a1d-2e6f8b7c9a10';

/**
 * @param {{ install?: boolean, startUrls?: string[], prefs?: Record<string, unknown> }} [options]
 *   install: false starts Firefox without the add-on (install it later with `installExtension()`);
 *   startUrls: pages Firefox opens at start; prefs: extra preferences.
 */
export async function launchFirefox({ install = true, startUrls = [], prefs = {} } = {}) {
  if (!existsSync(firefoxPath)) {
    throw new Error(`Firefox not found at ${firefoxPath}: install Debian's firefox-esr or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(firefoxBuildDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${firefoxBuildDir}: run \`npm run build\` first.`);
  }
  const server = await startServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    args: ['--remote-allow-system-access', ...startUrls], // lets the tests open moz-extension:// pages
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Keep the browser offline apart from the fixture server.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      ...prefs,
    },
  });
  if (install) await browser.installExtension(firefoxBuildDir);
  const extensionUrl = (path) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  /**
   * Opens an extension page; its navigation promise never settles over BiDi, so it is not awaited.
   * A check that runs while the page is still navigating can fail with a protocol error from
   * Firefox's remote agent: it is tried again until the deadline.
   */
  async function openExtensionPage(path, readySelector) {
    const page = await browser.newPage();
    page.goto(extensionUrl(path)).catch(() => {});
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
        return page;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  }

  return {
    browser,
    server,
    /** Installs the add-on into the running browser (after `launchFirefox({ install: false })`). */
    installExtension: () => browser.installExtension(firefoxBuildDir),
    extensionUrl,
    openExtensionPage,
    /** Merges `overrides` into the extension's settings (storage key "local:settings"). */
    async setSettings(overrides) {
      const page = await openExtensionPage('popup.html', 'body');
      try {
        await page.evaluate(async (o) => {
          const current = (await browser.storage.local.get('settings')).settings ?? {};
          await browser.storage.local.set({ settings: { ...current, ...o } });
        }, overrides);
      } finally {
        await page.close();
      }
    },
    /** `{ "<db>/<store>": count }` for every IndexedDB store of the extension's origin. */
    async countStoredRecords() {
      const page = await openExtensionPage('popup.html', 'body');
      try {
        return await page.evaluate(async () => {
          const out = {};
          const request = (r) =>
            new Promise((done, fail) => {
              r.onsuccess = () => done(r.result);
              r.onerror = () => fail(r.error);
            });
          for (const info of await indexedDB.databases()) {
            const db = await request(indexedDB.open(info.name));
            for (const store of Array.from(db.objectStoreNames)) {
              out[`${info.name}/${store}`] = await request(db.transaction(store).objectStore(store).count());
            }
            db.close();
          }
          return out;
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
