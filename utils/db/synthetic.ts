/**
 * Clearly synthetic reading history for tests and the benchmark (scripts/bench-history.mjs):
 * invented outlets, invented people, deterministic. Never used by the extension itself.
 */
import type { ArticleInput } from '../messages/history';
import type { StanceLabel } from '../types';
import { canonicalizeUrl } from '../canonical-url';
import { saveArticle } from './history-repo';
import { buildExpertRecords } from './derive';
import { toRecord } from './records';
import type { HistoryDb } from './schema';
import { EXPORT_APP, EXPORT_SCHEMA } from './import-export';
import { articlesCsvRows, csvHeader } from './csv';
import { countsFromArticles } from './meta';
import type { ArticleData, StoredExpert } from '../messages/history';

const LABELS: StanceLabel[] = ['durable', 'fragile', 'neutral'];
const SUBTOPICS = ['partnership', 'sanctions', 'energy', 'military', 'ukraine-war', 'us-policy'];
const SITES = [
  'synthetic-herald.example',
  'example-dispatch.test',
  'mock-gazette.example',
  'fake-ledger.test',
];
const FIRST = ['Ada', 'Boris', 'Chen', 'Dana', 'Emil', 'Fei', 'Gita', 'Hugo', 'Ines', 'Jun', 'Katya', 'Liam'];
const LAST = [
  'Synthetic',
  'Placeholder',
  'Testwell',
  'Mockford',
  'Fakeley',
  'Sampleton',
  'Dummett',
  'Stubbs',
];
const WORDS = [
  'alignment',
  'pipeline',
  'summit',
  'tariffs',
  'Beijing',
  'Moscow',
  'Washington',
  'drills',
  'yuan',
  'grain',
];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticExpert(i: number): { id: string; name: string } {
  const name =
    `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${Math.floor(i / (FIRST.length * LAST.length)) || ''}`.trim();
  return { id: name.toLowerCase().replace(/\s+/g, '-'), name };
}

/** The i-th synthetic article input (experts drawn from a pool of `expertPool` people). */
export function syntheticArticle(i: number, expertPool = 2000): ArticleInput {
  const r = rng(i + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const n = 1 + Math.floor(r() * 4);
  const experts = Array.from({ length: n }, () => {
    const ex = syntheticExpert(Math.floor(r() * expertPool));
    const label = pick(LABELS);
    return {
      ...ex,
      role: 'analyst',
      organization: `Synthetic Institute ${Math.floor(r() * 50)}`,
      stance: {
        label,
        confidence: Math.round(r() * 100) / 100,
        evidence: [
          {
            sentence: `Synthetic sentence ${i} about the ${label} alignment.`,
            cues: [label],
            leans: label,
            weight: 1,
          },
        ],
      },
      statements: [{ text: `Synthetic quote number ${i}.`, kind: 'quote' as const }],
    };
  });
  return {
    url: `https://${pick(SITES)}/synthetic/${i}`,
    title: `Synthetic article ${i}: ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    site: null,
    byline: 'Synthetic Reporter',
    publishedTime: null,
    lang: 'en',
    wordCount: 400 + Math.floor(r() * 1600),
    timeSpentMs: 10_000 + Math.floor(r() * 300_000),
    topic: {
      score: 0.5 + r() / 2,
      subtopics: [pick(SUBTOPICS), pick(SUBTOPICS)],
      evidence: [{ term: 'Beijing', group: 'china', count: 2 }],
    },
    experts,
  };
}

/** The i-th of n synthetic articles as stored data, read one per hour back from `now`. */
export function syntheticArticleData(i: number, n: number, now: number, expertPool = 2000): ArticleData {
  const input = syntheticArticle(i, expertPool);
  const t = now - (n - i) * 3_600_000;
  const experts: StoredExpert[] = [...new Map(input.experts.map((e) => [e.id, e])).values()].map((e) => ({
    ...e,
    statements: e.statements ?? [],
  }));
  return {
    key: canonicalizeUrl(input.url),
    url: input.url,
    title: input.title,
    site: new URL(input.url).hostname,
    byline: input.byline,
    publishedTime: input.publishedTime,
    lang: input.lang ?? null,
    firstReadAt: t,
    lastReadAt: t,
    readCount: 1,
    timeSpentMs: input.timeSpentMs,
    wordCount: input.wordCount,
    topic: input.topic,
    experts,
  };
}

export interface SyntheticOptions {
  /** How many different people the experts are drawn from (default 2000). */
  expertPool?: number;
  now?: number;
  /** Give every expert the most statements of the longest kind allowed (~0.3 MB an article). */
  longQuotes?: boolean;
}

/** An article's experts with 30 statements of ~4,000 characters each (the limits of the schema). */
function withLongQuotes(a: ArticleData): ArticleData {
  return {
    ...a,
    experts: a.experts.map((e, k) => ({
      ...e,
      statements: Array.from({ length: 30 }, (_, j) => ({
        text: `Synthetic long quote ${j} of ${e.name} in ${a.key}: ${'lorem ipsum \u00e9\u4e2d '.repeat(300)}`.slice(
          0,
          3990 - k,
        ),
        kind: 'quote' as const,
      })),
    })),
  };
}

/**
 * A whole synthetic history as an export file (JSON string), for seeding a real browser through
 * `importHistory` without any database code on the caller's side.
 */
export function syntheticExportJson(n: number, opts: SyntheticOptions = {}): string {
  return [...syntheticExportPieces(n, opts)].join('');
}

/** The same file in pieces of about `perPiece` articles (a 200,000-article file is ~280 MB). */
export function* syntheticExportPieces(
  n: number,
  opts: SyntheticOptions & { perPiece?: number } = {},
): Generator<string> {
  const now = opts.now ?? Date.now();
  const perPiece = opts.perPiece ?? 1000;
  const head = { app: EXPORT_APP, schema: EXPORT_SCHEMA, exportedAt: new Date(now).toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"articles":[`;
  for (let i = 0; i < n; i += perPiece) {
    const items = [];
    for (let j = i; j < Math.min(n, i + perPiece); j++) {
      const a = syntheticArticleData(j, n, now, opts.expertPool);
      items.push(JSON.stringify(opts.longQuotes ? withLongQuotes(a) : a));
    }
    yield (i ? ',' : '') + items.join(',');
  }
  yield '],"experts":[],"corrections":[]}';
}

/**
 * The same history as a CSV export (newest first, as the extension writes it), in pieces. With the
 * same `now`, importing it gives the same history as `syntheticExportPieces`.
 */
export function* syntheticCsvPieces(
  n: number,
  opts: SyntheticOptions & { perPiece?: number } = {},
): Generator<string> {
  const now = opts.now ?? Date.now();
  const perPiece = opts.perPiece ?? 1000;
  yield csvHeader();
  for (let i = n - 1; i >= 0; i -= perPiece) {
    const items: ArticleData[] = [];
    for (let j = i; j > Math.max(-1, i - perPiece); j--) {
      const a = syntheticArticleData(j, n, now, opts.expertPool);
      items.push(opts.longQuotes ? withLongQuotes(a) : a);
    }
    yield articlesCsvRows(items);
  }
}

/**
 * Bulk-insert `n` synthetic articles, one per hour going back from `now` (fast path: one transaction,
 * experts and counts built once).
 */
export async function seedSyntheticHistory(
  db: HistoryDb,
  n: number,
  opts: SyntheticOptions = {},
): Promise<{ articles: number; experts: number }> {
  const now = opts.now ?? Date.now();
  const records = Array.from({ length: n }, (_, i) => syntheticArticleData(i, n, now, opts.expertPool));
  const experts = buildExpertRecords(records);
  await db.transaction('rw', db.articles, db.experts, db.meta, async () => {
    await db.articles.bulkPut(records.map((r) => toRecord(r)));
    await db.experts.bulkPut(experts);
    await db.meta.put(countsFromArticles(await db.articles.toArray()));
  });
  return { articles: n, experts: experts.length };
}

/** The slow path, through saveArticle one by one (for tests that want the real write path). */
export async function saveSyntheticOneByOne(db: HistoryDb, n: number, now = Date.now()): Promise<void> {
  for (let i = 0; i < n; i++) await saveArticle(db, syntheticArticle(i), { now: now - (n - i) * 60_000 });
}
