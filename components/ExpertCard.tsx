/**
 * The hover card for one expert: who they are (as the article says, then the data file, shown as
 * such), what they said here, where they stand with the evidence, and what the reader's history adds.
 * Everything from the page is rendered as text.
 */
import type { Expert, StanceLabel } from '@/utils/types';
import { CueSentence } from './CueSentence';
import { StanceChip, STANCE_TEXT } from './StanceChip';

export interface Balance {
  durable: number;
  fragile: number;
  neutral: number;
}

export interface SeenInHistory {
  /** Articles in the history (other than this one) that quote this person. */
  count: number;
  latest: { title: string; url: string; readAt: number } | null;
}

export interface ExpertCardProps {
  expert: Expert;
  balance: Balance;
  seen: SeenInHistory | null;
  /** The reader's own label, which wins over the computed one. */
  correction: StanceLabel | null;
  onCorrect: (label: StanceLabel | null) => void;
  onJump: (sentence: string) => void;
  onClose: () => void;
}

const MAX_QUOTES = 3;

/** Sentences of the article, each with its cue phrases highlighted and a way to jump to it. */
function SentenceList(props: {
  testId: string;
  sentences: readonly { text: string }[];
  cuesFor: (text: string) => string[];
  onJump: (text: string) => void;
}) {
  return (
    <ul class="tl-quotes" data-testid={props.testId}>
      {props.sentences.map((s, i) => (
        <li key={i}>
          <CueSentence sentence={s.text} cues={props.cuesFor(s.text)} />
          <button type="button" class="tl-btn" onClick={() => props.onJump(s.text)}>
            Jump to it
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ExpertCard(p: ExpertCardProps) {
  const { expert, correction } = p;
  const label = correction ?? expert.stance.label;
  const known = expert.known;
  const roleLine = [expert.role, expert.organization].filter(Boolean).join(', ');
  const fillOrg = !expert.organization && known?.organization;
  const fillRole = !expert.role && known?.role;
  // Each statement once: those that decided the stance first, their cue phrases highlighted.
  const cuesBySentence = new Map(expert.stance.evidence.map((ev) => [ev.sentence, ev.cues]));
  const cuesFor = (text: string) => cuesBySentence.get(text) ?? [];
  // A guest presented by the piece ("Guests: X, director of …") with none of their words in it: the
  // sentence that presents them is shown as that, never as something they said.
  const spoken = expert.statements.filter((st) => st.via !== 'guest');
  const presented = spoken.length ? [] : expert.statements.slice(0, 1);
  const quotes = [
    ...spoken.filter((st) => cuesFor(st.text).length > 0),
    ...spoken.filter((st) => cuesFor(st.text).length === 0),
  ].slice(0, MAX_QUOTES);
  return (
    <div class="tl-card-body">
      <div class="tl-head">
        <p class="tl-name" data-testid="tl-card-name" id="tl-card-title">
          {expert.name}
        </p>
        <button type="button" class="tl-close" aria-label="Close card" onClick={p.onClose}>
          ×
        </button>
      </div>
      <p class="tl-role" data-testid="tl-card-org">
        {roleLine || 'The article gives no role or organisation.'}
      </p>
      <p class="tl-balance" data-testid="tl-card-balance">
        Voices in this article: {p.balance.durable} durable · {p.balance.fragile} fragile ·{' '}
        {p.balance.neutral} neutral
      </p>
      {(fillOrg || fillRole) && known && (
        <p class="tl-known" data-testid="tl-card-known">
          From Triangle Lens data (not this article):{' '}
          {[fillRole && known.role?.value, fillOrg && known.organization?.value].filter(Boolean).join(', ')} (
          <a
            href={(fillOrg ? known.organization : known.role)!.source}
            target="_blank"
            rel="noopener noreferrer"
          >
            source
          </a>
          , as of {(fillOrg ? known.organization : known.role)!.asOf})
        </p>
      )}

      <section class="tl-section" aria-label="Stance" data-testid="tl-card-stance">
        <p class="tl-h">Does the China–Russia alignment hold?</p>
        <div class="tl-stance-row">
          <StanceChip label={label} />
          {correction ? (
            <span class="tl-corrected">
              your label (computed: {STANCE_TEXT[expert.stance.label]})
              <button type="button" class="tl-btn" onClick={() => p.onCorrect(null)}>
                Undo
              </button>
            </span>
          ) : (
            <span class="tl-conf">{Math.round(expert.stance.confidence * 100)}% confidence</span>
          )}
          <label class="tl-conf">
            Correct:{' '}
            <select
              class="tl-select"
              aria-label="Correct the stance label"
              value={correction ?? ''}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                p.onCorrect(v === '' ? null : (v as StanceLabel));
              }}
            >
              <option value="">(computed)</option>
              <option value="durable">Durable</option>
              <option value="fragile">Fragile</option>
              <option value="neutral">Neutral</option>
            </select>
          </label>
        </div>
        <p class="tl-conf">
          {!expert.stance.evidence.some((ev) => ev.cues.length > 0)
            ? 'No statement in this article speaks to it.'
            : expert.stance.label === 'neutral'
              ? 'Mixed, or about something else: see the highlighted words below.'
              : 'Why: the highlighted words in what they said, below.'}
        </p>
      </section>

      {quotes.length > 0 && (
        <section class="tl-section" aria-label="What they said here">
          <p class="tl-h">
            Said here ({quotes.length} of {spoken.length})
          </p>
          <SentenceList testId="tl-card-evidence" sentences={quotes} cuesFor={cuesFor} onJump={p.onJump} />
        </section>
      )}

      {presented.length > 0 && (
        <section class="tl-section" aria-label="How the article presents them">
          <p class="tl-h">Presented here as a guest; none of their words are quoted</p>
          <SentenceList
            testId="tl-card-presented"
            sentences={presented}
            cuesFor={() => []}
            onJump={p.onJump}
          />
        </section>
      )}

      <section class="tl-section" aria-label="In your reading">
        {p.seen && p.seen.count > 0 ? (
          <p class="tl-latest" data-testid="tl-card-history">
            Quoted in {p.seen.count} other article{p.seen.count === 1 ? '' : 's'} you read
            {p.seen.latest && (
              <>
                ; latest:{' '}
                <a href={p.seen.latest.url} target="_blank" rel="noopener noreferrer">
                  {p.seen.latest.title || p.seen.latest.url}
                </a>{' '}
                ({new Date(p.seen.latest.readAt).toLocaleDateString()})
              </>
            )}
            .
          </p>
        ) : (
          <p class="tl-latest" data-testid="tl-card-history">
            {p.seen ? 'First time you meet this expert in your history.' : 'History not loaded.'}
          </p>
        )}
      </section>
    </div>
  );
}
