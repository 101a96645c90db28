import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createHistoryDb, SCHEMA_V1 } from './schema';
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
  it('upgrades data written by version 1 to version 2 (search terms, stance indexes, experts table)', async () => {
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
    expect(db.verno).toBe(2);
    const two = await db.articles.get('https://news.example/two');
    expect(two?.terms).toEqual(
      expect.arrayContaining(['old', 'article', 'two', 'example', 'courier', 'vera', 'ivan']),
    );
    expect(two?.expertStances).toEqual(['vera-analyst|durable', 'ivan-scholar|neutral']);
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

  it('creates a fresh database at the latest version', async () => {
    const db = createHistoryDb({ name: `triangle-lens-fresh-${Date.now()}` });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['articles', 'corrections', 'experts']);
    db.close();
  });
});
