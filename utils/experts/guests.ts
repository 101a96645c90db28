/**
 * Page shape "guests and interviews": words that present the people who speak in a piece.
 */
import type { Ctx } from './context';

/**
 * Words that present the people who speak in the piece: a guest list, a panel, a host's "joined by"
 * or "joins me now", an interview. Read in the paragraph before the name (or right after it).
 */
export const GUEST_FRAME =
  /(?:\bguests?\s*:|\b(?:with|our|my|studio|two|three|four)\s+guests?\b|\bpanel(?:ists?)?\b\s*:?|\b(?:joined\s+by|join(?:s|ed)?\s+(?:me|us)|with\s+(?:me|us)\s+(?:now|today|here)|in\s+conversation\s+with|discuss(?:es|ed)?\s+with|we(?:['’]ve|\s+have)\s+got)\b)/i;

export const GUEST_FRAME_AFTER = /^\s+(?:joins|joined)\s+(?:me|us)\b/i;

/** After a name in a guest list: an appositive role (", the director of …", " – analyst …"). */
export const GUEST_APPOSITIVE =
  /^(?:\s*,\s+(?:an?|the|who['’]s|who\s+is)\s|\s+[–—]\s+\S|\s*\.\s+(?:He|She)(?:\s+is|['’]s|\s+was)\s)/u;

/**
 * People presented as the piece's guests or interviewees ("Guests: X, the director of …", "X joins
 * me now"), with the sentence that presents them.
 */
export function findIntroducedGuests(ctx: Ctx, skip: boolean[]): Map<string, number> {
  const { sentences, scan } = ctx;
  const introduced = new Map<string, number>();
  for (let i = 0; i < sentences.length; i++) {
    if (skip[i]) continue;
    const s = sentences[i].text;
    for (const mention of scan.bySentence[i]) {
      if (introduced.has(mention.personId) || !mention.full) continue;
      const nextText =
        i + 1 < sentences.length && sentences[i + 1].paragraph === sentences[i].paragraph
          ? ` ${sentences[i + 1].text}`
          : '';
      const right = s.slice(mention.end, mention.end + 200) + nextText;
      let prefix = s.slice(0, mention.start);
      for (let k = i - 1; k >= 0 && k >= i - 3 && sentences[k].paragraph === sentences[i].paragraph; k--)
        prefix = `${sentences[k].text} ${prefix}`;
      const framed =
        (GUEST_FRAME.test(prefix.slice(-600)) && GUEST_APPOSITIVE.test(right)) ||
        GUEST_FRAME_AFTER.test(right);
      if (framed) introduced.set(mention.personId, i);
    }
  }
  return introduced;
}
