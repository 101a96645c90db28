/**
 * Writes synthetic history data (the history feature's own generator) for the popup benchmark:
 *   tsx scripts/bench/synthetic-export.ts export <articles> <out.json> [expertPool] [--long-quotes] [--csv out.csv]
 *     an export file (and the same history as a CSV export)
 *   tsx scripts/bench/synthetic-export.ts inputs <first> <count> <out.json>           saveArticle payloads
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { syntheticArticle, syntheticCsvPieces, syntheticExportPieces } from '../../utils/db/synthetic';

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'export' && a && b) {
  // Written piece by piece: a 200,000-article file is ~280 MB, more than one string should hold.
  const write = (file: string, pieces: Iterable<string>) => {
    const fd = openSync(file, 'w');
    for (const piece of pieces) writeSync(fd, piece);
    closeSync(fd);
  };
  const opts = {
    expertPool: c && !c.startsWith('--') ? Number(c) : 2000,
    longQuotes: process.argv.includes('--long-quotes'),
    now: Date.now(),
  };
  write(b, syntheticExportPieces(Number(a), opts));
  const csvAt = process.argv.indexOf('--csv');
  if (csvAt > 0 && process.argv[csvAt + 1])
    write(process.argv[csvAt + 1], syntheticCsvPieces(Number(a), opts));
} else if (mode === 'inputs' && a && b && c) {
  const first = Number(a);
  writeFileSync(c, JSON.stringify(Array.from({ length: Number(b) }, (_, i) => syntheticArticle(first + i))));
} else {
  console.error(
    'usage: synthetic-export.ts export <articles> <out.json> [expertPool] | inputs <first> <count> <out.json>',
  );
  process.exit(2);
}
