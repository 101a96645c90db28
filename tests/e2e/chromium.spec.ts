/**
 * The built extension in real Chromium on the seed article, a second article on the topic and a
 * hostile page: marks, cards by hover and keyboard, history in the popup, accessibility.
 */
import { expect, test } from '@playwright/test';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage, HOST, MARK } from './support/article-page';
import { PopupPage } from './support/popup-page';

const SEED_TITLE = 'Can the US pry Russia away from China?';
const SEED_EXPERTS = ['alexander-gabuev', 'ali-wyne', 'charles-hecker', 'vasily-gatov'];
const NOT_EXPERTS = [
  'Trump',
  'Putin',
  'Xi Jinping',
  'Biden',
  'Dana Whitfield',
  'Whitfield',
  'Martin Kowalski',
  'Priya Raman',
];

let session: ChromiumSession;

test.beforeAll(async () => {
  session = await launchChromium();
  // Count an article as read quickly; everything else stays at its defaults.
  await setSettings(session, { dwellMs: 1500 });
});

test.afterAll(async () => {
  await session?.close();
});

function seedUrl(): string {
  return session.server.url('/seed-article.html');
}

/** Reads the seed article to the end and waits until the popup lists it; returns the open popup. */
async function readSeedIntoHistory(): Promise<PopupPage> {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  await popup.waitForRow(SEED_TITLE);
  await page.close();
  return popup;
}

test('seed article: exactly its four experts are marked, at every mention, in the article body only', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();

  const marks = await article.markInfo();
  expect([...new Set(marks.map((m) => m.expert))].sort()).toEqual(SEED_EXPERTS);
  // The page learns nothing from its own performance timeline: no entries of ours.
  expect(await article.extensionPerfEntries()).toEqual([]);
  expect(marks.filter((m) => m.forbiddenContainer)).toEqual([]);
  for (const name of NOT_EXPERTS) {
    expect(
      marks.filter((m) => m.text.includes(name)),
      `${name} must not be marked`,
    ).toEqual([]);
  }

  // Every mention, in document order: the split <strong>Charles</strong> Hecker, surnames later on.
  const textOf = (id: string) =>
    marks
      .filter((m) => m.expert === id)
      .map((m) => m.text.trim())
      .join(' ');
  expect(textOf('charles-hecker')).toBe('Charles Hecker Hecker');
  expect(textOf('vasily-gatov')).toBe('Vasily Gatov Gatov');
  expect(textOf('alexander-gabuev')).toBe('Alexander Gabuev');
  expect(textOf('ali-wyne')).toBe('Ali Wyne');
  expect(marks.find((m) => m.text.trim() === 'Charles')?.ancestors[0]).toBe('strong');

  // One focusable mark (role=button) per mention.
  const focusable = (id: string) => marks.filter((m) => m.expert === id && m.focusable);
  expect(focusable('charles-hecker')).toHaveLength(2);
  expect(focusable('vasily-gatov')).toHaveLength(2);
  // Inside a link the link stays the one stop (tests/e2e/chromium-card.spec.ts opens its card).
  expect(focusable('alexander-gabuev')).toHaveLength(0);
  expect(focusable('ali-wyne')).toHaveLength(1);
  expect(marks.filter((m) => m.focusable).every((m) => m.role === 'button')).toBe(true);

  // The link around Alexander Gabuev is intact and still holds the whole name.
  const link = page.locator('a[href="https://example.org/experts/alexander-gabuev"]');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('Alexander Gabuev');
  expect(
    await link.evaluate(
      (a, tag) => Boolean(a.querySelector(`${tag}[data-tl-expert="alexander-gabuev"]`) || a.closest(tag)),
      MARK,
    ),
  ).toBe(true);

  // Marks change no text: the article reads exactly as served.
  const served = await (await fetch(seedUrl())).text();
  const sameText = await page.evaluate((html) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const original = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
    return norm(original?.textContent) === norm(document.querySelector('article')?.textContent);
  }, served);
  expect(sameText).toBe(true);
  await page.close();
});

test('seed article: hovering a mark opens the card with name and organisation; Escape and leaving close it', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();

  await article.marks('alexander-gabuev').first().hover();
  await article.expectCardFor('Alexander Gabuev', 'Carnegie Russia Eurasia Center');
  await expect(page.locator(HOST)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await article.expectNoCard();

  await article.marks('ali-wyne').first().hover();
  await article.expectCardFor('Ali Wyne', 'International Crisis Group');
  await page.mouse.move(5, 5);
  await page.mouse.move(2, 2);
  await article.expectNoCard();
  await page.close();
});

test('seed article: Tab reaches a mark, Enter opens its card; Escape closes it', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();

  const first = await article.tabToFirstMark();
  expect(first).toBe('charles-hecker');
  await page.keyboard.press('Enter');
  await article.expectCardFor('Charles Hecker');
  await page.keyboard.press('Escape');
  await article.expectNoCard();
  await page.close();
});

test('second article on the topic: its analysts are marked, not its leaders, byline or commenters', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(session.server.url('/e2e/ontopic-energy.html'));
  await article.waitForMarksInPlace();
  const marks = await article.markInfo();
  expect([...new Set(marks.map((m) => m.expert))].sort()).toEqual(['ingrid-solberg', 'rahul-menon']);
  expect(marks.filter((m) => m.forbiddenContainer)).toEqual([]);
  for (const name of ['Putin', 'Xi', 'Castellanos', 'Greta', 'Okoye']) {
    expect(marks.filter((m) => m.text.includes(name))).toEqual([]);
  }
  await article.marks('rahul-menon').first().hover();
  await article.expectCardFor('Rahul Menon', 'Meridian Commodities Research');
  await page.close();
});

test('hostile page: no error from the extension, markup-looking text stays text, rewrites are not double-marked', async () => {
  const page = await session.context.newPage();
  const pageErrors: string[] = [];
  const extensionConsoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /chrome-extension:|triangle/i.test(`${m.location().url} ${m.text()}`)) {
      extensionConsoleErrors.push(m.text());
    }
  });
  const article = new ArticlePage(page);
  await article.open(session.server.url('/e2e/hostile.html'));
  // The page is on the topic, but it may legitimately be judged otherwise: marks are not required.
  await article.waitForMarksInPlace(10_000).catch(() => {});
  await page.waitForTimeout(3500); // let the page rewrite its paragraph a few times

  const ownErrors = [/boom at load/, /notAFunctionAnywhere/];
  expect(pageErrors.filter((m) => !ownErrors.some((re) => re.test(m)))).toEqual([]);
  expect(extensionConsoleErrors).toEqual([]);

  const state = await page.evaluate(
    ({ mark, host }) => {
      const shadow = document.querySelector(host)?.shadowRoot;
      const active = (root: ParentNode | null | undefined) =>
        root ? root.querySelectorAll('img, script, svg, iframe, [onerror], [onload]').length : 0;
      return {
        pwned: (window as unknown as { __tlPwned?: unknown }).__tlPwned ?? null,
        ticks: (window as unknown as { __tlTicks: number }).__tlTicks,
        activeInArticle: active(document.querySelector('article')),
        activeInCard: active(shadow),
        nestedMarks: document.querySelectorAll(`${mark} ${mark}`).length,
        marksInLiveQuote: document.querySelectorAll(`#live-quote ${mark}`).length,
      };
    },
    { mark: MARK, host: HOST },
  );
  state.activeInCard = (await article.cardView()).active; // the root is closed: read over the protocol
  expect(state.pwned).toBeNull();
  expect(state.ticks).toBeGreaterThanOrEqual(3); // the page's own script kept running
  expect(state.activeInArticle).toBe(0);
  expect(state.activeInCard).toBe(0);
  expect(state.nestedMarks).toBe(0);
  expect(state.marksInLiveQuote).toBeLessThanOrEqual(2); // "Jonas Berg": at most one mark per word

  const first = article.marks().first();
  if ((await article.marks().count()) > 0) {
    await first.hover();
    await expect.poll(async () => (await article.cardView()).rect).not.toBeNull();
    const cardState = {
      active: (await article.cardView()).active,
      pwned: await page.evaluate(() => (window as unknown as { __tlPwned?: unknown }).__tlPwned ?? null),
    };
    expect(cardState).toEqual({ active: 0, pwned: null });
  }
  await page.close();
});

test('the seed article lands in the popup history; search, experts view, delete', async () => {
  const popup = await readSeedIntoHistory();
  await expect(popup.row(SEED_TITLE)).toHaveCount(1);

  await popup.search().fill('Gabuev');
  await expect(popup.row(SEED_TITLE)).toHaveCount(1);
  await popup.search().fill('no such words anywhere zq');
  await expect(popup.rows()).toHaveCount(0);
  await popup.search().fill('');

  const experts = await popup.openExperts();
  for (const name of ['Charles Hecker', 'Vasily Gatov', 'Alexander Gabuev', 'Ali Wyne']) {
    await expect(experts.filter({ hasText: name })).toHaveCount(1);
  }
  for (const name of ['Trump', 'Putin', 'Dana Whitfield', 'Martin Kowalski']) {
    await expect(experts.filter({ hasText: name })).toHaveCount(0);
  }
  await popup.page.close();
});

test('the popup passes axe-core with no serious or critical violations (history and experts views)', async () => {
  const popup = await readSeedIntoHistory();
  expect(await popup.seriousA11yViolations()).toEqual([]);
  await popup.openExperts();
  expect(await popup.seriousA11yViolations()).toEqual([]);
  await popup.page.close();
});

test('export → clear (confirmed) → import gives the history back; delete removes one article', async () => {
  const popup = await readSeedIntoHistory();
  const page = popup.page;

  await page.getByTestId('data-tab').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await downloading).path();
  expect(file).toBeTruthy();

  await page.getByTestId('clear-history').click();
  await page.getByTestId('confirm-clear').click();
  await page.getByTestId('history-tab').click();
  await expect(popup.rows()).toHaveCount(0);
  await expect(await popup.openExperts()).toHaveCount(0);

  await page.getByTestId('data-tab').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('data-status')).toHaveText(/\S/, { timeout: 15_000 });
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await page.getByTestId('history-tab').click();
  await expect(popup.row(SEED_TITLE)).toHaveCount(1, { timeout: 15_000 });
  const experts = await popup.openExperts();
  for (const name of ['Charles Hecker', 'Vasily Gatov', 'Alexander Gabuev', 'Ali Wyne']) {
    await expect(experts.filter({ hasText: name })).toHaveCount(1);
  }

  await page.getByTestId('history-tab').click();
  await popup.row(SEED_TITLE).getByTestId('delete-article').click();
  await expect(popup.row(SEED_TITLE)).toHaveCount(0);
  await page.close();
});
