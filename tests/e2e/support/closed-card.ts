/**
 * Reads the card inside its CLOSED shadow root, for the Chromium tests only. A page script gets
 * `null` from `host.shadowRoot`, and Playwright's locators pierce open roots only; the DevTools
 * protocol sees closed roots (`DOM.describeNode` with `pierce`). The installed build carries no
 * backdoor for this: it is the test driver's privilege, which no page has.
 *
 * Also the page's own view: `pageSeesCard` probes the viewport with `elementFromPoint`, as a hostile
 * page would, to tell whether a card is open and how big it is.
 */
import { expect, type CDPSession, type Page } from '@playwright/test';

export const HOST = 'triangle-lens-ui';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface CardView {
  /** The dialog's box, or null when no card is open. */
  rect: Rect | null;
  /** Text of each [data-testid] element inside the card. */
  byTestId: Record<string, string>;
  /** Text of the whole card. */
  text: string;
  /** The hint's text when the "Enter: expert card" hint is shown. */
  hint: string | null;
  /** The focused element inside the root: its tag and text, or null. */
  focused: { tag: string; text: string } | null;
  /** Every focusable control's label, in order. */
  controls: string[];
  /** Elements that could run code (must stay 0). */
  active: number;
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Runs `fn` with the closed shadow root as `this`; undefined when there is no host. */
async function inRoot<T>(page: Page, fn: string): Promise<T | undefined> {
  const s = await cdp(page);
  const host = await s.send('Runtime.evaluate', { expression: `document.querySelector('${HOST}')` });
  const objectId = host.result.objectId;
  if (!objectId) return undefined;
  const { node } = await s.send('DOM.describeNode', { objectId, depth: 1, pierce: true });
  const root = node.shadowRoots?.[0];
  if (!root) return undefined;
  const resolved = await s.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  const res = await s.send('Runtime.callFunctionOn', {
    objectId: resolved.object.objectId!,
    functionDeclaration: fn,
    returnByValue: true,
  });
  if (res.exceptionDetails) throw new Error(`in the card's root: ${res.exceptionDetails.text}`);
  return res.result.value as T;
}

const VIEW_FN = `function () {
  const card = this.querySelector('[role="dialog"]');
  const hint = this.querySelector('.tl-hint');
  const r = card ? card.getBoundingClientRect() : null;
  const byTestId = {};
  if (card) for (const el of card.querySelectorAll('[data-testid]')) byTestId[el.getAttribute('data-testid')] = el.textContent;
  const a = this.activeElement;
  return {
    rect: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null,
    byTestId,
    text: card ? card.textContent : '',
    hint: hint ? hint.textContent : null,
    focused: a ? { tag: a.tagName.toLowerCase(), text: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 80) } : null,
    controls: card ? Array.from(card.querySelectorAll('button, select, a[href]')).map((c) => (c.getAttribute('aria-label') || c.textContent || '').trim().slice(0, 40)) : [],
    active: this.querySelectorAll('img, script, iframe, svg, [onerror], [onload]').length,
  };
}`;

const EMPTY: CardView = {
  rect: null,
  byTestId: {},
  text: '',
  hint: null,
  focused: null,
  controls: [],
  active: 0,
};

export async function cardView(page: Page): Promise<CardView> {
  return (await inRoot<CardView>(page, VIEW_FN)) ?? EMPTY;
}

/** Clicks a control inside the card by its text or label (real mouse input). */
export async function clickInCard(page: Page, label: string): Promise<void> {
  const box = await inRoot<Rect | null>(
    page,
    `function () {
      const el = Array.from(this.querySelectorAll('button, select, a[href]')).find(
        (c) => (c.getAttribute('aria-label') || c.textContent || '').trim() === ${JSON.stringify(label)});
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    }`,
  );
  if (!box) throw new Error(`no control "${label}" in the card`);
  await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
}

export async function expectCard(page: Page, name: RegExp | string, organization?: RegExp | string) {
  await expect.poll(async () => (await cardView(page)).byTestId['tl-card-name'] ?? null).toMatch(name);
  const view = await cardView(page);
  if (organization !== undefined) expect(view.byTestId['tl-card-org']).toMatch(organization);
  expect(view.byTestId['tl-card-stance']).toMatch(/durable|fragile|neutral/i);
  return view;
}

export async function expectNoCard(page: Page): Promise<void> {
  await expect.poll(async () => (await cardView(page)).rect).toBeNull();
}

/**
 * What a page script can learn of the card: points of the viewport (a 12 px grid) where
 * `elementFromPoint` hits the extension's host, and the box they span. Empty when no card is open.
 */
export async function pageSeesCard(page: Page): Promise<{ hits: number; box: string }> {
  return page.evaluate((tag) => {
    let hits = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let y = 0; y < innerHeight; y += 12) {
      for (let x = 0; x < innerWidth; x += 12) {
        const el = document.elementFromPoint(x, y);
        if (el && el.tagName.toLowerCase() === tag) {
          hits++;
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return { hits, box: hits ? `${minX},${minY}-${maxX},${maxY}` : '' };
  }, HOST);
}
