/**
 * The popup's only way to the history: an interface the components take as a prop, so tests pass a
 * double (tests/unit/helpers/repo-client.ts runs the real repository on fake-indexeddb) and the popup
 * passes the real one below, which goes through the typed message contract to the background.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type {
  ArticlePage,
  ArticleQuery,
  ExpertDetail,
  ExpertQuery,
  ExpertRow,
  ExportFormat,
  HistoryFacets,
  ImportProgress,
  ImportResult,
  StanceCorrectionInput,
  WeekStats,
} from '@/utils/messages/history';
import type { CurrentPageInfo } from '@/utils/messages/page';
import {
  exportBackup,
  importBackup,
  type BackupTransport,
  type ExportedFile,
} from '@/utils/db/backup-stream';
import { loadSettings, saveSettings, withSitePaused } from '@/utils/settings';

export interface HistoryClient {
  /** The active tab's page (null when there is none the extension looked at). */
  currentPage(): Promise<CurrentPageInfo | null>;
  listArticles(q: ArticleQuery): Promise<ArticlePage>;
  facets(): Promise<HistoryFacets>;
  deleteArticle(key: string): Promise<{ deleted: boolean }>;
  clearHistory(): Promise<void>;
  listExperts(q: ExpertQuery): Promise<{ rows: ExpertRow[]; total: number }>;
  getExpert(id: string): Promise<ExpertDetail | null>;
  setStanceCorrection(input: StanceCorrectionInput): Promise<{ applied: boolean }>;
  /** The whole history as a file (asked for in pieces, joined into a Blob). */
  exportHistory(
    format: ExportFormat,
    onProgress?: (written: number, total: number) => void,
  ): Promise<ExportedFile>;
  /** Import an export file (read, checked and sent in pieces; all or nothing). */
  importHistory(file: Blob | string, onProgress: (p: ImportProgress) => void): Promise<ImportResult>;
  /** Ask the browser to keep the history under storage pressure, and say whether it will. */
  persistStorage(): Promise<StoragePersistence>;
  weeklyStats(weeks: number): Promise<WeekStats[]>;
  /** Pause (or resume) the extension on a site. */
  setSitePaused(hostname: string, paused: boolean): Promise<void>;
  openOptions(): void;
  /**
   * Open the history in a tab of its own (absent when already there). Firefox closes a popup when a
   * file chooser opens, so importing a file works from the tab.
   */
  openInTab?: () => void;
  /** True where a file chooser closes the popup (Firefox): importing then needs the tab. */
  fileChooserClosesPopup?: boolean;
}

/** 'persistent': kept under storage pressure; 'best-effort': may be cleared; 'unknown': no API here. */
export type StoragePersistence = 'persistent' | 'best-effort' | 'unknown';

/** Backups over the typed messages (the background validates every batch where it arrives). */
export const messageTransport: BackupTransport = {
  exportBegin: (format) => sendMessage('exportBegin', { format }),
  exportNext: (jobId) => sendMessage('exportNext', { jobId }),
  importBegin: () => sendMessage('importBegin'),
  importCorrections: (jobId, json, offset) => sendMessage('importCorrections', { jobId, json, offset }),
  importArticles: (jobId, json, offset) => sendMessage('importArticles', { jobId, json, offset }),
  importEnd: (jobId, commit) => sendMessage('importEnd', { jobId, commit }),
};

/**
 * Which tab the popup is about: the active tab of the current window, or `?tabId=N` (end-to-end
 * tests open popup.html in a tab of its own).
 */
async function activeTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function createHistoryClient(): HistoryClient {
  return {
    async currentPage() {
      const tabId = await activeTabId();
      if (tabId === null) return null;
      try {
        return await sendMessage('getCurrentPage', { tabId });
      } catch {
        return null;
      }
    },
    listArticles: (q) => sendMessage('listArticles', q),
    facets: () => sendMessage('historyFacets'),
    deleteArticle: (key) => sendMessage('deleteArticle', { key }),
    clearHistory: () => sendMessage('clearHistory'),
    listExperts: (q) => sendMessage('listExperts', q),
    getExpert: (id) => sendMessage('getExpert', { id }),
    setStanceCorrection: (input) => sendMessage('setStanceCorrection', input),
    exportHistory: (format, onProgress) => exportBackup(messageTransport, format, onProgress),
    importHistory: (file, onProgress) => importBackup(messageTransport, file, onProgress),
    persistStorage,
    weeklyStats: (weeks) => sendMessage('weeklyStats', { weeks }),
    async setSitePaused(hostname, paused) {
      await saveSettings(withSitePaused(await loadSettings(), hostname, paused));
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    ...(new URLSearchParams(location.search).get('view') === 'tab'
      ? {}
      : {
          openInTab: () => {
            void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?view=tab') });
            window.close();
          },
          fileChooserClosesPopup: import.meta.env.FIREFOX,
        }),
  };
}

/**
 * Ask the browser to keep the history under storage pressure. Only a page can ask: Chrome's service
 * worker has no `navigator.storage.persist`, so the popup asks when it opens and the Data tab shows
 * the answer.
 */
export async function persistStorage(): Promise<StoragePersistence> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
