/**
 * Keeps the experts table in step with article changes: incremental on saves and corrections,
 * rebuilt from the articles for the people an article no longer mentions (deletes, pruning).
 */
import type { ArticleData } from '../messages/history';
import { addToExpert, buildExpertRecords, effectiveLabel, expertsById } from './derive';
import type { ExpertRecord, HistoryDb } from './schema';

/**
 * Keep the experts table in step with one article changing from `before` to `after` (either may be
 * missing). Must run inside a transaction over articles and experts.
 */
export async function updateExperts(db: HistoryDb, before?: ArticleData, after?: ArticleData): Promise<void> {
  const b = expertsById(before);
  const a = expertsById(after);
  const ids = [...new Set([...b.keys(), ...a.keys()])];
  if (!ids.length) return;
  const recs = await db.experts.bulkGet(ids);
  const puts: ExpertRecord[] = [];
  const recompute: string[] = [];
  ids.forEach((id, i) => {
    const ea = a.get(id);
    const eb = b.get(id);
    let rec = recs[i];
    if (!ea || !after) {
      recompute.push(id);
      return;
    }
    if (eb && rec) {
      const old = effectiveLabel(eb);
      rec = {
        ...rec,
        articleCount: rec.articleCount - 1,
        stanceCounts: { ...rec.stanceCounts, [old]: Math.max(0, rec.stanceCounts[old] - 1) },
      };
    }
    puts.push(addToExpert(rec, after, ea));
  });
  if (puts.length) await db.experts.bulkPut(puts);
  await recomputeExperts(db, recompute);
}

/** Rebuild some experts' records from their articles (after deletes); drops those with none left. */
export async function recomputeExperts(db: HistoryDb, ids: string[]): Promise<void> {
  for (const id of ids) {
    const arts = await db.articles.where('expertIds').equals(id).toArray();
    const rec = buildExpertRecords(arts).find((r) => r.id === id);
    if (rec) await db.experts.put(rec);
    else await db.experts.delete(id);
  }
}
