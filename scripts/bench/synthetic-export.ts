/**
 * Writes synthetic history data (the history feature's own generator) for the popup benchmark:
 *   tsx scripts/bench/synthetic-export.ts export <articles> <out.json> [expertPool] [--long-quotes]   an export file
 *   tsx scripts/bench/synthetic-export.ts inputs <first> <count> <out.json>           saveArticle payloads
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { syntheticArticle, syntheticExportPieces } from '../../utils/db/synthetic';

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'export' && a && b) {
  // Written piece by piece: a 200,000-article file is ~280 MB, more than one string should hold.
  const fd = openSync(b, 'w');
  for (const piece of syntheticExportPieces(Number(a), {
    expertPool: c && c !== '--long-quotes' ? Number(c) : 2000,
    longQuotes: process.argv.includes('--long-quotes'),
  }))
    writeSync(fd, piece);
  closeSync(fd);
} else if (mode === 'inputs' && a && b && c) {
  const first = Number(a);
  writeFileSync(c, JSON.stringify(Array.from({ length: Number(b) }, (_, i) => syntheticArticle(first + i))));
} else {
  console.error(
    'usage: synthetic-export.ts export <articles> <out.json> [expertPool] | inputs <first> <count> <out.json>',
  );
  process.exit(2);
}
