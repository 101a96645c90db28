/**
 * Page shape "event or podcast page": a section headed "Speakers", "Panelists", "Guests", "About the
 * speakers" (and the like) whose paragraphs open with a person's full name and their bio ("X is a
 * senior fellow at Y", "X, director of Y, …", "X – analyst at Y"). The people it presents speak at the
 * event; their bio sentence stands for their part when the page quotes nothing else.
 */
import type { Ctx } from './context';

/** A paragraph that is only a section heading for the people who speak. */
const SPEAKERS_HEADING =
  /^(?:(?:meet|list\s+of|about|introducing)\s+)?(?:(?:our|the|featured|event|episode|today['’]s)\s+)?(?:speakers?|panel(?:ists?|lists?)?|participants|guests?|featuring|contributors|discussants|presenters|experts)(?:\s+(?:and|&)\s+(?:the\s+)?(?:chair|moderator|host|discussant)s?)?\s*:?$/i;
/** After the name at the start of a bio paragraph: a bio verb, an appositive or a dash. */
const BIO_AFTER_NAME =
  /^(?:\s*\([^()]{0,80}\))?\s*(?:(?:is|was|serves\s+as|has\s+been|holds|leads|heads|directs|teaches|works)\b|,\s+(?:an?|the|who)\b|,\s+\p{Lu}|\s+[–—-]\s+\S|\s*\n)/u;
/** How many paragraphs after the heading are read at most. */
const MAX_BIOS = 12;

/** Person id → the sentence of their bio, for the people a speakers section presents. */
export function findSpeakerBios(ctx: Ctx, skip: boolean[]): Map<string, number> {
  const { sentences, scan } = ctx;
  const found = new Map<string, number>();
  for (let i = 0; i < sentences.length; i++) {
    if (skip[i] || !isParagraphStart(ctx, i) || !SPEAKERS_HEADING.test(sentences[i].text.trim())) continue;
    // Read the paragraphs that follow while they open with a full name and a bio.
    let para = sentences[i].paragraph;
    let misses = 0;
    let read = 0;
    for (let k = i + 1; k < sentences.length && read < MAX_BIOS && misses < 2; k++) {
      if (sentences[k].paragraph === para) continue;
      para = sentences[k].paragraph;
      read++;
      const first = scan.bySentence[k][0];
      const text = sentences[k].text;
      const opens =
        first && first.full && /^[\s"“(]*(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?$/.test(text.slice(0, first.start));
      if (opens && BIO_AFTER_NAME.test(text.slice(first.end))) {
        if (!found.has(first.personId)) found.set(first.personId, k);
        misses = 0;
      } else if (opens && isAlone(ctx, k) && k + 1 < sentences.length) {
        // "Jane Doe" on its own line, the bio in the next paragraph.
        if (!found.has(first.personId)) found.set(first.personId, k + 1);
        misses = 0;
      } else misses++;
    }
  }
  return found;
}

function isParagraphStart(ctx: Ctx, i: number): boolean {
  return i === 0 || ctx.sentences[i - 1].paragraph !== ctx.sentences[i].paragraph;
}

/** The sentence is its paragraph and holds nothing but the name (a heading line). */
function isAlone(ctx: Ctx, k: number): boolean {
  const s = ctx.sentences[k];
  const m = ctx.scan.bySentence[k];
  return (
    isParagraphStart(ctx, k) &&
    (k + 1 >= ctx.sentences.length || ctx.sentences[k + 1].paragraph !== s.paragraph) &&
    m.length === 1 &&
    s.text.slice(m[0].end).trim().length <= 1
  );
}
