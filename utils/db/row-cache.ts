/**
 * Popup rows of recently listed articles, kept in the memory of the database's owner (the
 * background). A search keystroke usually finds the page the one before it found: its article keys
 * are read from the index alone (no records: their tag lists are most of what a read costs) and the
 * rows come from here. Beside them, the article keys of each search word or filter read so far (newest
 * first): the next keystroke intersects them again without reading them. Any write to the articles table, through any path, empties the cache first
 * (a Dexie middleware installed by createHistoryDb), and a read that overlapped a write keeps nothing.
 */
import type { DBCore, Middleware } from 'dexie';
import type { ArticleRow } from '../messages/history';

/** Enough for many pages of 25; beyond it the oldest entries go. */
export const ROW_CACHE_MAX = 2000;
/** Article keys kept in all key lists together; beyond it the least recently used lists go. */
export const KEY_LISTS_MAX = 50_000;

/** One condition's article keys read so far, newest first (article-queries.ts reads and extends them). */
export interface KeyList {
  readonly keys: readonly string[];
  readonly has: ReadonlySet<string>;
  /** Every key of the condition is in `keys`. */
  readonly done: boolean;
}

/**
 * The newest matches of a filtered query (tags between two times, and words checked on the terms): a
 * complete prefix of them, or all of them when `done`. The next keystroke usually narrows it.
 */
export interface KeptResult {
  readonly conds: readonly string[];
  /** Words every match has a term starting with, beyond the tags (one letter; long words). */
  readonly words: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly keys: readonly string[];
  readonly done: boolean;
}
/** Results kept, newest first. */
export const RESULTS_MAX = 16;

export class RowCache {
  /** Bumped by every write to the articles; a read keeps what it read only if this did not move. */
  gen = 0;
  private rows = new Map<string, ArticleRow>();
  private lists = new Map<string, KeyList>();
  private listKeys = 0;
  private results: KeptResult[] = [];

  invalidate(): void {
    this.gen++;
    this.rows.clear();
    this.lists.clear();
    this.listKeys = 0;
    this.results = [];
  }

  /** Results kept, newest first. */
  keptResults(): readonly KeptResult[] {
    return this.results;
  }

  /** Keep a result read while the generation was `gen` (nothing when a write happened since). */
  putResult(result: KeptResult, gen: number): void {
    if (gen !== this.gen) return;
    this.results = [result, ...this.results].slice(0, RESULTS_MAX);
  }

  /** The key list kept under `id` (most recently used from now on). */
  getList(id: string): KeyList | undefined {
    const list = this.lists.get(id);
    if (list) {
      this.lists.delete(id);
      this.lists.set(id, list);
    }
    return list;
  }

  /** Keep a key list read while the generation was `gen` (nothing when a write happened since). */
  putList(id: string, list: KeyList, gen: number): void {
    if (gen !== this.gen || list.keys.length > KEY_LISTS_MAX) return;
    const old = this.lists.get(id);
    if (old) {
      this.listKeys -= old.keys.length;
      this.lists.delete(id);
    }
    this.lists.set(id, list);
    this.listKeys += list.keys.length;
    for (const [k, l] of this.lists) {
      if (this.listKeys <= KEY_LISTS_MAX) break;
      this.lists.delete(k);
      this.listKeys -= l.keys.length;
    }
  }

  /** The rows of all these keys, in order, or null when any is missing. */
  getAll(keys: readonly string[]): ArticleRow[] | null {
    const out: ArticleRow[] = [];
    for (const k of keys) {
      const row = this.rows.get(k);
      if (!row) return null;
      out.push(row);
    }
    return out;
  }

  /** Keep rows read while the generation was `gen` (nothing when a write happened since). */
  putAll(rows: readonly ArticleRow[], gen: number): void {
    if (gen !== this.gen) return;
    for (const row of rows) {
      this.rows.delete(row.key);
      this.rows.set(row.key, row);
    }
    for (const k of this.rows.keys()) {
      if (this.rows.size <= ROW_CACHE_MAX) break;
      this.rows.delete(k);
    }
  }

  get size(): number {
    return this.rows.size;
  }
}

const caches = new WeakMap<object, RowCache>();

/** The cache of a database created with `rowCacheMiddleware` (null otherwise: never stale). */
export function rowCacheOf(db: object): RowCache | null {
  return caches.get(db) ?? null;
}

/** Installs the cache for `db`: every mutation of `articles` empties it, before and after. */
export function rowCacheMiddleware(db: object): Middleware<DBCore> {
  const cache = new RowCache();
  caches.set(db, cache);
  return {
    stack: 'dbcore',
    name: 'row-cache',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'articles') return table;
        return {
          ...table,
          mutate: (req) => {
            cache.invalidate();
            return table.mutate(req).finally(() => cache.invalidate());
          },
        };
      },
    }),
  };
}
