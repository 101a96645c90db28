import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createHistoryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';
import { deriveV2Indexes } from './legacy-v2';
import { deriveV3Indexes } from './legacy-v3';
import { buildExpertRecords, tagKey, tagOfKey } from './derive';
import { countsFromArticles } from './meta';
import { historyFacets } from './history-repo';
import { listArticles, listExperts, saveArticle } from './history-repo';

/** An article exactly as version 1 wrote it (no derived search/stance fields, no experts table). */
function v1Article(
  path: string,
  at: number,
  experts: { id: string; name: string; label: 'durable' | 'fragile' | 'neutral' }[],
) {
  return {
    key: `https://news.example/${path}`,
    url: `https://news.example/${path}`,
    title: `Old article ${path}`,
    site: 'Example Courier',
    byline: null,
    publishedTime: null,
    lang: 'en',
    firstReadAt: at,
    lastReadAt: at,
    readCount: 1,
    timeSpentMs: 1000,
    wordCount: 500,
    topic: { score: 0.6, subtopics: ['sanctions'], evidence: [] },
    experts: experts.map((e) => ({
      id: e.id,
      name: e.name,
      role: null,
      organization: 'Invented Centre',
      stance: { label: e.label, confidence: 0.5, evidence: [] },
      statements: [],
    })),
    subtopics: ['sanctions'],
    expertIds: experts.map((e) => e.id),
  };
}

describe('history database versions', () => {
  it('upgrades data written by version 1 through every version (search, stance, experts, counts)', async () => {
    const name = `triangle-lens-upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('articles').bulkPut([
      v1Article('one', 1000, [{ id: 'vera-analyst', name: 'Vera Analyst', label: 'fragile' }]),
      v1Article('two', 2000, [
        { id: 'vera-analyst', name: 'Vera Analyst', label: 'durable' },
        { id: 'ivan-scholar', name: 'Ivan Scholar', label: 'neutral' },
      ]),
    ]);
    await v1
      .table('corrections')
      .put({ articleKey: 'https://news.example/one', expertId: 'vera-analyst', label: 'neutral', at: 5 });
    v1.close();

    const db = createHistoryDb({ name });
    await db.open();
    expect(db.verno).toBe(4);
    const two = await db.articles.get('https://news.example/two');
    expect(two?.terms).toEqual(
      expect.arrayContaining(['old', 'article', 'two', 'example', 'courier', 'vera', 'ivan']),
    );
    expect(two?.tags.map(tagOfKey)).toEqual(
      expect.arrayContaining([
        'es:vera-analyst|durable',
        'es:ivan-scholar|neutral',
        'w:iv',
        'site:Example Courier',
      ]),
    );
    expect(two).not.toHaveProperty('expertStances');
    expect(await historyFacets(db)).toEqual({ sites: ['Example Courier'], subtopics: ['sanctions'] });
    expect((await listArticles(db)).total).toBe(2);
    expect((await listArticles(db, { text: 'ivan' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/two',
    ]);
    expect((await listArticles(db, { stance: 'fragile' })).total).toBe(1);
    const experts = await listExperts(db, { sort: 'articles' });
    expect(experts.rows[0]).toMatchObject({
      id: 'vera-analyst',
      articleCount: 2,
      lastSeenAt: 2000,
      stanceCounts: { durable: 1, fragile: 1, neutral: 0 },
    });
    expect(await db.corrections.count()).toBe(1);

    // The upgraded database keeps working: re-reading updates the old record.
    const res = await saveArticle(
      db,
      {
        url: 'https://news.example/one',
        title: 'Old article one',
        site: 'Example Courier',
        byline: null,
        publishedTime: null,
        wordCount: 500,
        timeSpentMs: 500,
        topic: { score: 0.6, subtopics: ['sanctions'], evidence: [] },
        experts: [],
      },
      { now: 3000 },
    );
    expect(res).toMatchObject({ ok: true, readCount: 2 });
    expect(await db.experts.get('vera-analyst')).toMatchObject({ articleCount: 1 });
    db.close();
    await Dexie.delete(name);
  });

  it('upgrades data written by version 2 through version 3 (one tag index, counts row)', async () => {
    const name = `triangle-lens-v2-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const base = [
      v1Article('one', 1000, [{ id: 'vera-analyst', name: 'Vera Analyst', label: 'fragile' }]),
      {
        ...v1Article('two', 2000, [{ id: 'ivan-scholar', name: 'Ivan Scholar', label: 'neutral' }]),
        site: 'Other Daily',
      },
    ];
    // Exactly what version 2 wrote: its derived fields and its experts table.
    await v2.table('articles').bulkPut(base.map((a) => ({ ...a, ...deriveV2Indexes(a) })));
    await v2.table('experts').bulkPut(buildExpertRecords(base));
    v2.close();

    const db = createHistoryDb({ name });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.articles.schema.indexes.map((i) => i.name).sort()).toEqual(['expertIds', 'lastReadAt', 'tags']);
    const one = await db.articles.get('https://news.example/one');
    expect(one).not.toHaveProperty('stances');
    expect(one).not.toHaveProperty('subtopics');
    expect(one?.tags).toContain(tagKey('e:vera-analyst', 1000));
    expect((await listArticles(db, { site: 'Other Daily' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/two',
    ]);
    expect((await listArticles(db, { text: 'vera' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/one',
    ]);
    expect((await listArticles(db, { stance: 'fragile', expertId: 'vera-analyst' })).total).toBe(1);
    expect(await historyFacets(db)).toEqual({
      sites: ['Example Courier', 'Other Daily'],
      subtopics: ['sanctions'],
    });
    expect((await listArticles(db)).total).toBe(2);
    expect(await db.experts.count()).toBe(2);
    db.close();
    await Dexie.delete(name);
  });

  it('upgrades data written by version 3 to version 4 (tag keys as strings)', async () => {
    const name = `triangle-lens-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const base = [
      v1Article('one', 1000, [{ id: 'vera-analyst', name: 'Vera Analyst', label: 'fragile' }]),
      {
        ...v1Article('two', 2000, [{ id: 'ivan-scholar', name: 'Ivan Scholar', label: 'neutral' }]),
        site: 'Other Daily',
        title: 'Pipeline politics',
      },
      { ...v1Article('three', 3000, []), title: 'Pipeline finance' },
    ].map(({ subtopics: _s, expertIds: _e, ...a }) => a);
    // Exactly what version 3 wrote: [tag, time] pairs, its experts table and counts row.
    const written = base.map((a) => ({ ...a, ...deriveV3Indexes(a) }));
    expect(written[0].tags).toContainEqual(['e:vera-analyst', 1000]);
    await v3.table('articles').bulkPut(written);
    await v3.table('experts').bulkPut(buildExpertRecords(base));
    await v3.table('meta').put(countsFromArticles(base));
    v3.close();

    const db = createHistoryDb({ name });
    await db.open();
    expect(db.verno).toBe(4);
    for (const a of await db.articles.toArray()) {
      expect(a.tags.every((t) => typeof t === 'string')).toBe(true);
    }
    const one = await db.articles.get('https://news.example/one');
    expect(one?.tags).toContain(tagKey('e:vera-analyst', 1000));
    expect(one?.tags).toContain(tagKey('es:vera-analyst|fragile', 1000));
    expect((await listArticles(db, { text: 'pipel' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/three',
      'https://news.example/two',
    ]);
    expect((await listArticles(db, { text: 'pipel', site: 'Other Daily' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/two',
    ]);
    expect((await listArticles(db, { stance: 'fragile', expertId: 'vera-analyst' })).total).toBe(1);
    expect((await listArticles(db, { text: 'pipel', from: 2500 })).rows.map((r) => r.key)).toEqual([
      'https://news.example/three',
    ]);
    expect((await listArticles(db)).total).toBe(3);
    expect(await historyFacets(db)).toEqual({
      sites: ['Example Courier', 'Other Daily'],
      subtopics: ['sanctions'],
    });
    expect(await db.experts.count()).toBe(2);
    // Writes after the upgrade use the new keys and are found with the old ones.
    await saveArticle(
      db,
      {
        url: 'https://news.example/four',
        title: 'Pipeline news',
        site: 'Other Daily',
        byline: null,
        publishedTime: null,
        wordCount: 500,
        timeSpentMs: 500,
        topic: { score: 0.6, subtopics: ['energy'], evidence: [] },
        experts: [],
      },
      { now: 4000 },
    );
    expect((await listArticles(db, { text: 'pipel' })).rows.map((r) => r.key)).toEqual([
      'https://news.example/four',
      'https://news.example/three',
      'https://news.example/two',
    ]);
    db.close();
    await Dexie.delete(name);
  });

  it('creates a fresh database at the latest version', async () => {
    const db = createHistoryDb({ name: `triangle-lens-fresh-${Date.now()}` });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['articles', 'corrections', 'experts', 'meta']);
    expect(await listArticles(db)).toEqual({ rows: [], total: 0, more: false });
    db.close();
  });
});
