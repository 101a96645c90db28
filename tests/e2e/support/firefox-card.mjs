/**
 * Reads the card inside its CLOSED shadow root, for the Firefox tests only: WebDriver BiDi serialises
 * a closed root when asked (`includeShadowTree: "all"`), which no page script can do. The installed
 * build carries no backdoor for this. Same view as tests/e2e/support/closed-card.ts (Chromium).
 */

export const HOST = 'triangle-lens-ui';

const VIEW_FN = `function () {
  const card = this.querySelector('[role="dialog"]');
  const hint = this.querySelector('.tl-hint');
  const r = card ? card.getBoundingClientRect() : null;
  const byTestId = {};
  if (card) for (const el of card.querySelectorAll('[data-testid]')) byTestId[el.getAttribute('data-testid')] = el.textContent;
  const a = this.activeElement;
  return JSON.stringify({
    rect: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null,
    byTestId,
    text: card ? card.textContent : '',
    hint: hint ? hint.textContent : null,
    focused: a ? { tag: a.tagName.toLowerCase(), text: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 80) } : null,
    controls: card ? Array.from(card.querySelectorAll('button, select, a[href]')).map((c) => (c.getAttribute('aria-label') || c.textContent || '').trim().slice(0, 40)) : [],
    active: this.querySelectorAll('img, script, iframe, svg, [onerror], [onload]').length,
  });
}`;

const EMPTY = { rect: null, byTestId: {}, text: '', hint: null, focused: null, controls: [], active: 0 };

/** The card as it is now; EMPTY when there is no host or no open card. */
export async function cardView(page) {
  const conn = page.browser().connection;
  const context = page.mainFrame()._id;
  const host = await conn.send('script.evaluate', {
    expression: `document.querySelector('${HOST}')`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const root = host.result?.result?.value?.shadowRoot;
  if (!root?.sharedId) return EMPTY;
  const res = await conn.send('script.callFunction', {
    functionDeclaration: VIEW_FN,
    this: { sharedId: root.sharedId },
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  const out = res.result?.result;
  if (res.result?.type !== 'success' || out?.type !== 'string')
    throw new Error(`cardView: ${JSON.stringify(res)}`);
  return JSON.parse(out.value);
}

/** Waits until `pred(view)` holds; returns that view. */
export async function waitForCard(page, pred = (v) => v.rect !== null, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const view = await cardView(page);
    if (pred(view)) return view;
    if (Date.now() > deadline)
      throw new Error(`card never matched; last: ${JSON.stringify(view).slice(0, 300)}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

export function waitForNoCard(page, timeout = 10_000) {
  return waitForCard(page, (v) => v.rect === null, timeout);
}

/** What a page script sees of an open card with elementFromPoint (12 px grid). */
export function pageSeesCard(page) {
  return page.evaluate((tag) => {
    let hits = 0;
    for (let y = 0; y < innerHeight; y += 12) {
      for (let x = 0; x < innerWidth; x += 12) {
        if (document.elementFromPoint(x, y)?.tagName.toLowerCase() === tag) hits++;
      }
    }
    return hits;
  }, HOST);
}
