import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { ArticlePage, ArticleQuery, ArticleRow, HistoryFacets } from '@/utils/messages/history';
import { HistoryFilters, NO_FILTERS, type FilterState } from './HistoryFilters';
import { HistoryRow } from './HistoryRow';
import { dayToMs, plural } from './format';
import { samePage } from './same-rows';

export const PAGE_SIZE = 25;
const TYPE_DELAY_MS = 120;
/**
 * Rows drawn in the popup's first frame (about what it shows without scrolling); the rest of the first
 * page follows right after that frame is painted, so opening a long history shows its top as soon as a
 * short one does.
 */
const FIRST_FRAME_ROWS = 8;

interface Props {
  client: HistoryClient;
  filters: FilterState;
  onFiltersChange: (f: FilterState) => void;
  onOpenExpert: (id: string) => void;
  /** Bumped by the parent when the history changed elsewhere (import, clear). */
  version: number;
}

export function toQuery(text: string, f: FilterState, offset: number): ArticleQuery {
  const q: ArticleQuery = { offset, limit: PAGE_SIZE };
  if (text.trim()) q.text = text.trim().slice(0, 200);
  const from = dayToMs(f.from);
  const to = dayToMs(f.to, true);
  if (from !== undefined) q.from = from;
  if (to !== undefined) q.to = to;
  if (f.subtopic) q.subtopic = f.subtopic;
  if (f.site) q.site = f.site;
  if (f.stance) q.stance = f.stance;
  if (f.expert) q.expertId = f.expert.id;
  return q;
}

/** The history, newest first: search as you type, filters, pages of 25, delete one. */
export function HistoryView({ client, filters, onFiltersChange, onOpenExpert, version }: Props) {
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState<ArticlePage | null>(null);
  const [facets, setFacets] = useState<HistoryFacets>({ sites: [], subtopics: [] });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const seq = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const [allRows, setAllRows] = useState(false);

  // Once the first rows are painted, draw the rest (a frame, then a task after its paint).
  const firstShown = !!result;
  useEffect(() => {
    if (!firstShown || allRows) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAllRows(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [firstShown, allRows]);

  useEffect(() => {
    client.facets().then(setFacets, () => {});
  }, [client, version, reload]);

  useEffect(() => {
    const mine = ++seq.current;
    const run = () =>
      client.listArticles(toQuery(text, filters, offset)).then(
        (r) => {
          if (mine !== seq.current) return;
          // The same page again (a keystroke that changed nothing shown) keeps the state: no render.
          setResult((prev) => (samePage(prev, r) ? prev : r));
          setError('');
        },
        (e: unknown) =>
          mine === seq.current &&
          setError(`Could not load the history: ${String((e as Error)?.message ?? e)}`),
      );
    // Typing waits a moment; everything else loads at once.
    const timer = setTimeout(run, text ? TYPE_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [client, text, filters, offset, version, reload]);

  const removeNow = async (row: ArticleRow) => {
    await client.deleteArticle(row.key);
    setMessage(`Deleted “${row.title || row.url}”.`);
    if (result && result.rows.length === 1 && offset > 0) setOffset(Math.max(0, offset - PAGE_SIZE));
    setReload((n) => n + 1);
    heading.current?.focus();
  };
  // Rows re-render only when they change (HistoryRow), so they get callbacks that stay the same.
  const latest = useRef({ removeNow, onOpenExpert });
  latest.current = { removeNow, onOpenExpert };
  const remove = useCallback((row: ArticleRow) => void latest.current.removeNow(row), []);
  const openExpert = useCallback((id: string) => latest.current.onOpenExpert(id), []);

  const filtered = !!text.trim() || JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const shown = result?.rows.length ?? 0;
  const range = `${offset + 1}–${offset + shown}`;
  const summary = !result
    ? 'Loading…'
    : shown === 0
      ? filtered
        ? 'No articles match.'
        : 'No articles yet. Related articles you read will appear here.'
      : result.total !== null
        ? `${plural(result.total, 'article')}${result.more || offset > 0 ? `, showing ${range}` : ''}.`
        : `Showing ${range} of more than ${offset + shown} articles.`;

  return (
    <div class="tl-history">
      <h2 ref={heading} tabIndex={-1}>
        History
      </h2>
      <label class="tl-search">
        <span class="tl-visually-hidden">Search titles, sites and experts</span>
        <input
          type="search"
          placeholder="Search titles, sites, experts"
          value={text}
          data-testid="history-search"
          onInput={(e) => {
            setText(e.currentTarget.value);
            setOffset(0);
          }}
        />
      </label>
      <HistoryFilters
        value={filters}
        facets={facets}
        client={client}
        onChange={(f) => {
          onFiltersChange(f);
          setOffset(0);
        }}
      />
      <p class="tl-status" role="status" aria-live="polite" data-testid="history-status">
        {error || summary} {message}
      </p>
      {result && result.rows.length > 0 && (
        <ul class="tl-rows" aria-label="Articles, newest first">
          {(allRows ? result.rows : result.rows.slice(0, FIRST_FRAME_ROWS)).map((row) => (
            <HistoryRow key={row.key} row={row} onDelete={remove} onOpenExpert={openExpert} />
          ))}
        </ul>
      )}
      {result && (result.more || offset > 0) && (
        <nav class="tl-pager" aria-label="Pages">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Newer
          </button>
          <button type="button" disabled={!result.more} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Older
          </button>
        </nav>
      )}
    </div>
  );
}
