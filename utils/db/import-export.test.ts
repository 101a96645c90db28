import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { exportCsv, exportJson, importJson } from './backup-service';
import { createBackupService } from './backup-service';
import { backupCell, parseCsv } from './csv';
import { buildExpertRecords } from './derive';
import {
  EXPORT_PIECE_CHARS,
  IMPORT_BATCH_ARTICLES,
  IMPORT_BATCH_CHARS,
  parseArticleBatch,
} from './import-export';
import { COUNTS_ID, type MetaRecord } from './meta';
import { seedSyntheticHistory } from './synthetic';
import { clearHistory, listArticles, saveArticle, setStanceCorrection } from './history-repo';
import { article, expert, fillDisk, freshDb } from './test-helpers';
import type { ExpertRecord, HistoryDb } from './schema';

async function snapshot(db: HistoryDb) {
  const [articles, experts, corrections] = await Promise.all([
    db.articles.orderBy('key').toArray(),
    db.experts.orderBy('id').toArray(),
    db.corrections.toArray(),
  ]);
  const strip = <T extends { lastVisit?: unknown }>(a: T) => {
    const { lastVisit: _lv, ...rest } = a;
    return rest;
  };
  return { articles: articles.map(strip), experts, corrections };
}

async function seeded() {
  const db = freshDb();
  await saveArticle(
    db,
    article('a', {
      experts: [expert('Vera Analyst', 'durable', 'Invented Institute'), expert('Ivan Scholar', 'fragile')],
    }),
    // The name the page claimed for itself travels with the article (it is never its site).
    { now: 1000, claimedSite: 'Claimed Wire' },
  );
  await saveArticle(
    db,
    article('b', { title: 'Grain, gas and "friendship"', experts: [expert('Vera Analyst', 'neutral')] }),
    { now: 2000 },
  );
  await saveArticle(db, article('b', { title: 'Grain, gas and "friendship"' }), { now: 3000 });
  await setStanceCorrection(
    db,
    { articleKey: 'https://news.example/a', expertId: 'ivan-scholar', label: 'neutral' },
    1500,
  );
  await setStanceCorrection(
    db,
    { articleKey: 'https://news.example/not-yet', expertId: 'vera-analyst', label: 'fragile' },
    1600,
  );
  return db;
}

describe('export → clear → import', () => {
  it('gives back the same history', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const json = await exportJson(db, 5000);
    const env = JSON.parse(json);
    expect(env).toMatchObject({ app: 'triangle-lens', schema: 2, exportedAt: new Date(5000).toISOString() });
    expect(env.articles).toHaveLength(2);
    expect(env.articles[0].terms).toBeUndefined();
    expect(env.articles.map((a: { claimedSite?: string }) => a.claimedSite ?? null).sort()).toEqual([
      'Claimed Wire',
      null,
    ]);
    await clearHistory(db);
    const progress: string[] = [];
    const res = await importJson(db, json, (p) => progress.push(p.phase));
    expect(res).toEqual({ ok: true, added: 2, merged: 0, skipped: 0 });
    expect(progress).toContain('writing');
    expect(progress.at(-1)).toBe('done');
    expect(await snapshot(db)).toEqual(before);
  });

  it('gives back the same history from a CSV export too, corrections without their article included', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const csv = await exportCsv(db);
    await clearHistory(db);
    expect(await importJson(db, csv)).toEqual({ ok: true, added: 2, merged: 0, skipped: 0 });
    expect(await snapshot(db)).toEqual(before);
    // A spreadsheet that saves the file again with bare LF line ends and a byte-order mark.
    await clearHistory(db);
    expect(await importJson(db, `\uFEFF${csv.replace(/\r\n/g, '\n')}`)).toMatchObject({ ok: true, added: 2 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges without duplicates and is idempotent', async () => {
    const db = await seeded();
    const json = await exportJson(db);
    expect(await importJson(db, json)).toEqual({ ok: true, added: 0, merged: 0, skipped: 2 });
    // Another machine read "a" later and "c" too.
    const other = freshDb();
    await saveArticle(other, article('a?utm_source=mail', { title: 'Updated title' }), { now: 9000 });
    await saveArticle(other, article('c'), { now: 9500 });
    const res = await importJson(db, await exportJson(other));
    expect(res).toEqual({ ok: true, added: 1, merged: 1, skipped: 0 });
    const rows = (await listArticles(db)).rows;
    expect(rows.map((r) => r.key)).toEqual([
      'https://news.example/c',
      'https://news.example/a',
      'https://news.example/b',
    ]);
    expect(rows[1]).toMatchObject({ title: 'Updated title', firstReadAt: 1000, lastReadAt: 9000 });
  });
});

describe('import refuses bad files and changes nothing', () => {
  const valid = async () => JSON.parse(await exportJson(await seeded()));
  const cases: [string, (env: Record<string, unknown>) => string, RegExp][] = [
    ['bad JSON', () => '{"app": "triangle-lens", ', /not valid JSON/],
    [
      'a foreign file',
      () => JSON.stringify({ app: 'other-app', articles: [] }),
      /not a Triangle Lens export/,
    ],
    ['an array', () => '[1,2,3]', /not a Triangle Lens export/],
    ['a newer format', (e) => JSON.stringify({ ...e, schema: 99 }), /newer version/],
    [
      'a huge string',
      (e) =>
        JSON.stringify({ ...e, articles: [{ ...(e.articles as object[])[0], title: 'x'.repeat(50_000) }] }),
      /articles\.0\.title/,
    ],
    [
      'a wrong type',
      (e) => JSON.stringify({ ...e, articles: [{ ...(e.articles as object[])[0], readCount: '3' }] }),
      /articles\.0\.readCount/,
    ],
    [
      'an infinite-like number',
      (e) => JSON.stringify(e).replace('"wordCount":900', '"wordCount":1e999'),
      /wordCount/,
    ],
    [
      'a javascript: URL',
      (e) =>
        JSON.stringify({ ...e, articles: [{ ...(e.articles as object[])[0], url: 'javascript:alert(1)' }] }),
      /not an http\(s\) URL/,
    ],
    [
      'a __proto__ key',
      (e) => JSON.stringify(e).replace('{"app"', '{"__proto__":{"polluted":true},"app"'),
      /__proto__/,
    ],
    [
      'a constructor key',
      (e) => JSON.stringify(e).replace('"title"', '"constructor":{"prototype":{}},"title"'),
      /constructor|prototype/,
    ],
    ['a bad stance', (e) => JSON.stringify(e).replace('"label":"durable"', '"label":"evil"'), /label/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const db = await seeded();
    const before = await snapshot(db);
    const res = await importJson(db, make(await valid()));
    expect(res.ok).toBe(false);
    expect(res.ok ? '' : res.message).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a failure while writing rolls everything back', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const other = freshDb();
    for (let i = 0; i < 5; i++) await saveArticle(other, article(`new-${i}`), { now: 10_000 + i });
    const json = await exportJson(other);
    // Writing the experts fails during the import: whatever was written before must be rolled back.
    const freeDisk = await fillDisk(db, ['experts']);
    const res = await importJson(db, json);
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/disk is full.*unchanged/) });
    await freeDisk();
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses CSV that is not a whole export of ours, naming the row', async () => {
    const source = await seeded();
    const csv = await exportCsv(source);
    const db = await seeded();
    const before = await snapshot(db);
    const lines = csv.trimEnd().split('\r\n');
    const withoutBackup = parseCsv(csv)
      .map((row) =>
        row
          .slice(0, -1)
          .map((c) => `"${c.replace(/"/g, '""')}"`)
          .join(','),
      )
      .join('\r\n');
    const cases: [string, RegExp][] = [
      [withoutBackup, /earlier version, without the backup column/],
      ['"name","score"\r\n"a","1"\r\n', /not a Triangle Lens export \(its first row/],
      [
        [lines[0], lines[1].replace(/tl1:([A-Za-z0-9_-]{10})/, 'tl1:$1!'), ...lines.slice(2)].join('\r\n'),
        /row 2: its backup cell is damaged/,
      ],
      [[lines[0], lines[1], lines[2].replace(/"tl1:/, '"tl9:')].join('\r\n'), /row 3: its backup cell/],
      [[lines[0], lines[1].replace(/^"[^"]*",/, '')].join('\r\n'), /row 2 has 15 cells, not 16/],
      [[lines[0], lines[1].slice(0, -5)].join('\r\n'), /not a readable CSV \(a quoted cell is not closed\)/],
    ];
    for (const [text, message] of cases) {
      const res = await importJson(db, text);
      expect(res.ok, String(message)).toBe(false);
      expect(!res.ok && res.message).toMatch(message);
    }
    // A well-formed backup cell whose article is invalid is refused like the same JSON would be.
    const evil = JSON.parse(JSON.stringify((await valid()).articles[0]));
    evil.url = 'javascript:alert(1)';
    const row = parseCsv(lines[1] + '\r\n')[0];
    row[row.length - 1] = backupCell(evil);
    const res = await importJson(
      db,
      `${lines[0]}\r\n${row.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\r\n`,
    );
    expect(!res.ok && res.message).toMatch(/articles\.0\.url: not an http\(s\) URL/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('parseArticleBatch accepts its own exports', async () => {
    const parsed = parseArticleBatch(JSON.stringify((await valid()).articles));
    expect(parsed.ok && parsed.value.length).toBe(2);
  });
});

describe('exportCsv', () => {
  it('writes a header and one row per article, newest first', async () => {
    const db = await seeded();
    const lines = (await exportCsv(db)).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Grain, gas and ""friendship"""');
    expect(lines[2]).toContain('neutral (corrected)');
    // The correction of an article not saved yet has a row of its own (the file holds everything).
    expect(lines[3]).toContain('"https://news.example/not-yet","A stance correction');
    expect(lines[3]).toContain('"vera-analyst","fragile (corrected)"');
  });
});

/** The counts row with its (unordered) pairs sorted. */
function sortedMeta(meta: MetaRecord | undefined) {
  const sort = (pairs: [string, number][]) => [...pairs].sort((a, b) => a[0].localeCompare(b[0]));
  return meta && { ...meta, sites: sort(meta.sites), subtopics: sort(meta.subtopics) };
}

describe('large files, in pieces', () => {
  const N = 1234; // three import batches
  const NOW = Date.UTC(2026, 0, 1);

  async function syntheticDb(n = N) {
    const db = freshDb();
    await seedSyntheticHistory(db, n, { now: NOW, expertPool: 300 });
    await setStanceCorrection(
      db,
      { articleKey: 'https://synthetic-herald.example/synthetic/0', expertId: 'x-y', label: 'durable' },
      7,
    );
    return db;
  }

  it('round-trips through an empty history: articles, corrections, experts and counts', async () => {
    const db = await syntheticDb();
    const before = await snapshot(db);
    const meta = await db.meta.get(COUNTS_ID);
    const json = await exportJson(db, NOW);
    expect(json.length).toBeGreaterThan(IMPORT_BATCH_CHARS / 4);
    await clearHistory(db);
    const phases: string[] = [];
    expect(await importJson(db, json, (p) => phases.push(`${p.phase}:${p.done}`))).toEqual({
      ok: true,
      added: N,
      merged: 0,
      skipped: 0,
    });
    expect(phases).toContain(`writing:${IMPORT_BATCH_ARTICLES}`);
    const after = await snapshot(db);
    expect(after.articles).toEqual(before.articles);
    expect(after.corrections).toEqual(before.corrections);
    // The experts table, kept batch by batch, is what a rebuild from all articles gives.
    expect(after.experts).toEqual(
      buildExpertRecords(after.articles).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(sortedMeta(await db.meta.get(COUNTS_ID))).toEqual(sortedMeta(meta));
  });

  it('round-trips through an empty history from a CSV export, in batches', async () => {
    const db = await syntheticDb();
    const before = await snapshot(db);
    const meta = await db.meta.get(COUNTS_ID);
    const json = await exportJson(db, NOW);
    const csv = await exportCsv(db);
    await clearHistory(db);
    const phases: string[] = [];
    expect(await importJson(db, csv, (p) => phases.push(`${p.phase}:${p.done}`))).toEqual({
      ok: true,
      added: N,
      merged: 0,
      skipped: 0,
    });
    expect(phases).toContain(`writing:${IMPORT_BATCH_ARTICLES}`);
    expect(await snapshot(db)).toEqual(before);
    expect(sortedMeta(await db.meta.get(COUNTS_ID))).toEqual(sortedMeta(meta));
    expect(await exportJson(db, NOW)).toBe(json);
    expect(await exportCsv(db)).toBe(csv);
  });

  it('exports the same file whatever the piece size, and CSV says what the history holds', async () => {
    const db = await syntheticDb(300);
    const service = createBackupService(db, { now: () => NOW });
    const { jobId } = await service.exportBegin('json');
    const pieces: string[] = [];
    for (;;) {
      const p = await service.exportNext(jobId);
      expect(p.text.length).toBeLessThanOrEqual(EXPORT_PIECE_CHARS);
      pieces.push(p.text);
      if (p.done) break;
    }
    expect(pieces.join('')).toBe(await exportJson(db, NOW));
    const env = JSON.parse(pieces.join(''));
    expect(env.articles).toHaveLength(300);
    expect(env.corrections).toHaveLength(1);
    const rows = parseCsv(await exportCsv(db));
    // Header, 300 articles, and the correction of an expert the article does not name.
    expect(rows).toHaveLength(302);
    expect(rows[301].slice(0, 2)).toEqual([
      'https://synthetic-herald.example/synthetic/0',
      'A stance correction (its article is not in the history)',
    ]);
    const newestFirst = [...env.articles].reverse();
    rows.slice(1, 301).forEach((row, i) => {
      expect(row[0]).toBe(newestFirst[i].url);
      expect(row[1]).toBe(newestFirst[i].title);
      expect(row[12]).toBe(newestFirst[i].experts.map((e: { name: string }) => e.name).join('; '));
    });
  });

  it('a corrupt article near the end changes nothing', async () => {
    const db = await syntheticDb(50);
    const before = await snapshot(db);
    const other = await syntheticDb();
    const env = JSON.parse(await exportJson(other));
    env.articles[N - 3].url = 'javascript:alert(1)';
    const res = await importJson(db, JSON.stringify(env));
    expect(res).toEqual({
      ok: false,
      message: expect.stringMatching(new RegExp(`articles\\.${N - 3}\\.url`)),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a write failing in a later batch undoes the batches before it', async () => {
    const db = await syntheticDb(40);
    const before = await snapshot(db);
    const meta = await db.meta.get(COUNTS_ID);
    const json = await exportJson(await syntheticDb());
    // The third write of articles fails as on a full disk; writes work again afterwards (the undo).
    let writes = 0;
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'third-write-fails',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          if (name !== 'articles') return t;
          return {
            ...t,
            mutate: (req) =>
              req.type === 'put' && ++writes === 3
                ? Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))
                : t.mutate(req),
          };
        },
      }),
    });
    await db.open();
    const res = await importJson(db, json);
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/disk is full.*unchanged/) });
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(await snapshot(db)).toEqual(before);
    expect(sortedMeta(await db.meta.get(COUNTS_ID))).toEqual(sortedMeta(meta));
  });

  it('merges into a history that overlaps, idempotently', async () => {
    const db = await syntheticDb(600);
    const json = await exportJson(await syntheticDb());
    const first = await importJson(db, json);
    expect(first).toMatchObject({ ok: true, added: N - 600 });
    const snap = await snapshot(db);
    expect(await importJson(db, json)).toEqual({ ok: true, added: 0, merged: 0, skipped: N });
    expect(await snapshot(db)).toEqual(snap);
    // As on saves, articles read at the same time may be listed in another order among the recent.
    const loose = (list: ExpertRecord[]) =>
      list
        .map((e) => ({ ...e, recent: e.recent.map((r) => r.readAt) }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(loose(snap.experts)).toEqual(loose(buildExpertRecords(snap.articles)));
  });
});

describe('a job nobody finishes', () => {
  it('is undone once nothing was asked of it for a while', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const other = freshDb();
    await saveArticle(other, article('new'), { now: 9000 });
    const articles = JSON.stringify(JSON.parse(await exportJson(other)).articles);
    const service = createBackupService(db, { idleMs: 50 });
    const { jobId } = await service.importBegin();
    expect(await service.importArticles(jobId, articles, 0)).toEqual({ ok: true });
    expect(await db.articles.count()).toBe(3);
    await vi.waitFor(async () => expect(await snapshot(db)).toEqual(before), { timeout: 5000 });
    await expect(service.importArticles(jobId, articles, 0)).rejects.toThrow(/no longer running/);
  });
});
