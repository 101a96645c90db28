/**
 * Messages about the reading history. The background is the only owner of the database; the content
 * script saves articles and asks what the reader has met before, the popup and the options page read
 * and manage the history. Every payload that crosses a context boundary is validated with the
 * schemas below where it arrives (see entrypoints/background/history-handlers.ts).
 */
import * as v from 'valibot';
import type { StanceEvidence, StanceLabel, TopicEvidence } from '../types';

/** Upper bounds for everything that comes from a page or a file (strings are rejected, not cut). */
export const LIMITS = {
  url: 8192,
  title: 2000,
  site: 500,
  byline: 1000,
  name: 200,
  id: 200,
  role: 1000,
  organization: 1000,
  sentence: 4000,
  cue: 200,
  cues: 30,
  evidence: 30,
  statements: 30,
  term: 200,
  group: 100,
  subtopic: 100,
  subtopics: 50,
  topicEvidence: 200,
  experts: 200,
  search: 200,
  ids: 500,
  lang: 35,
  date: 100,
} as const;

export const STANCE_LABELS = ['durable', 'fragile', 'neutral'] as const satisfies readonly StanceLabel[];

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const nonEmpty = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'empty'), v.maxLength(max, `longer than ${max} characters`));
const finite = v.pipe(v.number(), v.finite('not a finite number'));
const nonNegative = v.pipe(v.number(), v.finite('not a finite number'), v.minValue(0));
const count = v.pipe(v.number(), v.safeInteger('not an integer'), v.minValue(0));
const unit = v.pipe(v.number(), v.finite('not a finite number'), v.minValue(0), v.maxValue(1));
const cap = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `more than ${max} items`));

/** Only web pages are history; anything else (javascript:, data:, file:) is refused. */
export const WebUrlSchema = v.pipe(
  nonEmpty(LIMITS.url),
  v.check((s) => /^https?:\/\//i.test(s), 'not an http(s) URL'),
);

export const StanceLabelSchema = v.picklist(STANCE_LABELS);

export const StanceEvidenceSchema = v.object({
  sentence: str(LIMITS.sentence),
  cues: cap(str(LIMITS.cue), LIMITS.cues),
  leans: StanceLabelSchema,
  weight: finite,
});

export const StoredStanceSchema = v.object({
  label: StanceLabelSchema,
  confidence: unit,
  evidence: cap(StanceEvidenceSchema, LIMITS.evidence),
  axis: v.optional(str(LIMITS.group)),
});

export const StatementSchema = v.object({
  text: str(LIMITS.sentence),
  kind: v.picklist(['quote', 'paraphrase']),
});

export const ExpertInputSchema = v.object({
  id: nonEmpty(LIMITS.id),
  name: nonEmpty(LIMITS.name),
  role: v.nullable(str(LIMITS.role)),
  organization: v.nullable(str(LIMITS.organization)),
  stance: StoredStanceSchema,
  /** What the expert said in the article (quotes and paraphrases), optional. */
  statements: v.optional(cap(StatementSchema, LIMITS.statements)),
});

export const TopicEvidenceSchema = v.object({
  term: str(LIMITS.term),
  group: str(LIMITS.group),
  count: count,
});

export const StoredTopicSchema = v.object({
  score: unit,
  subtopics: cap(str(LIMITS.subtopic), LIMITS.subtopics),
  evidence: cap(TopicEvidenceSchema, LIMITS.topicEvidence),
});

/** content → background: an article that counted as read. */
export const ArticleInputSchema = v.object({
  url: WebUrlSchema,
  title: str(LIMITS.title),
  /** Site name; the URL's host is used when null or empty. */
  site: v.nullable(str(LIMITS.site)),
  byline: v.nullable(str(LIMITS.byline)),
  publishedTime: v.nullable(str(LIMITS.date)),
  lang: v.optional(v.nullable(str(LIMITS.lang))),
  wordCount: count,
  /** Time the article was visible during this visit, in ms. */
  timeSpentMs: nonNegative,
  /**
   * Identifies one visit of a tab. A second save with the same visitId updates that visit (time spent)
   * instead of counting another read, so the content script may re-send safely.
   */
  visitId: v.optional(str(100)),
  topic: StoredTopicSchema,
  experts: cap(ExpertInputSchema, LIMITS.experts),
});
export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>;
export type ExpertInput = v.InferOutput<typeof ExpertInputSchema>;

export interface Correction {
  label: StanceLabel;
  /** When the reader made it (ms since epoch). */
  at: number;
}

/** An expert as stored inside an article record. */
export interface StoredExpert {
  id: string;
  name: string;
  role: string | null;
  organization: string | null;
  stance: { label: StanceLabel; confidence: number; evidence: StanceEvidence[]; axis?: string };
  statements: { text: string; kind: 'quote' | 'paraphrase' }[];
  /** The reader's correction of the stance label; wins over `stance.label` everywhere. */
  correction?: Correction;
}

/** One article in the history (what is exported; the database adds derived index fields). */
export interface ArticleData {
  /** Canonical URL: the record's key. */
  key: string;
  url: string;
  title: string;
  /** The real host the article was read on (the browser's word, not the page's). */
  site: string;
  /**
   * The name the page gave itself (og:site_name) when it differs from its host: shown only as a
   * claim beside the real site. Absent in records saved before it existed.
   */
  claimedSite?: string;
  byline: string | null;
  publishedTime: string | null;
  lang: string | null;
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
  timeSpentMs: number;
  wordCount: number;
  topic: { score: number; subtopics: string[]; evidence: TopicEvidence[] };
  experts: StoredExpert[];
}

export type SaveResult =
  { ok: true; key: string; readCount: number } | { ok: false; error: 'quota' | 'failed'; message: string };

export const ArticleQuerySchema = v.object({
  /** Search as you type over titles, sites and expert names (word prefixes, all words must match). */
  text: v.optional(str(LIMITS.search)),
  /** Last read at or after (ms since epoch). */
  from: v.optional(finite),
  /** Last read at or before (ms since epoch). */
  to: v.optional(finite),
  subtopic: v.optional(str(LIMITS.subtopic)),
  site: v.optional(str(LIMITS.site)),
  expertId: v.optional(str(LIMITS.id)),
  /** With expertId: articles where that expert had this stance; alone: any expert had it. */
  stance: v.optional(StanceLabelSchema),
  offset: v.optional(v.pipe(count, v.maxValue(1_000_000))),
  limit: v.optional(v.pipe(count, v.minValue(1), v.maxValue(500))),
});
export type ArticleQuery = v.InferOutput<typeof ArticleQuerySchema>;

export interface ExpertChipData {
  id: string;
  name: string;
  /** Effective label (the reader's correction when there is one). */
  label: StanceLabel;
  corrected: boolean;
}

export interface ArticleRow {
  key: string;
  url: string;
  title: string;
  site: string;
  /** See ArticleData.claimedSite. */
  claimedSite?: string;
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
  /** When the article was published, as the page states it (ISO 8601), or null when unknown. */
  publishedTime?: string | null;
  subtopics: string[];
  experts: ExpertChipData[];
}

export interface ArticlePage {
  rows: ArticleRow[];
  /** Exact number of matches when known cheaply; null when there are more than this page shows. */
  total: number | null;
  /** True when older matches follow this page. */
  more: boolean;
}

export const ExpertQuerySchema = v.object({
  text: v.optional(str(LIMITS.search)),
  sort: v.optional(v.picklist(['recent', 'articles', 'name'])),
  offset: v.optional(v.pipe(count, v.maxValue(1_000_000))),
  limit: v.optional(v.pipe(count, v.minValue(1), v.maxValue(500))),
});
export type ExpertQuery = v.InferOutput<typeof ExpertQuerySchema>;

export type StanceCounts = Record<StanceLabel, number>;

export interface RecentArticle {
  key: string;
  title: string;
  url: string;
  readAt: number;
}

export interface ExpertRow {
  id: string;
  name: string;
  role: string | null;
  organization: string | null;
  articleCount: number;
  stanceCounts: StanceCounts;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface ExpertArticle {
  key: string;
  url: string;
  title: string;
  site: string;
  readAt: number;
  publishedTime: string | null;
  role: string | null;
  organization: string | null;
  label: StanceLabel;
  /** The label the analysis gave, before any correction. */
  detectedLabel: StanceLabel;
  confidence: number;
  corrected: boolean;
  evidence: string[];
  statements: string[];
}

export interface ExpertDetail {
  expert: ExpertRow & { names: string[] };
  /** Newest first. */
  articles: ExpertArticle[];
  /** Labels over time, oldest first (published time when known, else read time). */
  timeline: { at: number; label: StanceLabel; key: string }[];
}

export const ExpertsSeenSchema = v.object({
  ids: cap(str(LIMITS.id), LIMITS.ids),
  /** Leave this article out (the page being read). */
  excludeUrl: v.optional(str(LIMITS.url)),
});
export type ExpertsSeenQuery = v.InferOutput<typeof ExpertsSeenSchema>;
export type ExpertsSeen = Record<string, { count: number; latest: Omit<RecentArticle, 'key'> | null }>;

export const StanceCorrectionSchema = v.object({
  /** The article's URL or key (canonicalised on arrival). */
  articleKey: WebUrlSchema,
  expertId: nonEmpty(LIMITS.id),
  /** null removes the correction. */
  label: v.nullable(StanceLabelSchema),
});
export type StanceCorrectionInput = v.InferOutput<typeof StanceCorrectionSchema>;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportRequestSchema = v.object({ format: v.picklist(EXPORT_FORMATS) });
export type ExportRequest = v.InferOutput<typeof ExportRequestSchema>;
export interface ExportBegun {
  jobId: string;
  filename: string;
  mime: string;
  /** Articles the export will hold. */
  articles: number;
}
export interface ExportPiece {
  /** The next characters of the file (at most a few million). */
  text: string;
  done: boolean;
  written: number;
  total: number;
}

/** The most characters of a file in one import message (the page batches below it). */
export const MAX_IMPORT_BATCH_CHARS = 8_000_000;

const jobId = nonEmpty(100);
export const JobIdSchema = v.object({ jobId });
export const ImportBatchSchema = v.object({
  jobId,
  /** A JSON array of articles (or corrections), as in the export file. */
  json: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BATCH_CHARS, 'the batch is too large')),
  /** The index in the file of the batch's first element (for error messages). */
  offset: v.pipe(count, v.maxValue(100_000_000)),
});
export type ImportBatch = v.InferOutput<typeof ImportBatchSchema>;
export const ImportEndSchema = v.object({ jobId, commit: v.boolean() });

export type ImportStep = { ok: true } | { ok: false; message: string };
export type ImportResult =
  { ok: true; added: number; merged: number; skipped: number } | { ok: false; message: string };

export interface ImportProgress {
  phase: 'reading' | 'validating' | 'writing' | 'done';
  /** Articles checked (validating) or written (writing) so far. */
  done: number;
  /** Articles in the file (0 while not yet known). */
  total: number;
}

export const WeeklyStatsSchema = v.object({
  weeks: v.optional(v.pipe(count, v.minValue(1), v.maxValue(104))),
});
export interface WeekStats {
  /** Monday 00:00 UTC of the week (ms since epoch). */
  start: number;
  articles: number;
  /** Experts' stances in the articles read that week (corrections applied). */
  voices: StanceCounts;
}

export interface HistoryFacets {
  sites: string[];
  subtopics: string[];
}

export const KeySchema = v.object({ key: WebUrlSchema });
export const ExpertIdSchema = v.object({ id: nonEmpty(LIMITS.id) });
export const ArticleKeySchema = v.object({ articleKey: WebUrlSchema });

export interface HistoryProtocol {
  /** content → background: an article counted as read; re-reading updates count, last read and time. */
  saveArticle(data: ArticleInput): SaveResult;
  /** popup → background: one page of history, newest first, with the total matching. */
  listArticles(data: ArticleQuery): ArticlePage;
  /** popup → background: the full record of one article (by URL or key). */
  getArticle(data: { key: string }): ArticleData | null;
  /** popup → background: forget one article. */
  deleteArticle(data: { key: string }): { deleted: boolean };
  /** popup → background: forget everything (articles, experts, corrections). */
  clearHistory(): void;
  /** popup → background: the sites and subtopics present, for the filters. */
  historyFacets(): HistoryFacets;
  /** popup → background: everyone met, with article count, stance balance, organisation, last seen. */
  listExperts(data: ExpertQuery): { rows: ExpertRow[]; total: number };
  /** popup → background: one expert, their articles, what they said and their labels over time. */
  getExpert(data: { id: string }): ExpertDetail | null;
  /**
   * card or popup → background: the reader corrects (or, with null, un-corrects) an expert's stance
   * label in one article. Kept even when the article is not (yet) stored, and applied when it is.
   */
  setStanceCorrection(data: StanceCorrectionInput): { applied: boolean };
  /** card → background: the reader's corrections for one article, by expert id. */
  getCorrections(data: { articleKey: string }): Record<string, StanceLabel>;
  /**
   * popup → background: start an export (a snapshot of which articles to write). The file then comes
   * in pieces of a few million characters from `exportNext`; the popup joins them into a Blob.
   */
  exportBegin(data: ExportRequest): ExportBegun;
  /** popup → background: the next piece of an export file. */
  exportNext(data: { jobId: string }): ExportPiece;
  /**
   * popup → background: start an import. The popup has read and validated the whole file already;
   * it then sends the corrections and the articles in batches (each validated again here and merged
   * in one transaction), and ends with `importEnd`: commit, or put everything back as it was.
   */
  importBegin(): { jobId: string };
  /** popup → background: a batch of corrections (a JSON array, as in the file). */
  importCorrections(data: ImportBatch): ImportStep;
  /** popup → background: a batch of articles (a JSON array, as in the file). */
  importArticles(data: ImportBatch): ImportStep;
  /** popup → background: the import is over; `commit: false` undoes every batch written. */
  importEnd(data: { jobId: string; commit: boolean }): ImportResult;
  /** popup → background: articles per week and the balance of voices, oldest week first. */
  weeklyStats(data: { weeks?: number }): WeekStats[];
  /** options → background: apply the retention setting now. */
  pruneHistory(): { removed: number };
}
