/**
 * The history popup with a small and a large history, through the extension's own paths: the
 * history is imported with the popup's Import (a synthetic export made by utils/db/synthetic.ts),
 * single saves are the `saveArticle` message the lens sends, sent from the extension's content-script
 * world in a web page of the article's own host (the background accepts a save only from there), one
 * tab per save (a tab may add one new article per 30 s).
 *   open:   popup.html navigation start → first history rows in the DOM, and → the whole first page
 *   search: one keystroke's query leaving the popup (after its typing delay) → rows re-rendered, for
 *           one word ("pipelin" + "e") and for two ("pipeline summi" + "t"), alternating with a Backspace;
 *           and two words where each keystroke makes a new prefix of the second ("moscow tar" + "i")
 *   save:   one saveArticle round trip to the background (after one warm-up save)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './in-page.mjs';
import { extensionWorld } from './trace.mjs';

function synthetic(root, args) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [join(root, 'scripts', 'bench', 'synthetic-export.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`synthetic data failed: ${run.stderr || run.stdout}`);
}

async function importFile(context, popupUrl, file, timeoutMs) {
  const page = await context.newPage();
  await page.goto(popupUrl);
  await page.getByTestId('data-tab').click();
  await page.getByTestId('import-file').setInputFiles(file);
  const status = page.getByTestId('data-status');
  await page.waitForFunction(
    () =>
      /Import finished/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? '') ||
      document.querySelector('[data-testid="data-error"]'),
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
  const error = await page
    .getByTestId('data-error')
    .textContent({ timeout: 100 })
    .catch(() => null);
  const text = await status.textContent();
  await page.close();
  if (error) throw new Error(`import failed: ${error}`);
  return text;
}

/** Records, in the popup's own world, when each message to the background leaves and is answered. */
const MESSAGE_PROBE = () => {
  const log = (window.__tlMsgLog = []);
  const runtime = globalThis.chrome.runtime;
  const original = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message, ...rest) => {
    const entry = { type: message?.type, sent: performance.now(), answered: null, rendered: null };
    log.push(entry);
    const done = () => {
      entry.answered = performance.now();
      // Preact renders on a microtask after setState: a macrotask later the rows are in the DOM.
      setTimeout(() => (entry.rendered = performance.now()), 0);
    };
    const callback = typeof rest[rest.length - 1] === 'function' ? rest.pop() : null;
    if (callback) {
      return original(message, ...rest, (response) => {
        callback(response);
        done();
      });
    }
    const promise = original(message, ...rest);
    promise.then(done, done);
    return promise;
  };
  window.__tlFirstRow = null;
  // And when the number of rows last changed: the whole first page drawn (the popup draws its first
  // rows in one frame and the rest of the page right after).
  window.__tlRowsAt = null;
  let count = 0;
  new MutationObserver(() => {
    const n = document.querySelectorAll('[data-testid="history-row"]').length;
    if (n === count) return;
    count = n;
    window.__tlFirstRow ??= performance.now();
    window.__tlRowsAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

/**
 * One saveArticle round trip per input, each from the extension's isolated world in a fresh tab on
 * `pageUrl` (the gate's world, found through the DevTools protocol), the article's URL moved to that
 * page's host. The first save warms the background up and is not counted.
 */
async function saveFromPages(context, popupUrl, pageUrl, inputs) {
  const host = new URL(pageUrl);
  // Ours, not the reference extension the bench loads beside it.
  const extension = `chrome-extension://${new URL(popupUrl).host}`;
  const out = [];
  for (const [i, input] of inputs.entries()) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const found = extensionWorld(cdp, extension);
    await page.goto(pageUrl);
    const world = await found;
    const url = new URL(input.url);
    url.protocol = host.protocol;
    url.host = host.host;
    const data = { ...input, url: url.href };
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const message = ${JSON.stringify({ type: 'saveArticle', data })};
        message.id = Math.floor(Math.random() * 1e9);
        message.timestamp = Date.now();
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage(message);
        return { ms: performance.now() - t0, reply };
      })()`,
    });
    await cdp.detach().catch(() => {});
    await page.close();
    if (exceptionDetails) throw new Error(`saveArticle failed: ${exceptionDetails.text}`);
    const { ms, reply } = result.value;
    if (!reply || reply.err || reply.res?.ok === false)
      throw new Error(`saveArticle failed: ${JSON.stringify(reply?.err ?? reply?.res)}`);
    if (i > 0) out.push(ms);
  }
  return out;
}

/** Two words of the synthetic titles each (utils/db/synthetic.ts), the second typed letter by letter. */
const FRESH_PAIRS = [
  ['pipeline', 'summit'],
  ['moscow', 'tariffs'],
  ['beijing', 'drills'],
  ['grain', 'alignment'],
  ['washington', 'yuan'],
  ['tariffs', 'grain'],
  ['drills', 'moscow'],
];

async function measureSize(context, popupUrl, pageUrl, inputs, reps) {
  const open = [];
  const openFull = [];
  for (let i = 0; i < reps; i++) {
    const page = await context.newPage();
    await page.addInitScript(MESSAGE_PROBE);
    await page.goto(popupUrl);
    await page.waitForFunction(() => window.__tlFirstRow !== null, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const [first, full] = await page.evaluate(() => [window.__tlFirstRow, window.__tlRowsAt]);
    open.push(first);
    openFull.push(full);
    await page.close();
  }

  const page = await context.newPage();
  await page.addInitScript(MESSAGE_PROBE);
  await page.goto(popupUrl);
  await page.waitForFunction(() => window.__tlFirstRow !== null, undefined, { timeout: 60_000 });
  /** One keystroke per repetition: `step(i)` gives the text in the box before it and the key pressed. */
  async function keystrokes(step) {
    const rendered = [];
    const withDelay = [];
    for (let i = 0; i < reps; i++) {
      const [text, key] = step(i);
      const box = page.getByTestId('history-search');
      await box.fill(text);
      await page.waitForTimeout(400);
      const before = await page.evaluate(() => window.__tlMsgLog.length);
      const typedAt = await page.evaluate(() => performance.now());
      await box.press(key); // one keystroke
      const entry = await page
        .waitForFunction(
          (n) =>
            window.__tlMsgLog.slice(n).find((e) => e.type === 'listArticles' && e.rendered !== null) ?? false,
          before,
          { timeout: 60_000, polling: 20 },
        )
        .then((h) => h.jsonValue());
      rendered.push(entry.rendered - entry.sent);
      withDelay.push(entry.rendered - typedAt);
    }
    return { rendered, withDelay };
  }
  // A letter typed and a Backspace, alternately (two queries that differ by it).
  const alternate = (withoutLast, withLast, lastKey) => (i) =>
    i % 2 ? [withLast, 'Backspace'] : [withoutLast, lastKey];
  const one = await keystrokes(alternate('pipelin', 'summit', 'e'));
  // Two words, each in about a quarter of the synthetic titles, both in about 5 % of them.
  const two = await keystrokes(alternate('pipeline summi', 'pipeline summit', 't'));
  // The same, each keystroke making a second word's prefix not searched before (no key list kept).
  const fresh = await keystrokes((i) => {
    const [a, b] = FRESH_PAIRS[i % FRESH_PAIRS.length];
    return [
      `${a} ${b.slice(0, 3 + Math.floor(i / FRESH_PAIRS.length))}`,
      b[3 + Math.floor(i / FRESH_PAIRS.length)],
    ];
  });

  await page.close();
  const save = await saveFromPages(context, popupUrl, pageUrl, inputs);
  return {
    openMs: median(open),
    openFullMs: median(openFull),
    searchMs: median(one.rendered),
    searchWithTypingDelayMs: median(one.withDelay),
    twoWordSearchMs: median(two.rendered),
    twoWordSearchWithTypingDelayMs: median(two.withDelay),
    twoWordNewPrefixSearchMs: median(fresh.rendered),
    twoWordNewPrefixSearchWithTypingDelayMs: median(fresh.withDelay),
    saveMs: median(save),
  };
}

/**
 * @param {{ context: import('@playwright/test').BrowserContext, popupUrl: string, root: string,
 *   pageUrl: string, tmp: string, reps: number, large: number, small: number }} o
 */
export async function benchPopup(o) {
  const smallFile = join(o.tmp, `history-${o.small}.json`);
  const largeFile = join(o.tmp, `history-${o.large}.json`);
  const inputsFile = join(o.tmp, 'save-inputs.json');
  synthetic(o.root, ['export', String(o.small), smallFile]);
  synthetic(o.root, ['export', String(o.large), largeFile]);
  synthetic(o.root, ['inputs', '900000', String((o.reps + 1) * 2), inputsFile]);
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  const experts = new Set(
    JSON.parse(readFileSync(largeFile, 'utf8')).articles.flatMap((a) => a.experts.map((e) => e.id)),
  ).size;

  await importFile(o.context, o.popupUrl, smallFile, 60_000);
  const small = await measureSize(o.context, o.popupUrl, o.pageUrl, inputs.slice(0, o.reps + 1), o.reps);
  const t0 = Date.now();
  await importFile(o.context, o.popupUrl, largeFile, 15 * 60_000);
  const importSeconds = (Date.now() - t0) / 1000;
  const large = await measureSize(o.context, o.popupUrl, o.pageUrl, inputs.slice(o.reps + 1), o.reps);
  return {
    small: { articles: o.small, ...small },
    large: { articles: o.large, experts, ...large },
    importSeconds,
  };
}
