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
  ExportResult,
  HistoryFacets,
  ImportProgress,
  ImportResult,
  StanceCorrectionInput,
  WeekStats,
} from '@/utils/messages/history';
import type { CurrentPageInfo } from '@/utils/messages/page';
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
  exportHistory(format: 'json' | 'csv'): Promise<ExportResult>;
  importHistory(json: string, onProgress: (p: ImportProgress) => void): Promise<ImportResult>;
  weeklyStats(weeks: number): Promise<WeekStats[]>;
  /** Pause (or resume) the extension on a site. */
  setSitePaused(hostname: string, paused: boolean): Promise<void>;
  openOptions(): void;
  /**
   * Open the history in a tab of its own (absent when already there). Firefox closes a popup when a
   * file chooser opens, so importing a file works from the tab.
   */
  openInTab?: () => void;
}

const PROGRESS_POLL_MS = 150;

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
    exportHistory: (format) => sendMessage('exportHistory', { format }),
    async importHistory(json, onProgress) {
      const jobId = `import-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let running = true;
      const poll = async () => {
        while (running) {
          const p = await sendMessage('importProgress', { jobId }).catch(() => null);
          if (p && running) onProgress(p);
          await new Promise((r) => setTimeout(r, PROGRESS_POLL_MS));
        }
      };
      void poll();
      try {
        return await sendMessage('importHistory', { json, jobId });
      } finally {
        running = false;
      }
    },
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
        }),
  };
}

/** Ask the browser to keep the history under storage pressure (a window context can ask; a worker cannot). */
export async function persistStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    if (await navigator.storage?.persist?.()) return true;
  } catch {
    // fall through to the background
  }
  return sendMessage('persistStorage')
    .then((r) => r.persisted)
    .catch(() => false);
}
