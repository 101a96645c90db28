import { useEffect, useState } from 'preact/hooks';
import type { HistoryClient } from '@/entrypoints/popup/client';
import type { CurrentPageInfo } from '@/utils/messages/page';
import { explainEvidence, listInWords, subtopicName } from '@/utils/topic-words';
import type { StanceLabel } from '@/utils/types';
import { ExpertChip } from './ExpertChip';
import { hostnameOf } from './format';

interface Props {
  page: CurrentPageInfo | null;
  loading: boolean;
  onPause: (hostname: string, paused: boolean) => Promise<void>;
  onOpenExpert: (id: string) => void;
  /** Reads the reader's corrections of this page's labels from the history (when it is there). */
  client?: Pick<HistoryClient, 'getExpert'>;
}

type Corrections = Record<string, StanceLabel>;

function status(page: CurrentPageInfo): string {
  if (page.paused) return 'Paused on this site: nothing is looked at or stored here.';
  if (!page.related) return 'Not on the topic: nothing is stored.';
  return page.counted
    ? 'On the topic; counted as read and in your history.'
    : 'On the topic. It counts as read once you have read it for a while.';
}

/**
 * The reader's corrections of the labels on this page, from the history: for each expert, the label
 * of the stored article with this page's URL (or canonical URL) when the reader corrected it.
 */
async function readCorrections(
  client: Pick<HistoryClient, 'getExpert'>,
  page: CurrentPageInfo,
): Promise<Corrections> {
  const urls = new Set([page.url, page.analysis?.article?.canonicalUrl].filter(Boolean));
  const out: Corrections = {};
  await Promise.all(
    (page.analysis?.experts ?? []).map(async (e) => {
      const detail = await client.getExpert(e.id).catch(() => null);
      const here = detail?.articles.find((a) => urls.has(a.url) || urls.has(a.key));
      if (here?.corrected) out[e.id] = here.label;
    }),
  );
  return out;
}

/** The active tab, kept short: whether it counted, why, the experts quoted in it, pause. */
export function CurrentPage({ page, loading, onPause, onOpenExpert, client }: Props) {
  const [paused, setPaused] = useState<boolean | null>(null);
  const [corrections, setCorrections] = useState<Corrections>({});
  const isWeb = !!page && /^https?:\/\//i.test(page.url);
  const host = isWeb ? hostnameOf(page.url) : '';
  const isPaused = paused ?? page?.paused ?? false;
  const experts = page?.analysis?.experts ?? [];
  const evidence = page?.analysis?.topic.evidence ?? [];
  const subtopics = page?.analysis?.topic.subtopics ?? [];

  useEffect(() => {
    if (!client || !page?.related || !page.counted || experts.length === 0) return;
    let live = true;
    void readCorrections(client, page).then((c) => live && setCorrections(c));
    return () => {
      live = false;
    };
  }, [client, page, experts.length]);

  return (
    <section class="tl-current" data-testid="current-page" aria-labelledby="current-heading">
      <h2 id="current-heading" class="tl-current-heading">
        This page
      </h2>
      {loading ? (
        <p>Looking at this tab…</p>
      ) : !page ? (
        <p>Triangle Lens has not looked at this tab.</p>
      ) : !isWeb ? (
        <p>Triangle Lens only looks at web pages.</p>
      ) : (
        <>
          <p class="tl-current-title" title={page.title || page.url}>
            {page.title || page.url}
          </p>
          <p class="tl-status" data-counted={page.counted ? 'yes' : 'no'}>
            {status({ ...page, paused: isPaused })}
          </p>
          {page.related && experts.length > 0 && (
            <ul class="tl-chips tl-current-experts" aria-label={`Experts quoted (${experts.length})`}>
              {experts.map((e) => (
                <li key={e.id} data-testid="current-expert">
                  <ExpertChip
                    name={e.name}
                    label={corrections[e.id] ?? e.stance.label}
                    corrected={e.id in corrections}
                    detail={[e.role, e.organization].filter(Boolean).join(', ')}
                    onOpen={() => onOpenExpert(e.id)}
                  />
                </li>
              ))}
            </ul>
          )}
          {page.related && experts.length === 0 && (
            <p class="tl-muted" data-testid="no-experts">
              {page.analysis?.expertsLanguageSupported === false
                ? `Recognised as on the topic (${languageName(page.analysis.language)}); experts and their stance are read in English only.`
                : 'No experts found in this article.'}
            </p>
          )}
          <div class="tl-current-foot">
            {page.related && (evidence.length > 0 || subtopics.length > 0) && (
              <details class="tl-why">
                <summary>Why it is on the topic</summary>
                {subtopics.length > 0 && <p>It is about {listInWords(subtopics.map(subtopicName))}.</p>}
                {evidence.length > 0 && (
                  <>
                    <p>Words it found in the article, by what they stand for:</p>
                    <ul class="tl-evidence">
                      {explainEvidence(evidence, 5, page.analysis?.article?.text ?? '')
                        .slice(0, 8)
                        .map((line) => (
                          <li key={line.group}>
                            <strong>{line.label}</strong>: {line.words.join(', ')} (
                            {line.count === 1 ? 'once' : `${line.count} times`})
                          </li>
                        ))}
                    </ul>
                  </>
                )}
              </details>
            )}
            {host && (
              <button
                type="button"
                class="tl-small-button"
                aria-pressed={isPaused}
                onClick={async () => {
                  await onPause(host, !isPaused);
                  setPaused(!isPaused);
                }}
              >
                {isPaused ? `Resume on ${host}` : `Pause on ${host}`}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The language's name in English, for the "read in English only" line ('und' and unknown: a code). */
function languageName(code: string | undefined): string {
  if (!code || code === 'und') return 'language not told';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
