/**
 * A HistoryClient for component tests: the real repository on fake-indexeddb, with no messaging.
 * Tests can swap `currentPage` and spy on the rest.
 */
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { CurrentPageInfo } from '@/utils/messages/page';
import type { HistoryDb } from '@/utils/db/schema';
import {
  clearHistory,
  deleteArticle,
  getExpert,
  historyFacets,
  listArticles,
  listExperts,
  setStanceCorrection,
  weeklyStats,
} from '@/utils/db/history-repo';
import { createBackupService } from '@/utils/db/backup-service';
import { exportBackup, importBackup } from '@/utils/db/backup-stream';

export function repoClient(
  db: HistoryDb,
  page: CurrentPageInfo | null = null,
): HistoryClient & { paused: string[] } {
  const paused: string[] = [];
  return {
    paused,
    currentPage: async () => page,
    listArticles: (q) => listArticles(db, q),
    facets: () => historyFacets(db),
    deleteArticle: (key) => deleteArticle(db, key),
    clearHistory: () => clearHistory(db),
    listExperts: (q) => listExperts(db, q),
    getExpert: (id) => getExpert(db, id),
    setStanceCorrection: (input) => setStanceCorrection(db, input),
    // The popup's own backup code, with the background's service in place of messages.
    exportHistory: (format, onProgress) => exportBackup(createBackupService(db), format, onProgress),
    importHistory: (file, onProgress) => importBackup(createBackupService(db), file, onProgress),
    persistStorage: async () => 'best-effort',
    weeklyStats: (weeks) => weeklyStats(db, weeks),
    async setSitePaused(host, p) {
      if (p) paused.push(host);
      else paused.splice(paused.indexOf(host), 1);
    },
    openOptions: () => {},
  };
}
