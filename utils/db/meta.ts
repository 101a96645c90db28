/**
 * The counts row: how many articles, and how many per site and per subtopic (the filter choices).
 * Kept in step by every write, so the popup never counts 10,000 index entries to show a number.
 */
import type { ArticleData, HistoryFacets } from '../messages/history';
import type { HistoryDb } from './schema';

export const COUNTS_ID = 'counts';

export interface MetaRecord {
  id: string;
  articles: number;
  /** [site, articles] pairs (arrays, not objects: a site could be called "__proto__"). */
  sites: [string, number][];
  subtopics: [string, number][];
}

export function emptyMeta(): MetaRecord {
  return { id: COUNTS_ID, articles: 0, sites: [], subtopics: [] };
}

function bump(pairs: [string, number][], keys: string[], delta: number): [string, number][] {
  const map = new Map(pairs);
  for (const k of new Set(keys)) {
    const n = (map.get(k) ?? 0) + delta;
    if (n > 0) map.set(k, n);
    else map.delete(k);
  }
  return [...map];
}

export function applyToMeta(
  meta: MetaRecord,
  before: ArticleData | undefined,
  after: ArticleData | undefined,
): MetaRecord {
  let { articles, sites, subtopics } = meta;
  if (before) {
    articles--;
    sites = bump(sites, [before.site], -1);
    subtopics = bump(subtopics, before.topic.subtopics, -1);
  }
  if (after) {
    articles++;
    sites = bump(sites, [after.site], 1);
    subtopics = bump(subtopics, after.topic.subtopics, 1);
  }
  return { ...meta, articles: Math.max(0, articles), sites, subtopics };
}

export function countsFromArticles(all: ArticleData[]): MetaRecord {
  const sites = new Map<string, number>();
  const subtopics = new Map<string, number>();
  for (const a of all) {
    sites.set(a.site, (sites.get(a.site) ?? 0) + 1);
    for (const s of new Set(a.topic.subtopics)) subtopics.set(s, (subtopics.get(s) ?? 0) + 1);
  }
  return { id: COUNTS_ID, articles: all.length, sites: [...sites], subtopics: [...subtopics] };
}

/** Keep the counts in step with one article changing (inside a transaction that includes meta). */
export async function updateMeta(db: HistoryDb, before?: ArticleData, after?: ArticleData): Promise<void> {
  if (!before && !after) return;
  const meta = (await db.meta.get(COUNTS_ID)) ?? emptyMeta();
  await db.meta.put(applyToMeta(meta, before, after));
}

export async function rebuildMeta(db: HistoryDb): Promise<void> {
  await db.meta.put(countsFromArticles(await db.articles.toArray()));
}

export async function readFacets(db: HistoryDb): Promise<HistoryFacets & { articles: number }> {
  const meta = (await db.meta.get(COUNTS_ID)) ?? emptyMeta();
  const sorted = (pairs: [string, number][]) => pairs.map(([k]) => k).sort((a, b) => a.localeCompare(b));
  return { articles: meta.articles, sites: sorted(meta.sites), subtopics: sorted(meta.subtopics) };
}
