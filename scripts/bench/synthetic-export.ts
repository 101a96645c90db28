/**
 * Writes synthetic history data (the history feature's own generator) for the popup benchmark:
 *   tsx scripts/bench/synthetic-export.ts export <articles> <out.json> [expertPool]   an export file
 *   tsx scripts/bench/synthetic-export.ts inputs <first> <count> <out.json>           saveArticle payloads
 */
import { writeFileSync } from 'node:fs';
import { syntheticArticle, syntheticExportJson } from '../../utils/db/synthetic';

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'export' && a && b) {
  writeFileSync(b, syntheticExportJson(Number(a), { expertPool: c ? Number(c) : 2000 }));
} else if (mode === 'inputs' && a && b && c) {
  const first = Number(a);
  writeFileSync(c, JSON.stringify(Array.from({ length: Number(b) }, (_, i) => syntheticArticle(first + i))));
} else {
  console.error(
    'usage: synthetic-export.ts export <articles> <out.json> [expertPool] | inputs <first> <count> <out.json>',
  );
  process.exit(2);
}
