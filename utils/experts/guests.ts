/**
 * Page shape "guests and interviews": words that present the people who speak in a piece.
 */
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
