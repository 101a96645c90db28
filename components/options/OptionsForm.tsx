import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, normalizeHosts, type Settings } from '@/utils/settings';

export interface SettingsStore {
  load(): Promise<Settings>;
  save(next: Settings): Promise<void>;
  /** Apply the retention setting now; resolves with how many articles were forgotten. */
  prune(): Promise<{ removed: number }>;
}

const RETENTION_CHOICES = [
  { days: 0, label: 'Forever' },
  { days: 30, label: '30 days' },
  { days: 90, label: '3 months' },
  { days: 180, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
];

const lines = (s: string) =>
  s
    .split(/[\n,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Marks, cards, card delay, reading thresholds, sites to skip, retention. */
export function OptionsForm({ store }: { store: SettingsStore }) {
  const [s, setS] = useState<Settings | null>(null);
  const [skipText, setSkipText] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    store.load().then(
      (loaded) => {
        setS(loaded);
        setSkipText(loaded.skipSites.join('\n'));
      },
      () => {
        setS(DEFAULT_SETTINGS);
        setError('Could not read your settings; showing the defaults.');
      },
    );
  }, [store]);

  if (!s) return <p role="status">Loading settings…</p>;
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setS({ ...s, [k]: v });
  const num = (value: string, fallback: number) =>
    Number.isFinite(Number(value)) && value !== '' ? Number(value) : fallback;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const next: Settings = { ...s, skipSites: normalizeHosts(lines(skipText)) };
    try {
      await store.save(next);
      setS(next);
      setSkipText(next.skipSites.join('\n'));
      let msg = 'Settings saved.';
      if (next.retentionDays > 0) {
        const { removed } = await store.prune();
        if (removed)
          msg += ` ${removed} article${removed === 1 ? '' : 's'} older than the retention period forgotten.`;
      }
      setStatus(msg);
    } catch (err) {
      setError(`Could not save: ${String((err as Error)?.message ?? err)}`);
    }
  };

  return (
    <form class="tl-options" onSubmit={submit} aria-labelledby="options-heading">
      <h2 id="options-heading">Settings</h2>
      <fieldset>
        <legend>In pages</legend>
        <label>
          <input
            type="checkbox"
            checked={s.marksEnabled}
            onChange={(e) => set('marksEnabled', e.currentTarget.checked)}
          />
          Mark expert names in articles
        </label>
        <label>
          <input
            type="checkbox"
            checked={s.cardsEnabled}
            onChange={(e) => set('cardsEnabled', e.currentTarget.checked)}
          />
          Show a card when hovering or focusing a marked name
        </label>
        <label>
          Card delay (milliseconds)
          <input
            type="number"
            min={0}
            max={5000}
            step={50}
            value={s.cardDelayMs}
            onInput={(e) =>
              set(
                'cardDelayMs',
                Math.min(5000, Math.max(0, Math.round(num(e.currentTarget.value, s.cardDelayMs)))),
              )
            }
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>When an article counts as read</legend>
        <label>
          After it has been visible for (seconds)
          <input
            type="number"
            min={1}
            max={600}
            value={Math.round(s.dwellMs / 1000)}
            onInput={(e) =>
              set(
                'dwellMs',
                Math.min(600, Math.max(1, Math.round(num(e.currentTarget.value, s.dwellMs / 1000)))) * 1000,
              )
            }
          />
        </label>
        <label>
          Or after scrolling through (percent of the article)
          <input
            type="number"
            min={10}
            max={100}
            step={5}
            value={Math.round(s.scrollRatio * 100)}
            onInput={(e) =>
              set(
                'scrollRatio',
                Math.min(100, Math.max(10, num(e.currentTarget.value, s.scrollRatio * 100))) / 100,
              )
            }
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites</legend>
        <label>
          Sites to skip (one per line)
          <textarea rows={4} value={skipText} onInput={(e) => setSkipText(e.currentTarget.value)} />
        </label>
        {s.pausedSites.length > 0 && (
          <>
            <p>Paused from the popup:</p>
            <ul>
              {s.pausedSites.map((h) => (
                <li key={h}>
                  {h}{' '}
                  <button
                    type="button"
                    aria-label={`Resume on ${h}`}
                    onClick={() =>
                      set(
                        'pausedSites',
                        s.pausedSites.filter((x) => x !== h),
                      )
                    }
                  >
                    Resume
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>History</legend>
        <label>
          Keep articles for
          <select
            value={String(s.retentionDays)}
            onChange={(e) => set('retentionDays', Number(e.currentTarget.value))}
          >
            {[
              ...RETENTION_CHOICES,
              ...(RETENTION_CHOICES.some((c) => c.days === s.retentionDays)
                ? []
                : [{ days: s.retentionDays, label: `${s.retentionDays} days` }]),
            ].map((c) => (
              <option key={c.days} value={String(c.days)}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <p class="tl-muted">
          Older articles are forgotten automatically (checked when the browser starts and every hour).
        </p>
      </fieldset>
      <button type="submit">Save settings</button>
      <p role="status" aria-live="polite" data-testid="options-status">
        {status}
      </p>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
