import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseArticleBatch } from './import-export';
import { listArticles, listExperts } from './history-repo';
import { buildExpertRecords } from './derive';
import {
  saveSyntheticOneByOne,
  seedSyntheticHistory,
  syntheticArticle,
  syntheticExportJson,
} from './synthetic';
import { freshDb } from './test-helpers';

describe('synthetic history (tests and benchmark only)', () => {
  it('is deterministic and clearly synthetic', () => {
    expect(syntheticArticle(7)).toEqual(syntheticArticle(7));
    expect(syntheticArticle(7).url).toMatch(/\.(example|test)\/synthetic\//);
  });

  it('bulk-seeds a consistent history', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 0, 1);
    const { articles, experts } = await seedSyntheticHistory(db, 300, { expertPool: 40, now });
    expect(articles).toBe(300);
    expect(experts).toBeLessThanOrEqual(40);
    expect((await listArticles(db)).total).toBe(300);
    expect((await listArticles(db, { limit: 1 })).rows[0].lastReadAt).toBe(now - 3_600_000);
    const stored = await db.experts.toArray();
    expect(stored.map((e) => e.articleCount).sort()).toEqual(
      buildExpertRecords(await db.articles.toArray())
        .map((e) => e.articleCount)
        .sort(),
    );
    expect((await listExperts(db)).total).toBe(experts);
    db.close();
  });

  it('the export form passes import validation; the slow path goes through saveArticle', async () => {
    const parsed = parseArticleBatch(JSON.stringify(JSON.parse(syntheticExportJson(50)).articles));
    expect(parsed.ok && parsed.value.length).toBe(50);
    const db = freshDb();
    await saveSyntheticOneByOne(db, 5);
    expect((await listArticles(db)).total).toBe(5);
    db.close();
  });
});
