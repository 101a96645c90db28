/**
 * The counts row: how many articles, and how many per site and per subtopic (the filter choices).
 * Kept in step by every write, so the popup never counts 10,000 index entries to show a number.
 */
import type { ArticleData, HistoryFacets } from '../messages/history';
import type { HistoryDb } from './schema';
import { effectiveLabel } from './derive';

export const COUNTS_ID = 'counts';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week containing `t`. */
export function weekStart(t: number): number {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - day * DAY_MS;
}

/** [week start, articles, durable, fragile, neutral voices] for the week an article was last read. */
export type WeekRow = [number, number, number, number, number];

export interface MetaRecord {
  id: string;
  articles: number;
  /** [site, articles] pairs (arrays, not objects: a site could be called "__proto__"). */
  sites: [string, number][];
  subtopics: [string, number][];
  /** Per week, oldest first; weeks with nothing are left out. */
  weeks: WeekRow[];
}

export function emptyMeta(): MetaRecord {
  return { id: COUNTS_ID, articles: 0, sites: [], subtopics: [], weeks: [] };
}

function weekDelta(a: ArticleData, sign: 1 | -1): WeekRow {
  const row: WeekRow = [weekStart(a.lastReadAt), sign, 0, 0, 0];
  for (const e of a.experts) row[{ durable: 2, fragile: 3, neutral: 4 }[effectiveLabel(e)]] += sign;
  return row;
}

function addWeeks(weeks: WeekRow[], deltas: WeekRow[]): WeekRow[] {
  const map = new Map(weeks.map((w) => [w[0], [...w] as WeekRow]));
  for (const d of deltas) {
    const w = map.get(d[0]) ?? ([d[0], 0, 0, 0, 0] as WeekRow);
    for (let i = 1; i < 5; i++) w[i] = Math.max(0, w[i] + d[i]);
    map.set(d[0], w);
  }
  return [...map.values()].filter((w) => w[1] > 0).sort((x, y) => x[0] - y[0]);
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
  const weeks = addWeeks(meta.weeks ?? [], [
    ...(before ? [weekDelta(before, -1)] : []),
    ...(after ? [weekDelta(after, 1)] : []),
  ]);
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
  return { ...meta, articles: Math.max(0, articles), sites, subtopics, weeks };
}

export function countsFromArticles(all: ArticleData[]): MetaRecord {
  const sites = new Map<string, number>();
  const subtopics = new Map<string, number>();
  for (const a of all) {
    sites.set(a.site, (sites.get(a.site) ?? 0) + 1);
    for (const s of new Set(a.topic.subtopics)) subtopics.set(s, (subtopics.get(s) ?? 0) + 1);
  }
  const weeks = addWeeks(
    [],
    all.map((a) => weekDelta(a, 1)),
  );
  return { id: COUNTS_ID, articles: all.length, sites: [...sites], subtopics: [...subtopics], weeks };
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

/** Keep the counts in step with many articles changing at once (an import batch). */
export function applyChangesToMeta(
  meta: MetaRecord,
  changes: { before?: ArticleData; after?: ArticleData }[],
): MetaRecord {
  const deltas: WeekRow[] = [];
  const sites: string[][] = [[], []];
  const subtopics: string[][] = [[], []];
  let articles = meta.articles;
  for (const { before, after } of changes) {
    if (before) {
      articles--;
      deltas.push(weekDelta(before, -1));
      sites[0].push(before.site);
      subtopics[0].push(...new Set(before.topic.subtopics));
    }
    if (after) {
      articles++;
      deltas.push(weekDelta(after, 1));
      sites[1].push(after.site);
      subtopics[1].push(...new Set(after.topic.subtopics));
    }
  }
  return {
    ...meta,
    articles: Math.max(0, articles),
    sites: tally(meta.sites, sites[0], sites[1]),
    subtopics: tally(meta.subtopics, subtopics[0], subtopics[1]),
    weeks: addWeeks(meta.weeks ?? [], deltas),
  };
}

function tally(pairs: [string, number][], minus: string[], plus: string[]): [string, number][] {
  const map = new Map(pairs);
  for (const k of minus) map.set(k, (map.get(k) ?? 0) - 1);
  for (const k of plus) map.set(k, (map.get(k) ?? 0) + 1);
  return [...map].filter(([, n]) => n > 0);
}
