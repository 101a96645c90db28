/**
 * Reading the history: pages newest first, search and filters, facets, weekly figures. Costs follow
 * the page asked for, not the size of the history (see schema.ts, version 3).
 */
import type { ArticlePage, ArticleQuery, ArticleRow, HistoryFacets, WeekStats } from '../messages/history';
import {
  foldExpertId,
  indexTag,
  PREFIX_MAX,
  PREFIX_MIN,
  searchTerms,
  tag,
  tagKey,
  tagOfKey,
  tagRange,
} from './derive';
import { COUNTS_ID, emptyMeta, readFacets, WEEK_MS, weekStart } from './meta';
import { toRow } from './records';
import { rowCacheOf } from './row-cache';
import type { ArticleRecord, HistoryDb } from './schema';

export const DEFAULT_PAGE_SIZE = 25;

/**
 * The first `n` rows of a plain index range (no filter, no offset). With the row cache, the keys are
 * read first (index only, no records) and, when every row is cached, that is all; otherwise the
 * records are read and their rows kept for the next keystroke.
 */
async function firstRows(
  db: HistoryDb,
  range: () => ReturnType<HistoryDb['articles']['toCollection']>,
  n: number,
): Promise<ArticleRow[]> {
  const cache = rowCacheOf(db);
  if (!cache) return (await range().limit(n).toArray()).map(toRow);
  const gen = cache.gen;
  const keys = await range().limit(n).primaryKeys();
  const cached = cache.gen === gen ? cache.getAll(keys) : null;
  if (cached) return cached;
  const rows = (await range().limit(n).toArray()).map(toRow);
  cache.putAll(rows, gen);
  return rows;
}

type Coll = ReturnType<HistoryDb['articles']['toCollection']>;

/** Records read per request when a filter checks them: the first chunk, and the most. */
const SCAN_FIRST = 64;
const SCAN_MAX = 512;

/**
 * Records of an index range, newest first, that pass `keep`, skipping the first `skip` of them and
 * returning at most `want`. Reads the range in growing chunks with one getAll each (a cursor costs a
 * round trip per record). `below(key)` is the range up to and including index key `key`; `keyOf` gives
 * a record's key in that index. Records sharing the boundary key are read again and skipped; a chunk
 * made only of those (hundreds of articles read in the same millisecond) falls back to a cursor.
 */
export async function scanNewestFirst(
  below: (key: string | number | null) => Coll,
  keyOf: (r: ArticleRecord) => string | number,
  keep: (r: ArticleRecord) => boolean,
  skip: number,
  want: number,
): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let toSkip = skip;
  let upper: string | number | null = null;
  let seenAtUpper = new Set<string>();
  let chunk = Math.min(SCAN_MAX, Math.max(SCAN_FIRST, 2 * (skip + want)));
  for (;;) {
    const recs = await below(upper).limit(chunk).toArray();
    const fresh = recs.filter((r) => upper === null || keyOf(r) !== upper || !seenAtUpper.has(r.key));
    if (!fresh.length && recs.length === chunk) {
      // Every record read shares the boundary key: page through them one by one instead.
      let n = 0;
      return below(null)
        .filter((r) => keep(r) && n++ >= skip)
        .limit(want)
        .toArray();
    }
    for (const r of fresh) {
      if (!keep(r)) continue;
      if (toSkip > 0) toSkip--;
      else if (out.push(r) >= want) return out;
    }
    if (recs.length < chunk) return out;
    const last = keyOf(recs[recs.length - 1]);
    if (last !== upper) seenAtUpper = new Set();
    for (const r of recs) if (keyOf(r) === last) seenAtUpper.add(r.key);
    upper = last;
    chunk = Math.min(SCAN_MAX, chunk * 2);
  }
}

/**
 * One page of history, newest first. `total` is exact when known cheaply (no filter: the counts row;
 * a filtered result that ends on this page) and null otherwise; `more` says whether older ones follow.
 *
 * A filtered page is read newest first from the `tags` index (tag and read time) of its most specific
 * condition (expert, site, longest search word, subtopic, stance) within the date range; further
 * conditions are checked on the records as they come, so the cost follows the page, not the history.
 */
export async function listArticles(db: HistoryDb, q: ArticleQuery = {}): Promise<ArticlePage> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  const from = q.from ?? -Infinity;
  const to = q.to ?? Infinity;
  const allWords = searchTerms(q.text);
  const words = allWords.filter((w) => w.length >= PREFIX_MIN);
  const conds: string[] = [];
  if (q.expertId) {
    const id = foldExpertId(q.expertId);
    conds.push(q.stance ? tag.expertStance(id, q.stance) : tag.expert(id));
  }
  if (q.site) conds.push(tag.site(q.site));
  for (const w of [...words].sort((x, y) => y.length - x.length)) conds.push(tag.word(w));
  if (q.subtopic) conds.push(tag.subtopic(q.subtopic));
  if (q.stance && !q.expertId) conds.push(tag.stance(q.stance));
  // Words the index cannot answer alone (one letter; longer than the indexed prefixes) are checked in full.
  const checkWords = allWords.filter((w) => w.length > PREFIX_MAX || w.length < PREFIX_MIN);
  const wordsMatch = (r: ArticleRecord) => checkWords.every((w) => r.terms.some((t) => t.startsWith(w)));

  const toPage = (recs: ArticleRecord[]): ArticlePage => {
    const more = recs.length > limit;
    const rows = recs.slice(0, limit).map(toRow);
    return { rows, total: more ? null : offset + rows.length, more };
  };

  /** A first page from limit + 1 rows. */
  const firstPage = (rows: ArticleRow[]): ArticlePage => {
    const more = rows.length > limit;
    return { rows: rows.slice(0, limit), total: more ? null : rows.length, more };
  };

  if (!conds.length) {
    if (q.from === undefined && q.to === undefined && !checkWords.length) {
      const newest = () => db.articles.orderBy('lastReadAt').reverse();
      const [meta, rows] = await Promise.all([
        db.meta.get(COUNTS_ID),
        offset === 0
          ? firstRows(db, newest, limit)
          : newest()
              .offset(offset)
              .limit(limit)
              .toArray()
              .then((recs) => recs.map(toRow)),
      ]);
      const total = meta?.articles ?? (await db.articles.count());
      return { rows, total, more: offset + rows.length < total };
    }
    const inRange = () => db.articles.where('lastReadAt').between(from, to, true, true).reverse();
    if (offset === 0 && !checkWords.length) return firstPage(await firstRows(db, inRange, limit + 1));
    const below = (key: string | number | null) =>
      db.articles
        .where('lastReadAt')
        .between(from, key === null ? to : Math.min(to, Number(key)), true, true)
        .reverse();
    return toPage(await scanNewestFirst(below, (r) => r.lastReadAt, wordsMatch, offset, limit + 1));
  }
  const [drive, ...rest] = conds;
  const [lo, hi] = tagRange(drive, from, to);
  const byTag = () => db.articles.where('tags').between(lo, hi, true, true).reverse();
  if (offset === 0 && !rest.length && !checkWords.length) {
    return firstPage(await firstRows(db, byTag, limit + 1));
  }
  const need = rest.map(indexTag);
  const keep = (r: ArticleRecord) => {
    if (!need.length) return wordsMatch(r);
    const tags = new Set(r.tags.map(tagOfKey));
    return need.every((c) => tags.has(c)) && wordsMatch(r);
  };
  const below = (key: string | number | null) =>
    key === null ? byTag() : db.articles.where('tags').between(lo, String(key), true, true).reverse();
  const driveKey = (r: ArticleRecord) => tagKey(drive, r.lastReadAt);
  return toPage(await scanNewestFirst(below, driveKey, keep, offset, limit + 1));
}

export async function historyFacets(db: HistoryDb): Promise<HistoryFacets> {
  const { sites, subtopics } = await readFacets(db);
  return { sites, subtopics };
}

export { weekStart };

/** Articles read per week and the stances of the experts in them, oldest week first (from the counts row). */
export async function weeklyStats(db: HistoryDb, weeks = 12, now = Date.now()): Promise<WeekStats[]> {
  const first = weekStart(now) - (weeks - 1) * WEEK_MS;
  const meta = (await db.meta.get(COUNTS_ID)) ?? emptyMeta();
  const byStart = new Map(meta.weeks.map((w) => [w[0], w]));
  return Array.from({ length: weeks }, (_, i) => {
    const start = first + i * WEEK_MS;
    const [, articles, durable, fragile, neutral] = byStart.get(start) ?? [start, 0, 0, 0, 0];
    return { start, articles, voices: { durable, fragile, neutral } };
  });
}
