/**
 * Pages off the topic, in a fresh profile: nothing is marked, no card host is added, nothing is
 * stored — an ordinary news story that quotes an expert, and a few real pages from Readability's test suite (tests/fixtures/readability-pages).
 */
import { expect, test } from '@playwright/test';
import { countStoredRecords, launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage, HOST, MARK } from './support/article-page';
import { PopupPage } from './support/popup-page';

const SHARED_PAGES = ['nytimes-1', 'bbc-1', 'wikipedia', 'guardian-1', 'medium-1'];

let session: ChromiumSession;

test.beforeAll(async () => {
  session = await launchChromium();
  await setSettings(session, { dwellMs: 500 });
});

test.afterAll(async () => {
  await session?.close();
});

async function readAndWait(page: ArticlePage, url: string): Promise<void> {
  await page.open(url);
  await page.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Well past the lowered dwell time and the verdict (the installed build says nothing to the page).
  await page.page.waitForTimeout(2500);
}

test('an everyday news story quoting an expert: no marks, no card host, nothing stored', async () => {
  const page = new ArticlePage(await session.context.newPage());
  await readAndWait(page, session.server.url('/e2e/offtopic-news.html'));
  await expect(page.page.locator(MARK)).toHaveCount(0);
  await expect(page.page.locator(HOST)).toHaveCount(0);
  await page.page.close();
});

for (const slug of SHARED_PAGES) {
  test(`real page ${slug} (Readability test page): no marks, no card host`, async () => {
    const page = new ArticlePage(await session.context.newPage());
    await readAndWait(page, session.server.url(`/corpus/${slug}/`));
    await expect(page.page.locator(MARK)).toHaveCount(0);
    await expect(page.page.locator(HOST)).toHaveCount(0);
    await page.page.close();
  });
}

test('after reading only off-topic pages, history is empty', async () => {
  // Usually the pages above were read in this profile already; read one more so this test stands alone.
  const page = new ArticlePage(await session.context.newPage());
  await readAndWait(page, session.server.url('/e2e/offtopic-news.html'));
  await page.page.close();

  const counts = await countStoredRecords(session);
  const history = Object.entries(counts).filter(([store]) => /article|expert|histor|read|visit/i.test(store));
  expect(history.filter(([, n]) => n > 0)).toEqual([]);

  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  await popup.open();
  await popup.page.waitForTimeout(1000);
  await expect(popup.rows()).toHaveCount(0);
  await popup.page.close();
});
