/**
 * The history database ("triangle-lens", owned by the background). Every schema change is a new
 * version with an upgrade function, tested on data written by the version before it
 * (utils/db/schema.test.ts).
 *
 * - version 1: articles keyed by canonical URL, with indexes for newest-first paging and the
 *   site / subtopic / expert filters; the reader's stance corrections.
 * - version 2: search and experts. Articles gain derived multiEntry indexes (`terms` for search as you
 *   type, `stances` and `expertStances` for the stance filter) and an `experts` table aggregates
 *   everyone met across articles. The upgrade backfills both from the version-1 articles.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ArticleData, RecentArticle, StanceCounts } from '../messages/history';
import { buildExpertRecords, deriveArticleIndexes } from './derive';

export const DB_NAME = 'triangle-lens';

/** Derived fields kept on each article for indexes (never exported; recomputed on import). */
export interface ArticleIndexes {
  subtopics: string[];
  expertIds: string[];
  /** Effective stance labels present among the article's experts. */
  stances: string[];
  /** `${expertId}|${label}` for each expert. */
  expertStances: string[];
  /** Folded words of title, site and expert names. */
  terms: string[];
}

export interface ArticleRecord extends ArticleData, ArticleIndexes {
  /** The last visit seen (see ArticleInput.visitId). */
  lastVisit?: { id: string; timeSpentMs: number };
}

export interface ExpertRecord {
  id: string;
  name: string;
  /** Every name this person appeared under. */
  names: string[];
  role: string | null;
  organization: string | null;
  articleCount: number;
  stanceCounts: StanceCounts;
  firstSeenAt: number;
  lastSeenAt: number;
  /** The most recently read articles quoting them, newest first (a few). */
  recent: RecentArticle[];
  terms: string[];
}

export interface CorrectionRecord {
  articleKey: string;
  expertId: string;
  label: 'durable' | 'fragile' | 'neutral';
  at: number;
}

export const SCHEMA_V1 = {
  articles: 'key, lastReadAt, site, *subtopics, *expertIds',
  corrections: '[articleKey+expertId], articleKey',
};

export const SCHEMA_V2 = {
  articles: 'key, lastReadAt, site, *subtopics, *expertIds, *stances, *expertStances, *terms',
  experts: 'id, lastSeenAt, articleCount, name, *terms',
  corrections: '[articleKey+expertId], articleKey',
};

export type HistoryDb = Dexie & {
  articles: EntityTable<ArticleRecord, 'key'>;
  experts: EntityTable<ExpertRecord, 'id'>;
  corrections: Dexie.Table<CorrectionRecord, [string, string]>;
};

/** Version 1 → 2: derive the new indexes and build the experts table from the articles. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRecord, string>('articles');
  await articles.toCollection().modify((a) => {
    Object.assign(a, deriveArticleIndexes(a));
  });
  const all = await articles.toArray();
  await tx.table<ExpertRecord, string>('experts').bulkPut(buildExpertRecords(all));
}

export interface OpenOptions {
  name?: string;
  /** Passed to Dexie (tests: fake-indexeddb). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export function createHistoryDb(options: OpenOptions = {}): HistoryDb {
  const { name = DB_NAME, ...deps } = options;
  const db = new Dexie(
    name,
    deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {},
  ) as HistoryDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  return db;
}
