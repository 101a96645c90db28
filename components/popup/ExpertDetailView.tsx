import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { ExpertDetail } from '@/utils/messages/history';
import type { StanceLabel } from '@/utils/types';
import { ExpertChip } from './ExpertChip';
import { LabelTimeline } from './LabelTimeline';
import { StanceBalance } from './StanceBalance';
import { STANCE_NAMES, STANCE_ORDER, formatDate, plural, safeHref } from './format';

interface Props {
  client: HistoryClient;
  id: string;
  onBack: () => void;
  onShowArticles: (expert: { id: string; name: string }) => void;
}

/** One expert: who they are, every article that quoted them, what they said, labels over time. */
export function ExpertDetailView({ client, id, onBack, onShowArticles }: Props) {
  const [detail, setDetail] = useState<ExpertDetail | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const [reload, setReload] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    client.getExpert(id).then(setDetail, () => setDetail(null));
  }, [client, id, reload]);
  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail?.expert.id]);

  const correct = async (key: string, label: StanceLabel | null) => {
    await client.setStanceCorrection({ articleKey: key, expertId: id, label });
    setNote(label ? `Label set to ${STANCE_NAMES[label]}.` : 'Your correction was removed.');
    setReload((n) => n + 1);
  };

  if (detail === undefined) return <p role="status">Loading…</p>;
  return (
    <div class="tl-expert-detail">
      <button type="button" onClick={onBack}>
        ← All experts
      </button>
      {!detail ? (
        <p>This expert is no longer in your history.</p>
      ) : (
        <>
          <h2 ref={heading} tabIndex={-1}>
            {detail.expert.name}
          </h2>
          <p class="tl-muted">
            {[detail.expert.role, detail.expert.organization].filter(Boolean).join(', ') ||
              'No role or organisation stated'}
          </p>
          {detail.expert.names.length > 1 && (
            <p class="tl-muted">Also written as: {detail.expert.names.join(', ')}</p>
          )}
          <p>
            {plural(detail.expert.articleCount, 'article')} · last seen {formatDate(detail.expert.lastSeenAt)}
          </p>
          <StanceBalance counts={detail.expert.stanceCounts} width={200} />
          <LabelTimeline points={detail.timeline} />
          <button
            type="button"
            onClick={() => onShowArticles({ id: detail.expert.id, name: detail.expert.name })}
          >
            Show their articles in History
          </button>
          <p role="status" aria-live="polite" class="tl-status">
            {note}
          </p>
          <h3>What they said, in the article’s words</h3>
          <ul class="tl-said">
            {detail.articles.map((a) => {
              const href = safeHref(a.url);
              const lines = [...new Set([...a.statements, ...a.evidence])].slice(0, 4);
              return (
                <li key={a.key}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {a.title || a.url}
                    </a>
                  ) : (
                    <span>{a.title || a.url}</span>
                  )}
                  <p class="tl-row-meta">
                    {a.site} · {formatDate(a.readAt)}{' '}
                    <ExpertChip name="" label={a.label} corrected={a.corrected} />
                  </p>
                  {lines.length > 0 && (
                    <ul class="tl-quotes">
                      {lines.map((s, i) => (
                        <li key={i} data-testid="said-sentence">
                          {/* The article's own sentence, as written: a quote keeps the article's quotation
                              marks, a paraphrase gets none (they are not the expert's words). */}
                          {s}
                        </li>
                      ))}
                    </ul>
                  )}
                  <label class="tl-correct">
                    Your label
                    <select
                      value={a.corrected ? a.label : ''}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        void correct(a.key, v ? (v as StanceLabel) : null);
                      }}
                      aria-label={`Your label for ${detail.expert.name} in “${a.title}”`}
                    >
                      <option value="">As detected ({STANCE_NAMES[a.detectedLabel]})</option>
                      {STANCE_ORDER.map((s) => (
                        <option key={s} value={s}>
                          {STANCE_NAMES[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
