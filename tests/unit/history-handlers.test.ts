import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerHistoryHandlers } from '@/entrypoints/background/history-handlers';
import { messenger } from '@/utils/messaging';
import { article, freshDb } from '@/utils/db/test-helpers';
import { exportJson, type BackupTransport } from '@/utils/db/backup-service';
import { exportBackup, importBackup } from '@/utils/db/backup-stream';
import { saveArticle } from '@/utils/db/history-repo';
import type { HistoryDb } from '@/utils/db/schema';

const POPUP = { url: fakeBrowser.runtime.getURL('/popup.html') };
const CONTENT = { url: 'https://news.example/a', tab: { id: 7 } };

/** Deliver a message the way @webext-core/messaging does, from a given sender. */
function call(
  type: string,
  data: unknown,
  sender: object,
): Promise<{ res?: unknown; err?: { message: string } }> {
  return new Promise((resolve) => {
    // The messenger answers through sendResponse (chrome-style listeners).
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    void trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve);
  });
}

let db: HistoryDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
  registerHistoryHandlers(db);
});
afterEach(() => {
  messenger.removeAllListeners();
  db.close();
});

describe('history handlers', () => {
  it('saves an article from a content script and validates the payload where it arrives', async () => {
    expect((await call('saveArticle', article('a'), CONTENT)).res).toMatchObject({ ok: true, readCount: 1 });
    const bad = await call('saveArticle', { ...article('b'), url: 'javascript:alert(1)' }, CONTENT);
    expect(bad.err?.message).toMatch(/Invalid message: url: not an http\(s\) URL/);
    const huge = await call('saveArticle', { ...article('c'), title: 'x'.repeat(100_000) }, CONTENT);
    expect(huge.err?.message).toMatch(/title: longer than 2000/);
    const nan = await call('saveArticle', { ...article('d'), wordCount: Number.NaN }, CONTENT);
    expect(nan.err).toBeDefined();
    expect(await db.articles.count()).toBe(1);
  });

  it('stores the real host as the site, the page’s own name only as claimed', async () => {
    const spoof = { url: 'http://127.0.0.1:8080/world/a', tab: { id: 9 } };
    const input = article('a', { url: 'http://127.0.0.1:8080/world/a', site: 'Reuters' });
    expect((await call('saveArticle', input, spoof)).res).toMatchObject({ ok: true });
    const [stored] = await db.articles.toArray();
    expect(stored.site).toBe('127.0.0.1');
    expect(stored.claimedSite).toBe('Reuters');
    // A page cannot save an article under another host's URL.
    const other = await call('saveArticle', article('b', { site: 'Reuters' }), spoof);
    expect(other.err?.message).toMatch(/its own site/);
    expect(await db.articles.count()).toBe(1);
  });

  it('a tab adds at most one new article per half minute; its current one may be saved again', async () => {
    const tab = { url: 'https://news.example/a', tab: { id: 11 } };
    expect((await call('saveArticle', article('a'), tab)).res).toMatchObject({ ok: true });
    expect((await call('saveArticle', article('a'), tab)).res).toMatchObject({ ok: true });
    expect(
      (await call('saveArticle', article('b'), { ...tab, url: 'https://news.example/b' })).res,
    ).toMatchObject({ ok: false });
    expect((await call('saveArticle', article('b'), { ...tab, tab: { id: 12 } })).res).toMatchObject({
      ok: true,
    });
    expect(await db.articles.count()).toBe(2);
  });

  it('answers whole-history messages only to the extension’s own pages', async () => {
    await saveArticle(db, article('a'));
    for (const [type, data] of [
      ['listArticles', {}],
      ['exportBegin', { format: 'json' }],
      ['exportNext', { jobId: 'x' }],
      ['importBegin', undefined],
      ['importArticles', { jobId: 'x', json: '[]', offset: 0 }],
      ['importEnd', { jobId: 'x', commit: false }],
      ['clearHistory', undefined],
      ['deleteArticle', { key: 'https://news.example/a' }],
    ] as const) {
      expect((await call(type, data, CONTENT)).err?.message, type).toMatch(
        /only accepted from the extension/,
      );
    }
    expect(await db.articles.count()).toBe(1);
    expect((await call('listArticles', {}, POPUP)).res).toMatchObject({ total: 1, more: false });
    // A content script may read its own page's record, and no other.
    const own = await call('getArticle', { key: 'https://news.example/a?utm_source=x' }, CONTENT);
    expect(own.res).toMatchObject({ key: 'https://news.example/a' });
    const other = await call('getArticle', { key: 'https://news.example/b' }, CONTENT);
    expect(other.err?.message).toMatch(/only accepted from the extension/);
  });

  it('lets the card correct a label (the card asks nothing about other articles)', async () => {
    await saveArticle(db, article('a'));
    const set = await call(
      'setStanceCorrection',
      { articleKey: 'https://news.example/a', expertId: 'vera-analyst', label: 'fragile' },
      CONTENT,
    );
    expect(set.res).toEqual({ applied: true });
    expect((await call('getCorrections', { articleKey: 'https://news.example/a' }, CONTENT)).res).toEqual({
      'vera-analyst': 'fragile',
    });
  });

  it('exports and imports in pieces through the messages, and refuses a bad file with a message', async () => {
    const other = freshDb();
    for (const k of ['x', 'y', 'z']) await saveArticle(other, article(k));
    const json = await exportJson(other);
    const res = async <T>(type: string, data: unknown) => {
      const r = await call(type, data, POPUP);
      if (r.err) throw new Error(r.err.message);
      return r.res as T;
    };
    const transport: BackupTransport = {
      exportBegin: (format) => res('exportBegin', { format }),
      exportNext: (jobId) => res('exportNext', { jobId }),
      importBegin: () => res('importBegin', undefined),
      importCorrections: (jobId, json, offset) => res('importCorrections', { jobId, json, offset }),
      importArticles: (jobId, json, offset) => res('importArticles', { jobId, json, offset }),
      importEnd: (jobId, commit) => res('importEnd', { jobId, commit }),
    };
    expect(await importBackup(transport, json)).toEqual({ ok: true, added: 3, merged: 0, skipped: 0 });
    const back = await exportBackup(transport, 'json');
    expect(back).toMatchObject({ articles: 3, mime: 'application/json' });
    expect(JSON.parse(await back.blob.text()).articles).toHaveLength(3);
    expect(await importBackup(transport, '{"app":"x"}')).toEqual({
      ok: false,
      message: expect.stringMatching(/not a Triangle Lens export/),
    });
    // A batch is validated again where it arrives, whatever the page checked.
    const { jobId } = await transport.importBegin();
    const bad = await transport.importArticles(jobId, '[{"url":"javascript:alert(1)"}]', 7);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/articles\.7\.url/) });
    const huge = await call('importArticles', { jobId, json: 'x'.repeat(9_000_000), offset: 0 }, POPUP);
    expect(huge.err?.message).toMatch(/too large/);
    expect(await transport.importEnd(jobId, false)).toMatchObject({ ok: false });
    expect(await db.articles.count()).toBe(3);
  });

  it('prunes by the retention setting when it changes and on request', async () => {
    const old = Date.now() - 40 * 86_400_000;
    await saveArticle(db, article('old'), { now: old });
    await saveArticle(db, article('new'));
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 30 } });
    await vi.waitFor(async () => expect(await db.articles.count()).toBe(1));
    await saveArticle(db, article('old-again'), { now: old });
    expect((await call('pruneHistory', undefined, POPUP)).res).toEqual({ removed: 1 });
    expect((await db.articles.toArray()).map((a) => a.key)).toEqual(['https://news.example/new']);
  });
});
