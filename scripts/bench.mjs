#!/usr/bin/env node
/**
 * `npm run bench`: what the built extension costs, measured in real Chromium in one run.
 *   (a) off-topic pages (the shared real pages): extension main-thread time / one TreeWalker pass
 *   (b) on-topic pages: content-script main-thread time / a Readability parse; marks in place / parse;
 *       the name pass (root + marks) / the reference TreeWalker content script
 *   (c) the content script's gzip size
 *   (d) long tasks (> 50 ms) on the page's main thread with extension work in them
 *   (e) the history popup with a large vs a small history: open, search keystroke, one save
 * Prints `name: value (goal …)` lines and writes .bench/results.json. No goal is asserted.
 * `npm run bench` builds the perf build first (`wxt build --mode perf` → .output/chrome-mv3-perf).
 *
 *   node scripts/bench.mjs [--reps N] [--sample N] [--all-reps] [--no-popup] [--popup-only] [--large N]
 *     --reps N      repetitions per page (medians are reported; default 3)
 *     --sample N    how many shared pages get every repetition (evenly spread; default 30)
 *     --all-reps    every shared page gets every repetition (slow: ~130 × reps loads)
 *     --no-popup    skip (e)
 *     --popup-only  only (c) and (e): the history figures alone (about two minutes)
 *     --popup-reps N  repetitions of each popup figure: open, each search, save (medians; default 7)
 *     --large N     articles in the large history for (e) (default 10000)
 *     --corpus N    only N of the shared pages, evenly spread (quick runs; default all)
 *     --no-flood    skip (f): another tab's time to marks during a pushState flood vs quiet
 *     --backup N    also (g): back up a history of N articles (200000 is the goal; tens of minutes):
 *                   import, export JSON and CSV, clear, import the export, compare (scripts/bench/backup.mjs)
 *     --backup-only only (g)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listCorpus, startServer } from '../tests/e2e/server.mjs';
import { launchWithExtension } from './bench/chromium.mjs';
import { analysisTimings, analyzeTrace, tracedLoad } from './bench/trace.mjs';
import { median, readabilityMs, treeWalkerMs } from './bench/in-page.mjs';
import { benchPopup } from './bench/popup.mjs';
import { benchFlood } from './bench/flood.mjs';
import { benchBackup } from './bench/backup.mjs';
import { writeReferenceExtension } from './bench/reference-extension.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REPS = opt('--reps', 3);
const SAMPLE = opt('--sample', 30);
const LARGE = opt('--large', 10_000);
const ALL_REPS = args.includes('--all-reps');
const BACKUP_ONLY = args.includes('--backup-only');
const BACKUP = opt('--backup', BACKUP_ONLY ? 200_000 : 0);
const POPUP = !args.includes('--no-popup') && !BACKUP_ONLY;
const POPUP_ONLY = args.includes('--popup-only') || BACKUP_ONLY;
const POPUP_REPS = opt('--popup-reps', Math.max(7, REPS));

// The bench loads the perf build (`wxt build --mode perf`, made by `npm run bench`): the same code
// plus the User Timing measures it adds up (utils/perf.ts), so its figures are, if anything, high.
// The size reported is the installed build's gate.js when there is one.
const outputDir = process.env.TL_OUTPUT_DIR || join(root, '.output');
const buildDir = join(outputDir, 'chrome-mv3-perf');
const shippedGate = join(outputDir, 'chrome-mv3', 'gate.js');
const contentJs = existsSync(shippedGate) ? shippedGate : join(buildDir, 'gate.js');
if (!existsSync(join(buildDir, 'gate.js'))) {
  console.error(
    `No perf build at ${buildDir}: run \`npm run bench\` (or \`npx wxt build --mode perf\`) first.`,
  );
  process.exit(1);
}

const round = (x, d = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(d));
const ratio = (a, b) => (a === null || b === null || !(b > 0) ? null : a / b);
const quantile = (values, q) => {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] : null;
};
const lines = [];
function report(name, value, goal, note = '') {
  const shown = value === null || value === undefined ? 'not measured' : value;
  const line = `${name}: ${shown}${goal ? ` (goal ${goal})` : ''}${note ? ` — ${note}` : ''}`;
  lines.push(line);
  console.log(line);
}
const log = (...m) => console.error('[bench]', ...m);

const results = { when: new Date().toISOString(), reps: REPS, build: buildDir };

// (c) size
const gz = gzipSync(readFileSync(contentJs), { level: 9 }).length;
results.contentScript = { bytes: readFileSync(contentJs).length, gzipBytes: gz };

const server = await startServer();
const reference = writeReferenceExtension();
const browser = await launchWithExtension(buildDir, { alsoLoad: [reference.dir] });
const { context, extensionId } = browser;

try {
  if (!POPUP_ONLY) {
    // (a) + (d): the shared real pages, none of them on the topic.
    const every = listCorpus();
    const spread = (list, n) => {
      const k = Math.min(n, list.length);
      return Array.from({ length: k }, (_, i) => list[Math.floor((i * list.length) / k)]);
    };
    const slugs = spread(every, opt('--corpus', every.length));
    const sample = new Set(spread(slugs, SAMPLE));
    const perPage = new Map(
      slugs.map((s) => [
        s,
        { ext: [], ref: [], walker: [], script: [], measures: [], verdicts: [], longTasks: [], maxTask: [] },
      ]),
    );
    for (let rep = 0; rep < REPS; rep++) {
      const todo = rep === 0 || ALL_REPS ? slugs : slugs.filter((s) => sample.has(s));
      log(`shared pages, repetition ${rep + 1}/${REPS}: ${todo.length} pages`);
      for (const slug of todo) {
        const r = perPage.get(slug);
        try {
          const { page, events, verdict } = await tracedLoad(context, server.url(`/corpus/${slug}/`), {
            settleMs: 500,
          });
          const t = analyzeTrace(events, extensionId);
          r.verdicts.push(t.ran ? verdict : 'no-content-script');
          r.ext.push(t.extMs);
          const ref = analyzeTrace(events, reference.id);
          if (ref.ran) r.ref.push(ref.extMs);
          r.script.push(t.scriptMs);
          r.measures.push(t.measuresMs);
          r.longTasks.push(t.longTasks);
          r.maxTask.push(t.maxExtTaskMs);
          r.walker.push(await treeWalkerMs(page));
          await page.close();
        } catch (e) {
          r.verdicts.push(`error: ${String(e?.message ?? e).split('\n')[0]}`);
        }
      }
    }
    const pages = [...perPage].map(([slug, r]) => {
      const ext = median(r.ext);
      const walker = median(r.walker);
      const ref = median(r.ref);
      return {
        slug,
        reps: r.ext.length,
        extMs: round(ext),
        referenceMs: round(ref, 3),
        refRatio: round(ratio(ext, ref)),
        scriptMs: round(median(r.script)),
        measuresMs: round(median(r.measures)),
        treeWalkerMs: round(walker, 3),
        ratio: round(ratio(ext, walker)),
        verdicts: [...new Set(r.verdicts)],
        longTasks: r.longTasks.flat().map((t) => ({ ms: round(t.ms), extMs: round(t.extMs) })),
        maxExtTaskMs: round(Math.max(0, ...r.maxTask)),
      };
    });
    const sampled = pages.filter((p) => sample.has(p.slug));
    const ratios = (list) => list.map((p) => p.ratio).filter((x) => x !== null);
    const worst = [...pages].filter((p) => p.ratio !== null).sort((a, b) => b.ratio - a.ratio)[0];
    results.offTopic = {
      pages,
      sample: [...sample],
      medianRatioSample: round(median(ratios(sampled))),
      medianRatioAll: round(median(ratios(pages))),
      p90RatioAll: round(quantile(ratios(pages), 0.9)),
      pooledRatioAll: round(
        ratio(
          pages.reduce((s, p) => s + (p.extMs ?? 0), 0),
          pages.reduce((s, p) => s + (p.treeWalkerMs ?? 0), 0),
        ),
      ),
      medianExtMs: round(median(pages.map((p) => p.extMs))),
      medianReferenceMs: round(median(pages.map((p) => p.referenceMs)), 3),
      medianRefRatioSample: round(median(sampled.map((p) => p.refRatio).filter((x) => x !== null))),
      medianRefRatioAll: round(median(pages.map((p) => p.refRatio).filter((x) => x !== null))),
      medianTreeWalkerMs: round(median(pages.map((p) => p.treeWalkerMs)), 3),
      worst: worst ? { slug: worst.slug, ratio: worst.ratio } : null,
      markedPages: pages.filter((p) => p.verdicts.includes('marks')).map((p) => p.slug),
      errors: pages.filter((p) => p.verdicts.some((v) => v.startsWith('error'))).map((p) => p.slug),
    };
    const longTasks = pages.flatMap((p) => p.longTasks.map((t) => ({ slug: p.slug, ...t })));
    results.longTasks = {
      count: longTasks.length,
      causedByExtension: longTasks.filter((t) => t.extMs > 50).length,
      tasks: longTasks,
      maxExtTaskMs: round(Math.max(0, ...pages.map((p) => p.maxExtTaskMs ?? 0))),
    };

    // (b) on-topic pages.
    const onTopic = {};
    for (const path of ['/seed-article.html', '/e2e/ontopic-energy.html']) {
      const r = {
        ext: [],
        script: [],
        measures: [],
        marks: [],
        readability: [],
        warm: [],
        verdicts: [],
        steps: [],
        namePass: [],
        ref: [],
        instants: [],
        pipeline: [],
      };
      for (let rep = 0; rep < REPS; rep++) {
        log(`on-topic ${path}, repetition ${rep + 1}/${REPS}`);
        const { page, events, verdict } = await tracedLoad(context, server.url(path), { settleMs: 1500 });
        const t = analyzeTrace(events, extensionId);
        r.verdicts.push(verdict);
        r.ext.push(t.extMs);
        r.script.push(t.scriptMs);
        r.measures.push(t.measuresMs);
        r.marks.push(t.marksInPlaceMs ?? NaN);
        r.steps.push(t.steps);
        r.instants.push(t.instants);
        r.pipeline.push((await analysisTimings(context, page, extensionId)) ?? {});
        // The name pass: finding the article's root and planning + applying the marks over its text.
        r.namePass.push((t.steps['find-root'] ?? 0) + (t.steps.mark ?? 0));
        const ref = analyzeTrace(events, reference.id);
        if (ref.ran) r.ref.push(ref.extMs);
        const parse = await readabilityMs(page);
        if (!parse.ok) log(`Readability found no article in ${path}`);
        r.readability.push(parse.coldMs);
        r.warm.push(parse.warmMs);
        await page.close();
      }
      const parse = median(r.readability);
      onTopic[path] = {
        verdicts: [...new Set(r.verdicts)],
        extMs: round(median(r.ext)),
        scriptMs: round(median(r.script)),
        measuresMs: round(median(r.measures)),
        marksInPlaceMs: round(median(r.marks)),
        readabilityMs: round(parse),
        readabilityWarmMs: round(median(r.warm)),
        mainThreadRatio: round(ratio(median(r.ext), parse)),
        marksRatio: round(ratio(median(r.marks), parse)),
        namePassMs: round(median(r.namePass)),
        referenceMs: round(median(r.ref), 3),
        namePassRatio: round(ratio(median(r.namePass), median(r.ref))),
        steps: r.steps,
        breakdown: breakdown(r),
      };
    }
    results.onTopic = onTopic;
  }

  // (e) the popup.
  if (POPUP) {
    log(`popup: importing 10 then ${LARGE} synthetic articles`);
    const tmp = join(root, '.tmp', 'bench');
    mkdirSync(tmp, { recursive: true });
    try {
      const p = await benchPopup({
        context,
        popupUrl: browser.extensionUrl('popup.html'),
        pageUrl: server.url('/e2e/offtopic-news.html'),
        root,
        tmp,
        reps: POPUP_REPS,
        small: 10,
        large: LARGE,
      });
      results.popup = {
        ...p,
        openRatio: round(ratio(p.large.openMs, p.small.openMs)),
        openFullRatio: round(ratio(p.large.openFullMs, p.small.openFullMs)),
        searchRatio: round(ratio(p.large.searchMs, p.small.searchMs)),
        searchWithTypingDelayRatio: round(
          ratio(p.large.searchWithTypingDelayMs, p.small.searchWithTypingDelayMs),
        ),
        saveRatio: round(ratio(p.large.saveMs, p.small.saveMs)),
        twoWordSearchRatio: round(ratio(p.large.twoWordSearchMs, p.small.twoWordSearchMs)),
        twoWordSearchWithTypingDelayRatio: round(
          ratio(p.large.twoWordSearchWithTypingDelayMs, p.small.twoWordSearchWithTypingDelayMs),
        ),
        twoWordNewPrefixSearchRatio: round(
          ratio(p.large.twoWordNewPrefixSearchMs, p.small.twoWordNewPrefixSearchMs),
        ),
      };
    } catch (e) {
      results.popup = { error: String(e?.message ?? e) };
    }
  }
  // (g) backups of a large history.
  if (BACKUP) {
    const tmp = join(root, '.tmp', 'bench');
    mkdirSync(tmp, { recursive: true });
    try {
      results.backup = await benchBackup({
        context,
        popupUrl: browser.extensionUrl('popup.html'),
        root,
        tmp,
        articles: BACKUP,
        log,
      });
    } catch (e) {
      results.backup = { error: String(e?.message ?? e) };
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Where an on-topic page's time goes (medians over the repetitions, ms): on the page's main thread by
 * step, and the time to marks by stage (the gate until it asks, the wait for the analysis split into
 * the pipeline where it ran and the rest, the lens once the answer is in).
 */
function breakdown(r) {
  const med = (f) => round(median(r.steps.map((_, i) => f(i))));
  const step = (i, name) => r.steps[i][name] ?? 0;
  const measured = (i) => Object.values(r.steps[i]).reduce((a, b) => a + b, 0);
  const at = (i, name) => r.instants[i]?.[name] ?? NaN;
  const pipe = (i, name) => r.pipeline[i]?.[name] ?? NaN;
  const pipeTotal = (i) =>
    ['parse', 'extract', 'topic', 'people', 'stance'].reduce((a, k) => a + (r.pipeline[i]?.[k] ?? 0), 0);
  return {
    mainThread: {
      gate: med((i) => step(i, 'gate')),
      serialize: med((i) => step(i, 'serialize')),
      findRoot: med((i) => step(i, 'find-root')),
      mark: med((i) => step(i, 'mark')),
      scriptOutsideSteps: med((i) => r.ext[i] - measured(i)),
    },
    toMarks: {
      untilAsked: med((i) => at(i, 'asked')),
      waitForAnalysis: med((i) => at(i, 'answered') - at(i, 'asked')),
      pipeline: {
        parse: med((i) => pipe(i, 'parse')),
        readability: med((i) => pipe(i, 'extract')),
        topic: med((i) => pipe(i, 'topic')),
        people: med((i) => pipe(i, 'people')),
        stance: med((i) => pipe(i, 'stance')),
      },
      waitOutsidePipeline: med((i) => at(i, 'answered') - at(i, 'asked') - pipeTotal(i)),
      afterAnswer: med((i) => at(i, 'marks-in-place') - at(i, 'answered')),
    },
  };
}

// Report.
const o = results.offTopic;
console.log('');
if (o) {
  report(
    'off-topic: extension main-thread time / one TreeWalker pass in a content script, median of the sampled shared pages',
    o.medianRefRatioSample,
    '≤ 0.5',
    `${results.offTopic.sample.length} pages × ${REPS} reps, the reference content script loaded beside ours in the same page loads; all ${o.pages.length} pages: median ${o.medianRefRatioAll}; median extension ${o.medianExtMs} ms vs reference ${o.medianReferenceMs} ms`,
  );
  report(
    'off-topic: extension main-thread time / a warm TreeWalker pass run in the page',
    o.medianRatioSample,
    '',
    `all ${o.pages.length} pages: median ${o.medianRatioAll}, p90 ${o.p90RatioAll}, worst ${o.worst?.slug} ${o.worst?.ratio}; median extension ${o.medianExtMs} ms vs in-page pass ${o.medianTreeWalkerMs} ms (repeated passes, caches warm: a lower bound no content script reaches)`,
  );
  if (o.markedPages.length)
    report('off-topic: shared pages that got marks', o.markedPages.length, '0', o.markedPages.join(', '));
  for (const [path, r] of Object.entries(results.onTopic)) {
    report(
      `on-topic ${path}: content-script main-thread time / Readability parse`,
      r.mainThreadRatio,
      '≤ 1.0',
      `${r.extMs} ms vs a cold parse of ${r.readabilityMs} ms (warm ${r.readabilityWarmMs} ms); verdict: ${r.verdicts.join('/')}`,
    );
    report(
      `on-topic ${path}: marks in place / Readability parse`,
      r.marksRatio,
      '≤ 2.5',
      `${r.marksInPlaceMs} ms from the content script's start`,
    );
    const b = r.breakdown;
    if (b) {
      const m = b.mainThread;
      const t = b.toMarks;
      const p = t.pipeline;
      report(
        `on-topic ${path}: the main-thread time by step (ms)`,
        r.extMs,
        '',
        `gate's look ${m.gate}, serialising ${m.serialize} (in slices), article root ${m.findRoot}, marks ${m.mark}; loading and running the scripts outside those steps (compile, messages, listeners) ${m.scriptOutsideSteps}`,
      );
      report(
        `on-topic ${path}: the time to marks by stage (ms)`,
        r.marksInPlaceMs,
        '',
        `gate until it asks ${t.untilAsked}; waiting for the analysis ${t.waitForAnalysis}, of which the pipeline off the page: parse ${p.parse}, Readability ${p.readability}, topic ${p.topic}, people ${p.people}, stance ${p.stance}, and ${t.waitOutsidePipeline} outside it (messages page → worker → offscreen document and back, the queue, injecting the lens); the lens after the answer ${t.afterAnswer}`,
      );
    }
    report(
      `on-topic ${path}: name pass (article root + marks) / one TreeWalker pass in a content script`,
      r.namePassRatio,
      'a few times',
      `${r.namePassMs} ms vs the reference script's ${r.referenceMs} ms in the same page loads`,
    );
  }
}
report(
  'gate.js (the script every page loads) gzip size (kB)',
  round(results.contentScript.gzipBytes / 1000, 1),
  '≤ 5',
  `${results.contentScript.gzipBytes} bytes gzip -9, ${results.contentScript.bytes} raw`,
);
if (o) {
  report(
    'long tasks > 50 ms with extension work in them, shared pages',
    results.longTasks.count,
    '0',
    `${results.longTasks.causedByExtension} where the extension alone took > 50 ms; longest extension slice within one task ${results.longTasks.maxExtTaskMs} ms`,
  );
}
if (!results.popup) {
  report('popup with 10,000 articles vs 10', null, '≤ 1.5', 'not measured (--no-popup)');
} else if (results.popup.error) {
  report('popup with 10,000 articles vs 10', null, '≤ 1.5', `not measured yet: ${results.popup.error}`);
} else {
  const p = results.popup;
  const n = `${p.large.articles} articles / ${p.large.experts} experts vs ${p.small.articles}`;
  report(
    `popup open → first rows drawn, ${n}`,
    p.openRatio,
    '≤ 1.5',
    `${round(p.large.openMs)} ms vs ${round(p.small.openMs)} ms`,
  );
  report(
    `popup open → whole first page drawn (25 rows vs 10), ${n}`,
    p.openFullRatio,
    '≤ 1.5',
    `${round(p.large.openFullMs)} ms vs ${round(p.small.openFullMs)} ms`,
  );
  report(
    `popup search keystroke → results rendered, ${n}`,
    p.searchRatio,
    '≤ 1.5',
    `${round(p.large.searchMs)} ms vs ${round(p.small.searchMs)} ms after the typing delay; with it ${round(p.large.searchWithTypingDelayMs)} vs ${round(p.small.searchWithTypingDelayMs)} ms`,
  );
  report(
    `popup two-word search keystroke → results rendered, ${n}`,
    p.twoWordSearchRatio,
    '≤ 1.5',
    `"pipeline summi" ± "t": ${round(p.large.twoWordSearchMs)} ms vs ${round(p.small.twoWordSearchMs)} ms after the typing delay; with it ${round(p.large.twoWordSearchWithTypingDelayMs)} vs ${round(p.small.twoWordSearchWithTypingDelayMs)} ms`,
  );
  report(
    `popup two-word search keystroke, new prefix each time → results rendered, ${n}`,
    p.twoWordNewPrefixSearchRatio,
    '≤ 1.5',
    `"moscow tar" + "i" and the like: ${round(p.large.twoWordNewPrefixSearchMs)} ms vs ${round(p.small.twoWordNewPrefixSearchMs)} ms after the typing delay; with it ${round(p.large.twoWordNewPrefixSearchWithTypingDelayMs)} vs ${round(p.small.twoWordNewPrefixSearchWithTypingDelayMs)} ms`,
  );
  report(
    `one save (saveArticle round trip), ${n}`,
    p.saveRatio,
    'flat, ≈ 1',
    `${round(p.large.saveMs)} ms vs ${round(p.small.saveMs)} ms`,
  );
}
// (f) a pushState flood in one tab vs another tab's time to marks (its own fresh browsers).
if (!args.includes('--no-flood') && !POPUP_ONLY && !BACKUP_ONLY) {
  try {
    results.flood = await benchFlood({ extensionDir: buildDir, reps: Math.max(5, REPS), log });
  } catch (e) {
    results.flood = { error: String(e?.message ?? e) };
  }
  const f = results.flood;
  report(
    'another tab’s time to marks during a pushState flood vs quiet',
    round(f.ratio ?? null),
    '≤ 2',
    f.error ? `not measured: ${f.error}` : `${round(f.floodMs)} ms vs ${round(f.quietMs)} ms`,
  );
}
const b = results.backup;
if (b?.error) report('backup of a large history', null, '', `not measured: ${b.error}`);
else if (b) {
  const mb = round(b.exportCsv.bytes / 1e6, 0);
  report(
    `backup: ${b.articles} articles imported from CSV, exported, imported back from JSON, losslessly`,
    b.jsonLossless && b.roundTrip && b.csvLossless ? 'yes' : 'NO',
    'yes',
    `after the CSV import: JSON export = source ${b.jsonLossless}, CSV export = source ${b.csvLossless}; after clear + import of the JSON export, both again: ${b.roundTrip}`,
  );
  report(
    `backup: import of ${b.articles} articles (the CSV export) into an empty history (s)`,
    round(b.firstImport.seconds, 0),
    '',
    `checking the file ${round(b.firstImport.checkSeconds, 0)} s, writing ${round(b.firstImport.writeSeconds, 0)} s in ${b.firstImport.batches} batches, slowest batch ${round(b.firstImport.maxBatchMs, 0)} ms; ${mb} MB CSV file`,
  );
  report(
    `backup: import of the JSON export after clearing (s)`,
    round(b.reImport.seconds, 0),
    '',
    `checking the file ${round(b.reImport.checkSeconds, 0)} s, writing ${round(b.reImport.writeSeconds, 0)} s, slowest batch ${round(b.reImport.maxBatchMs, 0)} ms`,
  );
  report(
    `backup: export of ${b.articles} articles (s), JSON / CSV`,
    `${round(b.exportJson.seconds, 0)} / ${round(b.exportCsv.seconds, 0)}`,
    '',
    `${b.exportJson.pieces} / ${b.exportCsv.pieces} pieces, slowest ${round(b.exportJson.maxPieceMs, 0)} / ${round(b.exportCsv.maxPieceMs, 0)} ms`,
  );
  for (const [name, r] of [
    ['first import (CSV)', b.firstImport],
    ['import of the JSON export after clearing', b.reImport],
  ]) {
    report(
      `backup: ${name}, last ${b.sliceArticles} articles / first ${b.sliceArticles} (time)`,
      round(r.lastVsFirstSlice),
      'flat, ≈ 1',
      `per ${b.sliceArticles}: ${r.slices.map((x) => round(x, 1)).join(', ')} s`,
    );
  }
}
results.summary = lines;
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2));
console.log('\nwrote .bench/results.json');
