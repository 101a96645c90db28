/**
 * The card for one expert, shown in the page. The first view answers, like a Page Previews card: who,
 * role and organisation, where they stand (with what that label means and how clear it is) and one
 * line of evidence. The rest (everything they said here, the other voices, the correction) is one
 * step away behind "More".
 *
 * It shows only what this article says, the extension's own data file (marked as such) and the
 * reader's label for this article: nothing from the reader's other articles, which a web page must
 * never be able to see or measure. Everything from the page is rendered as text, and no quotation
 * marks are ever added: sentences are shown as the article has them, a paraphrase is said to be one.
 */
import { useState } from 'preact/hooks';
import { confidenceWord, CONFIDENCE_TEXT } from '@/utils/confidence-words';
import type { Expert, StanceLabel, Statement } from '@/utils/types';
import { CueSentence } from './CueSentence';
import { StanceChip, STANCE_MEANING, STANCE_TEXT } from './StanceChip';

export interface Balance {
  durable: number;
  fragile: number;
  neutral: number;
}

export interface ExpertCardProps {
  expert: Expert;
  balance: Balance;
  /** The reader's own label for this article, which wins over the computed one. */
  correction: StanceLabel | null;
  onCorrect: (label: StanceLabel | null) => void;
  onJump: (sentence: string) => void;
  onClose: () => void;
}

/** Sentences shown under "Said here" before "Show all". */
const FIRST_QUOTES = 3;

type Shown = Pick<Statement, 'text'> & { kind?: Statement['kind'] };

/** Sentences of the article, each with its cue phrases highlighted and a way to jump to it. */
function SentenceList(props: {
  testId: string;
  sentences: readonly Shown[];
  cuesFor: (text: string) => string[];
  onJump: (text: string) => void;
}) {
  return (
    <ul class="tl-quotes" data-testid={props.testId}>
      {props.sentences.map((s, i) => (
        <li key={i}>
          <CueSentence sentence={s.text} cues={props.cuesFor(s.text)} />
          {s.kind === 'paraphrase' && <span class="tl-kind"> (paraphrased by the article)</span>}{' '}
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
  const [more, setMore] = useState(false);
  const [allQuotes, setAllQuotes] = useState(false);
  const label = correction ?? expert.stance.label;
  const known = expert.known;
  const roleLine = [expert.role, expert.organization].filter(Boolean).join(', ');
  const fillOrg = !expert.organization && known?.organization;
  const fillRole = !expert.role && known?.role;
  const knownFact = fillOrg ? known?.organization : fillRole ? known?.role : null;
  // Each statement once: those that decided the stance first, their cue phrases highlighted.
  const cuesBySentence = new Map(expert.stance.evidence.map((ev) => [ev.sentence, ev.cues]));
  const cuesFor = (text: string) => cuesBySentence.get(text) ?? [];
  // A guest presented by the piece ("Guests: X, director of …") with none of their words in it: the
  // sentence that presents them is shown as that, never as something they said.
  const spoken = expert.statements.filter((st) => st.via !== 'guest');
  const presented = spoken.length ? [] : expert.statements.slice(0, 1);
  const ordered = [
    ...spoken.filter((st) => cuesFor(st.text).length > 0),
    ...spoken.filter((st) => cuesFor(st.text).length === 0),
  ];
  const quotes = allQuotes ? ordered : ordered.slice(0, FIRST_QUOTES);
  const lead = ordered[0] ?? null;
  const hasCues = expert.stance.evidence.some((ev) => ev.cues.length > 0);
  const word = confidenceWord(expert.stance.confidence);
  return (
    <div class="tl-card-body">
      <div class="tl-head">
        <h2 class="tl-name" data-testid="tl-card-name" id="tl-card-title">
          {expert.name}
        </h2>
        <button type="button" class="tl-close" aria-label="Close card" onClick={p.onClose}>
          ×
        </button>
      </div>
      <p class="tl-role" data-testid="tl-card-org">
        {roleLine ||
          (knownFact && known
            ? [fillRole && known.role?.value, fillOrg && known.organization?.value].filter(Boolean).join(', ')
            : 'The article gives no role or organisation.')}
        {!roleLine && knownFact && <span class="tl-muted"> (Triangle Lens data, not this article)</span>}
      </p>

      <div class="tl-stance" data-testid="tl-card-stance">
        <p class="tl-stance-row">
          <StanceChip label={label} />{' '}
          <span class="tl-meaning" data-testid="tl-card-meaning">
            {STANCE_MEANING[label]}
          </span>
        </p>
        <p class="tl-muted" data-testid="tl-card-confidence">
          {correction
            ? `Your label for this article (computed: ${STANCE_TEXT[expert.stance.label]}).`
            : hasCues
              ? `${CONFIDENCE_TEXT[word]}.`
              : 'No statement in this article speaks to it.'}
        </p>
      </div>

      {lead ? (
        <p class="tl-lead" data-testid="tl-card-lead">
          <CueSentence sentence={lead.text} cues={cuesFor(lead.text)} />
          {lead.kind === 'paraphrase' && <span class="tl-kind"> (paraphrased by the article)</span>}
        </p>
      ) : (
        presented.length > 0 && (
          <p class="tl-lead" data-testid="tl-card-lead">
            Presented here as a guest; none of their words are quoted.
          </p>
        )
      )}

      <button
        type="button"
        class="tl-more"
        aria-expanded={more}
        aria-controls="tl-card-more"
        data-testid="tl-card-more-toggle"
        onClick={() => setMore(!more)}
      >
        {more ? 'Less' : 'More'}
      </button>

      {more && (
        <div id="tl-card-more" data-testid="tl-card-more">
          {quotes.length > 0 && (
            <section class="tl-section" aria-labelledby="tl-said-h">
              <h3 class="tl-h" id="tl-said-h">
                Said here ({quotes.length} of {spoken.length})
              </h3>
              <SentenceList
                testId="tl-card-evidence"
                sentences={quotes}
                cuesFor={cuesFor}
                onJump={p.onJump}
              />
              {ordered.length > FIRST_QUOTES && (
                <button
                  type="button"
                  class="tl-btn"
                  data-testid="tl-card-all-quotes"
                  onClick={() => setAllQuotes(!allQuotes)}
                >
                  {allQuotes ? `Show the first ${FIRST_QUOTES}` : `Show all ${ordered.length}`}
                </button>
              )}
            </section>
          )}

          {presented.length > 0 && (
            <section class="tl-section" aria-labelledby="tl-presented-h">
              <h3 class="tl-h" id="tl-presented-h">
                How the article presents them
              </h3>
              <SentenceList
                testId="tl-card-presented"
                sentences={presented}
                cuesFor={() => []}
                onJump={p.onJump}
              />
            </section>
          )}

          {knownFact && known && (
            <p class="tl-muted" data-testid="tl-card-known">
              From Triangle Lens data (not this article):{' '}
              {[fillRole && known.role?.value, fillOrg && known.organization?.value]
                .filter(Boolean)
                .join(', ')}{' '}
              (
              <a href={knownFact.source} target="_blank" rel="noopener noreferrer">
                source
              </a>
              , as of {knownFact.asOf})
            </p>
          )}

          <section class="tl-section" aria-labelledby="tl-label-h">
            <h3 class="tl-h" id="tl-label-h">
              Label
            </h3>
            <p class="tl-muted" data-testid="tl-card-balance">
              Voices in this article: {p.balance.durable} durable · {p.balance.fragile} fragile ·{' '}
              {p.balance.neutral} neutral
            </p>
            <p class="tl-correct">
              <label>
                Your label for this article:{' '}
                <select
                  class="tl-select"
                  value={correction ?? ''}
                  onChange={(e) => {
                    const v = (e.currentTarget as HTMLSelectElement).value;
                    p.onCorrect(v === '' ? null : (v as StanceLabel));
                  }}
                >
                  <option value="">As computed ({STANCE_TEXT[expert.stance.label]})</option>
                  <option value="durable">Durable</option>
                  <option value="fragile">Fragile</option>
                  <option value="neutral">Neutral</option>
                </select>
              </label>
            </p>
          </section>
        </div>
      )}
    </div>
  );
}
