/**
 * Nothing leaves the machine: Chromium writes a NetLog of every URL request while the extension
 * reads the fixture pages and the popup is used. Afterwards no request may have been initiated by
 * the extension (service worker, offscreen document, popup: initiator chrome-extension://<id>)
 * to anything but its own files, and no page request may have gone anywhere but 127.0.0.1.
 * Chromium's own background requests ("not an origin") are listed for the record only; a refusing
 * proxy makes sure none of them leaves either.
 */
import { expect, test } from '@playwright/test';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage } from './support/article-page';
import { PopupPage } from './support/popup-page';
import { readNetLog } from './support/net-log';

const PAGES = [
  '/seed-article.html',
  '/e2e/ontopic-energy.html',
  '/e2e/offtopic-news.html',
  '/e2e/hostile.html',
];
// Only our own fixture pages: they load nothing from elsewhere, so any request that leaves
// 127.0.0.1 from a page can only come from the extension's content script.

let session: ChromiumSession;
const navigations: string[] = [];

test.beforeAll(async () => {
  session = await launchChromium({ netLog: true });
  session.context.on('page', (p) =>
    p.on('framenavigated', (f) => {
      if (f === p.mainFrame()) navigations.push(f.url());
    }),
  );
  await setSettings(session, { dwellMs: 1000 });
});

test.afterAll(async () => {
  await session?.close();
});

test('reading the fixtures and using the popup makes no network request outside the machine', async () => {
  for (const path of PAGES) {
    const page = new ArticlePage(await session.context.newPage());
    await page.open(session.server.url(path));
    await page.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.page.waitForTimeout(2500);
    await page.page.close();
  }

  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  await popup.open();
  await popup.search().fill('sanctions');
  await popup.page.waitForTimeout(500);
  await popup.search().fill('');
  await popup.page
    .getByTestId('experts-tab')
    .click({ timeout: 5000 })
    .catch(() => {});
  await popup.page.waitForTimeout(1000);
  await popup.page.close();

  // The NetLog is complete once the browser has shut down.
  const netLogPath = session.netLogPath!;
  const proxyLog = [...session.proxy.log];
  await session.closeBrowser();

  const requests = readNetLog(netLogPath);
  const ext = `chrome-extension://${session.extensionId}`;
  const local = (url: string) => {
    const u = new URL(url);
    return (
      u.hostname === '127.0.0.1' || ['chrome-extension:', 'data:', 'blob:', 'about:'].includes(u.protocol)
    );
  };
  const fromExtension = requests.filter((r) => r.initiator === ext && !r.url.startsWith(ext + '/'));
  const fromPages = requests.filter(
    (r) => r.initiator !== 'not an origin' && r.initiator !== ext && !local(r.url),
  );
  const browserOwn = requests.filter((r) => r.initiator === 'not an origin' && !local(r.url));
  test.info().annotations.push({
    type: 'network',
    description: `${requests.length} requests logged; browser's own (not the extension): ${
      browserOwn.map((r) => new URL(r.url).host).join(', ') || 'none'
    }; proxy refused: ${proxyLog.length}`,
  });

  expect(requests.length, 'the NetLog recorded the fixture pages').toBeGreaterThan(PAGES.length - 1);
  expect(fromExtension).toEqual([]);
  expect(fromPages).toEqual([]);
  expect(navigations.filter((url) => !local(url))).toEqual([]);
});
