import { useEffect, useState } from 'preact/hooks';
import type { HistoryClient, StoragePersistence } from '@/entrypoints/popup/client';
import type { ImportProgress } from '@/utils/messages/history';
import { ClearHistory } from './ClearHistory';
import { plural } from './format';

/** Save a file: a Blob, offered as a download. */
export type Download = (filename: string, mime: string, content: Blob) => void;

interface Props {
  client: HistoryClient;
  /** Called after the history changed (import, clear). */
  onChanged: () => void;
  /** Save a file (blob URL + <a download> in the popup; a spy in tests). */
  download?: Download;
}

export function downloadFile(filename: string, _mime: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const PERSISTENCE_TEXT: Record<StoragePersistence, string> = {
  persistent: 'Storage is persistent: the browser will not clear your history to free space.',
  'best-effort':
    'Storage may be cleared under pressure: if the disk runs low, the browser may delete your history. Export it now and then.',
  unknown: 'This browser does not say whether it may clear your history under storage pressure.',
};

function progressText(p: ImportProgress): string {
  if (p.phase === 'writing' || p.phase === 'done')
    return `Importing ${p.done.toLocaleString('en')} of ${plural(p.total, 'article')}…`;
  if (p.phase === 'validating' && p.done)
    return `Checking the file: ${p.done.toLocaleString('en')} articles so far…`;
  return 'Checking the file…';
}

/** Export, import, clear everything (with confirmation), storage persistence, settings. */
export function DataTools({ client, onChanged, download = downloadFile }: Props) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [persistence, setPersistence] = useState<StoragePersistence | null>(null);

  useEffect(() => {
    let live = true;
    void client
      .persistStorage()
      .catch((): StoragePersistence => 'unknown')
      .then((p) => live && setPersistence(p));
    return () => {
      live = false;
    };
  }, [client]);

  const exportAs = async (format: 'json' | 'csv') => {
    setError('');
    setBusy(true);
    setStatus(`Preparing the ${format.toUpperCase()} export…`);
    try {
      const r = await client.exportHistory(format, (written, total) =>
        setStatus(`Exporting ${written.toLocaleString('en')} of ${plural(total, 'article')}…`),
      );
      download(r.filename, r.mime, r.blob);
      setStatus(`Exported ${plural(r.articles, 'article')} to ${r.filename}.`);
    } catch (e) {
      setStatus('');
      setError(`Export failed: ${String((e as Error)?.message ?? e)}`);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setError('');
    setStatus(`Reading ${file.name}…`);
    setBusy(true);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const r = await client.importHistory(file, setProgress);
      if (r.ok) {
        setStatus(`Import finished: ${r.added} added, ${r.merged} merged, ${r.skipped} already there.`);
        onChanged();
      } else {
        setStatus('');
        setError(r.message);
      }
    } catch (e) {
      setStatus('');
      setError(`Import failed, nothing was changed: ${String((e as Error)?.message ?? e)}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const clearAll = async () => {
    await client.clearHistory();
    setStatus('The history was cleared.');
    onChanged();
  };

  return (
    <div class="tl-data">
      <h2>Your data</h2>
      <p class="tl-muted">Everything stays on this computer. Exports are files you save yourself.</p>
      <div class="tl-actions">
        <button type="button" disabled={busy} onClick={() => exportAs('json')} data-testid="export-json">
          Export JSON
        </button>
        <button type="button" disabled={busy} onClick={() => exportAs('csv')} data-testid="export-csv">
          Export CSV
        </button>
      </div>
      {client.fileChooserClosesPopup && client.openInTab && (
        <p class="tl-muted" data-testid="import-in-tab-hint">
          In Firefox the popup closes when a file chooser opens:{' '}
          <button type="button" class="tl-link-button" onClick={() => client.openInTab?.()}>
            open the history in a tab
          </button>{' '}
          to import.
        </p>
      )}
      <label class="tl-file">
        Import an export (JSON or CSV)
        <input
          type="file"
          accept="application/json,.json,text/csv,.csv"
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <p class="tl-muted">
        Both formats keep everything and import back. In a spreadsheet, CSV's last column (backup) is the
        whole article in code: leave it as it is, and keep the file as CSV, to import it again.
      </p>
      {progress && (
        <progress
          max={progress.total || 1}
          value={progress.phase === 'writing' || progress.phase === 'done' ? progress.done : undefined}
          aria-label="Import progress"
        />
      )}
      <p class="tl-status" role="status" aria-live="polite" data-testid="data-status">
        {progress ? progressText(progress) : status}
      </p>
      {busy && <p class="tl-muted">Keep this window open until it finishes.</p>}
      {error && (
        <p class="tl-error" role="alert" data-testid="data-error">
          {error}
        </p>
      )}
      <h3>Storage</h3>
      <p class="tl-muted" data-testid="storage-persistence" data-state={persistence ?? 'asking'}>
        {persistence ? PERSISTENCE_TEXT[persistence] : 'Asking the browser to keep your history…'}
      </p>
      <h3>Clear</h3>
      <ClearHistory onClear={clearAll} />
      <h3>Settings</h3>
      <button type="button" onClick={() => client.openOptions()}>
        Open settings
      </button>
    </div>
  );
}
