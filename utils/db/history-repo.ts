/**
 * The history repository: writes here, reads in article-queries.ts and expert-queries.ts (re-exported
 * below, so callers import one module). Every function takes the database, so tests run it on
 * fake-indexeddb and the background on the real one. Writes that touch several tables run in one
 * transaction: five tabs saving at once lose nothing, and a failed write (a full disk) changes nothing.
 */
import { canonicalizeUrl } from '../canonical-url';
import type {
  ArticleData,
  ArticleInput,
  SaveResult,
  StanceCorrectionInput,
  StoredExpert,
} from '../messages/history';
import type { StanceLabel } from '../types';
import { foldExpertId, uniqueExperts } from './derive';
import { updateExperts, recomputeExperts } from './experts-sync';
import { applyToMeta, COUNTS_ID, emptyMeta, updateMeta } from './meta';
import { toArticleData, toRecord } from './records';
import type { CorrectionRecord, HistoryDb } from './schema';

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

function applyCorrections(experts: StoredExpert[], corrections: CorrectionRecord[]): StoredExpert[] {
  const byId = new Map(corrections.map((c) => [c.expertId, c]));
  return experts.map((e) => {
    const c = byId.get(e.id);
    const { correction: _old, ...rest } = e;
    return c ? { ...rest, correction: { label: c.label, at: c.at } } : rest;
  });
}

export interface SaveOptions {
  /** Read time (ms since epoch); defaults to now. */
  now?: number;
  /** The name the page claimed for itself when it differs from `input.site` (kept as claimed). */
  claimedSite?: string | null;
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
        ...(opts.claimedSite ? { claimedSite: opts.claimedSite } : {}),
        byline: input.byline,
        publishedTime: input.publishedTime,
        lang: input.lang ?? null,
        firstReadAt: prev ? Math.min(prev.firstReadAt, now) : now,
        lastReadAt: prev ? Math.max(prev.lastReadAt, now) : now,
        readCount: prev ? prev.readCount + (sameVisit ? 0 : 1) : 1,
        timeSpentMs: (prev?.timeSpentMs ?? 0) + addedTime,
        wordCount: input.wordCount,
        topic: input.topic,
        experts: applyCorrections(uniqueExperts(input.experts), corrections),
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

export { toArticleData, toRecord } from './records';
export { recomputeExperts, updateExperts } from './experts-sync';
export { DEFAULT_PAGE_SIZE, historyFacets, listArticles, weeklyStats, weekStart } from './article-queries';
export { expertsSeen, getExpert, listExperts } from './expert-queries';
