/**
 * The built extension in real Chromium on the seed article, a second article on the topic and a
 * hostile page: marks, cards by hover and keyboard, history in the popup, accessibility.
 */
import { expect, test } from '@playwright/test';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage, HOST, MARK } from './support/article-page';
import { PopupPage } from './support/popup-page';
import { SEED, SHARED_SEED, SHARED_SKIP_REASON, type SeedPage } from './support/seed.mjs';

let session: ChromiumSession;

test.beforeAll(async () => {
  session = await launchChromium();
  // Count an article as read quickly; everything else stays at its defaults.
  await setSettings(session, { dwellMs: 1500 });
});

test.afterAll(async () => {
  await session?.close();
});

function seedUrl(seed: SeedPage = SEED): string {
  return session.server.url(seed.path);
}

/** Reads the seed article to the end and waits until the popup lists it; returns the open popup. */
async function readSeedIntoHistory(): Promise<PopupPage> {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  await popup.waitForRow(SEED.title);
  await page.close();
  return popup;
}

for (const seed of [SEED, SHARED_SEED]) {
  const name = seed === SEED ? 'seed article' : 'original seed article (../shared)';
  test(`${name}: exactly its four experts are marked, at every mention, in the article body only`, async () => {
    test.skip(!seed.present, SHARED_SKIP_REASON);
    const page = await session.context.newPage();
    const article = new ArticlePage(page);
    await article.open(seedUrl(seed));
    await article.waitForMarksInPlace();

    const marks = await article.markInfo();
    expect([...new Set(marks.map((m) => m.expert))].sort()).toEqual(seed.experts.map((e) => e.id));
    // The page learns nothing from its own performance timeline: no entries of ours.
    expect(await article.extensionPerfEntries()).toEqual([]);
    expect(marks.filter((m) => m.forbiddenContainer)).toEqual([]);
    for (const name of seed.notExperts) {
      expect(
        marks.filter((m) => m.text.includes(name)),
        `${name} must not be marked`,
      ).toEqual([]);
    }

    // Every mention, in document order: the split <strong>First</strong> Surname, surnames later on.
    const textOf = (id: string) =>
      marks
        .filter((m) => m.expert === id)
        .map((m) => m.text.trim())
        .join(' ');
    for (const e of seed.experts) expect(textOf(e.id), e.name).toBe(e.marks);
    expect(marks.find((m) => m.text.trim() === seed.split.first)?.ancestors[0]).toBe('strong');

    // One focusable mark (role=button) per mention outside a link; inside a link the link stays
    // the one stop (tests/e2e/chromium-card.spec.ts opens its card).
    const focusable = (id: string) => marks.filter((m) => m.expert === id && m.focusable);
    for (const e of seed.experts) expect(focusable(e.id), e.name).toHaveLength(e.focusable);
    expect(marks.filter((m) => m.focusable).every((m) => m.role === 'button')).toBe(true);

    // The link around the linked expert is intact and still holds the whole name.
    const link = page.locator(`a[href="${seed.linked.href}"]`);
    await expect(link).toHaveCount(1);
    await expect(link).toHaveText(seed.linked.name);
    expect(
      await link.evaluate(
        (a, { tag, id }) => Boolean(a.querySelector(`${tag}[data-tl-expert="${id}"]`) || a.closest(tag)),
        { tag: MARK, id: seed.linked.id },
      ),
    ).toBe(true);

    // Marks change no text: the article reads exactly as served.
    const served = await (await fetch(seedUrl(seed))).text();
    const sameText = await page.evaluate((html) => {
      const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const original = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
      return norm(original?.textContent) === norm(document.querySelector('article')?.textContent);
    }, served);
    expect(sameText).toBe(true);
    await page.close();
  });
}

test('seed article: hovering a mark opens the card with name and organisation; Escape and leaving close it', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();

  await article.marks(SEED.linked.id).first().hover();
  await article.expectCardFor(SEED.linked.name, SEED.linked.organization);
  await expect(page.locator(HOST)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await article.expectNoCard();

  await article.marks(SEED.other.id).first().hover();
  await article.expectCardFor(SEED.other.name, SEED.other.organization);
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
  expect(first).toBe(SEED.split.id);
  await page.keyboard.press('Enter');
  await article.expectCardFor(SEED.split.name);
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
  await expect(popup.row(SEED.title)).toHaveCount(1);

  await popup.search().fill(SEED.searchWord);
  await expect(popup.row(SEED.title)).toHaveCount(1);
  await popup.search().fill('no such words anywhere zq');
  await expect(popup.rows()).toHaveCount(0);
  await popup.search().fill('');

  const experts = await popup.openExperts();
  for (const { name } of SEED.experts) {
    await expect(experts.filter({ hasText: name })).toHaveCount(1);
  }
  for (const name of ['Trump', 'Putin', 'Marguerite Olander', 'Gustav Lindqvist']) {
    await expect(experts.filter({ hasText: name })).toHaveCount(0);
  }
  await popup.page.close();
});

test('every popup view and the options page pass axe-core with no serious or critical violations', async () => {
  const popup = await readSeedIntoHistory();
  const page = popup.page;
  const check = async (view: string) =>
    expect(await popup.seriousA11yViolations(), `axe on ${view}`).toEqual([]);
  await check('history');
  await page.locator('.tl-filters summary').click();
  await check('history with filters open');
  const experts = await popup.openExperts();
  await check('experts');
  await experts.first().getByRole('button').first().click();
  await expect(page.getByTestId('said-sentence').first()).toBeVisible();
  await check('one expert');
  await page.getByTestId('trends-tab').click();
  await expect(page.locator('.tl-trends svg, [data-testid="trends-empty"]').first()).toBeVisible();
  await check('trends');
  await page.getByTestId('data-tab').click();
  await expect(page.getByTestId('export-json')).toBeVisible();
  await check('data');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('history-tab').click();
  await check('history, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(session.extensionUrl('options.html'));
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await check('options');
  await page.getByLabel('Wait before a card opens (seconds)').fill('9');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('cardDelayMs-error')).toBeVisible();
  await check('options with an error');
  await page.close();
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
  await expect(popup.row(SEED.title)).toHaveCount(1, { timeout: 15_000 });
  const experts = await popup.openExperts();
  for (const { name } of SEED.experts) {
    await expect(experts.filter({ hasText: name })).toHaveCount(1);
  }

  await page.getByTestId('history-tab').click();
  await popup.row(SEED.title).getByTestId('delete-article').click();
  await expect(popup.row(SEED.title)).toHaveCount(0);
  await page.close();
});

test('pausing the site removes the marks from the open page at once', async () => {
  const page = await session.context.newPage();
  const article = new ArticlePage(page);
  await article.open(seedUrl());
  await article.waitForMarksInPlace();
  await expect(page.locator(MARK).first()).toBeVisible();
  const text = await page.evaluate(() => document.querySelector('article')?.textContent);
  const host = new URL(seedUrl()).hostname;
  await setSettings(session, { pausedSites: [host] });
  try {
    await expect(page.locator(MARK)).toHaveCount(0);
    await expect(page.locator(HOST)).toHaveCount(0);
    // The text reads as before: the very same nodes are back.
    expect(await page.evaluate(() => document.querySelector('article')?.textContent)).toBe(text);
  } finally {
    await setSettings(session, { pausedSites: [] });
    await page.close();
  }
});
