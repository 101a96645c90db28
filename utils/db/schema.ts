/**
 * The history database ("triangle-lens", owned by the background). Every schema change is a new
 * version with an upgrade function, tested on data written by the version before it
 * (utils/db/schema.test.ts).
 *
 * - version 1: articles keyed by canonical URL, with indexes for newest-first paging and the
 *   site / subtopic / expert filters; the reader's stance corrections.
 * - version 2: search and experts. Articles gained derived multiEntry indexes (`terms` for search,
 *   `stances` and `expertStances` for the stance filter) and an `experts` table aggregates everyone
 *   met across articles; the upgrade backfilled both from the version-1 articles.
 * - version 3: speed at 10,000 articles. Counting or listing a whole index costs ~100 ms in Chromium
 *   at that size, so every filter (word prefixes of titles, sites and expert names; subtopic; site;
 *   expert; stance; expert+stance) is now one `[tag, lastReadAt]` entry in a single multiEntry
 *   index, which pages newest first straight from the index, and a `meta` row keeps the article
 *   count and the site/subtopic facets. The version-2 per-filter indexes are dropped.
 * - version 4: the same index, its keys as one string each (`tagKey`: tag, separator, fixed-width
 *   time) instead of [tag, time] pairs. Reading a page of records with ~80 small arrays each cost
 *   about twice as much as with strings, and a search keystroke reads a page.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ArticleData, RecentArticle, StanceCounts } from '../messages/history';
import { buildExpertRecords, deriveArticleIndexes } from './derive';
import { deriveV2Indexes } from './legacy-v2';
import { deriveV3Indexes } from './legacy-v3';
import { countsFromArticles, type MetaRecord } from './meta';
import { rowCacheMiddleware } from './row-cache';

export const DB_NAME = 'triangle-lens';

/** Derived fields kept on each article for indexes (never exported; recomputed on import). */
export interface ArticleIndexes {
  expertIds: string[];
  /** Folded words of title, site and expert names (not indexed: checks long search words). */
  terms: string[];
  /** Filter tags with the read time, one string each (derive.ts `tag`, `tagKey`). */
  tags: string[];
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

export const SCHEMA_V3 = {
  articles: 'key, lastReadAt, *expertIds, *tags',
  experts: 'id, lastSeenAt, articleCount, name, *terms',
  corrections: '[articleKey+expertId], articleKey',
  meta: 'id',
};

/** Version 4 changes the keys in `tags`, not the indexes. */
export const SCHEMA_V4 = SCHEMA_V3;

export type HistoryDb = Dexie & {
  articles: EntityTable<ArticleRecord, 'key'>;
  experts: EntityTable<ExpertRecord, 'id'>;
  corrections: Dexie.Table<CorrectionRecord, [string, string]>;
  meta: EntityTable<MetaRecord, 'id'>;
};

/** Version 1 → 2: derive the search/stance indexes and build the experts table from the articles. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleData & Record<string, unknown>, string>('articles');
  await articles.toCollection().modify((a) => {
    Object.assign(a, deriveV2Indexes(a));
  });
  const all = await articles.toArray();
  await tx.table<ExpertRecord, string>('experts').bulkPut(buildExpertRecords(all));
}

/** Version 2 → 3: one [tag, time] index instead of five, and the counts row. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRecord & Record<string, unknown>, string>('articles');
  await articles.toCollection().modify((a) => {
    delete a.subtopics;
    delete a.stances;
    delete a.expertStances;
    Object.assign(a, deriveV3Indexes(a));
  });
  await tx.table<MetaRecord, string>('meta').put(countsFromArticles(await articles.toArray()));
}

/** Version 3 → 4: the `tags` keys as strings (the rest is derived the same way). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table<ArticleRecord, string>('articles')
    .toCollection()
    .modify((a) => {
      Object.assign(a, deriveArticleIndexes(a));
    });
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
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  db.use(rowCacheMiddleware(db));
  return db;
}
