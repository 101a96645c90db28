/**
 * A sentence splitter for news prose. It knows the abbreviations news writing uses ("U.S.", "Dr.",
 * "Jan.", "No."), initials ("J. Smith"), decimals and quotations that end a sentence (“… friend.” He),
 * and always breaks between paragraphs (blank lines). One linear scan per paragraph: bounded on a
 * 20,000-character sentence and on a 5 MB text.
 */

import { rx } from './names';

export interface SentenceSpan {
  /** The sentence, trimmed. */
  text: string;
  /** Offsets of `text` in the input string. */
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

/** Abbreviations that end with a period but rarely end a sentence (lowercased, without the final dot). */
const ABBREVIATIONS = new Set(
  `
  mr mrs ms dr prof st jr sr gen lt col maj capt cmdr adm sgt gov sen rep rev hon amb pres supt insp fr
  messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec no nos vol pp p fig art para ch sec
  approx est ca cf vs v etc inc co corp ltd bros dept univ assn ave blvd mt ft al i.e e.g a.m p.m u.s u.n
  u.k e.u u.s.s.r d.c n.y l.a
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Dotted acronyms ("U.S.", "U.N.") that can also end a sentence: after one of them we only break when
 * the next word is a typical sentence opener.
 */
const ENDABLE_ACRONYMS = new Set(
  `
  u.s u.n u.k e.u u.s.s.r d.c etc inc co corp ltd
`
    .split(/\s+/)
    .filter(Boolean),
);

const SENTENCE_OPENERS = new Set(
  `
  the a an this that these those it its he she they we i his her their our but and yet so however in on at
  as while when if since after before despite although though meanwhile moreover still for there many some
  most such one both what why how who with without analysts experts
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Terminal punctuation, then closing quotes/brackets, then the whitespace that follows. */
const BOUNDARY = /([.!?…]+)(["'”’»)\]]*)(\s+)/g;
const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n\s*/g;

function previousWord(text: string, end: number): string {
  let i = end;
  while (i > 0 && i > end - 40) {
    const c = text.charCodeAt(i - 1);
    // stop at whitespace or an opening bracket/quote
    if (c === 32 || c === 10 || c === 9 || c === 160 || c === 40 || c === 34 || c === 0x201c) break;
    i--;
  }
  return text.slice(i, end);
}

function nextWord(text: string, start: number): string {
  const m = rx(String.raw`^["'“‘«([]*([\p{L}\p{N}]+)`, 'u').exec(text.slice(start, start + 40));
  return m ? m[1] : '';
}

function isBoundary(text: string, m: RegExpExecArray): boolean {
  const punct = m[1];
  const closers = m[2];
  const space = m[3];
  const after = m.index + m[0].length;
  if (after >= text.length) return true;
  // A line break inside a paragraph after terminal punctuation always ends the sentence.
  if (space.includes('\n')) return true;
  const next = text[after];
  const nextIsUpperOrQuote = rx(String.raw`[\p{Lu}\p{N}"“‘'«([]`, 'u').test(next);
  if (punct !== '.' || closers) return nextIsUpperOrQuote;
  if (!nextIsUpperOrQuote) return false;
  const word = previousWord(text, m.index);
  const bare = word.replace(/^["'“‘([]+/, '').toLowerCase();
  if (!bare) return true;
  // Single initial: "J. Smith", "George W. Bush".
  if (rx(String.raw`^\p{Lu}$`, 'u').test(word.replace(/^["'“‘([]+/, ''))) return false;
  if (ENDABLE_ACRONYMS.has(bare)) {
    return SENTENCE_OPENERS.has(nextWord(text, after).toLowerCase());
  }
  if (ABBREVIATIONS.has(bare)) return false;
  // Other dotted acronyms like "J.D." (initials) or "R.Politik"-style names.
  if (rx(String.raw`^(?:\p{L}\.)+\p{L}$`, 'u').test(bare))
    return SENTENCE_OPENERS.has(nextWord(text, after).toLowerCase());
  return true;
}

/** Splits one paragraph (offset `base` in the full text) into sentence spans. */
function splitParagraph(text: string, base: number, paragraph: number, out: SentenceSpan[]): void {
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      out.push({
        text: trimmed,
        start: base + start + lead,
        end: base + start + lead + trimmed.length,
        paragraph,
      });
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text))) {
    if (isBoundary(text, m)) {
      push(m.index + m[1].length + m[2].length);
      start = m.index + m[0].length;
    }
  }
  push(text.length);
}

/**
 * Splits `text` into sentences with their offsets and paragraph numbers. Paragraphs are separated by
 * blank lines. A single line break is only a space (text is often hard-wrapped: "Council on Foreign
 * / Relations"), except after terminal punctuation, after a line with no lowercase letters ("POPULAR")
 * and before a bullet.
 */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  if (!text) return out;
  let paragraph = 0;
  let from = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  const blocks: Array<[number, number]> = [];
  let m: RegExpExecArray | null;
  while ((m = PARAGRAPH_BREAK.exec(text))) {
    blocks.push([from, m.index]);
    from = m.index + m[0].length;
  }
  blocks.push([from, text.length]);
  for (const [s, e] of blocks) {
    const block = text.slice(s, e);
    if (!block.trim()) continue;
    // Lines inside a block: break before a line that starts with a capital or quote.
    let lineStart = 0;
    const lines = block.split('\n');
    let segStart = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const lineEnd = lineStart + line.length;
      const next = lines[i + 1];
      const breakAfter =
        next === undefined ||
        /^\s*[•\-–—*]\s/u.test(next) ||
        /[.!?…]["”’)]?\s*$/u.test(line) ||
        !rx(String.raw`\p{Ll}`, 'u').test(line);
      if (breakAfter) {
        splitParagraph(block.slice(segStart, lineEnd), s + segStart, paragraph, out);
        segStart = lineEnd + 1;
      }
      lineStart = lineEnd + 1;
    }
    paragraph++;
  }
  return out;
}

/** Splits `text` into sentences (see `splitSentenceSpans`). */
export function splitSentences(text: string): string[] {
  return splitSentenceSpans(text).map((s) => s.text);
}
