/**
 * Reading the history: pages newest first, search and filters, facets, weekly figures. Costs follow
 * the page asked for, not the size of the history (see schema.ts, version 3).
 */
import type { ArticlePage, ArticleQuery, ArticleRow, HistoryFacets, WeekStats } from '../messages/history';
import type { StanceLabel } from '../types';
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
import { type KeyList, rowCacheOf, type RowCache } from './row-cache';
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

/** One condition's article keys (primary keys only, no records) read so far, newest first. */
interface KeyScan extends KeyList {
  /** The tag, and its index keys between the query's times. */
  cond: string;
  lo: string;
  hi: string;
  /** The index key of the last key read, once looked up (null: not yet). */
  last: string | null;
  /** How many keys the next read asks for. */
  chunk: number;
}

/** Keys read per condition and request when several are intersected: the first read, the most. */
const KEYS_FIRST = 128;
const KEYS_MAX = 8192;
/** A condition with at most this many articles in all is checked on their records instead. */
const SMALL_SET = 48;

/** The index key at which a condition's list stopped: its last article's read time (one record, or a cached row). */
async function lastIndexKey(db: HistoryDb, cache: RowCache | null, s: KeyScan): Promise<string> {
  if (s.last !== null) return s.last;
  const pk = s.keys[s.keys.length - 1];
  const at = cache?.getAll([pk])?.[0]?.lastReadAt ?? (await db.articles.get(pk))?.lastReadAt;
  // Not found (cannot happen inside the read transaction): read from the top again, nothing is lost.
  return at === undefined ? s.hi : tagKey(s.cond, at);
}

/**
 * The next chunk of a condition's keys, newest first: one request for primary keys only (a single
 * getAllKeys in Chromium) from where the list stopped. Articles sharing that index key (read in the
 * same millisecond) are read again and skipped; chunks double, so even hundreds of them pass.
 */
async function readKeys(db: HistoryDb, s: KeyScan, upper: string): Promise<KeyScan> {
  const got = (await db.articles
    .where('tags')
    .between(s.lo, upper, true, true)
    .reverse()
    .limit(s.chunk)
    .primaryKeys()) as string[];
  const keys = s.keys.slice();
  const has = new Set(s.has);
  for (const k of got) {
    if (has.has(k)) continue;
    has.add(k);
    keys.push(k);
  }
  return { ...s, keys, has, done: got.length < s.chunk, last: null, chunk: Math.min(KEYS_MAX, s.chunk * 2) };
}

/** Whether an article with tag `q` surely has tag `s` too (a word's prefix; an expert's stance). */
function implies(q: string, s: string): boolean {
  if (q === s) return true;
  if (q.startsWith('w:') && s.startsWith('w:')) return q.startsWith(s);
  if (!q.startsWith('es:')) return false;
  const bar = q.lastIndexOf('|');
  return s === tag.expert(q.slice(3, bar)) || s === tag.stance(q.slice(bar + 1) as StanceLabel);
}

/**
 * Whether the record of a cached row is indexed under tag `t` (derive.ts `articleTags`), from the row
 * alone; `terms` gives the row's search terms (computed once, when a word asks).
 */
export function rowHasTag(r: ArticleRow, t: string, terms: () => string[]): boolean {
  if (t.startsWith('w:')) {
    const prefix = t.slice(2);
    return prefix.length >= PREFIX_MIN && terms().some((w) => w.startsWith(prefix));
  }
  if (t.startsWith('s:')) return r.subtopics.some((s) => tag.subtopic(s) === t);
  if (t.startsWith('site:')) return tag.site(r.site) === t;
  return r.experts.some(
    (e) => tag.expert(e.id) === t || tag.stance(e.label) === t || tag.expertStance(e.id, e.label) === t,
  );
}

/** A row's search terms, as derive.ts `deriveArticleIndexes` takes them from its record. */
export function rowTerms(r: ArticleRow): string[] {
  return searchTerms(r.title, r.site, ...r.experts.map((e) => e.name));
}

/**
 * The newest matches of `conds` from a kept result of fewer or wider conditions (the query before a
 * word was typed on, a filter added): its keys are a complete prefix of a superset, so those of its
 * cached rows that carry every tag are a complete prefix of this query's matches. Null when no kept
 * result covers the query, a row is no longer cached, or too few are left.
 */
function narrowKept(
  cache: RowCache,
  q: { conds: string[]; words: string[]; allWords: string[]; from: number; to: number },
  need: number,
): { rows: ArticleRow[]; done: boolean } | null {
  for (const kept of cache.keptResults()) {
    if (kept.from !== q.from || kept.to !== q.to) continue;
    if (!kept.conds.every((s) => q.conds.some((c) => implies(c, s)))) continue;
    if (!kept.words.every((w) => q.allWords.some((x) => x.startsWith(w)))) continue;
    const rows = cache.getAll(kept.keys);
    if (!rows) continue;
    const found: ArticleRow[] = [];
    for (const r of rows) {
      let terms: string[] | null = null;
      const termsOf = () => (terms ??= rowTerms(r));
      if (
        q.conds.every((c) => rowHasTag(r, c, termsOf)) &&
        q.words.every((w) => termsOf().some((t) => t.startsWith(w))) &&
        found.push(r) >= need
      )
        break;
    }
    if (found.length >= need || kept.done) return { rows: found, done: kept.done };
  }
  return null;
}

/**
 * The first `need` articles (newest first) under every one of `conds` (tags) between two times, from
 * index keys alone. Each condition's keys are read newest first in growing chunks (or come from the
 * row cache's key lists) and intersected. Every list holds all of its condition's articles down to
 * where it stopped, and a key found in all lists is newer than the newest of those stops, so the keys
 * in all lists are exactly the newest matches, in the order of any list (one tag's index keys sort by
 * read time, then article key, like every other tag's). When that is not enough, the list that stopped
 * newest reads on. Returns the keys, or the records when a rare condition was cheaper to check on them.
 */
async function intersectNewestFirst(
  db: HistoryDb,
  conds: string[],
  from: number,
  to: number,
  need: number,
): Promise<{ keys: string[] } | { recs: ArticleRecord[] }> {
  const cache = rowCacheOf(db);
  const gen = cache?.gen ?? 0;
  const first = conds.length > 1 ? Math.min(KEYS_MAX, Math.max(KEYS_FIRST, 8 * need)) : need;
  let scans: KeyScan[] = conds.map((cond) => {
    const [lo, hi] = tagRange(cond, from, to);
    const kept = cache?.gen === gen ? cache.getList(`${lo}|${hi}`) : undefined;
    const chunk = Math.min(KEYS_MAX, Math.max(first, kept?.keys.length ?? 0));
    return { keys: [], has: new Set<string>(), done: false, ...kept, cond, lo, hi, last: null, chunk };
  });
  const keep = (list: KeyScan[]) => {
    for (const s of list) cache?.putList(`${s.lo}|${s.hi}`, { keys: s.keys, has: s.has, done: s.done }, gen);
  };
  /** A rare condition (an expert quoted a few times): the others are checked on its few records. */
  const checkOn = (small: KeyScan, all: ArticleRecord[]) => {
    const others = scans.filter((s) => s !== small).map((s) => indexTag(s.cond));
    const recs = all.filter((r) => {
      const tags = new Set(r.tags.map(tagOfKey));
      return others.every((c) => tags.has(c));
    });
    return { recs: recs.slice(0, need) };
  };
  const allOf = (s: KeyScan) => db.articles.where('tags').between(s.lo, s.hi, true, true).reverse();
  const lead = scans[0];
  if (scans.length > 1 && /^es?:/.test(lead.cond) && !lead.done && !lead.keys.length) {
    // An expert is usually quoted in a few articles: read theirs at once, as records, and when
    // that is all of them check the other conditions there.
    const recs = await allOf(lead)
      .limit(SMALL_SET + 1)
      .toArray();
    const keys = recs.map((r) => r.key);
    const done = recs.length <= SMALL_SET;
    scans[0] = { ...lead, keys, has: new Set(keys), done, chunk: Math.min(KEYS_MAX, first * 2) };
    keep([scans[0]]);
    if (done) return checkOn(scans[0], recs);
  }
  let toRead = scans.filter((s) => !s.done && !s.keys.length);
  for (;;) {
    if (toRead.length) {
      const uppers = await Promise.all(
        toRead.map((s) => (s.keys.length ? lastIndexKey(db, cache, s) : Promise.resolve(s.hi))),
      );
      const read = await Promise.all(toRead.map((s, i) => readKeys(db, s, uppers[i])));
      scans = scans.map((s) => read[toRead.indexOf(s)] ?? s);
      keep(read);
    }
    const shortest = scans.reduce((a, b) => (b.keys.length < a.keys.length ? b : a));
    const found: string[] = [];
    for (const k of shortest.keys) {
      if (scans.every((s) => s === shortest || s.has.has(k)) && found.push(k) >= need) break;
    }
    if (found.length >= need || scans.every((s) => s.done)) {
      if (conds.length > 1) {
        cache?.putResult({ conds, words: [], from, to, keys: found, done: found.length < need }, gen);
      }
      return { keys: found };
    }
    const small = scans.find((s) => s.done && s.keys.length <= SMALL_SET);
    // Its whole range in one request (the same articles as its keys: one read transaction).
    if (small) return checkOn(small, await allOf(small).toArray());
    // Read on where the lists stopped newest (the others already reach further back).
    const open = scans.filter((s) => !s.done);
    const lasts = await Promise.all(open.map((s) => lastIndexKey(db, cache, s)));
    scans = scans.map((s) => {
      const i = open.indexOf(s);
      return i < 0 ? s : { ...s, last: lasts[i] };
    });
    const times = open.map((_, i) => lasts[i].slice(tagOfKey(lasts[i]).length));
    const newest = times.reduce((a, b) => (b > a ? b : a));
    toRead = scans.filter((s) => {
      const i = open.findIndex((o) => o.lo === s.lo);
      return i >= 0 && times[i] === newest;
    });
  }
}

/**
 * One page of history, newest first. `total` is exact when known cheaply (no filter: the counts row;
 * a filtered result that ends on this page) and null otherwise; `more` says whether older ones follow.
 *
 * A filtered page comes from the `tags` index (tag and read time), newest first, within the date range:
 * - one condition: its first keys, and the rows from the row cache (or the records);
 * - a keystroke that narrows the query before it (a word typed on, a filter added): that query's kept
 *   matches, checked on their cached rows, when enough are left (no read at all);
 * - several conditions: their keys intersected (`intersectNewestFirst`, key lists kept in the row
 *   cache), then only the page's rows;
 * - words the index cannot answer alone (one letter; longer than the indexed prefixes): the records of
 *   the most specific condition (expert, site, longest word, subtopic, stance), the rest checked on them.
 * So the cost follows the page, not the history.
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

  /** A page from up to limit + 1 rows found after skipping `offset`. */
  const rowsPage = (found: ArticleRow[]): ArticlePage => {
    const more = found.length > limit;
    const rows = found.slice(0, limit);
    return { rows, total: more ? null : offset + rows.length, more };
  };
  const toPage = (recs: ArticleRecord[]): ArticlePage => rowsPage(recs.slice(0, limit + 1).map(toRow));

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
  const cache = rowCacheOf(db);
  const gen = cache?.gen ?? 0;
  const all = [...new Set(conds)];
  const kept = { conds: all, words: checkWords, from, to };
  if (offset === 0 && !rest.length && !checkWords.length) {
    const rows = await firstRows(db, byTag, limit + 1);
    cache?.putResult({ ...kept, keys: rows.map((r) => r.key), done: rows.length <= limit }, gen);
    return firstPage(rows);
  }
  // The query before this keystroke, narrowed on its cached rows, when enough of them are left.
  const narrowed = cache ? narrowKept(cache, { ...kept, allWords }, offset + limit + 1) : null;
  if (cache && narrowed) {
    cache.putResult({ ...kept, keys: narrowed.rows.map((r) => r.key), done: narrowed.done }, gen);
    return rowsPage(narrowed.rows.slice(offset));
  }
  if (!checkWords.length) {
    // Every condition is an index tag: intersect their keys, then read only the page's rows.
    const need = offset + limit + 1;
    // One read transaction: the key lists and the rows agree.
    return db.transaction('r', db.articles, async () => {
      const got = await intersectNewestFirst(db, all, from, to, need);
      if ('recs' in got) return toPage(got.recs.slice(offset));
      const keys = got.keys.slice(offset);
      const cached = cache && cache.gen === gen ? cache.getAll(keys) : null;
      if (cached) return rowsPage(cached);
      const rows = (await db.articles.bulkGet(keys)).flatMap((r) => (r ? [toRow(r)] : []));
      cache?.putAll(rows, gen);
      return rowsPage(rows);
    });
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
  const recs = await scanNewestFirst(below, driveKey, keep, offset, limit + 1);
  if (cache && offset === 0) {
    // Kept for the next keystroke to narrow (the second letter of a word, usually).
    const rows = recs.map(toRow);
    cache.putAll(rows, gen);
    cache.putResult({ ...kept, keys: rows.map((r) => r.key), done: rows.length <= limit }, gen);
  }
  return toPage(recs);
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
