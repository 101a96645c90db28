/**
 * The built extension in stock Firefox ESR (puppeteer-core over WebDriver BiDi): an off-topic page
 * leaves nothing behind; the seed article gets its experts marked, cards open by hover and by
 * keyboard, and it lands in the popup's history. Run with `node --test tests/e2e/firefox.test.mjs`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox } from './support/firefox.mjs';

const MARK = 'triangle-lens-mark';
const CARD = 'triangle-lens-ui >>> [data-testid="tl-card"]';
const SEED_TITLE = 'Can the US pry Russia away from China?';
const SEED_EXPERTS = ['alexander-gabuev', 'ali-wyne', 'charles-hecker', 'vasily-gatov'];
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

test('seed article: exactly its four experts are marked, at every mention', T, async () => {
  const page = await openArticle('/seed-article.html');
  await waitForMarks(page);
  const marks = await markInfo(page);
  assert.deepEqual([...new Set(marks.map((m) => m.expert))].sort(), SEED_EXPERTS);
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
  assert.equal(textOf('charles-hecker'), 'Charles Hecker Hecker');
  assert.equal(textOf('vasily-gatov'), 'Vasily Gatov Gatov');
  assert.equal(textOf('alexander-gabuev'), 'Alexander Gabuev');
  assert.equal(textOf('ali-wyne'), 'Ali Wyne');
  assert.equal(marks.find((m) => m.text === 'Charles')?.parent, 'strong');
  assert.equal(marks.filter((m) => m.focusable).length, 6);
  const href = await page.$eval(
    'a[href="https://example.org/experts/alexander-gabuev"]',
    (a) => a.textContent,
  );
  assert.equal(href, 'Alexander Gabuev');
  await page.close();
});

test('seed article: hovering a mark opens the card; Escape closes it', T, async () => {
  const page = await openArticle('/seed-article.html');
  await waitForMarks(page);
  await page.hover(`${MARK}[data-tl-expert="alexander-gabuev"]`);
  await page.waitForSelector(CARD, { timeout: 10_000 });
  assert.match(await cardText(page, 'tl-card-name'), /Alexander Gabuev/);
  assert.match(await cardText(page, 'tl-card-org'), /Carnegie Russia Eurasia Center/);
  assert.match(await cardText(page, 'tl-card-stance'), /durable|fragile|neutral/i);
  // The card stays open while the pointer rests on the mark (no false mouseleave closing it).
  await new Promise((done) => setTimeout(done, 1000));
  assert.ok(await page.$(CARD), 'card still open after a second of hovering');
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await page.close();
});

test('seed article: Tab reaches a mark and opens its card', T, async () => {
  const page = await openArticle('/seed-article.html');
  await waitForMarks(page);
  let focused = null;
  for (let i = 0; i < 60 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate((tag) => {
      const el = document.activeElement;
      return el?.matches(tag) ? el.getAttribute('data-tl-expert') : null;
    }, MARK);
  }
  assert.equal(focused, 'charles-hecker');
  await page.waitForSelector(CARD, { timeout: 10_000 });
  assert.match(await cardText(page, 'tl-card-name'), /Charles Hecker/);
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await page.close();
});

test('seed article lands in the popup history', T, async () => {
  const page = await openArticle('/seed-article.html');
  await waitForMarks(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  let titles = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    titles = await historyTitles();
    if (titles.some((t) => t.includes(SEED_TITLE))) break;
    await new Promise((done) => setTimeout(done, 1000));
  }
  assert.ok(
    titles.some((t) => t.includes(SEED_TITLE)),
    `history rows: ${JSON.stringify(titles)}`,
  );
  assert.ok(!titles.some((t) => t.includes('ferry')), 'the off-topic page is not in history');
  await page.close();
});

test(
  'Data tab: storage persistence is shown, and a history of three batches exports and imports back',
  { timeout: 5 * 60_000 },
  async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFileSync, rmSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = join(import.meta.dirname, '..', '..');
    const dir = mkdtempSync(join(tmpdir(), 'tl-ff-backup-'));
    const file = join(dir, 'history.json');
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'scripts', 'bench', 'synthetic-export.ts'), 'export', '1200', file],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const source = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });

    const popup = await ff.openExtensionPage('popup.html', '[data-testid="data-tab"]');
    try {
      await popup.click('[data-testid="data-tab"]');
      const state = await popup.waitForSelector(
        '[data-testid="storage-persistence"]:not([data-state="asking"])',
      );
      assert.match(await state.evaluate((n) => n.textContent ?? ''), /Storage is persistent|may be cleared/);
      // Firefox closes the popup when a file chooser opens: the hint to use a tab is shown here.
      assert.ok(await popup.$('[data-testid="import-in-tab-hint"]'));

      const statusText = () =>
        popup.$eval('[data-testid="data-status"]', (n) => n.textContent ?? '').catch(() => '');
      const until = async (pattern) => {
        for (let i = 0; i < 600; i++) {
          const error = await popup
            .$eval('[data-testid="data-error"]', (n) => n.textContent)
            .catch(() => null);
          assert.equal(error, null);
          if (pattern.test(await statusText())) return;
          await new Promise((done) => setTimeout(done, 500));
        }
        assert.fail(`status: ${await statusText()}`);
      };
      // The file goes in through the input's own change event (no file chooser over BiDi).
      await popup.evaluate((text) => {
        const input = document.querySelector('[data-testid="import-file"]');
        const files = new DataTransfer();
        files.items.add(new File([text], 'history.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, source);
      await until(/Import finished: 1200 added/);

      // The export's Blob is kept when the download link is made.
      await popup.evaluate(() => {
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => {
          window.__tlExported = blob;
          return make(blob);
        };
      });
      await popup.click('[data-testid="export-json"]');
      await until(/Exported 1200 articles/);
      const exported = await popup.evaluate(
        async () => JSON.parse(await window.__tlExported.text()).articles,
      );
      assert.deepEqual(exported, JSON.parse(source).articles);
    } finally {
      await popup.close();
    }
  },
);
