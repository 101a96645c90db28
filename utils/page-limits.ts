/** Bounds shared by the content scripts and the background (kept free of any library import). */

/** The largest serialised page we send for analysis (bigger pages are skipped quietly). */
export const MAX_HTML_CHARS = 6_000_000;

/** Pages with more elements than this are not parsed (Readability's own cap) nor serialised. */
export const MAX_ELEMENTS = 60_000;
