/**
 * Issue 13 item 4: one tab floods the extension with single-page navigations (a 2.3 MB on-topic page of ~56,000 elements
 * calling `history.pushState` every 900 ms) while another tab opens an on-topic article. Reports the
 * other tab's time to marks (median of `reps`) during the flood and in a quiet browser, and their
 * ratio (goal ≤ 2). Runs its own fresh browser.
 *   node scripts/bench/flood.mjs [extension dir] [reps]   (default: .output/chrome-mv3-perf, 5)
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from './chromium.mjs';
import { median } from './in-page.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const MARK = 'triangle-lens-mark';
const FLOOD_CHARS = 2_300_000;

/** The on-topic fixture with ~5 MB of filler paragraphs (our own words) and a pushState loop. */
function floodPage(article) {
  // Inline elements make it costly to parse (about 55,000 elements, under the 60,000 the gate allows).
  const filler =
    '<p>Trade officials in <a href="/moscow">Moscow</a> and <a href="/beijing">Beijing</a> met again ' +
    'this week to talk about <em>pipeline tariffs</em>, <span>payment channels</span> and the long wait ' +
    'for a <b>contract</b> that <i>neither side</i> will sign on the other’s terms. <span>Delegations</span> ' +
    'swapped <em>figures</em> on volumes and prices, and each went home to report a <b>productive</b> meeting.</p>\n';
  const extra = filler.repeat(Math.ceil(FLOOD_CHARS / filler.length));
  const script =
    '<script>let n = 0; setInterval(() => history.pushState({}, "", "/flood/story-" + ++n), 900);</script>';
  return article.replace('</article>', `${extra}</article>`).replace('</body>', `${script}</body>`);
}

async function serve() {
  const article = readFileSync(join(root, 'tests', 'fixtures', 'e2e', 'ontopic-energy.html'), 'utf8');
  const flood = floodPage(article);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url?.startsWith('/flood') ? flood : article);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, floodChars: flood.length, close: () => new Promise((done) => server.close(done)) };
}

/** Opens the quiet article in a new tab; ms from navigation start to the first mark. */
async function timeToMarks(context, url) {
  const page = await context.newPage();
  try {
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(MARK).first().waitFor({ state: 'attached', timeout: 120_000 });
    return Date.now() - t0;
  } finally {
    await page.close();
  }
}

export async function benchFlood({ extensionDir, reps = 5, log = () => {} }) {
  const server = await serve();
  const measure = async (flooding) => {
    const browser = await launchWithExtension(extensionDir);
    try {
      // Warm the extension once (its analyser's first run) in both conditions alike.
      await timeToMarks(browser.context, `${server.base}/quiet/warm`);
      let flood = null;
      if (flooding) {
        flood = await browser.context.newPage();
        await flood.goto(`${server.base}/flood/story-0`, { waitUntil: 'load' });
        await flood.waitForTimeout(3000); // the loop has been running for a few rounds
      }
      const times = [];
      for (let i = 0; i < reps; i++)
        times.push(await timeToMarks(browser.context, `${server.base}/quiet/${i}`));
      const floodNavigations = flood ? await flood.evaluate(() => history.length) : 0;
      return { ms: median(times), times, floodNavigations };
    } finally {
      await browser.close();
    }
  };
  try {
    log('flood: quiet run');
    const quiet = await measure(false);
    log('flood: run with a pushState flood in another tab');
    const flood = await measure(true);
    return {
      floodPageChars: server.floodChars,
      quietMs: quiet.ms,
      floodMs: flood.ms,
      quietTimes: quiet.times,
      floodTimes: flood.times,
      floodNavigations: flood.floodNavigations,
      ratio: quiet.ms > 0 ? flood.ms / quiet.ms : null,
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || join(root, '.output', 'chrome-mv3-perf');
  const r = await benchFlood({ extensionDir: dir, reps: Number(process.argv[3] || 5), log: console.error });
  console.log(JSON.stringify(r, null, 2));
  console.log(
    `another tab's time to marks during a pushState flood vs quiet: ${r.ratio?.toFixed(2)} (goal ≤ 2) — ${r.floodMs} ms vs ${r.quietMs} ms`,
  );
}
