/**
 * Backups bigger than one extension message (Chrome refuses a message over 64 MiB), through the
 * popup's Data tab in real Chromium: a synthetic history of 240 articles with the longest quotes the
 * schema allows (an ~80 MB file) is imported, exported as JSON (the same articles, byte for byte after
 * sorting keys) and CSV (every row, each article whole in its backup column), a corrupt copy is
 * refused without changing anything, and both exports import back into an emptied history. The 200,000-article case (time, and the cost of the
 * last batches vs the first) is in the bench: node scripts/bench/backup.mjs.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';
import { launchChromium, type ChromiumSession } from './support/chromium';

const ARTICLES = 240;
const tmp = join(repoRoot, '.tmp', 'e2e', 'backup');
const source = join(tmp, 'source.json');
let session: ChromiumSession;

function tsx(script: string, args: string[]): string {
  const run = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [join(repoRoot, 'scripts', 'bench', script), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`${script}: ${run.stderr || run.stdout}`);
  return run.stdout.trim();
}

const digest = (kind: 'json' | 'csv', file: string) => JSON.parse(tsx('backup-digest.ts', [kind, file]));

test.describe.configure({ timeout: 15 * 60_000 });

test.beforeAll(async () => {
  mkdirSync(tmp, { recursive: true });
  tsx('synthetic-export.ts', ['export', String(ARTICLES), source, '--long-quotes']);
  session = await launchChromium();
});

test.afterAll(async () => {
  await session?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function dataTab(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('popup.html'));
  await page.getByTestId('data-tab').click();
  return page;
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.waitForFunction(
    () =>
      /Import finished/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? '') ||
      !!document.querySelector('[data-testid="data-error"]'),
    undefined,
    { timeout: 10 * 60_000, polling: 250 },
  );
}

async function exportFile(page: Page, format: 'json' | 'csv', out: string): Promise<void> {
  const downloading = page.waitForEvent('download', { timeout: 10 * 60_000 });
  await page.getByTestId(`export-${format}`).click();
  await (await downloading).saveAs(out);
  await expect(page.getByTestId('data-status')).toContainText(`Exported ${ARTICLES} articles`);
}

test('a history in a file over 64 MiB imports, exports losslessly as JSON and CSV, and both import back', async () => {
  const want = digest('json', source);
  expect(want.articles).toBe(ARTICLES);
  expect(readFileSync(source).length).toBeGreaterThan(64 * 1024 * 1024);

  const page = await dataTab();
  // Chromium: no Firefox-only hint; the page asked for persistent storage and says what it got.
  await expect(page.getByTestId('import-in-tab-hint')).toHaveCount(0);
  await expect(page.getByTestId('storage-persistence')).toHaveText(/Storage is persistent|may be cleared/);

  await importFile(page, source);
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await expect(page.getByTestId('data-status')).toHaveText(
    `Import finished: ${ARTICLES} added, 0 merged, 0 already there.`,
  );

  const json = join(tmp, 'export.json');
  const csv = join(tmp, 'export.csv');
  await exportFile(page, 'json', json);
  expect(digest('json', json)).toEqual(want);
  await exportFile(page, 'csv', csv);
  expect(digest('csv', csv)).toEqual({ rows: ARTICLES, digest: want.digest, csvDigest: want.csvDigest });

  // A corrupt copy (its last article's URL made a javascript: URL) is refused; nothing changes.
  const text = readFileSync(json, 'utf8');
  const at = text.lastIndexOf('"url":"https://');
  const corrupt = join(tmp, 'corrupt.json');
  writeFileSync(corrupt, `${text.slice(0, at)}"url":"javascript:alert(1)//${text.slice(at + 15)}`);
  await importFile(page, corrupt);
  await expect(page.getByTestId('data-error')).toContainText(
    `articles.${ARTICLES - 1}.url: not an http(s) URL`,
  );
  rmSync(corrupt);

  // Clear, import the export, export again: the same articles.
  await page.getByTestId('clear-history').click();
  await page.getByTestId('confirm-clear').click();
  await expect(page.getByTestId('data-status')).toHaveText('The history was cleared.');
  await importFile(page, json);
  await expect(page.getByTestId('data-status')).toHaveText(
    `Import finished: ${ARTICLES} added, 0 merged, 0 already there.`,
  );
  const again = join(tmp, 'again.json');
  await exportFile(page, 'json', again);
  expect(digest('json', again)).toEqual(want);

  // The CSV export imports back too: clear, import it, and the JSON export is the source again.
  await page.getByTestId('clear-history').click();
  await page.getByTestId('confirm-clear').click();
  await expect(page.getByTestId('data-status')).toHaveText('The history was cleared.');
  await importFile(page, csv);
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await expect(page.getByTestId('data-status')).toHaveText(
    `Import finished: ${ARTICLES} added, 0 merged, 0 already there.`,
  );
  const fromCsv = join(tmp, 'from-csv.json');
  await exportFile(page, 'json', fromCsv);
  expect(digest('json', fromCsv)).toEqual(want);
  await page.close();
});
