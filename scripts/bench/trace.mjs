/**
 * Loads a page under a Chromium trace and works out, from the trace, what the extension cost the
 * page's main thread. Every slice counted is on the page renderer's main thread (the thread where
 * the content script was evaluated):
 *   - script events whose URL is the extension's (EvaluateScript, v8.compile, v8.run, FunctionCall),
 *     i.e. loading and running the content script and every callback it registered;
 *   - the `triangle-lens:*` performance.measure slices the content script records itself.
 * Their union (nested events are not counted twice) is the extension's main-thread time.
 */

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'toplevel',
];
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.run', 'FunctionCall', 'v8.compileModule']);

/**
 * Opens `url` in a new page while tracing; waits until the content script says it is done (a
 * `triangle-lens:idle` or `triangle-lens:marks-in-place` mark) or `timeoutMs`, then `settleMs` more.
 * Returns the open page and the trace events.
 */
export async function tracedLoad(context, url, { timeoutMs = 8000, settleMs = 1000 } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const verdict = await page
    .waitForFunction(
      () => {
        const has = (n) => performance.getEntriesByName(n).length > 0;
        return has('triangle-lens:marks-in-place') ? 'marks' : has('triangle-lens:idle') ? 'idle' : false;
      },
      undefined,
      { timeout: timeoutMs, polling: 50 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timeout');
  await page.waitForTimeout(settleMs);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach().catch(() => {});
  return { page, events, verdict };
}

/** Total length of the union of [start, end) intervals (µs). */
function unionLength(intervals) {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of sorted) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) curEnd = b;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

function overlap(intervals, [a, b]) {
  return unionLength(intervals.map(([x, y]) => [Math.max(x, a), Math.min(y, b)]));
}

function scriptUrl(event) {
  return event.args?.data?.url ?? event.args?.fileName ?? '';
}

/**
 * @returns {{ ran: boolean, extMs: number, scriptMs: number, measuresMs: number,
 *   marksInPlaceMs: number | null, longTasks: { ms: number, extMs: number }[],
 *   maxExtTaskMs: number, steps: Record<string, number>, instants: Record<string, number> }}
 *   `instants`: each `triangle-lens:<name>` mark's first time, in ms from the content script's start.
 */
export function analyzeTrace(events, extensionId) {
  const prefix = `chrome-extension://${extensionId}/`;
  const contentEval = events.find(
    (e) => e.name === 'EvaluateScript' && scriptUrl(e).startsWith(prefix) && scriptUrl(e).endsWith('.js'),
  );
  const empty = {
    ran: false,
    extMs: 0,
    scriptMs: 0,
    measuresMs: 0,
    marksInPlaceMs: null,
    longTasks: [],
    maxExtTaskMs: 0,
    steps: {},
    instants: {},
  };
  if (!contentEval) return empty;
  const onMain = (e) => e.pid === contentEval.pid && e.tid === contentEval.tid;

  const scriptSlices = events
    .filter((e) => e.ph === 'X' && onMain(e) && SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(prefix))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)]);

  // performance.measure('triangle-lens:<step>') → async begin/end pairs in blink.user_timing.
  const open = new Map();
  const measureSlices = [];
  const steps = {};
  const instantsUs = {};
  for (const e of events) {
    if (!e.cat?.includes('blink.user_timing') || !e.name?.startsWith('triangle-lens:')) continue;
    const key = `${e.name}|${JSON.stringify(e.id2 ?? e.id ?? '')}`;
    if (e.ph === 'b') open.set(key, e.ts);
    else if (e.ph === 'e' && open.has(key)) {
      const start = open.get(key);
      open.delete(key);
      measureSlices.push([start, e.ts]);
      const step = e.name.slice('triangle-lens:'.length);
      steps[step] = (steps[step] ?? 0) + (e.ts - start) / 1000;
    } else if (e.ph === 'I' || e.ph === 'R' || e.ph === 'i') {
      instantsUs[e.name.slice('triangle-lens:'.length)] ??= e.ts;
    }
  }

  const extSlices = [...scriptSlices, ...measureSlices];
  const tasks = events.filter((e) => e.ph === 'X' && onMain(e) && e.name === 'RunTask');
  const taskExt = tasks.map((t) => ({
    ms: t.dur / 1000,
    extMs: overlap(extSlices, [t.ts, t.ts + t.dur]) / 1000,
  }));
  return {
    ran: true,
    extMs: unionLength(extSlices) / 1000,
    scriptMs: unionLength(scriptSlices) / 1000,
    measuresMs: unionLength(measureSlices) / 1000,
    marksInPlaceMs:
      instantsUs['marks-in-place'] === undefined
        ? null
        : (instantsUs['marks-in-place'] - contentEval.ts) / 1000,
    longTasks: taskExt.filter((t) => t.ms > 50 && t.extMs > 0),
    maxExtTaskMs: Math.max(0, ...taskExt.map((t) => t.extMs)),
    steps,
    instants: Object.fromEntries(
      Object.entries(instantsUs).map(([name, ts]) => [name, (ts - contentEval.ts) / 1000]),
    ),
  };
}

/**
 * Enables the runtime domain on `cdp` (a page's DevTools session) and resolves with the extension's
 * isolated world in that page (its execution context), once it exists: the world the extension's
 * content scripts run in, which `origin` (`chrome-extension://<id>`) names.
 */
export async function extensionWorld(cdp, origin, timeoutMs = 10_000) {
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  const end = Date.now() + timeoutMs;
  for (;;) {
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin === origin);
    if (world) return world;
    if (Date.now() > end) throw new Error(`no isolated world of ${origin} in the page`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The analysis the gate handed to the lens, read from the page's isolated world: its `timings` (ms per
 * pipeline step where the analysis ran, off the page), or null.
 */
export async function analysisTimings(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  try {
    const world = await extensionWorld(cdp, `chrome-extension://${extensionId}`, 1000);
    const r = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      returnByValue: true,
      expression: 'globalThis.__triangleLensBridge?.analysis?.timings ?? null',
    });
    return r.result?.value ?? null;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
