/**
 * Fingerprints of a backup file, read piece by piece (a 200,000-article export is ~280 MB as JSON):
 *   tsx scripts/bench/backup-digest.ts json <file>   {"articles":N,"digest":…,"csvDigest":…}
 *   tsx scripts/bench/backup-digest.ts csv <file>    {"rows":N,"digest":…,"csvDigest":…}
 * `digest` covers every article with its keys sorted, oldest first as the JSON export lists them (in
 * a CSV export, the articles of the `backup` column, read newest first and taken in reverse): two
 * files with the same articles match, whatever their format. `csvDigest` covers the url and title
 * cells newest first, as the CSV export lists them.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';
import { EnvelopeSplitter } from '../../utils/db/envelope-splitter';
import { CsvRowReader, readBackupCell } from '../../utils/db/csv';

function* pieces(file: string, size = 8 << 20): Generator<string> {
  const fd = openSync(file, 'r');
  const decoder = new TextDecoder();
  const buf = Buffer.alloc(size);
  for (;;) {
    const n = readSync(fd, buf, 0, size, null);
    if (!n) break;
    yield decoder.decode(buf.subarray(0, n), { stream: true });
  }
  closeSync(fd);
  yield decoder.decode();
}

function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
    );
  return x;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** One digest over the articles' own digests, in the order given. */
function digestOf(itemDigests: string[]): string {
  const all = createHash('sha256');
  for (const d of itemDigests) all.update(d);
  return all.digest('hex');
}

const [mode, file] = process.argv.slice(2);
if (mode === 'json' && file) {
  const items: string[] = [];
  const keys: string[] = [];
  const splitter = new EnvelopeSplitter(
    (p) => {
      if (p.type !== 'item' || p.key !== 'articles') return;
      const a = JSON.parse(p.json) as { url: string; title: string };
      items.push(sha(JSON.stringify(canonical(a))));
      keys.push(`${a.url}\u0000${a.title}`);
    },
    { arrays: ['articles'], skip: ['experts', 'corrections'], maxPartChars: 8e6 },
  );
  for (const text of pieces(file)) splitter.push(text);
  splitter.end();
  const csv = createHash('sha256');
  for (let i = keys.length - 1; i >= 0; i--) csv.update(`${keys[i]}\n`);
  console.log(
    JSON.stringify({ articles: keys.length, digest: digestOf(items), csvDigest: csv.digest('hex') }),
  );
} else if (mode === 'csv' && file) {
  const csv = createHash('sha256');
  const items: string[] = [];
  let rows = 0;
  let damaged = 0;
  const reader = new CsvRowReader((row) => {
    if (rows++ === 0) return; // header
    csv.update(`${row[0]}\u0000${row[1]}\n`);
    const backup = readBackupCell(row[row.length - 1]);
    if (backup === null) damaged++;
    else if (backup.kind === 'article') items.push(sha(JSON.stringify(canonical(JSON.parse(backup.json)))));
  });
  for (const text of pieces(file)) reader.push(text);
  reader.end();
  console.log(
    JSON.stringify({
      rows: rows - 1,
      digest: damaged ? null : digestOf(items.reverse()),
      csvDigest: csv.digest('hex'),
    }),
  );
} else {
  console.error('usage: backup-digest.ts json|csv <file>');
  process.exit(2);
}
