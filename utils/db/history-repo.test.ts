import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearHistory,
  deleteArticle,
  expertsSeen,
  getArticle,
  getCorrections,
  getExpert,
  historyFacets,
  listArticles,
  listExperts,
  pruneOlderThan,
  saveArticle,
  setStanceCorrection,
  weekStart,
  weeklyStats,
} from './history-repo';
import { buildExpertRecords } from './derive';
import { countsFromArticles } from './meta';
import { article, expert, fillDisk, freshDb } from './test-helpers';
import type { HistoryDb } from './schema';

let db: HistoryDb;
afterEach(async () => {
  db?.close();
});

/** The counts row must always equal a rebuild from the articles. */
async function expectMetaConsistent(d: HistoryDb) {
  const stored = (await d.meta.get('counts')) ?? {
    id: 'counts',
    articles: 0,
    sites: [],
    subtopics: [],
    weeks: [],
  };
  const rebuilt = countsFromArticles(await d.articles.toArray());
  const norm = (m: typeof rebuilt) => ({
    articles: m.articles,
    sites: [...m.sites].sort(),
    subtopics: [...m.subtopics].sort(),
    weeks: m.weeks,
  });
  expect(norm(stored)).toEqual(norm(rebuilt));
}

/** The experts table must always equal a rebuild from the articles. */
async function expectExpertsConsistent(d: HistoryDb) {
  const stored = (await d.experts.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const rebuilt = buildExpertRecords(await d.articles.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const strip = (r: (typeof stored)[number]) => ({
    id: r.id,
    articleCount: r.articleCount,
    stanceCounts: r.stanceCounts,
    lastSeenAt: r.lastSeenAt,
  });
  expect(stored.map(strip)).toEqual(rebuilt.map(strip));
}

describe('saveArticle', () => {
  it('stores one record per canonical URL and updates it on re-reading', async () => {
    db = freshDb();
    const first = await saveArticle(db, article('a?utm_source=x'), { now: 1000 });
    expect(first).toEqual({ ok: true, key: 'https://news.example/a', readCount: 1 });
    const again = await saveArticle(db, article('a?fbclid=abc', { timeSpentMs: 5000 }), { now: 2000 });
    expect(again).toMatchObject({ ok: true, readCount: 2 });
    expect(await db.articles.count()).toBe(1);
    const rec = await getArticle(db, 'https://news.example/a?gclid=1');
    expect(rec).toMatchObject({ firstReadAt: 1000, lastReadAt: 2000, readCount: 2, timeSpentMs: 35_000 });
  });

  it('a re-sent save of the same visit updates time spent but does not count another read', async () => {
    db = freshDb();
    await saveArticle(db, article('v', { visitId: 't1', timeSpentMs: 10_000 }), { now: 1 });
    await saveArticle(db, article('v', { visitId: 't1', timeSpentMs: 25_000 }), { now: 2 });
    await saveArticle(db, article('v', { visitId: 't2', timeSpentMs: 1000 }), { now: 3 });
    const rec = await getArticle(db, 'https://news.example/v');
    expect(rec).toMatchObject({ readCount: 2, timeSpentMs: 26_000 });
  });

  it('folds expert names to one person by id and keeps experts in step', async () => {
    db = freshDb();
    await saveArticle(
      db,
      article('a', {
        experts: [
          expert('Vera Analyst', 'durable'),
          { ...expert('Véra Analyst', 'durable'), id: 'Véra Analyst' },
        ],
      }),
      { now: 1 },
    );
    await saveArticle(db, article('b', { experts: [expert('Vera Analyst', 'fragile')] }), { now: 2 });
    const [vera] = (await listExperts(db)).rows;
    expect(vera).toMatchObject({
      id: 'vera-analyst',
      articleCount: 2,
      stanceCounts: { durable: 1, fragile: 1, neutral: 0 },
      lastSeenAt: 2,
    });
    // Re-reading "a" with a changed stance moves the count, not adds one.
    await saveArticle(db, article('a', { experts: [expert('Vera Analyst', 'neutral')] }), { now: 3 });
    expect((await db.experts.get('vera-analyst'))!.stanceCounts).toEqual({
      durable: 0,
      fragile: 1,
      neutral: 1,
    });
    await expectExpertsConsistent(db);
  });

  it('five tabs saving at once lose nothing', async () => {
    db = freshDb();
    const saves = [0, 1, 2, 3, 4].flatMap((i) => [
      saveArticle(db, article('shared'), { now: 100 + i }),
      saveArticle(db, article(`own-${i}`, { experts: [expert('Vera Analyst'), expert(`Person ${i}`)] }), {
        now: 200 + i,
      }),
    ]);
    const results = await Promise.all(saves);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.articles.count()).toBe(6);
    expect((await getArticle(db, 'https://news.example/shared'))!.readCount).toBe(5);
    expect((await db.experts.get('vera-analyst'))!.articleCount).toBe(6);
    await expectExpertsConsistent(db);
    await expectMetaConsistent(db);
  });

  it('a full disk gives a clear error and loses nothing already stored', async () => {
    db = freshDb();
    await saveArticle(db, article('kept'), { now: 1 });
    const freeDisk = await fillDisk(db);
    const res = await saveArticle(db, article('kept', { title: 'changed' }), { now: 2 });
    expect(res).toMatchObject({ ok: false, error: 'quota' });
    expect(res.ok ? '' : res.message).toMatch(/disk is full/i);
    await freeDisk();
    const rec = await getArticle(db, 'https://news.example/kept');
    expect(rec).toMatchObject({ title: 'Moscow and Beijing: kept', readCount: 1 });
  });
});

describe('listArticles', () => {
  async function seed() {
    db = freshDb();
    await saveArticle(
      db,
      article('old', {
        title: 'Pipeline politics in Siberia',
        experts: [expert('Ivan Scholar', 'fragile')],
        topic: { score: 0.7, subtopics: ['energy'], evidence: [] },
      }),
      { now: 1000 },
    );
    await saveArticle(
      db,
      article('mid', {
        site: 'Other Daily',
        title: 'Sanctions and the yuan',
        experts: [expert('Vera Analyst', 'fragile')],
        topic: { score: 0.7, subtopics: ['sanctions'], evidence: [] },
      }),
      { now: 2000 },
    );
    await saveArticle(
      db,
      article('new', {
        title: 'Summit in Beijing',
        experts: [expert('Vera Analyst', 'durable'), expert('Ivan Scholar', 'neutral')],
      }),
      { now: 3000 },
    );
  }

  it('pages newest first with the total', async () => {
    await seed();
    const page1 = await listArticles(db, { limit: 2 });
    expect(page1.total).toBe(3);
    expect(page1.rows.map((r) => r.key)).toEqual(['https://news.example/new', 'https://news.example/mid']);
    const page2 = await listArticles(db, { limit: 2, offset: 2 });
    expect(page2.rows.map((r) => r.key)).toEqual(['https://news.example/old']);
    expect(page1.rows[0].experts).toEqual([
      { id: 'vera-analyst', name: 'Vera Analyst', label: 'durable', corrected: false },
      { id: 'ivan-scholar', name: 'Ivan Scholar', label: 'neutral', corrected: false },
    ]);
  });

  it('searches word prefixes over titles, sites and expert names, diacritics folded', async () => {
    await seed();
    const keys = async (text: string) =>
      (await listArticles(db, { text })).rows.map((r) => r.key.split('/').pop());
    expect(await keys('pipe')).toEqual(['old']);
    expect(await keys('other')).toEqual(['mid']);
    expect(await keys('ivan')).toEqual(['new', 'old']);
    expect(await keys('véra sanc')).toEqual(['mid']);
    expect(await keys('nothing-like-this')).toEqual([]);
  });

  it('filters by date range, subtopic, site, expert and stance', async () => {
    await seed();
    const keys = async (q: Parameters<typeof listArticles>[1]) =>
      (await listArticles(db, q)).rows.map((r) => r.key.split('/').pop());
    expect(await keys({ from: 1500, to: 2500 })).toEqual(['mid']);
    expect(await keys({ subtopic: 'energy' })).toEqual(['old']);
    expect(await keys({ site: 'Other Daily' })).toEqual(['mid']);
    expect(await keys({ expertId: 'vera-analyst' })).toEqual(['new', 'mid']);
    expect(await keys({ stance: 'fragile' })).toEqual(['mid', 'old']);
    expect(await keys({ expertId: 'Vera Analyst', stance: 'fragile' })).toEqual(['mid']);
    expect(await keys({ expertId: 'vera-analyst', from: 2500 })).toEqual(['new']);
    expect(await historyFacets(db)).toEqual({
      sites: ['Other Daily', 'The Example Courier'],
      subtopics: ['energy', 'partnership', 'sanctions'],
    });
  });

  it('pages large filtered results in time order', async () => {
    db = freshDb();
    for (let i = 0; i < 320; i++)
      await saveArticle(db, article(`n${i}`, { title: i % 2 ? 'odd one' : 'even one' }), { now: i });
    const res = await listArticles(db, { text: 'even', limit: 3, offset: 1 });
    expect(res).toMatchObject({ total: null, more: true });
    expect(res.rows.map((r) => r.key.split('/').pop())).toEqual(['n316', 'n314', 'n312']);
    // Two conditions: the second is checked on the records, the offset counts matches only.
    const both = await listArticles(db, {
      text: 'even',
      from: 100,
      to: 120,
      subtopic: 'partnership',
      offset: 8,
    });
    expect(both.rows.map((r) => r.key.split('/').pop())).toEqual(['n104', 'n102', 'n100']);
    expect(both).toMatchObject({ total: 11, more: false });
    const unfiltered = await listArticles(db, { limit: 10, offset: 310 });
    expect(unfiltered).toMatchObject({ total: 320, more: false });
    expect((await listArticles(db, { limit: 10, offset: 300 })).more).toBe(true);
    // A word longer than the indexed prefixes is checked in full.
    await saveArticle(db, article('long', { title: 'internationalisation' }), { now: 1000 });
    await saveArticle(db, article('long2', { title: 'internationally' }), { now: 1001 });
    expect(
      (await listArticles(db, { text: 'internationalis' })).rows.map((r) => r.key.split('/').pop()),
    ).toEqual(['long']);
    expect((await listArticles(db, { text: 'internation' })).total).toBe(2);
  });
});

describe('experts', () => {
  it('lists, opens and reports who was seen before', async () => {
    db = freshDb();
    await saveArticle(
      db,
      article('a', { title: 'First', experts: [expert('Vera Analyst', 'durable', 'Old Org')] }),
      { now: 1000 },
    );
    await saveArticle(
      db,
      article('b', {
        title: 'Second',
        publishedTime: '2026-04-01',
        experts: [expert('Vera Analyst', 'fragile', 'New Org'), expert('Ivan Scholar')],
      }),
      { now: 2000 },
    );
    const { rows, total } = await listExperts(db, { sort: 'articles' });
    expect(total).toBe(2);
    expect(rows[0]).toMatchObject({ id: 'vera-analyst', organization: 'New Org', articleCount: 2 });
    expect((await listExperts(db, { text: 'iva' })).rows.map((r) => r.id)).toEqual(['ivan-scholar']);
    expect((await listExperts(db, { sort: 'name' })).rows.map((r) => r.id)).toEqual([
      'ivan-scholar',
      'vera-analyst',
    ]);

    const detail = (await getExpert(db, 'vera-analyst'))!;
    expect(detail.articles.map((a) => a.title)).toEqual(['Second', 'First']);
    expect(detail.articles[0].statements[0]).toContain('fragile quote');
    expect(detail.timeline.map((t) => t.label)).toEqual(['durable', 'fragile']);

    const seen = await expertsSeen(
      db,
      ['vera-analyst', 'Ivan Scholar', 'nobody'],
      'https://news.example/b?utm_medium=x',
    );
    expect(seen['vera-analyst']).toEqual({
      count: 1,
      latest: { title: 'First', url: 'https://news.example/a', readAt: 1000 },
    });
    expect(seen['Ivan Scholar']).toEqual({ count: 0, latest: null });
    expect(seen.nobody).toEqual({ count: 0, latest: null });
  });

  it('deleting and pruning keep the experts table exact', async () => {
    db = freshDb();
    await saveArticle(db, article('a', { experts: [expert('Vera Analyst', 'durable')] }), { now: 1000 });
    await saveArticle(
      db,
      article('b', { experts: [expert('Vera Analyst', 'fragile'), expert('Ivan Scholar')] }),
      { now: 2000 },
    );
    await saveArticle(db, article('c', { experts: [expert('Ivan Scholar')] }), { now: 3000 });
    expect(await deleteArticle(db, 'https://news.example/b')).toEqual({ deleted: true });
    expect(await deleteArticle(db, 'https://news.example/b')).toEqual({ deleted: false });
    expect(await db.experts.get('vera-analyst')).toMatchObject({
      articleCount: 1,
      lastSeenAt: 1000,
      stanceCounts: { durable: 1, fragile: 0, neutral: 0 },
    });
    await expectExpertsConsistent(db);
    expect(await pruneOlderThan(db, 1500)).toBe(1);
    expect(await db.experts.get('vera-analyst')).toBeUndefined();
    expect((await db.experts.get('ivan-scholar'))!.articleCount).toBe(1);
    await expectExpertsConsistent(db);
    await expectMetaConsistent(db);
    await clearHistory(db);
    expect(await db.articles.count()).toBe(0);
    expect(await db.experts.count()).toBe(0);
  });
});

describe('stance corrections', () => {
  it('win everywhere, can be undone, and wait for an article saved later', async () => {
    db = freshDb();
    // Made before the article is saved: kept, applied on save.
    expect(
      await setStanceCorrection(
        db,
        { articleKey: 'https://news.example/a?utm_source=z', expertId: 'vera-analyst', label: 'fragile' },
        5,
      ),
    ).toEqual({ applied: false });
    await saveArticle(db, article('a', { experts: [expert('Vera Analyst', 'durable')] }), { now: 10 });
    let row = (await listArticles(db)).rows[0];
    expect(row.experts[0]).toMatchObject({ label: 'fragile', corrected: true });
    expect((await db.experts.get('vera-analyst'))!.stanceCounts).toEqual({
      durable: 0,
      fragile: 1,
      neutral: 0,
    });
    expect((await listArticles(db, { stance: 'fragile' })).total).toBe(1);
    // Survives re-reading.
    await saveArticle(db, article('a', { experts: [expert('Vera Analyst', 'durable')] }), { now: 20 });
    expect((await getArticle(db, 'https://news.example/a'))!.experts[0].correction).toEqual({
      label: 'fragile',
      at: 5,
    });
    // Undo.
    expect(
      await setStanceCorrection(
        db,
        { articleKey: 'https://news.example/a', expertId: 'vera-analyst', label: null },
        30,
      ),
    ).toEqual({ applied: true });
    row = (await listArticles(db)).rows[0];
    expect(row.experts[0]).toMatchObject({ label: 'durable', corrected: false });
    expect((await listArticles(db, { stance: 'fragile' })).total).toBe(0);
    await expectExpertsConsistent(db);
  });
});

describe('weeklyStats', () => {
  it('counts articles and voices per week, oldest first', async () => {
    db = freshDb();
    const now = Date.UTC(2026, 2, 11, 12); // a Wednesday
    expect(new Date(weekStart(now)).getUTCDay()).toBe(1);
    await saveArticle(
      db,
      article('a', { experts: [expert('A One', 'durable'), expert('B Two', 'fragile')] }),
      { now },
    );
    await saveArticle(db, article('b', { experts: [expert('A One', 'durable')] }), {
      now: now - 7 * 86_400_000,
    });
    const weeks = await weeklyStats(db, 3, now);
    expect(weeks.map((w) => w.articles)).toEqual([0, 1, 1]);
    expect(weeks[2].voices).toEqual({ durable: 1, fragile: 1, neutral: 0 });
    // Re-reading moves an article to this week; a correction moves a voice; deleting removes both.
    await saveArticle(db, article('b', { experts: [expert('A One', 'durable')] }), { now });
    await setStanceCorrection(
      db,
      { articleKey: 'https://news.example/b', expertId: 'a-one', label: 'neutral' },
      now,
    );
    let after = await weeklyStats(db, 3, now);
    expect(after.map((w) => w.articles)).toEqual([0, 0, 2]);
    expect(after[2].voices).toEqual({ durable: 1, fragile: 1, neutral: 1 });
    await deleteArticle(db, 'https://news.example/a');
    after = await weeklyStats(db, 3, now);
    expect(after[2]).toMatchObject({ articles: 1, voices: { durable: 0, fragile: 0, neutral: 1 } });
    await expectMetaConsistent(db);
  });
});

describe('getCorrections', () => {
  it('returns the corrections for one article by expert id', async () => {
    db = freshDb();
    await setStanceCorrection(
      db,
      { articleKey: 'https://news.example/x', expertId: 'Vera Analyst', label: 'durable' },
      1,
    );
    expect(await getCorrections(db, 'https://news.example/x?utm_campaign=q')).toEqual({
      'vera-analyst': 'durable',
    });
    expect(await getCorrections(db, 'https://news.example/y')).toEqual({});
  });
});
