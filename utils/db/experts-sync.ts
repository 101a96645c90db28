/**
 * Keeps the experts table in step with article changes: incremental on saves, corrections and import
 * batches (only the experts the changed articles mention are read and written), rebuilt from the
 * articles for the people an article no longer mentions (deletes, pruning).
 */
import type { ArticleData } from '../messages/history';
import { addToExpert, buildExpertRecords, effectiveLabel, expertsById } from './derive';
import type { ExpertRecord, HistoryDb } from './schema';

/** One article changing from `before` to `after` (either may be missing). */
export interface ArticleChange {
  before?: ArticleData;
  after?: ArticleData;
}

/**
 * Keep the experts table in step with one article changing from `before` to `after` (either may be
 * missing). Must run inside a transaction over articles and experts, after the article was written.
 */
export async function updateExperts(db: HistoryDb, before?: ArticleData, after?: ArticleData): Promise<void> {
  await updateExpertsForChanges(db, [{ before, after }]);
}

/**
 * The same for many changes at once: one read and one write of the experts they mention, folded in
 * reading order. `onRead` sees those records as they were before (an import keeps them to undo).
 * Must run inside a transaction over articles and experts, after the articles were written.
 */
export async function updateExpertsForChanges(
  db: HistoryDb,
  changes: ArticleChange[],
  onRead: (before: Map<string, ExpertRecord | undefined>) => void = () => {},
): Promise<void> {
  const ids = new Set<string>();
  for (const { before, after } of changes) {
    for (const e of before?.experts ?? []) ids.add(e.id);
    for (const e of after?.experts ?? []) ids.add(e.id);
  }
  if (!ids.size) return;
  const list = [...ids];
  const recs = await db.experts.bulkGet(list);
  const byId = new Map(list.map((id, i) => [id, recs[i]]));
  onRead(new Map(byId));
  const recompute = new Set<string>();
  const ordered = [...changes].sort((x, y) => (x.after?.lastReadAt ?? 0) - (y.after?.lastReadAt ?? 0));
  for (const { before, after } of ordered) {
    const b = expertsById(before);
    const a = expertsById(after);
    for (const id of new Set([...b.keys(), ...a.keys()])) {
      const ea = a.get(id);
      const eb = b.get(id);
      if (!ea || !after) {
        recompute.add(id);
        continue;
      }
      let rec = byId.get(id);
      if (eb && rec) {
        const old = effectiveLabel(eb);
        rec = {
          ...rec,
          articleCount: rec.articleCount - 1,
          stanceCounts: { ...rec.stanceCounts, [old]: Math.max(0, rec.stanceCounts[old] - 1) },
        };
      }
      byId.set(id, addToExpert(rec, after, ea));
    }
  }
  const puts = [...byId].filter(([id, r]) => r && !recompute.has(id)).map(([, r]) => r!);
  if (puts.length) await db.experts.bulkPut(puts);
  await recomputeExperts(db, [...recompute]);
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
