/**
 * Reads and writes of the reading history. Every function takes the database, so tests run it on
 * fake-indexeddb and the background on the real one. Writes that touch several tables run in one
 * transaction: five tabs saving at once lose nothing, and a failed write (a full disk) changes nothing.
 */
import { canonicalizeUrl } from '../canonical-url';
import type {
  ArticleData,
  ArticleInput,
  ArticlePage,
  ArticleQuery,
  ArticleRow,
  ExpertDetail,
  ExpertQuery,
  ExpertRow,
  ExpertsSeen,
  HistoryFacets,
  SaveResult,
  StanceCorrectionInput,
  StoredExpert,
  WeekStats,
} from '../messages/history';
import {
  addToExpert,
  buildExpertRecords,
  deriveArticleIndexes,
  effectiveLabel,
  expertsById,
  foldExpertId,
  PREFIX_MAX,
  PREFIX_MIN,
  searchTerms,
  tag,
} from './derive';
import { applyToMeta, COUNTS_ID, emptyMeta, readFacets, updateMeta, WEEK_MS, weekStart } from './meta';
import type { StanceLabel } from '../types';
import type { ArticleRecord, CorrectionRecord, ExpertRecord, HistoryDb } from './schema';

export const DEFAULT_PAGE_SIZE = 25;

export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Strip derived index fields and bookkeeping: what the outside world sees of an article. */
export function toArticleData(r: ArticleRecord): ArticleData {
  return {
    key: r.key,
    url: r.url,
    title: r.title,
    site: r.site,
    byline: r.byline,
    publishedTime: r.publishedTime,
    lang: r.lang,
    firstReadAt: r.firstReadAt,
    lastReadAt: r.lastReadAt,
    readCount: r.readCount,
    timeSpentMs: r.timeSpentMs,
    wordCount: r.wordCount,
    topic: r.topic,
    experts: r.experts,
  };
}

export function toRecord(a: ArticleData, lastVisit?: ArticleRecord['lastVisit']): ArticleRecord {
  return { ...a, ...deriveArticleIndexes(a), ...(lastVisit ? { lastVisit } : {}) };
}

function toRow(r: ArticleRecord): ArticleRow {
  return {
    key: r.key,
    url: r.url,
    title: r.title,
    site: r.site,
    firstReadAt: r.firstReadAt,
    lastReadAt: r.lastReadAt,
    readCount: r.readCount,
    subtopics: r.topic.subtopics,
    experts: r.experts.map((e) => ({
      id: e.id,
      name: e.name,
      label: effectiveLabel(e),
      corrected: !!e.correction,
    })),
  };
}

function applyCorrections(experts: StoredExpert[], corrections: CorrectionRecord[]): StoredExpert[] {
  const byId = new Map(corrections.map((c) => [c.expertId, c]));
  return experts.map((e) => {
    const c = byId.get(e.id);
    const { correction: _old, ...rest } = e;
    return c ? { ...rest, correction: { label: c.label, at: c.at } } : rest;
  });
}

/** Experts of an input, ids folded and each person once. */
function normaliseExperts(input: ArticleInput['experts']): StoredExpert[] {
  const seen = new Set<string>();
  const out: StoredExpert[] = [];
  for (const e of input) {
    const id = foldExpertId(e.id);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      name: e.name,
      role: e.role,
      organization: e.organization,
      stance: e.stance,
      statements: e.statements ?? [],
    });
  }
  return out;
}

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

export interface SaveOptions {
  /** Read time (ms since epoch); defaults to now. */
  now?: number;
}

/** Store an article that counted as read, or update it when read again. */
export async function saveArticle(
  db: HistoryDb,
  input: ArticleInput,
  opts: SaveOptions = {},
): Promise<SaveResult> {
  const now = opts.now ?? Date.now();
  const key = canonicalizeUrl(input.url);
  try {
    return await db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
      const prev = await db.articles.get(key);
      const corrections = await db.corrections.where('articleKey').equals(key).toArray();
      const sameVisit = !!(input.visitId && prev?.lastVisit?.id === input.visitId);
      const addedTime = sameVisit
        ? Math.max(0, input.timeSpentMs - (prev?.lastVisit?.timeSpentMs ?? 0))
        : input.timeSpentMs;
      const data: ArticleData = {
        key,
        url: input.url,
        title: input.title,
        site: input.site?.trim() || hostOf(input.url),
        byline: input.byline,
        publishedTime: input.publishedTime,
        lang: input.lang ?? null,
        firstReadAt: prev ? Math.min(prev.firstReadAt, now) : now,
        lastReadAt: prev ? Math.max(prev.lastReadAt, now) : now,
        readCount: prev ? prev.readCount + (sameVisit ? 0 : 1) : 1,
        timeSpentMs: (prev?.timeSpentMs ?? 0) + addedTime,
        wordCount: input.wordCount,
        topic: input.topic,
        experts: applyCorrections(normaliseExperts(input.experts), corrections),
      };
      const lastVisit = input.visitId
        ? {
            id: input.visitId,
            timeSpentMs: sameVisit
              ? Math.max(input.timeSpentMs, prev?.lastVisit?.timeSpentMs ?? 0)
              : input.timeSpentMs,
          }
        : undefined;
      await db.articles.put(toRecord(data, lastVisit));
      await updateExperts(db, prev, data);
      await updateMeta(db, prev, data);
      return { ok: true as const, key, readCount: data.readCount };
    });
  } catch (err) {
    if (isQuotaError(err)) {
      return {
        ok: false,
        error: 'quota',
        message:
          'The disk is full: this article was not saved. Your history is intact; free some space or delete old articles.',
      };
    }
    return {
      ok: false,
      error: 'failed',
      message: `The article could not be saved: ${String((err as Error)?.message ?? err)}`,
    };
  }
}

export async function getArticle(db: HistoryDb, keyOrUrl: string): Promise<ArticleData | null> {
  const rec = (await db.articles.get(keyOrUrl)) ?? (await db.articles.get(canonicalizeUrl(keyOrUrl)));
  return rec ? toArticleData(rec) : null;
}

export async function deleteArticle(db: HistoryDb, keyOrUrl: string): Promise<{ deleted: boolean }> {
  return db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
    let rec = await db.articles.get(keyOrUrl);
    if (!rec) rec = await db.articles.get(canonicalizeUrl(keyOrUrl));
    if (!rec) return { deleted: false };
    await db.articles.delete(rec.key);
    await db.corrections.where('articleKey').equals(rec.key).delete();
    await updateExperts(db, rec, undefined);
    await updateMeta(db, rec, undefined);
    return { deleted: true };
  });
}

export async function clearHistory(db: HistoryDb): Promise<void> {
  await db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
    await Promise.all([db.articles.clear(), db.experts.clear(), db.corrections.clear(), db.meta.clear()]);
  });
}

/** Forget articles last read before `cutoff` (retention); returns how many. */
export async function pruneOlderThan(db: HistoryDb, cutoff: number): Promise<number> {
  return db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
    const old = await db.articles.where('lastReadAt').below(cutoff).toArray();
    if (!old.length) return 0;
    const keys = old.map((a) => a.key);
    await db.articles.bulkDelete(keys);
    await db.corrections.where('articleKey').anyOf(keys).delete();
    await recomputeExperts(db, [...new Set(old.flatMap((a) => a.expertIds))]);
    const meta = (await db.meta.get(COUNTS_ID)) ?? emptyMeta();
    await db.meta.put(old.reduce((m, a) => applyToMeta(m, a, undefined), meta));
    return old.length;
  });
}

function intersect(sets: string[][]): Set<string> {
  const sorted = sets.map((s) => new Set(s)).sort((x, y) => x.size - y.size);
  const [first, ...rest] = sorted;
  const out = new Set<string>();
  for (const k of first) if (rest.every((s) => s.has(k))) out.add(k);
  return out;
}

/**
 * One page of history, newest first. `total` is exact when known cheaply (no filter: the counts row;
 * a filtered result that ends on this page) and null otherwise; `more` says whether older ones follow.
 *
 * A filtered page is read newest first from the `[tag, lastReadAt]` index of its most specific
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

  if (!conds.length) {
    if (q.from === undefined && q.to === undefined && !checkWords.length) {
      const [meta, recs] = await Promise.all([
        db.meta.get(COUNTS_ID),
        db.articles.orderBy('lastReadAt').reverse().offset(offset).limit(limit).toArray(),
      ]);
      const total = meta?.articles ?? (await db.articles.count());
      return { rows: recs.map(toRow), total, more: offset + recs.length < total };
    }
    let byTime = db.articles.where('lastReadAt').between(from, to, true, true).reverse();
    if (checkWords.length) byTime = byTime.filter(wordsMatch);
    return toPage(
      await byTime
        .offset(offset)
        .limit(limit + 1)
        .toArray(),
    );
  }
  const [drive, ...rest] = conds;
  let coll = db.articles.where('tags').between([drive, from], [drive, to], true, true).reverse();
  if (rest.length || checkWords.length) {
    coll = coll.filter((r) => {
      const tags = new Set(r.tags.map((t) => t[0]));
      return rest.every((c) => tags.has(c)) && wordsMatch(r);
    });
  }
  return toPage(
    await coll
      .offset(offset)
      .limit(limit + 1)
      .toArray(),
  );
}

export async function historyFacets(db: HistoryDb): Promise<HistoryFacets> {
  const { sites, subtopics } = await readFacets(db);
  return { sites, subtopics };
}

function toExpertRow(r: ExpertRecord): ExpertRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    organization: r.organization,
    articleCount: r.articleCount,
    stanceCounts: r.stanceCounts,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
  };
}

export async function listExperts(
  db: HistoryDb,
  q: ExpertQuery = {},
): Promise<{ rows: ExpertRow[]; total: number }> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  const sort = q.sort ?? 'recent';
  const terms = searchTerms(q.text);
  const compare = (x: ExpertRecord, y: ExpertRecord) =>
    sort === 'name'
      ? x.name.localeCompare(y.name)
      : sort === 'articles'
        ? y.articleCount - x.articleCount || y.lastSeenAt - x.lastSeenAt
        : y.lastSeenAt - x.lastSeenAt;
  if (terms.length) {
    const keys = intersect(
      await Promise.all(terms.map((t) => db.experts.where('terms').startsWith(t).primaryKeys())),
    );
    const recs = (await db.experts.bulkGet([...keys])).filter((r): r is ExpertRecord => !!r).sort(compare);
    return { rows: recs.slice(offset, offset + limit).map(toExpertRow), total: recs.length };
  }
  const coll =
    sort === 'name'
      ? db.experts.orderBy('name')
      : sort === 'articles'
        ? db.experts.orderBy('articleCount').reverse()
        : db.experts.orderBy('lastSeenAt').reverse();
  const [total, recs] = await Promise.all([db.experts.count(), coll.offset(offset).limit(limit).toArray()]);
  return { rows: recs.map(toExpertRow), total };
}

function timeOf(a: ArticleData): number {
  const t = a.publishedTime ? Date.parse(a.publishedTime) : NaN;
  return Number.isFinite(t) ? t : a.lastReadAt;
}

export async function getExpert(db: HistoryDb, rawId: string): Promise<ExpertDetail | null> {
  const id = foldExpertId(rawId);
  const [rec, arts] = await Promise.all([
    db.experts.get(id),
    db.articles.where('expertIds').equals(id).toArray(),
  ]);
  if (!rec) return null;
  const articles = arts
    .map((a) => {
      const e = a.experts.find((x) => x.id === id)!;
      return {
        key: a.key,
        url: a.url,
        title: a.title,
        site: a.site,
        readAt: a.lastReadAt,
        publishedTime: a.publishedTime,
        role: e.role,
        organization: e.organization,
        label: effectiveLabel(e),
        detectedLabel: e.stance.label,
        confidence: e.stance.confidence,
        corrected: !!e.correction,
        evidence: e.stance.evidence.map((ev) => ev.sentence),
        statements: e.statements.map((s) => s.text),
        at: timeOf(a),
      };
    })
    .sort((x, y) => y.readAt - x.readAt);
  const timeline = [...articles]
    .sort((x, y) => x.at - y.at)
    .map((a) => ({ at: a.at, label: a.label, key: a.key }));
  return {
    expert: { ...toExpertRow(rec), names: rec.names },
    articles: articles.map(({ at: _at, ...rest }) => rest),
    timeline,
  };
}

/** For the hover card: how many other articles quoted each expert, and the newest of them. */
export async function expertsSeen(db: HistoryDb, ids: string[], excludeUrl?: string): Promise<ExpertsSeen> {
  const folded = ids.map(foldExpertId);
  const excludeKey = excludeUrl ? canonicalizeUrl(excludeUrl) : undefined;
  const [recs, excluded] = await Promise.all([
    db.experts.bulkGet(folded),
    excludeKey ? db.articles.get(excludeKey) : Promise.resolve(undefined),
  ]);
  const inExcluded = new Set(excluded?.expertIds ?? []);
  const out: ExpertsSeen = {};
  ids.forEach((raw, i) => {
    const rec = recs[i];
    if (!rec) {
      out[raw] = { count: 0, latest: null };
      return;
    }
    const count = rec.articleCount - (inExcluded.has(rec.id) ? 1 : 0);
    const latest = rec.recent.find((r) => r.key !== excludeKey);
    out[raw] = {
      count,
      latest: count > 0 && latest ? { title: latest.title, url: latest.url, readAt: latest.readAt } : null,
    };
  });
  return out;
}

/** The reader corrects an expert's stance in one article (label null removes the correction). */
export async function setStanceCorrection(
  db: HistoryDb,
  input: StanceCorrectionInput,
  now = Date.now(),
): Promise<{ applied: boolean }> {
  const articleKey = canonicalizeUrl(input.articleKey);
  const expertId = foldExpertId(input.expertId);
  return db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
    if (input.label === null) await db.corrections.delete([articleKey, expertId]);
    else await db.corrections.put({ articleKey, expertId, label: input.label, at: now });
    const prev = await db.articles.get(articleKey);
    if (!prev || !prev.experts.some((e) => e.id === expertId)) return { applied: false };
    const corrections = await db.corrections.where('articleKey').equals(articleKey).toArray();
    const next: ArticleData = {
      ...toArticleData(prev),
      experts: applyCorrections(prev.experts, corrections),
    };
    await db.articles.put(toRecord(next, prev.lastVisit));
    await updateExperts(db, prev, next);
    await updateMeta(db, prev, next);
    return { applied: true };
  });
}

/** The reader's corrections for one article (also those waiting for the article to be saved). */
export async function getCorrections(
  db: HistoryDb,
  articleUrl: string,
): Promise<Record<string, StanceLabel>> {
  const rows = await db.corrections.where('articleKey').equals(canonicalizeUrl(articleUrl)).toArray();
  return Object.fromEntries(rows.map((c) => [c.expertId, c.label]));
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
