import type { HistoryClient } from '@/entrypoints/popup/client';
import type { HistoryFacets } from '@/utils/messages/history';
import { ExpertPicker } from './ExpertPicker';
import type { StanceLabel } from '@/utils/types';
import { subtopicName } from '@/utils/topic-words';
import { STANCE_NAMES, STANCE_ORDER } from './format';

export interface FilterState {
  from: string;
  to: string;
  subtopic: string;
  site: string;
  stance: '' | StanceLabel;
  expert: { id: string; name: string } | null;
}

export const NO_FILTERS: FilterState = { from: '', to: '', subtopic: '', site: '', stance: '', expert: null };

interface Props {
  value: FilterState;
  facets: HistoryFacets;
  onChange: (next: FilterState) => void;
  /** Where the expert picker finds people; without it, experts are picked from the Experts tab only. */
  client?: HistoryClient;
}

/** Date range, subtopic, site, stance and (set from the experts view) one expert. */
export function HistoryFilters({ value, facets, onChange, client }: Props) {
  const set = <K extends keyof FilterState>(k: K, v: FilterState[K]) => onChange({ ...value, [k]: v });
  const active = JSON.stringify(value) !== JSON.stringify(NO_FILTERS);
  return (
    <details class="tl-filters" open={active}>
      <summary>Filters{active ? ' (on)' : ''}</summary>
      <div class="tl-filter-grid">
        <p class="tl-filter-note" id="tl-date-note">
          The dates are when you last read the article, not when it was published.
        </p>
        <label>
          Read from
          <input
            type="date"
            value={value.from}
            aria-describedby="tl-date-note"
            onInput={(e) => set('from', e.currentTarget.value)}
          />
        </label>
        <label>
          Read until
          <input
            type="date"
            value={value.to}
            aria-describedby="tl-date-note"
            onInput={(e) => set('to', e.currentTarget.value)}
          />
        </label>
        <FacetSelect
          label="Subtopic"
          value={value.subtopic}
          options={facets.subtopics}
          name={subtopicName}
          onChange={(v) => set('subtopic', v)}
        />
        <FacetSelect
          label="Site"
          value={value.site}
          options={facets.sites}
          onChange={(v) => set('site', v)}
        />
        <label>
          Stance
          <select
            value={value.stance}
            onChange={(e) => set('stance', e.currentTarget.value as FilterState['stance'])}
          >
            <option value="">Any</option>
            {STANCE_ORDER.map((s) => (
              <option key={s} value={s}>
                {STANCE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!value.expert && client && <ExpertPicker client={client} onPick={(e) => set('expert', e)} />}
      {value.expert && (
        <p class="tl-filter-expert">
          Expert: {value.expert.name}{' '}
          <button
            type="button"
            onClick={() => set('expert', null)}
            aria-label={`Stop filtering by ${value.expert.name}`}
          >
            Clear
          </button>
        </p>
      )}
      {active && (
        <button type="button" onClick={() => onChange(NO_FILTERS)}>
          Clear all filters
        </button>
      )}
    </details>
  );
}

/** A filter over the values present in the history, with "Any" first. */
function FacetSelect(p: {
  label: string;
  value: string;
  options: string[];
  /** How an option is shown (the value itself when absent). */
  name?: (value: string) => string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {p.label}
      <select value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
        <option value="">Any</option>
        {p.options.map((s) => (
          <option key={s} value={s}>
            {p.name ? p.name(s) : s}
          </option>
        ))}
      </select>
    </label>
  );
}
