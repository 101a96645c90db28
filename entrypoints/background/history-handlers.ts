/**
 * The background's side of the history protocol: every message is validated with its schema where it
 * arrives, then handed to the repository (utils/db/). The background is the only owner of the database.
 * Messages that read or change the whole history are accepted only from the extension's own pages
 * (popup, options), never from a content script.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import {
  ArticleInputSchema,
  ArticleKeySchema,
  ArticleQuerySchema,
  ExpertIdSchema,
  ExpertQuerySchema,
  ExportRequestSchema,
  ImportRequestSchema,
  JobIdSchema,
  KeySchema,
  StanceCorrectionSchema,
  WeeklyStatsSchema,
  type ImportProgress,
} from '@/utils/messages/history';
import { canonicalizeUrl } from '@/utils/canonical-url';
import { claimedSiteName, createSaveLimiter, realHost } from '@/utils/save-guard';
import { createHistoryDb, type HistoryDb } from '@/utils/db/schema';
import {
  clearHistory,
  deleteArticle,
  getArticle,
  getCorrections,
  getExpert,
  historyFacets,
  listArticles,
  listExperts,
  pruneOlderThan,
  saveArticle,
  setStanceCorrection,
  weeklyStats,
} from '@/utils/db/history-repo';
import { exportCsv, exportJson, importJson } from '@/utils/db/import-export';
import { loadSettings, retentionCutoff, watchSettings } from '@/utils/settings';

const PRUNE_EVERY_MS = 3_600_000;
const PROGRESS_KEPT_MS = 60_000;

interface Sender {
  url?: string;
  tab?: { id?: number };
}

/** Validate a payload; the error names the field, without echoing page text back. */
function parse<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, data);
  if (r.success) return r.output;
  const issue = r.issues[0];
  throw new Error(`Invalid message: ${v.getDotPath(issue) ?? 'payload'}: ${issue.message}`);
}

function fromExtensionPage(sender: Sender): boolean {
  return !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

function extensionPageOnly(sender: Sender): void {
  if (!fromExtensionPage(sender))
    throw new Error('This message is only accepted from the extension’s own pages.');
}

async function persist(): Promise<{ persisted: boolean }> {
  try {
    if (await navigator.storage?.persisted?.()) return { persisted: true };
    return { persisted: (await navigator.storage?.persist?.()) ?? false };
  } catch {
    return { persisted: false };
  }
}

function createPruner(db: HistoryDb) {
  let last = 0;
  return async (force = false): Promise<number> => {
    if (!force && Date.now() - last < PRUNE_EVERY_MS) return 0;
    last = Date.now();
    const cutoff = retentionCutoff(await loadSettings());
    return cutoff === null ? 0 : pruneOlderThan(db, cutoff);
  };
}

export function registerHistoryHandlers(db: HistoryDb = createHistoryDb()): void {
  const prune = createPruner(db);
  const imports = new Map<string, ImportProgress>();

  const saves = createSaveLimiter(() => Date.now());
  browser.tabs?.onRemoved?.addListener((tabId) => saves.forget(String(tabId)));
  onMessage('saveArticle', async ({ data, sender }) => {
    const input = parse(ArticleInputSchema, data);
    // The site is the host of the frame that sent this (the browser's word); what the page calls
    // itself is kept only as a claim. A page cannot save an article of another host.
    const host = realHost(sender.url ?? sender.tab?.url);
    if (!host || realHost(input.url) !== host)
      throw new Error('An article can only be saved from a page of its own site.');
    const key = canonicalizeUrl(input.url);
    if (!saves.allow(String(sender.tab?.id ?? sender.url), key)) {
      return {
        ok: false as const,
        error: 'failed' as const,
        message: 'Not saved: this tab saved another article moments ago.',
      };
    }
    const claimedSite = claimedSiteName(input.site, host);
    const result = await saveArticle(db, { ...input, site: host }, { claimedSite });
    void prune().catch(() => {});
    return result;
  });
  onMessage('listArticles', ({ data, sender }) => {
    extensionPageOnly(sender);
    return listArticles(db, parse(ArticleQuerySchema, data));
  });
  onMessage('getArticle', ({ data, sender }) => {
    const { key } = parse(KeySchema, data);
    // A content script may read the record of the page it runs in, and only that one.
    if (!(sender.tab && sender.url && canonicalizeUrl(sender.url) === canonicalizeUrl(key)))
      extensionPageOnly(sender);
    return getArticle(db, key);
  });
  onMessage('deleteArticle', ({ data, sender }) => {
    extensionPageOnly(sender);
    return deleteArticle(db, parse(KeySchema, data).key);
  });
  onMessage('clearHistory', ({ sender }) => {
    extensionPageOnly(sender);
    return clearHistory(db);
  });
  onMessage('historyFacets', ({ sender }) => {
    extensionPageOnly(sender);
    return historyFacets(db);
  });
  onMessage('listExperts', ({ data, sender }) => {
    extensionPageOnly(sender);
    return listExperts(db, parse(ExpertQuerySchema, data));
  });
  onMessage('getExpert', ({ data, sender }) => {
    extensionPageOnly(sender);
    return getExpert(db, parse(ExpertIdSchema, data).id);
  });
  // From the card (content script) as well as the popup.
  onMessage('setStanceCorrection', ({ data }) =>
    setStanceCorrection(db, parse(StanceCorrectionSchema, data)),
  );
  onMessage('getCorrections', ({ data }) => getCorrections(db, parse(ArticleKeySchema, data).articleKey));
  onMessage('exportHistory', async ({ data, sender }) => {
    extensionPageOnly(sender);
    const { format } = parse(ExportRequestSchema, data);
    const date = new Date().toISOString().slice(0, 10);
    const content = format === 'json' ? await exportJson(db) : await exportCsv(db);
    return {
      filename: `triangle-lens-history-${date}.${format}`,
      mime: format === 'json' ? 'application/json' : 'text/csv',
      content,
      articles: await db.articles.count(),
    };
  });
  onMessage('importHistory', async ({ data, sender }) => {
    extensionPageOnly(sender);
    const req = parse(ImportRequestSchema, data);
    const jobId = req.jobId;
    const track = (p: ImportProgress) => {
      if (jobId) imports.set(jobId, p);
    };
    track({ phase: 'reading', done: 0, total: 0 });
    try {
      return await importJson(db, req.json, track);
    } finally {
      if (jobId) {
        imports.set(jobId, { ...(imports.get(jobId) ?? { done: 0, total: 0 }), phase: 'done' });
        setTimeout(() => imports.delete(jobId), PROGRESS_KEPT_MS);
      }
    }
  });
  onMessage('importProgress', ({ data, sender }) => {
    extensionPageOnly(sender);
    return imports.get(parse(JobIdSchema, data).jobId) ?? null;
  });
  onMessage('weeklyStats', ({ data, sender }) => {
    extensionPageOnly(sender);
    return weeklyStats(db, parse(WeeklyStatsSchema, data ?? {}).weeks ?? 12);
  });
  onMessage('pruneHistory', async ({ sender }) => {
    extensionPageOnly(sender);
    return { removed: await prune(true) };
  });
  onMessage('persistStorage', () => persist());

  // Ask once per background start not to evict the history under storage pressure.
  void persist();
  void prune(true).catch(() => {});
  watchSettings(() => void prune(true).catch(() => {}));
}
