import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRow } from '../messages/history';
import {
  clearHistory,
  deleteArticle,
  listArticles,
  pruneOlderThan,
  saveArticle,
  setStanceCorrection,
} from './history-repo';
import { exportJson, importJson } from './backup-service';
import { KEY_LISTS_MAX, ROW_CACHE_MAX, RowCache, rowCacheOf } from './row-cache';
import type { HistoryDb } from './schema';
import { article, expert, freshDb } from './test-helpers';

let db: HistoryDb;
afterEach(() => db?.close());

/**
 * Counts requests that read whole article records (not index-only key reads), and the records that
 * getAll and bulkGet requests return; reopens the database.
 */
async function countRecordReads(d: HistoryDb): Promise<{ n: number; records: number }> {
  const seen = { n: 0, records: 0 };
  d.close();
  d.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return name !== 'articles'
          ? t
          : {
              ...t,
              query: async (req) => {
                if (req.values) seen.n++;
                const res = await t.query(req);
                if (req.values) seen.records += res.result.length;
                return res;
              },
              getMany: async (req) => {
                seen.n++;
                const res = await t.getMany(req);
                seen.records += res.filter(Boolean).length;
                return res;
              },
              openCursor: (req) => {
                if (req.values) seen.n++;
                return t.openCursor(req);
              },
            };
      },
    }),
  });
  await d.open();
  return seen;
}

async function seed(n: number) {
  db = freshDb();
  for (let i = 0; i < n; i++) {
    await saveArticle(
      db,
      article(`a${i}`, {
        title: i % 2 ? `Pipeline politics ${i}` : `Summit diary ${i}`,
        experts: [expert('Vera Analyst', 'durable')],
      }),
      { now: 1000 * (i + 1) },
    );
  }
}

const keys = (rows: ArticleRow[]) => rows.map((r) => r.key);

describe('row cache', () => {
  it('a query that finds the page it found before reads no records again', async () => {
    await seed(6);
    const reads = await countRecordReads(db);
    const first = await listArticles(db, { text: 'pipelin' });
    expect(reads.n).toBe(1);
    const again = await listArticles(db, { text: 'pipeline' });
    expect(reads.n).toBe(1);
    expect(again).toEqual(first);
    expect(keys(again.rows)).toEqual([
      'https://news.example/a5',
      'https://news.example/a3',
      'https://news.example/a1',
    ]);
    // The unfiltered first page and a date range go the same way.
    const all = await listArticles(db);
    expect(all.total).toBe(6);
    await listArticles(db);
    await listArticles(db, { from: 2000, to: 4000 });
    expect(keys((await listArticles(db, { from: 2000, to: 4000 })).rows)).toEqual([
      'https://news.example/a3',
      'https://news.example/a2',
      'https://news.example/a1',
    ]);
    // One read for the unfiltered page; the range's rows were all on it.
    expect(reads.n).toBe(2);
    // Pages after the first, and combined filters, find their rows by key too.
    expect(keys((await listArticles(db, { text: 'pipelin', offset: 1 })).rows)).toEqual(
      keys(first.rows).slice(1),
    );
    expect(keys((await listArticles(db, { text: 'pipelin politics' })).rows)).toEqual(keys(first.rows));
    expect(reads.n).toBe(2);
  });

  it('every write to the articles shows in the next page (save, correction, delete, import, prune, clear)', async () => {
    await seed(4);
    const page = () => listArticles(db, { text: 'pipel' });
    // Two words and a word with a filter: their key lists are kept too.
    const two = async () => keys((await listArticles(db, { text: 'pipel polit' })).rows);
    const filtered = async () =>
      keys((await listArticles(db, { text: 'pipel', expertId: 'vera-analyst' })).rows);
    expect(keys((await page()).rows)).toEqual(['https://news.example/a3', 'https://news.example/a1']);
    expect(await two()).toEqual(['https://news.example/a3', 'https://news.example/a1']);
    expect(await filtered()).toEqual(['https://news.example/a3', 'https://news.example/a1']);

    await saveArticle(db, article('a1', { title: 'Pipeline politics 1' }), { now: 9000 });
    let rows = (await page()).rows;
    expect(keys(rows)).toEqual(['https://news.example/a1', 'https://news.example/a3']);
    expect(rows[0].readCount).toBe(2);
    expect(await two()).toEqual(['https://news.example/a1', 'https://news.example/a3']);
    expect(await filtered()).toEqual(['https://news.example/a1', 'https://news.example/a3']);
    await saveArticle(db, article('a9', { title: 'Pipeline politics 9', experts: [] }), { now: 9100 });
    expect(await filtered()).toEqual(['https://news.example/a1', 'https://news.example/a3']);
    expect(await two()).toEqual([
      'https://news.example/a9',
      'https://news.example/a1',
      'https://news.example/a3',
    ]);

    await setStanceCorrection(
      db,
      { articleKey: 'https://news.example/a3', expertId: 'vera-analyst', label: 'fragile' },
      9500,
    );
    rows = (await page()).rows;
    expect(rows.find((r) => r.key === 'https://news.example/a3')?.experts[0]).toMatchObject({
      label: 'fragile',
      corrected: true,
    });

    await deleteArticle(db, 'https://news.example/a3');
    await deleteArticle(db, 'https://news.example/a9');
    expect(keys((await page()).rows)).toEqual(['https://news.example/a1']);
    expect(await two()).toEqual(['https://news.example/a1']);

    const backup = await exportJson(db);
    await pruneOlderThan(db, 5000);
    expect(keys((await page()).rows)).toEqual(['https://news.example/a1']);
    expect((await listArticles(db)).total).toBe(1);

    await clearHistory(db);
    expect((await page()).rows).toEqual([]);
    expect(await two()).toEqual([]);
    await importJson(db, backup);
    expect(keys((await page()).rows)).toEqual(['https://news.example/a1']);
    expect(await two()).toEqual(['https://news.example/a1']);
    expect(rowCacheOf(db)?.size).toBeGreaterThan(0);
  });

  it('keeps nothing read across a write, and stays bounded', () => {
    const cache = new RowCache();
    const row = (key: string) => ({ key }) as ArticleRow;
    const gen = cache.gen;
    cache.invalidate();
    cache.putAll([row('a')], gen);
    expect(cache.getAll(['a'])).toBeNull();
    cache.putAll([row('a'), row('b')], cache.gen);
    expect(keys(cache.getAll(['b', 'a']) ?? [])).toEqual(['b', 'a']);
    expect(cache.getAll(['a', 'c'])).toBeNull();
    cache.putAll(
      Array.from({ length: ROW_CACHE_MAX + 10 }, (_, i) => row(`k${i}`)),
      cache.gen,
    );
    expect(cache.size).toBe(ROW_CACHE_MAX);
    expect(cache.getAll(['a'])).toBeNull();
    expect(cache.getAll([`k${ROW_CACHE_MAX + 9}`])).not.toBeNull();
  });

  it('keeps key lists read before any write, the most recently used first, within a bound', () => {
    const cache = new RowCache();
    const list = (n: number, tag: string) => {
      const keys = Array.from({ length: n }, (_, i) => `${tag}${i}`);
      return { keys, has: new Set(keys), done: false };
    };
    const gen = cache.gen;
    cache.invalidate();
    cache.putList('w:a', list(3, 'a'), gen);
    expect(cache.getList('w:a')).toBeUndefined();
    const half = Math.floor(KEY_LISTS_MAX / 2);
    cache.putList('w:a', list(half, 'a'), cache.gen);
    cache.putList('w:b', list(half, 'b'), cache.gen);
    expect(cache.getList('w:a')?.keys).toHaveLength(half);
    // Over the bound: the list used least recently (w:b) goes.
    cache.putList('w:c', list(10, 'c'), cache.gen);
    expect(cache.getList('w:b')).toBeUndefined();
    expect(cache.getList('w:a')?.keys).toHaveLength(half);
    expect(cache.getList('w:c')?.keys).toHaveLength(10);
    cache.invalidate();
    expect(cache.getList('w:a')).toBeUndefined();
  });
});
