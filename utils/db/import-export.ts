/**
 * Export the whole history as a versioned JSON envelope (or CSV), and import such a file back.
 *
 * Import is all or nothing: the file is parsed and validated completely (valibot, bounded strings and
 * arrays, http(s) URLs only, no prototype keys) before anything is written, and the merge runs in one
 * transaction. Merging is idempotent: importing the same file twice adds nothing the second time.
 *
 * dexie-export-import was considered and not used: it dumps raw table rows (including our derived
 * index fields) and restores them without the validation and merge rules above, which we would have
 * to write anyway; the envelope below is the product's own format and stays stable across schema
 * versions because derived fields are recomputed on import.
 */
import * as v from 'valibot';
import { canonicalizeUrl } from '../canonical-url';
import {
  ArticleInputSchema,
  ExpertInputSchema,
  LIMITS,
  StanceLabelSchema,
  StoredTopicSchema,
  WebUrlSchema,
  type ArticleData,
  type ImportProgress,
  type ImportResult,
} from '../messages/history';
import { articlesToCsv } from './csv';
import { buildExpertRecords, foldExpertId, uniqueExperts } from './derive';
import { toArticleData, toRecord } from './records';
import { countsFromArticles } from './meta';
import type { CorrectionRecord, HistoryDb } from './schema';

export const EXPORT_APP = 'triangle-lens';
/** Version of the export envelope (follows the database schema it was written from). */
export const EXPORT_SCHEMA = 2;
export const MAX_IMPORT_ARTICLES = 200_000;
const WRITE_CHUNK = 500;

const time = v.pipe(v.number(), v.finite('not a finite number'), v.minValue(0));
const CorrectionDataSchema = v.object({ label: StanceLabelSchema, at: time });

const StoredExpertSchema = v.object({
  ...ExpertInputSchema.entries,
  correction: v.optional(CorrectionDataSchema),
});

const ArticleDataSchema = v.object({
  key: v.optional(WebUrlSchema),
  url: WebUrlSchema,
  title: ArticleInputSchema.entries.title,
  site: v.pipe(v.string(), v.maxLength(LIMITS.site)),
  byline: ArticleInputSchema.entries.byline,
  publishedTime: ArticleInputSchema.entries.publishedTime,
  lang: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.lang)))),
  firstReadAt: time,
  lastReadAt: time,
  readCount: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  timeSpentMs: time,
  wordCount: ArticleInputSchema.entries.wordCount,
  topic: StoredTopicSchema,
  experts: v.pipe(v.array(StoredExpertSchema), v.maxLength(LIMITS.experts)),
});

const CorrectionRecordSchema = v.object({
  articleKey: WebUrlSchema,
  expertId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  label: StanceLabelSchema,
  at: time,
});

const EnvelopeSchema = v.object({
  app: v.literal(EXPORT_APP),
  schema: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  exportedAt: v.pipe(v.string(), v.maxLength(100)),
  articles: v.pipe(v.array(ArticleDataSchema), v.maxLength(MAX_IMPORT_ARTICLES, 'too many articles')),
  /** Written for readers of the file; on import the experts are rebuilt from the articles. */
  experts: v.optional(v.array(v.unknown())),
  corrections: v.optional(v.pipe(v.array(CorrectionRecordSchema), v.maxLength(MAX_IMPORT_ARTICLES * 10))),
});

export interface ExportEnvelope {
  app: typeof EXPORT_APP;
  schema: number;
  exportedAt: string;
  articles: ArticleData[];
  experts: unknown[];
  corrections: CorrectionRecord[];
}

export async function exportEnvelope(db: HistoryDb, now = Date.now()): Promise<ExportEnvelope> {
  return db.transaction('r', db.articles, db.experts, db.corrections, async () => {
    const [articles, experts, corrections] = await Promise.all([
      db.articles.orderBy('lastReadAt').reverse().toArray(),
      db.experts.toArray(),
      db.corrections.toArray(),
    ]);
    return {
      app: EXPORT_APP,
      schema: EXPORT_SCHEMA,
      exportedAt: new Date(now).toISOString(),
      articles: articles.map(toArticleData),
      experts: experts.map(({ terms: _terms, recent: _recent, ...rest }) => rest),
      corrections,
    };
  });
}

export async function exportJson(db: HistoryDb, now = Date.now()): Promise<string> {
  return JSON.stringify(await exportEnvelope(db, now));
}

export async function exportCsv(db: HistoryDb): Promise<string> {
  const articles = await db.articles.orderBy('lastReadAt').reverse().toArray();
  return articlesToCsv(articles.map(toArticleData));
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsedImport =
  { ok: true; articles: ArticleData[]; corrections: CorrectionRecord[] } | { ok: false; message: string };

/** Parse and validate an export completely, without touching the database. */
export function parseImport(json: string): ParsedImport {
  if (json.length > 60_000_000)
    return { ok: false, message: 'The file is too large to import (over 60 MB).' };
  let raw: unknown;
  let forbidden: string | null = null;
  try {
    raw = JSON.parse(json, (k, val) => {
      if (FORBIDDEN_KEYS.has(k)) forbidden = k;
      return val;
    });
  } catch {
    return { ok: false, message: 'The file is not valid JSON (is it a Triangle Lens export?).' };
  }
  if (forbidden) return { ok: false, message: `The file was refused: it contains a "${forbidden}" key.` };
  if (
    !raw ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as { app?: unknown }).app !== EXPORT_APP
  ) {
    return {
      ok: false,
      message: 'This is not a Triangle Lens export (the "app" field is missing or different).',
    };
  }
  const schema = (raw as { schema?: unknown }).schema;
  if (typeof schema === 'number' && schema > EXPORT_SCHEMA) {
    return {
      ok: false,
      message: `This export was made by a newer version (format ${schema}); update the extension first.`,
    };
  }
  const result = v.safeParse(EnvelopeSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '(top level)';
    return { ok: false, message: `The file was refused, nothing was changed: ${path}: ${issue.message}` };
  }
  const articles: ArticleData[] = result.output.articles.map((a) => {
    const url = a.url;
    const experts = uniqueExperts(a.experts);
    return {
      key: canonicalizeUrl(url),
      url,
      title: a.title,
      site: a.site,
      byline: a.byline,
      publishedTime: a.publishedTime,
      lang: a.lang ?? null,
      firstReadAt: Math.min(a.firstReadAt, a.lastReadAt),
      lastReadAt: a.lastReadAt,
      readCount: a.readCount,
      timeSpentMs: a.timeSpentMs,
      wordCount: a.wordCount,
      topic: a.topic,
      experts,
    };
  });
  // Corrections come from the corrections list and from the articles themselves; the newest wins.
  const corrections = new Map<string, CorrectionRecord>();
  const addCorrection = (c: CorrectionRecord) => {
    const id = `${c.articleKey}\u0000${c.expertId}`;
    const prev = corrections.get(id);
    if (!prev || prev.at < c.at) corrections.set(id, c);
  };
  for (const c of result.output.corrections ?? []) {
    addCorrection({
      articleKey: canonicalizeUrl(c.articleKey),
      expertId: foldExpertId(c.expertId),
      label: c.label,
      at: c.at,
    });
  }
  for (const a of articles) {
    for (const e of a.experts) {
      if (e.correction) addCorrection({ articleKey: a.key, expertId: e.id, ...e.correction });
    }
  }
  return { ok: true, articles, corrections: [...corrections.values()] };
}

/** Merge two versions of the same article (idempotent: merge(a, a) equals a). */
export function mergeArticles(a: ArticleData, b: ArticleData): ArticleData {
  const newer = b.lastReadAt > a.lastReadAt ? b : a;
  return {
    ...newer,
    key: a.key,
    firstReadAt: Math.min(a.firstReadAt, b.firstReadAt),
    lastReadAt: Math.max(a.lastReadAt, b.lastReadAt),
    readCount: Math.max(a.readCount, b.readCount),
    timeSpentMs: Math.max(a.timeSpentMs, b.timeSpentMs),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validate, then merge into the history in one transaction. */
export async function importJson(
  db: HistoryDb,
  json: string,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  onProgress({ phase: 'validating', done: 0, total: 0 });
  const parsed = parseImport(json);
  if (!parsed.ok) return parsed;
  const total = parsed.articles.length;

  // Fold duplicates inside the file first.
  const incoming = new Map<string, ArticleData>();
  for (const a of parsed.articles) {
    const prev = incoming.get(a.key);
    incoming.set(a.key, prev ? mergeArticles(prev, a) : a);
  }

  let added = 0;
  let merged = 0;
  let skipped = total - incoming.size;
  try {
    await db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
      // Corrections: the newer one wins; articles carry them too (applied below).
      const correctionKeys = parsed.corrections.map((c) => [c.articleKey, c.expertId] as [string, string]);
      const existingCorr = await db.corrections.bulkGet(correctionKeys);
      const corrPuts = parsed.corrections.filter((c, i) => !existingCorr[i] || existingCorr[i]!.at < c.at);
      if (corrPuts.length) await db.corrections.bulkPut(corrPuts);

      const entries = [...incoming.values()];
      // Into an empty history, the articles written are all there is: no need to read them back.
      const wasEmpty = (await db.articles.limit(1).count()) === 0;
      const written: ArticleData[] = [];
      let done = 0;
      for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
        const chunk = entries.slice(i, i + WRITE_CHUNK);
        const existing = await db.articles.bulkGet(chunk.map((a) => a.key));
        const corr = await db.corrections
          .where('articleKey')
          .anyOf(chunk.map((a) => a.key))
          .toArray();
        const puts = [];
        for (let j = 0; j < chunk.length; j++) {
          const prev = existing[j];
          let next = prev ? mergeArticles(toArticleData(prev), chunk[j]) : chunk[j];
          next = withCorrections(next, corr);
          if (prev && sameJson(toArticleData(prev), next)) {
            skipped++;
            continue;
          }
          if (prev) merged++;
          else added++;
          puts.push(toRecord(next, prev?.lastVisit));
          if (wasEmpty) written.push(next);
        }
        if (puts.length) await db.articles.bulkPut(puts);
        done += chunk.length;
        onProgress({ phase: 'writing', done, total });
      }
      // Corrections for articles already stored but absent from the file.
      const otherKeys = [...new Set(corrPuts.map((c) => c.articleKey))].filter((k) => !incoming.has(k));
      if (otherKeys.length) {
        const others = (await db.articles.bulkGet(otherKeys)).filter((r) => !!r);
        const corr = await db.corrections.where('articleKey').anyOf(otherKeys).toArray();
        await db.articles.bulkPut(
          others.map((r) => toRecord(withCorrections(toArticleData(r), corr), r.lastVisit)),
        );
      }
      if (added || merged || otherKeys.length) {
        const all = wasEmpty && !otherKeys.length ? written : await db.articles.toArray();
        await db.experts.clear();
        await db.experts.bulkPut(buildExpertRecords(all));
        await db.meta.put(countsFromArticles(all));
      }
    });
  } catch (err) {
    const quota = (err as { name?: string })?.name === 'QuotaExceededError';
    return {
      ok: false,
      message: quota
        ? 'The disk is full: nothing was imported and your history is unchanged.'
        : `The import failed and nothing was changed: ${String((err as Error)?.message ?? err)}`,
    };
  }
  onProgress({ phase: 'done', done: total, total });
  return { ok: true, added, merged, skipped };
}

function withCorrections(a: ArticleData, corrections: CorrectionRecord[]): ArticleData {
  const mine = corrections.filter((c) => c.articleKey === a.key);
  if (!mine.length) return a;
  const byId = new Map(mine.map((c) => [c.expertId, c]));
  return {
    ...a,
    experts: a.experts.map((e) => {
      const c = byId.get(e.id);
      if (!c || (e.correction && e.correction.at >= c.at)) return e;
      return { ...e, correction: { label: c.label, at: c.at } };
    }),
  };
}
