/**
 * Backups of a large history through the extension's own paths in real Chromium (the popup's Data
 * tab, the background's batches): a synthetic history of N articles (utils/db/synthetic.ts), written
 * as a CSV export, is imported into an empty history and exported as JSON and CSV; the history is
 * cleared, the JSON export imported and both exported again. So each format is imported once and
 * every export checked to hold exactly the source's articles (fingerprints from
 * scripts/bench/backup-digest.ts). Reports the times, and each import's time per 25,000 articles,
 * first vs last (the cost of a batch should not grow with the history already there).
 *
 *   node scripts/bench/backup.mjs [--articles N]     alone (its own Chromium; default 200000)
 *   npm run bench -- --backup-only [--backup N]      the same inside the bench
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Import times are compared per slice of this many articles (fewer when the history is small). */
const SLICE = 25_000;

function tsx(root, script, args) {
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'bench', script), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr || run.stdout}`);
  return run.stdout.trim();
}

/** Logs, in the popup, when each message to the background leaves and is answered. */
const PROBE = () => {
  const log = (window.__tlBackupLog = []);
  const runtime = globalThis.chrome.runtime;
  const original = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message, ...rest) => {
    const entry = { type: message?.type, sent: performance.now(), answered: null };
    log.push(entry);
    const done = () => (entry.answered = performance.now());
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
};

async function openData(context, popupUrl) {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(popupUrl);
  await page.getByTestId('data-tab').click();
  return page;
}

async function waitForStatus(page, pattern, timeout) {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(document.querySelector('[data-testid="data-status"]')?.textContent ?? '') ||
      !!document.querySelector('[data-testid="data-error"]'),
    pattern.source,
    { timeout, polling: 500 },
  );
  const error = await page
    .getByTestId('data-error')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (error) throw new Error(error);
}

async function importThroughPopup(context, popupUrl, file, timeout, slice) {
  const page = await openData(context, popupUrl);
  const t0 = Date.now();
  const pageStart = await page.evaluate(() => performance.now());
  await page.getByTestId('import-file').setInputFiles(file);
  await waitForStatus(page, /Import finished/, timeout);
  const seconds = (Date.now() - t0) / 1000;
  const log = await page.evaluate(() => window.__tlBackupLog);
  const status = await page.getByTestId('data-status').textContent();
  await page.close();
  const batches = log.filter((e) => e.type === 'importArticles' && e.answered !== null);
  // Time from the first batch sent to the last answered, per slice of articles (500 a batch).
  const perBatch = Math.max(1, Math.round(slice / 500));
  const slices = [];
  for (let i = 0; i + perBatch <= batches.length; i += perBatch) {
    slices.push((batches[i + perBatch - 1].answered - batches[i].sent) / 1000);
  }
  const writeStart = batches[0]?.sent ?? 0;
  // The whole file is checked in the page before the background hears of the import.
  const checkSeconds = ((log.find((e) => e.type === 'importBegin')?.sent ?? pageStart) - pageStart) / 1000;
  const writeSeconds = batches.length ? (batches.at(-1).answered - writeStart) / 1000 : null;
  const maxBatchMs = Math.max(0, ...batches.map((b) => b.answered - b.sent));
  return { seconds, status, slices, writeSeconds, checkSeconds, maxBatchMs, batches: batches.length };
}

async function exportThroughPopup(context, popupUrl, format, out, timeout) {
  const page = await openData(context, popupUrl);
  const t0 = Date.now();
  const downloading = page.waitForEvent('download', { timeout });
  await page.getByTestId(`export-${format}`).click();
  const download = await downloading;
  await download.saveAs(out);
  const seconds = (Date.now() - t0) / 1000;
  const log = await page.evaluate(() => window.__tlBackupLog);
  await page.close();
  const pieces = log.filter((e) => e.type === 'exportNext' && e.answered !== null);
  return {
    seconds,
    bytes: statSync(out).size,
    pieces: pieces.length,
    maxPieceMs: Math.max(0, ...pieces.map((p) => p.answered - p.sent)),
  };
}

async function clearThroughPopup(context, popupUrl, timeout) {
  const page = await openData(context, popupUrl);
  await page.getByTestId('clear-history').click();
  await page.getByTestId('confirm-clear').click();
  await waitForStatus(page, /cleared/, timeout);
  await page.close();
}

/**
 * @param {{ context: import('@playwright/test').BrowserContext, popupUrl: string, root: string,
 *   tmp: string, articles: number, log?: (...m: unknown[]) => void }} o
 */
export async function benchBackup(o) {
  const log = o.log ?? (() => {});
  // Each step may take up to 30 min, or 20 ms per article for larger histories (200,000: 67 min).
  const timeout = Math.max(30 * 60_000, o.articles * 20);
  const source = join(o.tmp, `backup-source-${o.articles}.json`);
  const sourceCsv = join(o.tmp, `backup-source-${o.articles}.csv`);
  log(`backup: writing a synthetic history of ${o.articles} articles as a JSON and a CSV export`);
  tsx(o.root, 'synthetic-export.ts', ['export', String(o.articles), source, '--csv', sourceCsv]);
  const want = JSON.parse(tsx(o.root, 'backup-digest.ts', ['json', source]));
  const digestOf = (file, kind) => JSON.parse(tsx(o.root, 'backup-digest.ts', [kind, file]));
  // Every export must hold exactly the source's articles (JSON: the articles; CSV: every row, the
  // url and title cells, and the articles in its backup column).
  const check = (file, kind) => {
    const got = digestOf(file, kind);
    return kind === 'json'
      ? got.articles === want.articles && got.digest === want.digest
      : got.rows === want.articles && got.digest === want.digest && got.csvDigest === want.csvDigest;
  };
  const slice = Math.min(SLICE, Math.max(500, Math.floor(o.articles / 4)));
  const exportBoth = async (tag) => {
    const jsonFile = join(o.tmp, `backup-export-${tag}.json`);
    const csvFile = join(o.tmp, `backup-export-${tag}.csv`);
    const json = await exportThroughPopup(o.context, o.popupUrl, 'json', jsonFile, timeout);
    const csv = await exportThroughPopup(o.context, o.popupUrl, 'csv', csvFile, timeout);
    return {
      jsonFile,
      csvFile,
      json,
      csv,
      jsonLossless: check(jsonFile, 'json'),
      csvLossless: check(csvFile, 'csv'),
    };
  };

  log('backup: importing the CSV export into an empty history');
  const firstImport = await importThroughPopup(o.context, o.popupUrl, sourceCsv, timeout, slice);
  log('backup: exporting JSON and CSV');
  const first = await exportBoth('1');
  log('backup: clearing, importing the JSON export, exporting both again');
  await clearThroughPopup(o.context, o.popupUrl, timeout);
  const reImport = await importThroughPopup(o.context, o.popupUrl, first.jsonFile, timeout, slice);
  const second = await exportBoth('2');
  for (const f of [source, sourceCsv, first.jsonFile, first.csvFile, second.jsonFile, second.csvFile])
    rmSync(f, { force: true });
  const ratio = (r) => (r.slices.length >= 2 ? r.slices.at(-1) / r.slices[0] : null);
  return {
    articles: o.articles,
    sliceArticles: slice,
    firstImport: { ...firstImport, format: 'csv', lastVsFirstSlice: ratio(firstImport) },
    reImport: { ...reImport, format: 'json', lastVsFirstSlice: ratio(reImport) },
    exportJson: first.json,
    exportCsv: first.csv,
    exportJsonAgain: second.json,
    exportCsvAgain: second.csv,
    // After the CSV import: both exports hold the source's articles.
    jsonLossless: first.jsonLossless,
    csvLossless: first.csvLossless,
    // After clearing and importing the JSON export: both exports hold them again.
    roundTrip: second.jsonLossless && second.csvLossless,
  };
}

// Alone: node scripts/bench/backup.mjs [--articles N]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
  const { launchWithExtension } = await import('./chromium.mjs');
  const i = process.argv.indexOf('--articles');
  const articles = i > 0 ? Number(process.argv[i + 1]) : 200_000;
  const dir = process.env.TL_BUILD_DIR || join(root, '.output', 'chrome-mv3');
  const tmp = join(root, '.tmp', 'bench');
  mkdirSync(tmp, { recursive: true });
  const browser = await launchWithExtension(dir);
  try {
    const r = await benchBackup({
      context: browser.context,
      popupUrl: browser.extensionUrl('popup.html'),
      root,
      tmp,
      articles,
      log: (...m) => console.error('[backup]', ...m),
    });
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await browser.close();
  }
}
