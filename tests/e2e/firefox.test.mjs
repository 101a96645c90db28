/**
 * The built extension in stock Firefox ESR (puppeteer-core over WebDriver BiDi): an off-topic page
 * leaves nothing behind; the seed article gets its experts marked, cards open by hover and by
 * keyboard, and it lands in the popup's history. Run with `node --test tests/e2e/firefox.test.mjs`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './support/firefox.mjs';
import { SEED, SHARED_SEED, SHARED_SKIP_REASON } from './support/seed.mjs';

const MARK = 'triangle-lens-mark';
const CARD = 'triangle-lens-ui >>> [data-testid="tl-card"]';
const T = { timeout: 90_000 };

/** @type {Awaited<ReturnType<typeof launchFirefox>>} */
let ff;

before(async () => {
  ff = await launchFirefox();
  await ff.setSettings({ dwellMs: 1500 });
});

after(async () => {
  await ff?.close();
});

async function openArticle(path) {
  const page = await ff.browser.newPage();
  await page.goto(ff.server.url(path), { waitUntil: 'load' });
  return page;
}

/** Waits until the marks are in the page (the lens applies them all in one pass). */
function waitForMarks(page, timeout = 20_000) {
  return page.waitForSelector(MARK, { timeout });
}

function markInfo(page) {
  return page.evaluate((tag) => {
    const forbidden = ['nav', 'header', 'footer', 'aside', '.byline', '.comments', '.sidebar'];
    return Array.from(document.querySelectorAll(tag)).map((el) => ({
      expert: el.getAttribute('data-tl-expert'),
      text: (el.textContent ?? '').trim(),
      focusable: el.getAttribute('tabindex') === '0',
      parent: el.parentElement?.tagName.toLowerCase(),
      forbidden: forbidden.find((sel) => el.parentElement?.closest(sel)) ?? null,
    }));
  }, MARK);
}

async function cardText(page, testId) {
  const el = await page.waitForSelector(`triangle-lens-ui >>> [data-testid="${testId}"]`, {
    timeout: 10_000,
  });
  return el.evaluate((node) => node.textContent ?? '');
}

async function expectNoCard(page) {
  await page.waitForFunction(
    () => !document.querySelector('triangle-lens-ui')?.shadowRoot?.querySelector('[data-testid="tl-card"]'),
    { timeout: 10_000 },
  );
}

async function historyTitles() {
  const popup = await ff.openExtensionPage('popup.html', '[data-testid="history-search"]');
  try {
    await new Promise((done) => setTimeout(done, 500));
    return await popup.$$eval('[data-testid="history-row"]', (rows) => rows.map((r) => r.textContent ?? ''));
  } finally {
    await popup.close();
  }
}

test('off-topic news page: no marks, no card host, nothing stored', T, async () => {
  const page = await openArticle('/e2e/offtopic-news.html');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await new Promise((done) => setTimeout(done, 2500));
  assert.equal(await page.$$eval(MARK, (els) => els.length), 0);
  assert.equal(await page.$$eval('triangle-lens-ui', (els) => els.length), 0);
  await page.close();

  const counts = await ff.countStoredRecords();
  const stored = Object.entries(counts).filter(
    ([store, n]) => /article|expert|histor|read|visit/i.test(store) && n > 0,
  );
  assert.deepEqual(stored, []);
  assert.deepEqual(await historyTitles(), []);
});

for (const seed of [SEED, SHARED_SEED]) {
  const name = seed === SEED ? 'seed article' : 'original seed article (../shared)';
  const options = seed.present ? T : { ...T, skip: SHARED_SKIP_REASON };
  test(`${name}: exactly its four experts are marked, at every mention`, options, async () => {
    const page = await openArticle(seed.path);
    await waitForMarks(page);
    const marks = await markInfo(page);
    assert.deepEqual(
      [...new Set(marks.map((m) => m.expert))].sort(),
      seed.experts.map((e) => e.id),
    );
    // The page learns nothing from its own performance timeline: no entries of ours.
    const ours = await page.evaluate(() =>
      performance
        .getEntries()
        .map((e) => e.name)
        .filter((name) => /triangle|lens/i.test(name)),
    );
    assert.deepEqual(ours, []);
    assert.deepEqual(
      marks.filter((m) => m.forbidden),
      [],
    );
    const textOf = (id) =>
      marks
        .filter((m) => m.expert === id)
        .map((m) => m.text)
        .join(' ');
    for (const e of seed.experts) assert.equal(textOf(e.id), e.marks);
    assert.equal(marks.find((m) => m.text === seed.split.first)?.parent, 'strong');
    assert.equal(
      marks.filter((m) => m.focusable).length,
      seed.experts.reduce((n, e) => n + e.focusable, 0),
    );
    const href = await page.$eval(`a[href="${seed.linked.href}"]`, (a) => a.textContent);
    assert.equal(href, seed.linked.name);
    await page.close();
  });
}

test('seed article: hovering a mark opens the card; Escape closes it', T, async () => {
  const page = await openArticle(SEED.path);
  await waitForMarks(page);
  await page.hover(`${MARK}[data-tl-expert="${SEED.linked.id}"]`);
  await page.waitForSelector(CARD, { timeout: 10_000 });
  assert.ok((await cardText(page, 'tl-card-name')).includes(SEED.linked.name));
  assert.ok((await cardText(page, 'tl-card-org')).includes(SEED.linked.organization));
  assert.match(await cardText(page, 'tl-card-stance'), /durable|fragile|neutral/i);
  // The card stays open while the pointer rests on the mark (no false mouseleave closing it).
  await new Promise((done) => setTimeout(done, 1000));
  assert.ok(await page.$(CARD), 'card still open after a second of hovering');
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await page.close();
});

test('seed article: Tab reaches a mark and opens its card', T, async () => {
  const page = await openArticle(SEED.path);
  await waitForMarks(page);
  let focused = null;
  for (let i = 0; i < 60 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate((tag) => {
      const el = document.activeElement;
      return el?.matches(tag) ? el.getAttribute('data-tl-expert') : null;
    }, MARK);
  }
  assert.equal(focused, SEED.split.id);
  await page.waitForSelector(CARD, { timeout: 10_000 });
  assert.ok((await cardText(page, 'tl-card-name')).includes(SEED.split.name));
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await page.close();
});

test('seed article lands in the popup history', T, async () => {
  const page = await openArticle(SEED.path);
  await waitForMarks(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  let titles = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    titles = await historyTitles();
    if (titles.some((t) => t.includes(SEED.title))) break;
    await new Promise((done) => setTimeout(done, 1000));
  }
  assert.ok(
    titles.some((t) => t.includes(SEED.title)),
    `history rows: ${JSON.stringify(titles)}`,
  );
  assert.ok(!titles.some((t) => t.includes('ferry')), 'the off-topic page is not in history');
  await page.close();
});
