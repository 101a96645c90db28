import { useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { ImportProgress } from '@/utils/messages/history';
import { ClearHistory } from './ClearHistory';
import { plural } from './format';

interface Props {
  client: HistoryClient;
  /** Called after the history changed (import, clear). */
  onChanged: () => void;
  /** Save a file (blob URL + <a download> in the popup; a spy in tests). */
  download?: (filename: string, mime: string, content: string) => void;
}

export function downloadFile(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export, import, clear everything (with confirmation), settings. */
export function DataTools({ client, onChanged, download = downloadFile }: Props) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: 'json' | 'csv') => {
    setError('');
    setStatus(`Preparing the ${format.toUpperCase()} export…`);
    try {
      const r = await client.exportHistory(format);
      download(r.filename, r.mime, r.content);
      setStatus(`Exported ${plural(r.articles, 'article')} to ${r.filename}.`);
    } catch (e) {
      setStatus('');
      setError(`Export failed: ${String((e as Error)?.message ?? e)}`);
    }
  };

  const importFile = async (file: File) => {
    setError('');
    setStatus(`Reading ${file.name}…`);
    setBusy(true);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const json = await file.text();
      const r = await client.importHistory(json, setProgress);
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
        <button type="button" onClick={() => exportAs('json')} data-testid="export-json">
          Export JSON
        </button>
        <button type="button" onClick={() => exportAs('csv')} data-testid="export-csv">
          Export CSV
        </button>
      </div>
      {client.openInTab && (
        <p class="tl-muted">
          Importing in Firefox?{' '}
          <button type="button" class="tl-link-button" onClick={() => client.openInTab?.()}>
            Open the history in a tab
          </button>{' '}
          first: the popup closes when a file chooser opens.
        </p>
      )}
      <label class="tl-file">
        Import a JSON export
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {progress && (
        <progress
          max={progress.total || 1}
          value={progress.phase === 'writing' || progress.phase === 'done' ? progress.done : undefined}
          aria-label="Import progress"
        />
      )}
      <p class="tl-status" role="status" aria-live="polite" data-testid="data-status">
        {progress
          ? `${progress.phase === 'writing' ? `Importing ${progress.done} of ${progress.total}…` : 'Checking the file…'}`
          : status}
      </p>
      {error && (
        <p class="tl-error" role="alert" data-testid="data-error">
          {error}
        </p>
      )}
      <h3>Clear</h3>
      <ClearHistory onClear={clearAll} />
      <h3>Settings</h3>
      <button type="button" onClick={() => client.openOptions()}>
        Open settings
      </button>
    </div>
  );
}
