import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listArticles, rowHasTag, rowTerms } from './article-queries';
import { toRecord, toRow } from './records';
import { countsFromArticles } from './meta';
import type { ArticleData, ArticleQuery } from '../messages/history';
import { effectiveLabel, foldExpertId, searchTerms, tagOfKey } from './derive';
import { syntheticArticleData, syntheticExpert } from './synthetic';
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

/** Whether a synthetic article matches a query, the long way (every word a prefix of a folded term). */
function matches(a: ArticleData, q: ArticleQuery): boolean {
  if (q.from !== undefined && a.lastReadAt < q.from) return false;
  if (q.to !== undefined && a.lastReadAt > q.to) return false;
  const terms = searchTerms(a.title, a.site, ...a.experts.map((e) => e.name));
  if (!searchTerms(q.text).every((w) => terms.some((t) => t.startsWith(w)))) return false;
  if (q.site && a.site !== q.site) return false;
  if (q.subtopic && !a.topic.subtopics.includes(q.subtopic)) return false;
  const id = q.expertId ? foldExpertId(q.expertId) : null;
  if (id && !a.experts.some((e) => e.id === id && (!q.stance || effectiveLabel(e) === q.stance)))
    return false;
  if (q.stance && !a.experts.some((e) => effectiveLabel(e) === q.stance)) return false;
  return true;
}

/** Seeds `n` synthetic articles read in groups of `perTime` at the same millisecond (ties). */
async function seedSynthetic(n: number, expertPool: number, perTime: number) {
  const list = Array.from({ length: n }, (_, i) => {
    const a = syntheticArticleData(i, n, 0, expertPool);
    const t = 1_000_000 + Math.floor(i / perTime) * 1000;
    return { ...a, firstReadAt: t, lastReadAt: t };
  });
  await seedData(list);
  return list;
}

describe('several conditions intersected on the index keys', () => {
  const SITE = 'mock-gazette.example';
  const queries = (expertId: string, from: number, to: number): ArticleQuery[] => [
    { text: 'pipeline summit' },
    { text: 'pipel summ' },
    { text: 'beijing moscow yuan' },
    { text: 'synthetic grain' },
    { text: 'grain', site: SITE },
    { text: 'drills', subtopic: 'energy' },
    { text: 'tariffs', stance: 'fragile' },
    { text: 'summit', expertId },
    { expertId, stance: 'durable' },
    { expertId, subtopic: 'sanctions' },
    { site: SITE, subtopic: 'military', stance: 'neutral' },
    { text: 'alignment washington', from, to },
    { text: 'beijing', subtopic: 'energy', from, to },
    { text: 'washington a' },
    { text: 'moscow washingtons' },
    { text: 'yuan', offset: 3 },
  ];

  async function compare(list: ArticleData[], expertId: string) {
    let compared = 0;
    const [from, to] = [list[250].lastReadAt, list[900].lastReadAt];
    for (const base of queries(expertId, from, to)) {
      for (const [offset, limit] of [
        [0, 25],
        [1, 7],
        [25, 25],
        [60, 7],
        [5000, 25],
      ]) {
        {
          const q = { ...base, offset, limit };
          const all = list
            .filter((a) => matches(a, q))
            .sort((x, y) => y.lastReadAt - x.lastReadAt || (y.key < x.key ? -1 : y.key > x.key ? 1 : 0))
            .map((a) => a.key);
          const page = await listArticles(db, q);
          const more = all.length > offset + limit;
          const rows = all.slice(offset, offset + limit);
          expect({ q, keys: keys(page), total: page.total, more: page.more }).toEqual({
            q,
            keys: rows,
            total: more ? null : offset + rows.length,
            more,
          });
          compared += rows.length;
        }
      }
    }
    return compared;
  }

  it('every page equals a full scan: people quoted often, 300 articles read in each millisecond', async () => {
    const list = await seedSynthetic(1200, 12, 300);
    const expertId = syntheticExpert(3).id;
    expect(list.filter((a) => a.experts.some((e) => e.id === expertId)).length).toBeGreaterThan(200);
    expect(await compare(list, expertId)).toBeGreaterThan(600);
  });

  it('every page equals a full scan: rare people, one article per time', async () => {
    const list = await seedSynthetic(1200, 400, 1);
    const expertId = syntheticExpert(7).id;
    const quoted = list.filter((a) => a.experts.some((e) => e.id === expertId)).length;
    expect(quoted).toBeGreaterThan(0);
    expect(quoted).toBeLessThan(30);
    expect(await compare(list, expertId)).toBeGreaterThan(600);
  });

  it('typing on and back: each keystroke equals a full scan (narrowing the result before it)', async () => {
    // 40 people: surnames Synthetic, Placeholder, Testwell and Mockford ("test" is also in a site).
    const list = await seedSynthetic(1200, 40, 3);
    const expertId = syntheticExpert(5).id;
    const steps: ArticleQuery[] = [];
    const typed = (text: string, extra: ArticleQuery = {}) => {
      for (let i = 1; i <= text.length; i++) steps.push({ text: text.slice(0, i), ...extra });
      for (let i = text.length - 1; i > text.length - 5; i--)
        steps.push({ text: text.slice(0, i), ...extra });
    };
    typed('moscow tariffs drills');
    typed('grain testwell');
    typed('mockford dr', { stance: 'neutral' });
    typed('grain y', { expertId });
    typed('synthetic be', { expertId, stance: 'fragile' });
    typed('yuan summit', { subtopic: 'energy', site: 'fake-ledger.test' });
    steps.push({ text: 'grain', expertId }, { text: 'grain', expertId, stance: 'durable' }, { expertId });
    let compared = 0;
    for (const q of steps) {
      for (const offset of [0, 2]) {
        const all = list
          .filter((a) => matches(a, q))
          .sort((x, y) => y.lastReadAt - x.lastReadAt || (y.key < x.key ? -1 : y.key > x.key ? 1 : 0))
          .map((a) => a.key);
        const page = await listArticles(db, { ...q, offset });
        const more = all.length > offset + 25;
        const rows = all.slice(offset, offset + 25);
        expect({ q, offset, keys: keys(page), total: page.total, more: page.more }).toEqual({
          q,
          offset,
          keys: rows,
          total: more ? null : offset + rows.length,
          more,
        });
        compared += rows.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('a cached row answers for exactly the tags its record is indexed under', async () => {
    const list = await seedSynthetic(300, 40, 1);
    const recs = (await db.articles.bulkGet(list.map((a) => a.key))).filter((r) => r !== undefined);
    expect(recs).toHaveLength(300);
    // Every tag any record has, and a few none has.
    const probes = new Set(recs.flatMap((r) => r.tags.map(tagOfKey)));
    for (const t of [
      'w:zz',
      'w:pipelines',
      'w:p',
      's:none',
      'site:none.example',
      'e:nobody',
      'es:nobody|durable',
    ])
      probes.add(t);
    expect(probes.size).toBeGreaterThan(300);
    for (const r of recs) {
      const row = toRow(r);
      const has = new Set(r.tags.map(tagOfKey));
      const terms = () => rowTerms(row);
      const wrong = [...probes].filter((t) => rowHasTag(row, t, terms) !== has.has(t));
      expect({ key: r.key, wrong }).toEqual({ key: r.key, wrong: [] });
    }
  });

  it('two common words read the page, not the records of every candidate', async () => {
    await seedSynthetic(1200, 400, 1);
    const reads = { records: 0 };
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'count-records',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          if (name !== 'articles') return t;
          return {
            ...t,
            query: async (req) => {
              const res = await t.query(req);
              if (req.values) reads.records += res.result.length;
              return res;
            },
            openCursor: (req) => {
              if (req.values) reads.records += 1000; // a cursor over records: not the path meant here
              return t.openCursor(req);
            },
            getMany: async (req) => {
              const res = await t.getMany(req);
              reads.records += res.length;
              return res;
            },
          };
        },
      }),
    });
    await db.open();
    const page = await listArticles(db, { text: 'pipeline summit', offset: 25 });
    expect(page.rows).toHaveLength(25);
    expect(reads.records).toBe(26);
  });
});
