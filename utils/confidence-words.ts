/**
 * Confidence in words instead of a percentage: the stance model's number is a pooled probability,
 * calibrated only on our own held-out statements (its reliability bins are in
 * utils/data/stance-model.v1.json), and accuracy on real pages is far lower, so a reader sees three
 * coarse words. Cut points from those bins: at 0.8 and above about nine in ten statements were right
 * ("clear"), from 0.6 most were ("likely"), below that it is a guess ("unclear").
 */
export type ConfidenceWord = 'clear' | 'likely' | 'unclear';

export const CONFIDENCE_CUTS = { clear: 0.8, likely: 0.6 } as const;

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
