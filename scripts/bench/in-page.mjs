/** Baselines measured in the page's own main world, in the same run. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const readabilitySource = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

export function median(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * One plain TreeWalker pass over the page's text nodes (reading each node's text), in ms.
 * performance.now() is coarsened to 0.1 ms in a page, so each estimate times as many passes as
 * it takes to fill 5 ms and divides; the median of `reps` estimates is returned.
 */
export async function treeWalkerMs(page, reps = 5) {
  const times = await page.evaluate((n) => {
    const pass = () => {
      const walker = document.createTreeWalker(
        document.body ?? document.documentElement,
        NodeFilter.SHOW_TEXT,
      );
      let chars = 0;
      while (walker.nextNode()) chars += walker.currentNode.nodeValue.length;
      return chars;
    };
    const out = [];
    let sink = 0;
    for (let i = 0; i < n; i++) {
      let k = 0;
      const t0 = performance.now();
      let t1 = t0;
      while (t1 - t0 < 5 || k < 1) {
        sink += pass();
        k++;
        t1 = performance.now();
      }
      out.push((t1 - t0) / k);
    }
    window.__tlBenchSink = sink;
    return out;
  }, reps);
  return median(times);
}

/**
 * A Readability parse of the page as the extension would meet it: the first
 * `new Readability(document.cloneNode(true)).parse()` in a freshly loaded page (cold), in ms, and
 * the median of `warmReps` more (warm, for reference). `ok` is false when the parse found nothing.
 */
export async function readabilityMs(page, warmReps = 3) {
  await page.evaluate(`${readabilitySource}\n;window.__tlBenchReadability = Readability; undefined`);
  const r = await page.evaluate((n) => {
    const R = window.__tlBenchReadability;
    const times = [];
    let ok = true;
    for (let i = 0; i <= n; i++) {
      const t0 = performance.now();
      const article = new R(document.cloneNode(true)).parse();
      times.push(performance.now() - t0);
      ok &&= Boolean(article);
    }
    return { cold: times[0], warm: times.slice(1), ok };
  }, warmReps);
  return { coldMs: r.cold, warmMs: median(r.warm), ok: r.ok };
}
