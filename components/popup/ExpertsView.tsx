import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { ExpertQuery, ExpertRow } from '@/utils/messages/history';
import { ExpertDetailView } from './ExpertDetailView';
import { StanceBalance } from './StanceBalance';
import { StanceLegend } from './StanceKey';
import { formatDate, plural } from './format';

const PAGE = 30;

interface Props {
  client: HistoryClient;
  /** An expert to open directly (from a chip elsewhere). */
  openId: string | null;
  onOpen: (id: string | null) => void;
  onShowArticles: (expert: { id: string; name: string }) => void;
  version: number;
}

/** Everyone met across the history; opening one shows their articles and what they said. */
export function ExpertsView({ client, openId, onOpen, onShowArticles, version }: Props) {
  const [text, setText] = useState('');
  const [sort, setSort] = useState<NonNullable<ExpertQuery['sort']>>('recent');
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<{ rows: ExpertRow[]; total: number } | null>(null);
  const seq = useRef(0);
  const lastOpened = useRef<string | null>(null);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(
      () =>
        client.listExperts({ text: text.trim() || undefined, sort, limit }).then(
          (r) => mine === seq.current && setResult(r),
          () => {},
        ),
      text ? 120 : 0,
    );
    return () => clearTimeout(timer);
  }, [client, text, sort, limit, version]);

  useEffect(() => {
    // Back from a detail: return focus to the row that opened it.
    if (!openId && lastOpened.current) {
      document.getElementById(`expert-${lastOpened.current}`)?.focus();
    }
  }, [openId, result]);

  if (openId) {
    return (
      <ExpertDetailView
        client={client}
        id={openId}
        onBack={() => onOpen(null)}
        onShowArticles={onShowArticles}
      />
    );
  }
  return (
    <div class="tl-experts">
      <h2>Experts met</h2>
      <div class="tl-experts-tools">
        <label class="tl-search">
          <span class="tl-visually-hidden">Search experts</span>
          <input
            type="search"
            placeholder="Search experts"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label>
          Sort
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as typeof sort)}>
            <option value="recent">Last seen</option>
            <option value="articles">Most articles</option>
            <option value="name">Name</option>
          </select>
        </label>
      </div>
      <p class="tl-status" role="status" aria-live="polite">
        {!result ? 'Loading…' : result.total === 0 ? 'No experts yet.' : plural(result.total, 'expert')}
      </p>
      {result && result.rows.length > 0 && <StanceLegend />}
      {result && result.rows.length > 0 && (
        <ul class="tl-rows">
          {result.rows.map((e) => (
            <li key={e.id} class="tl-row" data-testid="expert-row">
              <button
                type="button"
                class="tl-link-button"
                id={`expert-${e.id}`}
                onClick={() => {
                  lastOpened.current = e.id;
                  onOpen(e.id);
                }}
              >
                {e.name}
              </button>
              <p class="tl-row-meta">
                {e.organization ?? 'Organisation not stated'} · {plural(e.articleCount, 'article')} · last
                seen {formatDate(e.lastSeenAt)}
              </p>
              <StanceBalance counts={e.stanceCounts} />
            </li>
          ))}
        </ul>
      )}
      {result && result.total > result.rows.length && (
        <button type="button" onClick={() => setLimit(Math.min(500, limit + PAGE))}>
          Show more experts
        </button>
      )}
    </div>
  );
}
