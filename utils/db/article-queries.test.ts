import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listArticles } from './article-queries';
import { toRecord } from './records';
import { countsFromArticles } from './meta';
import type { ArticleData } from '../messages/history';
import type { HistoryDb } from './schema';
import { freshDb } from './test-helpers';

let db: HistoryDb;
afterEach(() => db?.close());

function data(i: number, at: number, title: string, site = 'news.example'): ArticleData {
  return {
    key: `https://${site}/${String(i).padStart(4, '0')}`,
    url: `https://${site}/${String(i).padStart(4, '0')}`,
    title,
    site,
    byline: null,
    publishedTime: null,
    lang: 'en',
    firstReadAt: at,
    lastReadAt: at,
    readCount: 1,
    timeSpentMs: 1,
    wordCount: 1,
    topic: { score: 0.8, subtopics: [i % 3 ? 'energy' : 'sanctions'], evidence: [] },
    experts: [],
  };
}

async function seedData(list: ArticleData[]) {
  db = freshDb();
  await db.articles.bulkPut(list.map((a) => toRecord(a)));
  await db.meta.put(countsFromArticles(list));
}

/** What a page must hold: every match, newest first (ties: the larger key first, as the index has them). */
function expected(list: ArticleData[], match: (a: ArticleData) => boolean, offset: number, limit: number) {
  return list
    .filter(match)
    .sort((x, y) => y.lastReadAt - x.lastReadAt || (y.key < x.key ? -1 : y.key > x.key ? 1 : 0))
    .slice(offset, offset + limit)
    .map((a) => a.key);
}

const keys = (p: { rows: { key: string }[] }) => p.rows.map((r) => r.key);

describe('filtered pages read in chunks', () => {
  it('two words: every page equals a full scan, across chunk boundaries', async () => {
    const list = Array.from({ length: 900 }, (_, i) =>
      data(i, 1000 + i, `${i % 4 ? 'pipeline' : 'grain'} ${i % 7 ? 'talks' : 'summit'}`),
    );
    await seedData(list);
    const match = (a: ArticleData) => a.title.includes('pipeline') && a.title.includes('summit');
    for (const offset of [0, 25, 75, 90]) {
      const page = await listArticles(db, { text: 'pipel summ', offset });
      expect(keys(page)).toEqual(expected(list, match, offset, 25));
    }
    const last = await listArticles(db, { text: 'pipel summ', offset: 75 });
    expect(last.more).toBe(false);
    expect(last.total).toBe(list.filter(match).length);
    // A word and a subtopic; a one-letter word checked on the records; a date range with a word.
    expect(keys(await listArticles(db, { text: 'grain', subtopic: 'sanctions', offset: 10 }))).toEqual(
      expected(list, (a) => a.title.startsWith('grain') && a.topic.subtopics[0] === 'sanctions', 10, 25),
    );
    expect(keys(await listArticles(db, { text: 's', from: 1200, to: 1600, offset: 30 }))).toEqual(
      expected(
        list,
        (a) => a.lastReadAt >= 1200 && a.lastReadAt <= 1600 && a.title.includes('summit'),
        30,
        25,
      ),
    );
  });

  it('many articles read in the same millisecond are neither lost nor repeated', async () => {
    // 40 at one time, 700 at another (more than a chunk holds), then a few older.
    const list = [
      ...Array.from({ length: 40 }, (_, i) => data(i, 5000, i % 2 ? 'pipeline summit' : 'pipeline')),
      ...Array.from({ length: 700 }, (_, i) =>
        data(100 + i, 4000, i % 3 ? 'pipeline summit' : 'pipeline talks'),
      ),
      ...Array.from({ length: 30 }, (_, i) => data(900 + i, 3000 - i, 'pipeline summit')),
    ];
    await seedData(list);
    const match = (a: ArticleData) => a.title.includes('summit');
    const all: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await listArticles(db, { text: 'pipeline summit', offset, limit: 100 });
      all.push(...keys(page));
      expect(keys(page)).toEqual(expected(list, match, offset, 100));
      if (!page.more) break;
    }
    expect(all).toHaveLength(list.filter(match).length);
    expect(new Set(all).size).toBe(all.length);
  });
});
