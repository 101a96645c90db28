/**
 * The history's export file (a versioned JSON envelope, or CSV for spreadsheets) and the database
 * side of exporting and importing it in pieces, so that no file, however large, is ever one string
 * or one message, and no request holds the background for long.
 *
 * - Export: `ExportSession` lists the article keys once (a snapshot of what to write), then each
 *   `next()` reads a few hundred records and returns at most EXPORT_PIECE_CHARS characters of the file;
 *   the extension page joins the pieces into a Blob.
 * - Import: the extension page reads the file piece by piece (envelope-splitter.ts), validates all of
 *   it first, then sends batches of articles; `ImportSession` validates each batch again where it
 *   arrives and merges it in one transaction, updating only the experts and counts that batch touches
 *   (the cost grows with the file, not with the history). Every record it replaces or adds is noted,
 *   so a failure in any batch puts the history back as it was: all or nothing.
 *
 * Validation: valibot, bounded strings and arrays, http(s) URLs only, no prototype keys. Merging is
 * idempotent: importing the same file twice adds nothing the second time.
 *
 * dexie-export-import was considered and not used: it dumps raw table rows (including our derived
 * index fields) and restores them without the validation and merge rules here, which we would have
 * to write anyway; the envelope is the product's own format and stays stable across schema versions
 * because derived fields are recomputed on import.
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
  type ExportFormat,
  type ExportPiece,
} from '../messages/history';
import { articlesCsvRows, correctionsCsvRows, csvHeader } from './csv';
import { foldExpertId, uniqueExperts } from './derive';
import { updateExpertsForChanges, type ArticleChange } from './experts-sync';
import { applyChangesToMeta, COUNTS_ID, emptyMeta, type MetaRecord } from './meta';
import { toArticleData, toRecord } from './records';
import type { ArticleRecord, CorrectionRecord, ExpertRecord, HistoryDb } from './schema';

export const EXPORT_APP = 'triangle-lens';
/** Version of the export envelope (follows the database schema it was written from). */
export const EXPORT_SCHEMA = 2;
export const MAX_IMPORT_ARTICLES = 1_000_000;
export const MAX_IMPORT_CORRECTIONS = 2_000_000;
/** The most characters of a file in one message, either way (well below Chrome's 64 MiB). */
export const EXPORT_PIECE_CHARS = 2_000_000;
export const IMPORT_BATCH_CHARS = 4_000_000;
/** Articles per import batch (one transaction, well under a second in Chromium). */
export const IMPORT_BATCH_ARTICLES = 500;
/** One article or correction larger than this is refused. */
export const MAX_ITEM_CHARS = IMPORT_BATCH_CHARS;
const READ_CHUNK = 250;

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
  /** The name the page gave itself, when it is not its real host (kept beside the site, as a claim). */
  claimedSite: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.site))),
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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const refused = (detail: string) => `The file was refused, nothing was changed: ${detail}`;
export const NOT_JSON = 'The file is not valid JSON (is it a Triangle Lens export?)';
export const NOT_OURS = 'This is not a Triangle Lens export (the "app" field is missing or different).';
export const NOT_OURS_CSV =
  "This CSV is not a Triangle Lens export (its first row is not this extension's column names). Nothing was changed.";

/** JSON.parse that refuses prototype keys anywhere. */
function parseJson(text: string): Checked<unknown> {
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, (k, val: unknown) => {
      if (FORBIDDEN_KEYS.has(k)) forbidden = k;
      return val;
    });
  } catch (e) {
    return { ok: false, message: `${NOT_JSON}: ${String((e as Error)?.message ?? e)}` };
  }
  if (forbidden) return { ok: false, message: `The file was refused: it contains a "${forbidden}" key.` };
  return { ok: true, value };
}

/** A forbidden top-level member name, or a member checked on its own (app, schema). */
export function checkMember(key: string, json: string): Checked<null> {
  if (FORBIDDEN_KEYS.has(key))
    return { ok: false, message: `The file was refused: it contains a "${key}" key.` };
  if (key !== 'app' && key !== 'schema' && key !== 'exportedAt') return { ok: true, value: null };
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  if (key === 'app' && parsed.value !== EXPORT_APP) return { ok: false, message: NOT_OURS };
  if (key === 'schema') {
    const schema = parsed.value;
    if (typeof schema === 'number' && schema > EXPORT_SCHEMA)
      return {
        ok: false,
        message: `This export was made by a newer version (format ${schema}); update the extension first.`,
      };
    if (typeof schema !== 'number' || !Number.isSafeInteger(schema) || schema < 1)
      return { ok: false, message: refused('schema: not a format version') };
  }
  if (key === 'exportedAt' && (typeof parsed.value !== 'string' || parsed.value.length > 100))
    return { ok: false, message: refused('exportedAt: not a date') };
  return { ok: true, value: null };
}

function firstIssue(issues: v.BaseIssue<unknown>[], prefix: string, offset: number): string {
  const issue = issues[0];
  const path = v.getDotPath(issue) ?? '';
  // The path starts with the index inside the batch: report the index inside the file.
  const [index, ...rest] = path.split('.');
  const at = Number.isInteger(Number(index)) && index !== '' ? Number(index) + offset : index;
  return refused(`${[prefix, at, ...rest].filter((p) => p !== '').join('.')}: ${issue.message}`);
}

/** Articles as stored: key canonical, experts unique, first read never after last read. */
function normalizeArticle(a: v.InferOutput<typeof ArticleDataSchema>): ArticleData {
  return {
    key: canonicalizeUrl(a.url),
    url: a.url,
    title: a.title,
    site: a.site,
    ...(a.claimedSite ? { claimedSite: a.claimedSite } : {}),
    byline: a.byline,
    publishedTime: a.publishedTime,
    lang: a.lang ?? null,
    firstReadAt: Math.min(a.firstReadAt, a.lastReadAt),
    lastReadAt: a.lastReadAt,
    readCount: a.readCount,
    timeSpentMs: a.timeSpentMs,
    wordCount: a.wordCount,
    topic: a.topic,
    experts: uniqueExperts(a.experts),
  };
}

/** Parse and validate a batch of articles (a JSON array); `offset` is its first index in the file. */
export function parseArticleBatch(json: string, offset = 0): Checked<ArticleData[]> {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const result = v.safeParse(v.array(ArticleDataSchema), parsed.value);
  if (!result.success) return { ok: false, message: firstIssue(result.issues, 'articles', offset) };
  return { ok: true, value: result.output.map(normalizeArticle) };
}

/** Parse and validate a batch of corrections (a JSON array). */
export function parseCorrectionBatch(json: string, offset = 0): Checked<CorrectionRecord[]> {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const result = v.safeParse(v.array(CorrectionRecordSchema), parsed.value);
  if (!result.success) return { ok: false, message: firstIssue(result.issues, 'corrections', offset) };
  return {
    ok: true,
    value: result.output.map((c) => ({
      articleKey: canonicalizeUrl(c.articleKey),
      expertId: foldExpertId(c.expertId),
      label: c.label,
      at: c.at,
    })),
  };
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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const corrId = (c: { articleKey: string; expertId: string }) => `${c.articleKey}\u0000${c.expertId}`;

// ---------------------------------------------------------------------------------------------------
// Export

/** Cut a string where no surrogate pair is split (a lone half would not survive a message). */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

/**
 * One export in pieces. JSON lists the articles oldest first (an import then replays the reading in
 * order), CSV newest first; JSON adds the experts (for readers of the file) and the corrections.
 */
/**
 * The corrections that their article does not carry (no such article or expert in the history, or
 * another label there): a CSV export lists these in rows of their own.
 */
async function notCarried(db: HistoryDb, list: CorrectionRecord[]): Promise<CorrectionRecord[]> {
  if (!list.length) return [];
  const keys = [...new Set(list.map((c) => c.articleKey))];
  const recs = await db.articles.bulkGet(keys);
  const byKey = new Map(keys.map((k, i) => [k, recs[i]]));
  return list.filter((c) => {
    const e = byKey.get(c.articleKey)?.experts.find((x) => x.id === c.expertId);
    return !(e?.correction && e.correction.label === c.label && e.correction.at === c.at);
  });
}

export class ExportSession {
  readonly total: number;
  private i = 0;
  private buffer = '';
  private phase: 'articles' | 'experts' | 'corrections' | 'end' | 'done' = 'articles';
  private lastExpert: string | null = null;
  private lastCorrection: [string, string] | null = null;
  private first = true;

  private constructor(
    private readonly db: HistoryDb,
    readonly format: ExportFormat,
    private readonly keys: string[],
    now: number,
  ) {
    this.total = keys.length;
    this.buffer =
      format === 'csv'
        ? csvHeader()
        : `{"app":${JSON.stringify(EXPORT_APP)},"schema":${EXPORT_SCHEMA},"exportedAt":${JSON.stringify(new Date(now).toISOString())},"articles":[`;
  }

  static async start(db: HistoryDb, format: ExportFormat, now = Date.now()): Promise<ExportSession> {
    const keys = (await db.articles.orderBy('lastReadAt').primaryKeys()) as string[];
    if (format === 'csv') keys.reverse();
    return new ExportSession(db, format, keys, now);
  }

  get written(): number {
    return this.i;
  }

  /** The next piece of the file (at most EXPORT_PIECE_CHARS characters). */
  async next(maxChars = EXPORT_PIECE_CHARS): Promise<ExportPiece> {
    while (this.buffer.length < maxChars && this.phase !== 'done') await this.fill();
    const cut = cutAt(this.buffer, maxChars);
    const text = this.buffer.slice(0, cut);
    this.buffer = this.buffer.slice(cut);
    return { text, done: this.phase === 'done' && !this.buffer.length, written: this.i, total: this.total };
  }

  private list(items: unknown[]): string {
    if (!items.length) return '';
    const body = items.map((x) => JSON.stringify(x)).join(',');
    const text = this.first ? body : `,${body}`;
    this.first = false;
    return text;
  }

  private async fill(): Promise<void> {
    const db = this.db;
    if (this.phase === 'articles') {
      const keys = this.keys.slice(this.i, this.i + READ_CHUNK);
      this.i += keys.length;
      const recs = (await db.articles.bulkGet(keys)).filter((r): r is ArticleRecord => !!r);
      const data = recs.map(toArticleData);
      this.buffer += this.format === 'csv' ? articlesCsvRows(data) : this.list(data);
      if (this.i >= this.keys.length) {
        if (this.format === 'csv') this.phase = 'corrections';
        else {
          this.buffer += '],"experts":[';
          this.first = true;
          this.phase = 'experts';
        }
      }
      return;
    }
    if (this.phase === 'experts') {
      const page = await (
        this.lastExpert === null ? db.experts.orderBy('id') : db.experts.where('id').above(this.lastExpert)
      )
        .limit(READ_CHUNK * 4)
        .toArray();
      this.buffer += this.list(page.map(({ terms: _terms, recent: _recent, ...rest }) => rest));
      if (page.length) this.lastExpert = page[page.length - 1].id;
      else {
        this.buffer += '],"corrections":[';
        this.first = true;
        this.phase = 'corrections';
      }
      return;
    }
    if (this.phase === 'corrections') {
      const page = await (
        this.lastCorrection === null
          ? db.corrections.orderBy('[articleKey+expertId]')
          : db.corrections.where('[articleKey+expertId]').above(this.lastCorrection)
      )
        .limit(READ_CHUNK * 4)
        .toArray();
      this.buffer += this.format === 'csv' ? correctionsCsvRows(await notCarried(db, page)) : this.list(page);
      if (page.length) {
        const last = page[page.length - 1];
        this.lastCorrection = [last.articleKey, last.expertId];
      } else this.phase = this.format === 'csv' ? 'done' : 'end';
      return;
    }
    if (this.phase === 'end') {
      this.buffer += ']}';
      this.phase = 'done';
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface ImportCounts {
  added: number;
  merged: number;
  skipped: number;
}

/**
 * One import, batch by batch, each in its own transaction. It notes what each batch replaced (the
 * articles, corrections and experts before, and the counts row) so that `rollback()` puts the history
 * back as it was before the import began.
 */
export class ImportSession {
  readonly counts: ImportCounts = { added: 0, merged: 0, skipped: 0 };
  private readonly added = new Set<string>();
  private readonly prevArticles = new Map<string, ArticleRecord>();
  private readonly prevCorrections = new Map<string, CorrectionRecord | null>();
  private readonly prevExperts = new Map<string, ExpertRecord | null>();
  private prevMeta: MetaRecord | null | undefined = undefined;

  constructor(private readonly db: HistoryDb) {}

  private noteArticle(key: string, prev: ArticleRecord | undefined): void {
    if (this.added.has(key) || this.prevArticles.has(key)) return;
    if (prev) this.prevArticles.set(key, prev);
    else this.added.add(key);
  }

  private noteExperts = (before: Map<string, ExpertRecord | undefined>): void => {
    for (const [id, rec] of before) if (!this.prevExperts.has(id)) this.prevExperts.set(id, rec ?? null);
  };

  /** Store the newer of each correction (the one stored, or the newest in the list). */
  private async putCorrections(list: CorrectionRecord[]): Promise<void> {
    const newest = new Map<string, CorrectionRecord>();
    for (const c of list) {
      const prev = newest.get(corrId(c));
      if (!prev || prev.at < c.at) newest.set(corrId(c), c);
    }
    const wanted = [...newest.values()];
    if (!wanted.length) return;
    const existing = await this.db.corrections.bulkGet(wanted.map((c) => [c.articleKey, c.expertId]));
    const puts: CorrectionRecord[] = [];
    wanted.forEach((c, i) => {
      const before = existing[i];
      if (before && before.at >= c.at) return;
      puts.push(c);
      if (!this.prevCorrections.has(corrId(c))) this.prevCorrections.set(corrId(c), before ?? null);
    });
    if (puts.length) await this.db.corrections.bulkPut(puts);
  }

  /** Experts and counts after articles were written. */
  private async afterWrites(changes: ArticleChange[]): Promise<void> {
    if (!changes.length) return;
    await updateExpertsForChanges(this.db, changes, this.noteExperts);
    const meta = await this.db.meta.get(COUNTS_ID);
    if (this.prevMeta === undefined) this.prevMeta = meta ?? null;
    await this.db.meta.put(applyChangesToMeta(meta ?? emptyMeta(), changes));
  }

  /** A batch of corrections (validated); applied at once to the stored articles they concern. */
  async corrections(list: CorrectionRecord[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
      await this.putCorrections(list);
      const keys = [...new Set(list.map((c) => c.articleKey))];
      const stored = await db.articles.bulkGet(keys);
      const corr = await db.corrections.where('articleKey').anyOf(keys).toArray();
      const puts: ArticleRecord[] = [];
      const changes: ArticleChange[] = [];
      for (const prev of stored) {
        if (!prev) continue;
        const before = toArticleData(prev);
        const after = withCorrections(before, corr);
        if (sameJson(before, after)) continue;
        this.noteArticle(prev.key, prev);
        puts.push(toRecord(after, prev.lastVisit));
        changes.push({ before, after });
      }
      if (puts.length) await db.articles.bulkPut(puts);
      await this.afterWrites(changes);
    });
  }

  /** A batch of articles (validated), merged into the history in one transaction. */
  async articles(list: ArticleData[]): Promise<ImportCounts> {
    const db = this.db;
    // Fold duplicates inside the batch first.
    const incoming = new Map<string, ArticleData>();
    for (const a of list) {
      const prev = incoming.get(a.key);
      incoming.set(a.key, prev ? mergeArticles(prev, a) : a);
    }
    const batch: ImportCounts = { added: 0, merged: 0, skipped: list.length - incoming.size };
    await db.transaction('rw', db.articles, db.experts, db.corrections, db.meta, async () => {
      const embedded: CorrectionRecord[] = [];
      for (const a of incoming.values())
        for (const e of a.experts)
          if (e.correction) embedded.push({ articleKey: a.key, expertId: e.id, ...e.correction });
      await this.putCorrections(embedded);
      const entries = [...incoming.values()];
      const keys = entries.map((a) => a.key);
      const existing = await db.articles.bulkGet(keys);
      const corr = await db.corrections.where('articleKey').anyOf(keys).toArray();
      const puts: ArticleRecord[] = [];
      const changes: ArticleChange[] = [];
      entries.forEach((a, j) => {
        const prev = existing[j];
        const before = prev ? toArticleData(prev) : undefined;
        const after = withCorrections(before ? mergeArticles(before, a) : a, corr);
        if (before && sameJson(before, after)) {
          batch.skipped++;
          return;
        }
        if (before) batch.merged++;
        else batch.added++;
        this.noteArticle(a.key, prev);
        puts.push(toRecord(after, prev?.lastVisit));
        changes.push({ before, after });
      });
      if (puts.length) await db.articles.bulkPut(puts);
      await this.afterWrites(changes);
    });
    this.counts.added += batch.added;
    this.counts.merged += batch.merged;
    this.counts.skipped += batch.skipped;
    return batch;
  }

  /** Put the history back as it was before the import (in a few transactions of bounded size). */
  async rollback(): Promise<void> {
    const db = this.db;
    const STEP = 2000;
    const added = [...this.added];
    for (let i = 0; i < added.length; i += STEP) await db.articles.bulkDelete(added.slice(i, i + STEP));
    const prev = [...this.prevArticles.values()];
    for (let i = 0; i < prev.length; i += STEP) await db.articles.bulkPut(prev.slice(i, i + STEP));
    const corr = [...this.prevCorrections];
    const delCorr = corr.filter(([, c]) => !c).map(([id]) => id.split('\u0000') as [string, string]);
    const putCorr = corr.map(([, c]) => c).filter((c): c is CorrectionRecord => !!c);
    for (let i = 0; i < delCorr.length; i += STEP)
      await db.corrections.bulkDelete(delCorr.slice(i, i + STEP));
    for (let i = 0; i < putCorr.length; i += STEP) await db.corrections.bulkPut(putCorr.slice(i, i + STEP));
    const experts = [...this.prevExperts];
    const delExp = experts.filter(([, r]) => !r).map(([id]) => id);
    const putExp = experts.map(([, r]) => r).filter((r): r is ExpertRecord => !!r);
    for (let i = 0; i < delExp.length; i += STEP) await db.experts.bulkDelete(delExp.slice(i, i + STEP));
    for (let i = 0; i < putExp.length; i += STEP) await db.experts.bulkPut(putExp.slice(i, i + STEP));
    if (this.prevMeta === null) await db.meta.delete(COUNTS_ID);
    else if (this.prevMeta) await db.meta.put(this.prevMeta);
    this.added.clear();
    this.prevArticles.clear();
    this.prevCorrections.clear();
    this.prevExperts.clear();
    this.prevMeta = undefined;
  }
}

/** A failed write, said so a reader knows what happened to their history. */
export function writeFailure(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string }; message?: string } | null;
  const quota = e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
  return quota
    ? 'The disk is full: nothing was imported and your history is unchanged.'
    : `The import failed and nothing was changed: ${String(e?.message ?? err)}`;
}
