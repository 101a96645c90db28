/**
 * Confidence in words instead of a percentage. The stance scores are not calibrated probabilities
 * (the measured accuracy on the real sets is far from "93 %"), so the reader sees three coarse words
 * whose cut points follow how the scorer builds its number (utils/stance.ts): one-sided evidence with
 * a clear margin reaches 0.75 and above, a weaker or mixed margin lands between 0.5 and 0.75, and a
 * single cue, a tie or no evidence stays below 0.5.
 */
export type ConfidenceWord = 'clear' | 'likely' | 'unclear';

export const CONFIDENCE_CUTS = { clear: 0.75, likely: 0.5 } as const;

export function confidenceWord(confidence: number): ConfidenceWord {
  if (!Number.isFinite(confidence)) return 'unclear';
  if (confidence >= CONFIDENCE_CUTS.clear) return 'clear';
  if (confidence >= CONFIDENCE_CUTS.likely) return 'likely';
  return 'unclear';
}

/** One line a reader can read: "clear", "likely", or "unclear" with what that means. */
export const CONFIDENCE_TEXT: Record<ConfidenceWord, string> = {
  clear: 'Clear: their words point one way',
  likely: 'Likely: their words lean this way',
  unclear: 'Unclear: little or mixed evidence',
};
