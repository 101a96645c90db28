/**
 * Issue 13, items 1–3, in Chromium with the built extension: a page script learns nothing from the
 * card and changes nothing through it.
 *   - Synthetic events and `.focus()` from a page script open no card (seen the way a page would see
 *     it, with `elementFromPoint`, and from inside the closed root over the DevTools protocol).
 *   - The card's shadow root is closed: `host.shadowRoot` is null for the page.
 *   - Nothing of another article in the history (title, site, address, "quoted in N articles") is in
 *     the page's DOM or the card, and the card is the same size with or without that history.
 *   - The lens posts nothing into the page, and a page posting WXT's "started" message back (as a
 *     message or a CustomEvent) does not stop it.
 * Only Playwright's input (trusted, like a real reader's) opens a card here. Fixture pages are our
 * own (tests/fixtures/e2e/), so this spec does not need ../shared.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage, MARK } from './support/article-page';
import { cardView, clickInCard, expectCard, expectNoCard, HOST, pageSeesCard } from './support/closed-card';
import { PopupPage } from './support/popup-page';

const PAGE = '/e2e/ontopic-energy.html';
const OTHER = '/e2e/ontopic-payments.html';
const OTHER_TITLE = 'Slow payments test the yuan channel between Moscow and Beijing';
/** Strings only the other article (or a history view of it) would bring. */
const OTHER_TRACES = [
  /Kestrel/i,
  /Slow payments/i,
  /yuan channel/i,
  /ontopic-payments/i,
  /other articles?/i,
  /you read/i,
];

let session: ChromiumSession;

test.beforeAll(async () => {
  session = await launchChromium();
  await setSettings(session, { dwellMs: 1500 });
});

test.afterAll(async () => {
  await session?.close();
});

async function openPage(path = PAGE): Promise<{ page: Page; article: ArticlePage }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const article = new ArticlePage(page);
  await article.open(session.server.url(path));
  await article.waitForMarksInPlace();
  return { page, article };
}

/** Every synthetic way a page script could try to open a card on every mark (and its link). */
async function attack(page: Page): Promise<void> {
  await page.evaluate((tag) => {
    const marks = Array.from(document.querySelectorAll<HTMLElement>(tag));
    for (const m of marks) {
      const stop = (m.closest('a[href]') as HTMLElement | null) ?? m;
      const r = m.getBoundingClientRect();
      const at = { bubbles: true, composed: true, cancelable: true, clientX: r.left + 2, clientY: r.top + 2 };
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      stop.focus();
      m.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      m.dispatchEvent(new FocusEvent('focus'));
      for (const type of ['pointerover', 'pointerenter', 'pointermove'])
        m.dispatchEvent(new PointerEvent(type, at));
      for (const type of ['mouseover', 'mouseenter', 'mousemove']) m.dispatchEvent(new MouseEvent(type, at));
      m.click();
      m.dispatchEvent(new MouseEvent('click', at));
      for (const key of ['Enter', ' ']) {
        stop.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        stop.dispatchEvent(
          new KeyboardEvent('keydown', {
            key,
            altKey: true,
            shiftKey: true,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    }
  }, MARK);
  // Longer than the hover delay (350 ms by default) and the card stage's load.
  await page.waitForTimeout(1500);
}

test('a page script cannot open a card: synthetic pointer, focus, click and key events, and .focus()', async () => {
  const { page, article } = await openPage();
  // The card stage loads on a first real hover, so its host is in the page for the attack.
  await article.marks('ingrid-solberg').first().hover();
  await expectCard(page, 'Ingrid Solberg');
  expect((await pageSeesCard(page)).hits).toBeGreaterThan(0); // the probe does see an open card
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await expectNoCard(page);
  expect(await pageSeesCard(page)).toEqual({ hits: 0, box: '' });

  await attack(page);
  expect(await pageSeesCard(page)).toEqual({ hits: 0, box: '' });
  const view = await cardView(page);
  expect(view.rect).toBeNull();
  expect(view.hint).toBeNull(); // not even the keyboard hint: .focus() is no Tab
  // The root is closed: the page gets null, and cannot reach the card or the correction in it.
  expect(
    await page.evaluate((host) => {
      const el = document.querySelector(host);
      return { exists: Boolean(el), shadowRoot: el ? el.shadowRoot : 'no host' };
    }, HOST),
  ).toEqual({ exists: true, shadowRoot: null });
  await page.close();
});

test('a page script cannot open a card before the card stage is loaded either', async () => {
  const { page } = await openPage();
  await attack(page);
  expect(await page.evaluate((host) => document.querySelectorAll(host).length, HOST)).toBe(0);
  expect(await pageSeesCard(page)).toEqual({ hits: 0, box: '' });
  await page.close();
});

test('nothing of another article in the history reaches the page, and the card is the same size', async () => {
  // Before: the card for Rahul Menon, with nothing about him in the history.
  let { page, article } = await openPage();
  await article.marks('rahul-menon').first().hover();
  await expectCard(page, 'Rahul Menon', 'Meridian Commodities Research');
  const before = await pageSeesCard(page);
  await page.close();

  // Another article quoting him is read into the history.
  const other = await openPage(OTHER);
  await other.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const popup = new PopupPage(await session.context.newPage(), session.extensionUrl('popup.html'));
  await popup.waitForRow(OTHER_TITLE);
  await popup.page.close();
  await other.page.close();

  // After: the same card, the same size, and no trace of the other article anywhere in the page.
  ({ page, article } = await openPage());
  await article.marks('rahul-menon').first().hover();
  const view = await expectCard(page, 'Rahul Menon', 'Meridian Commodities Research');
  expect(await pageSeesCard(page)).toEqual(before);
  await clickInCard(page, 'More');
  await expect.poll(async () => (await cardView(page)).byTestId['tl-card-more'] ?? null).not.toBeNull();
  const expanded = await cardView(page);
  const pageHtml = await page.evaluate(() => document.documentElement.outerHTML);
  for (const trace of OTHER_TRACES) {
    expect(view.text, `${trace} in the card`).not.toMatch(trace);
    expect(expanded.text, `${trace} in the card's "More"`).not.toMatch(trace);
    expect(pageHtml, `${trace} in the page`).not.toMatch(trace);
  }
  expect(expanded.active).toBe(0);
  await page.close();
});

test('the lens posts nothing into the page, and WXT’s "started" message posted back does not stop it', async () => {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __seen: unknown[] }).__seen = seen;
    window.addEventListener('message', (e) => seen.push(e.data));
  });
  const article = new ArticlePage(page);
  await article.open(session.server.url(PAGE));
  await article.waitForMarksInPlace();
  await article.marks('ingrid-solberg').first().hover();
  await expectCard(page, 'Ingrid Solberg');
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  const marks = await article.marks().count();
  expect(await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen)).toEqual([]);

  // What WXT's context would stop on, for every name a stage had, as a message and as an event.
  await page.evaluate((id) => {
    for (const name of ['lens', 'card', 'gate', 'content']) {
      const type = `${id}:${name}:wxt:content-script-started`;
      window.postMessage({ type, contentScriptName: name, messageId: 'x' }, '*');
      window.postMessage({ event: type, contentScriptName: name, messageId: 'x' }, '*');
      window.dispatchEvent(
        new CustomEvent('wxt:content-script-started', { detail: { contentScriptName: name } }),
      );
      window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'x' } }));
    }
  }, session.extensionId);
  await page.waitForTimeout(1000);
  expect(await article.marks().count()).toBe(marks);
  await article.marks('rahul-menon').first().hover();
  await expectCard(page, 'Rahul Menon');
  await page.close();
});
