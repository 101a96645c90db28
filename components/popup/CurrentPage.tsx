import { useState } from 'preact/hooks';
import type { CurrentPageInfo } from '@/utils/messages/page';
import { ExpertChip } from './ExpertChip';
import { hostnameOf } from './format';

interface Props {
  page: CurrentPageInfo | null;
  loading: boolean;
  onPause: (hostname: string, paused: boolean) => Promise<void>;
  onOpenExpert: (id: string) => void;
}

function status(page: CurrentPageInfo): string {
  if (page.paused) return 'Paused on this site: nothing is looked at or stored here.';
  if (!page.related) return 'Not on the topic: nothing is stored.';
  return page.counted
    ? 'On the topic and counted as read: it is in your history.'
    : 'On the topic. It counts as read once you have read it for a while.';
}

/** The active tab: whether it counted, why, and the experts quoted in it. */
export function CurrentPage({ page, loading, onPause, onOpenExpert }: Props) {
  const [paused, setPaused] = useState<boolean | null>(null);
  const isWeb = !!page && /^https?:\/\//i.test(page.url);
  const host = isWeb ? hostnameOf(page.url) : '';
  const isPaused = paused ?? page?.paused ?? false;
  const experts = page?.analysis?.experts ?? [];
  const evidence = page?.analysis?.topic.evidence ?? [];
  const subtopics = page?.analysis?.topic.subtopics ?? [];

  return (
    <section class="tl-current" data-testid="current-page" aria-labelledby="current-heading">
      <h2 id="current-heading">This page</h2>
      {loading ? (
        <p>Looking at this tab…</p>
      ) : !page ? (
        <p>Triangle Lens has not looked at this tab.</p>
      ) : !isWeb ? (
        <p>Triangle Lens only looks at web pages.</p>
      ) : (
        <>
          <p class="tl-current-title">{page.title || page.url}</p>
          <p class="tl-status" data-counted={page.counted ? 'yes' : 'no'}>
            {status({ ...page, paused: isPaused })}
          </p>
          {page.related && (evidence.length > 0 || subtopics.length > 0) && (
            <details>
              <summary>Why it is on the topic</summary>
              {subtopics.length > 0 && <p>Subtopics: {subtopics.join(', ')}</p>}
              <ul class="tl-evidence">
                {evidence.slice(0, 12).map((ev) => (
                  <li key={`${ev.group}:${ev.term}`}>
                    “{ev.term}” ({ev.group}) × {ev.count}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {page.related && (
            <>
              <h3>Experts quoted ({experts.length})</h3>
              {experts.length === 0 ? (
                <p>No experts found in this article.</p>
              ) : (
                <ul class="tl-current-experts">
                  {experts.map((e) => (
                    <li key={e.id} data-testid="current-expert">
                      <ExpertChip name={e.name} label={e.stance.label} onOpen={() => onOpenExpert(e.id)} />
                      {(e.role || e.organization) && (
                        <span class="tl-muted"> {[e.role, e.organization].filter(Boolean).join(', ')}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {host && (
            <button
              type="button"
              aria-pressed={isPaused}
              onClick={async () => {
                await onPause(host, !isPaused);
                setPaused(!isPaused);
              }}
            >
              {isPaused ? `Resume on ${host}` : `Pause on ${host}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
