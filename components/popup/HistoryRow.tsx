import { Component } from 'preact';
import type { ArticleRow } from '@/utils/messages/history';
import { ExpertChip } from './ExpertChip';
import { subtopicName } from '@/utils/topic-words';
import { formatDate, publishedMs, safeHref } from './format';
import { sameRow } from './same-rows';

interface Props {
  row: ArticleRow;
  onDelete: (row: ArticleRow) => void;
  onOpenExpert: (id: string) => void;
}

/** One article in the history: title, site, date, subtopics and the experts by stance. */
function Row({ row, onDelete, onOpenExpert }: Props) {
  const href = safeHref(row.url);
  const published = publishedMs(row.publishedTime);
  return (
    <li class="tl-row" data-testid="history-row">
      <div class="tl-row-head">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" class="tl-row-title">
            {row.title || row.url}
          </a>
        ) : (
          <span class="tl-row-title">{row.title || row.url}</span>
        )}
        <button
          type="button"
          class="tl-icon-button"
          aria-label={`Delete “${row.title || row.url}” from history`}
          title="Delete from history"
          onClick={() => onDelete(row)}
          data-testid="delete-article"
        >
          ✕
        </button>
      </div>
      <p class="tl-row-meta">
        <span>{row.site}</span>
        {row.claimedSite && (
          <span data-testid="claimed-site"> (the page calls itself “{row.claimedSite}”)</span>
        )}
        {published !== null && (
          <>
            {' · published '}
            <time dateTime={new Date(published).toISOString()}>{formatDate(published)}</time>
          </>
        )}
        {' · read '}
        <time dateTime={new Date(row.lastReadAt).toISOString()}>{formatDate(row.lastReadAt)}</time>
        {row.readCount > 1 && <span> ({row.readCount} times)</span>}
      </p>
      {row.subtopics.length > 0 && (
        <ul class="tl-tags" aria-label="Subtopics">
          {row.subtopics.map((s) => (
            <li key={s} class="tl-tag">
              {subtopicName(s)}
            </li>
          ))}
        </ul>
      )}
      {row.experts.length > 0 && (
        <ul class="tl-chips" aria-label="Experts quoted">
          {row.experts.map((e) => (
            <li key={e.id}>
              <ExpertChip
                name={e.name}
                label={e.label}
                corrected={e.corrected}
                onOpen={() => onOpenExpert(e.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Rendered again only when what it shows changed (a new search that finds the same article keeps its
 * row as it is). The callbacks are taken as stable: pass the same functions on every render.
 * (A class with shouldComponentUpdate rather than preact/compat's memo, which would bring compat's
 * global event rewriting into the popup.)
 */
export class HistoryRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const prev = this.props;
    return !(
      sameRow(prev.row, next.row) &&
      prev.onDelete === next.onDelete &&
      prev.onOpenExpert === next.onOpenExpert
    );
  }

  override render() {
    return <Row {...this.props} />;
  }
}
