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

/**
 * The number fields, in the reader's units, with the range each accepts. The form keeps what the
 * reader typed and checks it on save: a value out of range is named with its range, never clamped.
 */
interface NumberField {
  key: 'cardDelayMs' | 'dwellMs' | 'scrollRatio';
  label: string;
  hint: string;
  min: number;
  max: number;
  step: number;
  /** Stored value → what the field shows; and back. */
  show: (stored: number) => number;
  store: (shown: number) => number;
}

const NUMBER_FIELDS: NumberField[] = [
  {
    key: 'cardDelayMs',
    label: 'Wait before a card opens (seconds)',
    hint: 'How long the pointer rests on a marked name before its card opens.',
    min: 0,
    max: 5,
    step: 0.1,
    show: (ms) => Math.round(ms / 100) / 10,
    store: (s) => Math.round(s * 1000),
  },
  {
    key: 'dwellMs',
    label: 'After it has been visible for (seconds)',
    hint: '',
    min: 1,
    max: 600,
    step: 1,
    show: (ms) => Math.round(ms / 1000),
    store: (s) => Math.round(s) * 1000,
  },
  {
    key: 'scrollRatio',
    label: 'Or after scrolling through (percent of the article)',
    hint: '',
    min: 10,
    max: 100,
    step: 5,
    show: (r) => Math.round(r * 100),
    store: (p) => p / 100,
  },
];

type Drafts = Record<NumberField['key'], string>;

const draftsOf = (s: Settings): Drafts =>
  Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, String(f.show(s[f.key]))])) as Drafts;

/** What is wrong with a typed value, or '' when it is a number in range. */
export function numberProblem(field: NumberField, text: string): string {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value))
    return `Enter a number from ${field.min} to ${field.max}.`;
  if (value < field.min || value > field.max)
    return `${value} is outside the range: enter a number from ${field.min} to ${field.max}.`;
  return '';
}

function NumberInput(p: {
  field: NumberField;
  value: string;
  problem: string;
  onInput: (text: string) => void;
}) {
  const { field } = p;
  const hintId = `${field.key}-hint`;
  const errorId = `${field.key}-error`;
  return (
    <div class="tl-number">
      <label>
        {field.label}
        <input
          type="number"
          inputMode="decimal"
          min={field.min}
          max={field.max}
          step={field.step}
          value={p.value}
          aria-invalid={p.problem ? 'true' : undefined}
          aria-describedby={
            [field.hint ? hintId : '', p.problem ? errorId : ''].filter(Boolean).join(' ') || undefined
          }
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
      </label>
      {field.hint && (
        <p class="tl-muted" id={hintId}>
          {field.hint}
        </p>
      )}
      {p.problem && (
        <p class="tl-field-error" id={errorId} data-testid={`${field.key}-error`}>
          {p.problem}
        </p>
      )}
    </div>
  );
}

const lines = (s: string) =>
  s
    .split(/[\n,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Marks, cards, card delay, reading thresholds, sites to skip, retention. */
export function OptionsForm({ store }: { store: SettingsStore }) {
  const [s, setS] = useState<Settings | null>(null);
  const [skipText, setSkipText] = useState('');
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [problems, setProblems] = useState<Partial<Drafts>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    store.load().then(
      (loaded) => {
        setS(loaded);
        setDrafts(draftsOf(loaded));
        setSkipText(loaded.skipSites.join('\n'));
      },
      () => {
        setS(DEFAULT_SETTINGS);
        setDrafts(draftsOf(DEFAULT_SETTINGS));
        setError('Could not read your settings; showing the defaults.');
      },
    );
  }, [store]);

  if (!s || !drafts) return <p role="status">Loading settings…</p>;
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setS({ ...s, [k]: v });
  const field = (f: NumberField) => (
    <NumberInput
      field={f}
      value={drafts[f.key]}
      problem={problems[f.key] ?? ''}
      onInput={(text) => {
        setDrafts({ ...drafts, [f.key]: text });
        if (problems[f.key]) setProblems({ ...problems, [f.key]: numberProblem(f, text) });
      }}
    />
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setStatus('');
    const found: Partial<Drafts> = {};
    for (const f of NUMBER_FIELDS) {
      const problem = numberProblem(f, drafts[f.key]);
      if (problem) found[f.key] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError('Not saved: please correct the values marked below.');
      (e.currentTarget as HTMLFormElement | null)
        ?.querySelector<HTMLInputElement>('[aria-invalid="true"]')
        ?.focus();
      return;
    }
    const numbers = Object.fromEntries(
      NUMBER_FIELDS.map((f) => [f.key, f.store(Number(drafts[f.key].trim().replace(',', '.')))]),
    ) as Pick<Settings, NumberField['key']>;
    const next: Settings = { ...s, ...numbers, skipSites: normalizeHosts(lines(skipText)) };
    try {
      await store.save(next);
      setS(next);
      setDrafts(draftsOf(next));
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
    <form class="tl-options" onSubmit={submit} aria-labelledby="options-heading" noValidate>
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
        {field(NUMBER_FIELDS[0])}
      </fieldset>
      <fieldset>
        <legend>When an article counts as read</legend>
        {field(NUMBER_FIELDS[1])}
        {field(NUMBER_FIELDS[2])}
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
      {error && (
        <p role="alert" class="tl-field-error" data-testid="options-error">
          {error}
        </p>
      )}
    </form>
  );
}
