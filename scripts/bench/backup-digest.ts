/**
 * Fingerprints of a backup file, read piece by piece (a 200,000-article export is ~280 MB):
 *   tsx scripts/bench/backup-digest.ts json <file>   {"articles":N,"digest":…,"csvDigest":…}
 *   tsx scripts/bench/backup-digest.ts csv <file>    {"rows":N,"csvDigest":…}
 * `digest` covers every article with its keys sorted (two files with the same articles in the same
 * order match); `csvDigest` covers url and title newest first, as the CSV export lists them.
 */
import { createHash } from 'node:crypto';
import { openSync, readSync, closeSync } from 'node:fs';
import { EnvelopeSplitter } from '../../utils/db/envelope-splitter';
import { parseCsv } from '../../utils/db/csv';

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

const [mode, file] = process.argv.slice(2);
if (mode === 'json' && file) {
  const digest = createHash('sha256');
  const keys: string[] = [];
  const splitter = new EnvelopeSplitter(
    (p) => {
      if (p.type !== 'item' || p.key !== 'articles') return;
      const a = JSON.parse(p.json) as { url: string; title: string };
      digest.update(JSON.stringify(canonical(a)));
      keys.push(`${a.url}\u0000${a.title}`);
    },
    { arrays: ['articles'], skip: ['experts', 'corrections'], maxPartChars: 8e6 },
  );
  for (const text of pieces(file)) splitter.push(text);
  splitter.end();
  const csv = createHash('sha256');
  for (let i = keys.length - 1; i >= 0; i--) csv.update(`${keys[i]}\n`);
  console.log(
    JSON.stringify({ articles: keys.length, digest: digest.digest('hex'), csvDigest: csv.digest('hex') }),
  );
} else if (mode === 'csv' && file) {
  const csv = createHash('sha256');
  let rows = 0;
  let rest = '';
  for (const text of pieces(file)) {
    const all = rest + text;
    const cut = all.lastIndexOf('"\r\n') + 3; // rows end with a quoted cell and CRLF
    rest = all.slice(cut);
    for (const row of parseCsv(all.slice(0, cut))) {
      if (rows++ === 0) continue; // header
      csv.update(`${row[0]}\u0000${row[1]}\n`);
    }
  }
  for (const row of parseCsv(rest)) {
    rows++;
    csv.update(`${row[0]}\u0000${row[1]}\n`);
  }
  console.log(JSON.stringify({ rows: rows - 1, csvDigest: csv.digest('hex') }));
} else {
  console.error('usage: backup-digest.ts json|csv <file>');
  process.exit(2);
}
