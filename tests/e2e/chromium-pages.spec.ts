/**
 * Issue 13 items 6 and 7 in Chromium:
 * - with 10 long on-topic articles open, the popup's background knows every tab's state (session
 *   storage keeps only what the popup shows, a few kilobytes a tab);
 * - a page on 127.0.0.1 calling itself "Reuters" (og:site_name) is stored and shown under its real
 *   host, the claimed name kept only as claimed.
 */
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage } from './support/article-page';
import { PopupPage } from './support/popup-page';
import { fixturesDir } from './server.mjs';

const TABS = 10;
/** Each long article: the own-words fixture plus its body repeated to about this many characters. */
const LONG_CHARS = 1_200_000; // 10 tabs: more text than session storage's 10 MB quota

let session: ChromiumSession;
let server: Server;
let base = '';
const fixture = readFileSync(join(fixturesDir, 'ontopic-energy.html'), 'utf8');

/** The fixture article, its paragraphs repeated until the page is long (our own words, on topic). */
function longArticle(n: number): string {
  const paragraphs = [...fixture.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).join('\n');
  const extra = paragraphs.repeat(Math.ceil(LONG_CHARS / paragraphs.length));
  return fixture
    .replace(/<title>/, `<title>Long read ${n}: `)
    .replace('</article>', `<section class="more">${extra}</section></article>`);
}

test.beforeAll(async () => {
  session = await launchChromium();
  await setSettings(session, { dwellMs: 1500 });
  server = createServer((req, res) => {
    const long = /^\/long\/(\d+)$/.exec(req.url ?? '');
    const body = long
      ? longArticle(Number(long[1]))
      : req.url === '/claims-reuters'
        ? fixture
            .replace(/(property="og:site_name" content=")[^"]*"/, '$1Reuters"')
            .replaceAll('hard bargain', 'tough bargain')
        : null;
    if (body === null) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await session?.close();
  await new Promise((done) => server?.close(done));
});

/** Sends a page-protocol message from an extension page, the way @webext-core/messaging does. */
async function ask(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ type, data }) => {
      const chrome = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const reply = (await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message: string };
      };
      if (reply?.err) throw new Error(reply.err.message);
      return reply?.res;
    },
    { type, data },
  );
}

test('the popup knows every open tab’s state with 10 long articles open', async () => {
  test.setTimeout(480_000);
  const pages: Page[] = [];
  for (let i = 0; i < TABS; i++) {
    const page = await session.context.newPage();
    await page.goto(`${base}/long/${i}`, { waitUntil: 'load' });
    pages.push(page);
  }
  for (const page of pages) await new ArticlePage(page).waitForMarksInPlace(120_000);

  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup.html'));
  const tabs = (await popup.evaluate(async () => {
    const chrome = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
    ).chrome;
    return (await chrome.tabs.query({})).map((t) => t.id);
  })) as number[];
  const states: { url: string; related: boolean; experts: number }[] = [];
  for (const tabId of tabs) {
    const info = (await ask(popup, 'getCurrentPage', { tabId })) as {
      url: string;
      related: boolean;
      analysis: { experts: unknown[]; article: unknown } | null;
    } | null;
    if (info?.url.includes('/long/'))
      states.push({ url: info.url, related: info.related, experts: info.analysis?.experts.length ?? 0 });
  }
  expect(states.map((s) => s.url).sort()).toEqual(pages.map((p) => p.url()).sort());
  for (const s of states) {
    expect(s.related, s.url).toBe(true);
    expect(s.experts, s.url).toBeGreaterThan(0);
  }
  // What session storage holds per tab is small: no article text.
  const bytes = (await popup.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { storage: { session: { getBytesInUse(k: null): Promise<number> } } };
      }
    ).chrome.storage.session.getBytesInUse(null),
  )) as number;
  expect(bytes).toBeLessThan(TABS * 20_000);
  for (const page of pages) await page.close();
  await popup.close();
});

test('a page on 127.0.0.1 claiming to be "Reuters" is stored and shown under its real host', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(`${base}/claims-reuters`);
  await article.waitForMarksInPlace();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  const row = popup.row(/tough bargain/);
  await expect
    .poll(
      async () => {
        await popup.open();
        return row.count();
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);
  await expect(row).toContainText('127.0.0.1');
  const stored = (await popup.page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error);
      });
    const out: { url: string; site: string; claimedSite?: string }[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await request(indexedDB.open(info.name!));
      if (db.objectStoreNames.contains('articles')) {
        const all = await request(db.transaction('articles').objectStore('articles').getAll());
        out.push(...(all as { url: string; site: string; claimedSite?: string }[]));
      }
      db.close();
    }
    return out
      .filter((r) => r.url.endsWith('/claims-reuters'))
      .map((r) => ({ site: r.site, claimedSite: r.claimedSite }));
  })) as { site: string; claimedSite?: string }[];
  expect(stored).toEqual([{ site: '127.0.0.1', claimedSite: 'Reuters' }]);
  await page.close();
  await popup.page.close();
});
