/**
 * The database side of backups as a service of small requests (each a few hundred records at most):
 * the background answers the popup's export and import messages with it, and tests use it directly.
 * Jobs live in memory; one not heard from for a while is dropped, an import's batches undone.
 */
import type { ImportResult, ImportStep } from '../messages/history';
import { exportBackup, importBackup, type BackupTransport } from './backup-stream';
import {
  ExportSession,
  ImportSession,
  parseArticleBatch,
  parseCorrectionBatch,
  writeFailure,
} from './import-export';
import type { HistoryDb } from './schema';

/** A job with no request for this long is abandoned (an import is undone). */
export const JOB_IDLE_MS = 25_000;

interface Job<T> {
  session: T;
  timer: ReturnType<typeof setTimeout> | null;
  /** Requests being answered (the idle clock runs only when there are none). */
  pending: number;
  /** Requests are answered one at a time, in order. */
  queue: Promise<unknown>;
}

export interface BackupServiceOptions {
  idleMs?: number;
  now?: () => number;
  newId?: () => string;
}

export function createBackupService(db: HistoryDb, opts: BackupServiceOptions = {}): BackupTransport {
  const idleMs = opts.idleMs ?? JOB_IDLE_MS;
  const now = opts.now ?? Date.now;
  let counter = 0;
  const newId =
    opts.newId ?? (() => `${now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2)}`);
  const exports = new Map<string, Job<ExportSession>>();
  const imports = new Map<string, Job<ImportSession>>();

  function arm<T>(jobs: Map<string, Job<T>>, id: string, job: Job<T>, onIdle: (job: Job<T>) => void): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      if (job.pending || jobs.get(id) !== job) return;
      jobs.delete(id);
      onIdle(job);
    }, idleMs);
  }

  /**
   * Answer one request of a job, after the ones before it. The job is dropped only when no request
   * came for `idleMs` after the last one was answered (a slow batch does not count as silence).
   */
  async function withJob<T, R>(
    jobs: Map<string, Job<T>>,
    id: string,
    onIdle: (job: Job<T>) => void,
    work: (job: Job<T>) => Promise<R>,
  ): Promise<R> {
    const job = jobs.get(id);
    if (!job)
      throw new Error(
        'This export or import is no longer running (the extension restarted?). Start it again.',
      );
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    job.pending++;
    try {
      return await serial(job, () => work(job));
    } finally {
      job.pending--;
      if (!job.pending && jobs.get(id) === job) arm(jobs, id, job, onIdle);
    }
  }

  /** Run one request of a job after the ones before it. */
  function serial<T, R>(job: Job<T>, work: () => Promise<R>): Promise<R> {
    const run = job.queue.then(work, work);
    job.queue = run.catch(() => undefined);
    return run;
  }

  const dropExport = () => {};
  const abandonImport = (job: Job<ImportSession>) => {
    void serial(job, () => job.session.rollback()).catch(() => undefined);
  };

  async function importStep(
    jobId: string,
    write: (session: ImportSession) => Promise<ImportStep>,
  ): Promise<ImportStep> {
    return withJob(imports, jobId, abandonImport, async (job) => {
      try {
        return await write(job.session);
      } catch (err) {
        return { ok: false, message: writeFailure(err) };
      }
    });
  }

  return {
    async exportBegin(format) {
      const session = await ExportSession.start(db, format, now());
      const jobId = newId();
      const job = { session, timer: null, pending: 0, queue: Promise.resolve() };
      exports.set(jobId, job);
      arm(exports, jobId, job, dropExport);
      const date = new Date(now()).toISOString().slice(0, 10);
      return {
        jobId,
        filename: `triangle-lens-history-${date}.${format}`,
        mime: format === 'json' ? 'application/json' : 'text/csv',
        articles: session.total,
      };
    },
    async exportNext(jobId) {
      const piece = await withJob(exports, jobId, dropExport, (job) => job.session.next());
      if (piece.done) {
        const job = exports.get(jobId);
        if (job?.timer) clearTimeout(job.timer);
        exports.delete(jobId);
      }
      return piece;
    },
    async importBegin() {
      const jobId = newId();
      const job = { session: new ImportSession(db), timer: null, pending: 0, queue: Promise.resolve() };
      imports.set(jobId, job);
      arm(imports, jobId, job, abandonImport);
      return { jobId };
    },
    importCorrections: (jobId, json, offset) =>
      importStep(jobId, async (session) => {
        const parsed = parseCorrectionBatch(json, offset);
        if (!parsed.ok) return parsed;
        await session.corrections(parsed.value);
        return { ok: true };
      }),
    importArticles: (jobId, json, offset) =>
      importStep(jobId, async (session) => {
        const parsed = parseArticleBatch(json, offset);
        if (!parsed.ok) return parsed;
        await session.articles(parsed.value);
        return { ok: true };
      }),
    async importEnd(jobId, commit) {
      const job = imports.get(jobId);
      if (!job) return { ok: false, message: 'This import is no longer running (the extension restarted?).' };
      if (job.timer) clearTimeout(job.timer);
      imports.delete(jobId);
      return serial(job, async (): Promise<ImportResult> => {
        if (commit) return { ok: true, ...job.session.counts };
        await job.session.rollback();
        return { ok: false, message: 'The import was undone; your history is as it was.' };
      });
    },
  };
}

/** The whole export as one string (tests, small histories). */
export async function exportJson(db: HistoryDb, now = Date.now()): Promise<string> {
  return (await exportBackup(createBackupService(db, { now: () => now }), 'json')).blob.text();
}

export async function exportCsv(db: HistoryDb): Promise<string> {
  return (await exportBackup(createBackupService(db), 'csv')).blob.text();
}

/** Import a file's text (tests, the command line): the same path as the popup's, without messages. */
export function importJson(
  db: HistoryDb,
  json: string,
  onProgress?: Parameters<typeof importBackup>[2],
): Promise<ImportResult> {
  return importBackup(createBackupService(db), json, onProgress);
}

export type { BackupTransport };
