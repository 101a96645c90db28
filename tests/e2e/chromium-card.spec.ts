/**
 * Issue 11, the card and the keyboard, in Chromium on the in-repo seed article (tests/e2e/support/seed.mjs):
 *   - the card fits the viewport at 1280×900, 1366×650 and 420×800 for every expert, with the name
 *     near the top and near the bottom of the window, and never covers the name; also with "More" open;
 *   - keyboard, as the WAI-ARIA non-modal dialog: Tab to a mark shows the hint, Enter opens and
 *     moves focus in, Tab cycles inside, Escape returns to the mark, the next Tab goes on;
 *   - a name inside a link: the link stays one stop with its own name, Alt+Shift+Enter opens the card;
 *   - axe-core finds nothing serious or critical on the page with a card open (the card's own markup,
 *     in a closed root axe cannot enter, is checked in components/ExpertCard.a11y.test.tsx).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, setSettings, type ChromiumSession } from './support/chromium';
import { ArticlePage, MARK } from './support/article-page';
import { cardView, clickInCard, expectCard, expectNoCard, type Rect } from './support/closed-card';
import { SEED } from './support/seed.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const SEED_EXPERTS = SEED.experts.map((e) => e.id);
const SIZES = [
  { width: 1280, height: 900 },
  { width: 1366, height: 650 },
  { width: 420, height: 800 },
];

let session: ChromiumSession;

test.beforeAll(async () => {
  session = await launchChromium();
  await setSettings(session, { cardDelayMs: 100 });
});

test.afterAll(async () => {
  await session?.close();
});

async function openSeed(size = SIZES[0]): Promise<{ page: Page; article: ArticlePage }> {
  const page = await session.context.newPage();
  await page.setViewportSize(size);
  const article = new ArticlePage(page);
  await article.open(session.server.url(SEED.path));
  await article.waitForMarksInPlace();
  return { page, article };
}

/** Scrolls the expert's first name near the top or bottom of the window; returns its mention's boxes. */
async function placeName(page: Page, id: string, where: 'start' | 'end'): Promise<Rect[]> {
  return page.evaluate(
    ({ tag, id, where }) => {
      const head = document.querySelector(`${tag}[data-tl-expert="${id}"]`) as HTMLElement;
      // Near an edge, as a reader scrolls, not flush against it (a page's sticky header may sit there).
      const want = where === 'start' ? innerHeight * 0.12 : innerHeight * 0.88;
      window.scrollBy(0, head.getBoundingClientRect().top - want);
      const mention = head.getAttribute('data-tl-mention');
      // Line boxes, not bounding boxes: a name may wrap onto two lines in a narrow window.
      return Array.from(document.querySelectorAll(`${tag}[data-tl-mention="${mention}"]`)).flatMap((m) =>
        Array.from(m.getClientRects()).map((r) => ({
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          width: r.width,
          height: r.height,
        })),
      );
    },
    { tag: MARK, id, where },
  );
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectInside(card: Rect, size: { width: number; height: number }, what: string) {
  expect(card.left, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(card.top, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(card.right, `${what}: right edge`).toBeLessThanOrEqual(size.width);
  expect(card.bottom, `${what}: bottom edge`).toBeLessThanOrEqual(size.height);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the card fits the window for every expert and never covers the name`, async () => {
    const { page } = await openSeed(size);
    for (const id of SEED_EXPERTS) {
      for (const where of ['start', 'end'] as const) {
        const what = `${id}, name at the ${where === 'start' ? 'top' : 'bottom'}`;
        const name = await placeName(page, id, where);
        const head = name[0];
        await page.mouse.move(head.left + Math.min(6, head.width / 2), head.top + head.height / 2);
        await expect.poll(async () => (await cardView(page)).rect, { message: what }).not.toBeNull();
        // Let Floating UI settle (it places the card after the first paint).
        await page.waitForTimeout(150);
        const view = await cardView(page);
        expectInside(view.rect!, size, what);
        for (const part of name)
          expect(overlaps(view.rect!, part), `${what}: card covers the name`).toBe(false);
        await page.keyboard.press('Escape');
        await page.mouse.move(size.width - 2, 2);
        await expectNoCard(page);
      }
    }
    await page.close();
  });
}

test('with "More" open the card still fits (its height is capped by the room left)', async () => {
  const size = SIZES[1];
  const { page } = await openSeed(size);
  // The expert with the most said in the seed article: the tallest expanded card.
  const tallest = SEED.experts.find((e) => e.id === 'irena-vasko')!;
  const name = await placeName(page, tallest.id, 'end');
  await page.mouse.move(name[0].left + 4, name[0].top + name[0].height / 2);
  await expectCard(page, tallest.name);
  await clickInCard(page, 'More');
  await expect.poll(async () => (await cardView(page)).byTestId['tl-card-more'] ?? null).not.toBeNull();
  await page.waitForTimeout(150);
  const view = await cardView(page);
  expectInside(view.rect!, size, 'expanded card');
  for (const part of name) expect(overlaps(view.rect!, part)).toBe(false);
  await page.close();
});

/** The focused element of the page (the card's host when focus is in the card). */
function active(page: Page) {
  return page.evaluate((tag) => {
    const a = document.activeElement;
    return {
      tag: a?.tagName.toLowerCase() ?? null,
      expert:
        a?.closest(tag)?.getAttribute('data-tl-expert') ??
        a?.querySelector(tag)?.getAttribute('data-tl-expert') ??
        null,
      text: (a?.textContent ?? '').trim().slice(0, 60),
    };
  }, MARK);
}

/** Presses Tab until `pred` holds for the focused element; returns how many presses it took. */
async function tabUntil(page: Page, pred: (a: Awaited<ReturnType<typeof active>>) => boolean, max = 80) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (pred(await active(page))) return i;
  }
  throw new Error('never reached');
}

/** True when the focused element comes after `selector`'s element in document order. */
function focusFollows(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const from = document.querySelector(sel)!;
    const a = document.activeElement;
    return Boolean(
      a && a !== document.body && a !== from && !from.contains(a) && from.compareDocumentPosition(a) & 4,
    );
  }, selector);
}

test('keyboard on a plain name: hint, Enter opens and moves focus in, Tab cycles, Escape back, Tab on', async () => {
  const { page } = await openSeed();
  await tabUntil(page, (a) => a.tag === 'triangle-lens-mark');
  expect((await active(page)).expert).toBe(SEED.split.id);
  await expect.poll(async () => (await cardView(page)).hint).toBe('Enter: expert card');

  await page.keyboard.press('Enter');
  const view = await expectCard(page, SEED.split.name);
  expect(view.focused).not.toBeNull(); // focus moved into the card
  // Tab cycles through the card's controls and never leaves it.
  const seen: string[] = [];
  for (let i = 0; i < view.controls.length * 2 + 1; i++) {
    await page.keyboard.press('Tab');
    const v = await cardView(page);
    expect(v.focused, `Tab ${i + 1} left the card`).not.toBeNull();
    expect((await active(page)).tag).toBe('triangle-lens-ui');
    seen.push(v.focused!.text);
  }
  expect(seen.slice(0, view.controls.length)).toEqual(
    seen.slice(view.controls.length, 2 * view.controls.length),
  );
  await page.keyboard.press('Shift+Tab');
  expect((await cardView(page)).focused).not.toBeNull();

  await page.keyboard.press('Escape');
  await expectNoCard(page);
  expect(await active(page)).toMatchObject({ tag: 'triangle-lens-mark', expert: SEED.split.id });
  await page.keyboard.press('Tab');
  expect(await focusFollows(page, `${MARK}[data-tl-expert="${SEED.split.id}"][tabindex]`)).toBe(true);
  await expectNoCard(page);
  await page.close();
});

test('keyboard on a name inside a link: one stop with the link’s own name, Alt+Shift+Enter opens the card', async () => {
  const { page } = await openSeed();
  const LINK = `a[href="${SEED.linked.href}"]`;
  const link = await page.evaluate(
    ({ sel, tag }) => {
      const a = document.querySelector(sel)!;
      const m = a.querySelector(tag)!;
      return {
        text: a.textContent,
        label: a.getAttribute('aria-label'),
        markAttrs: [m.getAttribute('tabindex'), m.getAttribute('role'), m.getAttribute('aria-label')],
      };
    },
    { sel: LINK, tag: MARK },
  );
  expect(link).toEqual({ text: SEED.linked.name, label: null, markAttrs: [null, null, null] });
  const snapshot = await page.locator(LINK).ariaSnapshot();
  expect(snapshot).toContain(`link "${SEED.linked.name}"`);

  await tabUntil(page, (a) => a.tag === 'a' && a.expert === SEED.linked.id);
  await expect.poll(async () => (await cardView(page)).hint).toBe('Alt+Shift+Enter: expert card');
  // One stop: the next Tab leaves the link.
  await page.keyboard.press('Tab');
  expect(await focusFollows(page, LINK)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await active(page)).toMatchObject({ tag: 'a', expert: SEED.linked.id });

  const url = page.url();
  await page.keyboard.press('Alt+Shift+Enter');
  const view = await expectCard(page, SEED.linked.name, SEED.linked.organization);
  expect(view.focused).not.toBeNull();
  expect(page.url()).toBe(url);
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  expect(await active(page)).toMatchObject({ tag: 'a', expert: SEED.linked.id });
  await page.keyboard.press('Tab');
  expect(await focusFollows(page, LINK)).toBe(true);
  await page.close();
});

test('Enter straight after the Tab that reached a mark opens the card, also while its stage still loads', async () => {
  // The Tab asks for the card stage (to show the hint); an Enter before it has loaded must not be lost.
  // A fresh page each time (the stage not yet loaded), a slowed CPU, and no pause between the keys.
  const first = await openSeed();
  const tabs = await tabUntil(first.page, (a) => a.tag === 'triangle-lens-mark');
  await first.page.close();
  for (let i = 0; i < 3; i++) {
    const { page } = await openSeed();
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    for (let t = 0; t < tabs; t++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const view = await expectCard(page, /\S/);
    expect(view.focused).not.toBeNull();
    await page.close();
  }
});

test('axe-core: nothing serious or critical on the page with a card open', async () => {
  const { page } = await openSeed();
  await tabUntil(page, (a) => a.tag === 'triangle-lens-mark');
  await page.keyboard.press('Enter');
  await expectCard(page, SEED.split.name);
  await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async () => {
    interface AxeResults {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  expect(violations).toEqual([]);
  await page.close();
});
