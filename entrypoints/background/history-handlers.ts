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
  ImportBatchSchema,
  ImportEndSchema,
  JobIdSchema,
  KeySchema,
  StanceCorrectionSchema,
  WeeklyStatsSchema,
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
import { createBackupService } from '@/utils/db/backup-service';
import { loadSettings, retentionCutoff, watchSettings } from '@/utils/settings';

const PRUNE_EVERY_MS = 3_600_000;

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
  const backups = createBackupService(db);

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
  // Backups, in requests of a few hundred records each (utils/db/backup-service.ts).
  onMessage('exportBegin', ({ data, sender }) => {
    extensionPageOnly(sender);
    return backups.exportBegin(parse(ExportRequestSchema, data).format);
  });
  onMessage('exportNext', ({ data, sender }) => {
    extensionPageOnly(sender);
    return backups.exportNext(parse(JobIdSchema, data).jobId);
  });
  onMessage('importBegin', ({ sender }) => {
    extensionPageOnly(sender);
    return backups.importBegin();
  });
  onMessage('importCorrections', ({ data, sender }) => {
    extensionPageOnly(sender);
    const b = parse(ImportBatchSchema, data);
    return backups.importCorrections(b.jobId, b.json, b.offset);
  });
  onMessage('importArticles', ({ data, sender }) => {
    extensionPageOnly(sender);
    const b = parse(ImportBatchSchema, data);
    return backups.importArticles(b.jobId, b.json, b.offset);
  });
  onMessage('importEnd', ({ data, sender }) => {
    extensionPageOnly(sender);
    const e = parse(ImportEndSchema, data);
    return backups.importEnd(e.jobId, e.commit);
  });
  onMessage('weeklyStats', ({ data, sender }) => {
    extensionPageOnly(sender);
    return weeklyStats(db, parse(WeeklyStatsSchema, data ?? {}).weeks ?? 12);
  });
  onMessage('pruneHistory', async ({ sender }) => {
    extensionPageOnly(sender);
    return { removed: await prune(true) };
  });
  // Persistent storage is asked for by the extension's pages (the popup's Data tab): Chrome's service
  // worker has no navigator.storage.persist.
  void prune(true).catch(() => {});
  watchSettings(() => void prune(true).catch(() => {}));
}
