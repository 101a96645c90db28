/**
 * A tiny, bounded phrase language for stance cues, matched over word tokens (never a regex written
 * in the data, so no cue can backtrack without end on a long sentence).
 *
 * Syntax (space-separated elements):
 * - `word` matches the word, case- and accent-insensitive; a possessive "'s" is ignored ("china" matches "China’s").
 * - `word*` matches any word starting with `word` ("tension*" matches "tensions").
 * - `a|b|c*` matches any of the alternatives.
 * - `{RU}` matches any word of the axis' word class `RU` (classes are data too); it may sit among alternatives.
 * - a trailing `?` makes the element optional (`strategic?`); the first and last elements cannot be optional.
 * - `~N` skips 0..N words (N ≤ 8), but never across a sentence-internal stop (; : ( ) dashes); gaps of
 *   1 or 2 words and adjacent words do not cross a comma either.
 */

/** Clause boundary before a token: none, a comma, or a strong stop (; : . ! ? ( ) dashes). */
export type Boundary = 0 | 1 | 2;

export interface Token {
  /** Lowercased, accent-free form. */
  norm: string;
  /** `norm` without a possessive "'s". */
  base: string;
  /** Offsets in the original text (`text.slice(start, end)` is the word as written). */
  start: number;
  end: number;
  boundary: Boundary;
}

/** The most words read from one sentence; beyond it the rest is ignored (bounded time). */
export const MAX_TOKENS = 4000;
const MAX_GAP = 8;
const MAX_ELEMENTS = 16;
/** Gaps up to this size stay inside a clause (no comma). */
const SHORT_GAP = 2;

const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const STRONG_STOP_RE = /[;:.!?()[\]—–]|\s-\s/;

function fold(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'");
}

/** Words of `text` with their offsets and the clause boundary that precedes each. */
export function tokenize(text: string, maxTokens = MAX_TOKENS): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m && tokens.length < maxTokens; m = WORD_RE.exec(text)) {
    const gap = text.slice(last, m.index);
    // An en dash between two words joins a pair ("Russia–China ties"); spaced or em dashes stop a clause.
    const boundary: Boundary = gap === '–' ? 0 : STRONG_STOP_RE.test(gap) ? 2 : gap.includes(',') ? 1 : 0;
    // "US" in capitals is the country, not the pronoun.
    const norm = m[0] === 'US' ? 'u.s.' : fold(m[0]);
    const base = norm.endsWith("'s") ? norm.slice(0, -2) : norm;
    tokens.push({ norm, base, start: m.index, end: m.index + m[0].length, boundary });
    last = m.index + m[0].length;
  }
  return tokens;
}

interface WordElem {
  kind: 'word';
  words: Set<string>;
  prefixes: string[];
  optional: boolean;
}
interface GapElem {
  kind: 'gap';
  max: number;
}
type Elem = WordElem | GapElem;

export interface CompiledPhrase {
  source: string;
  elems: Elem[];
}

export type WordClasses = Record<string, string[]>;

function parseAlternative(alt: string, into: WordElem, classes: WordClasses, src: string): void {
  const cls = /^\{([A-Z]+)\}$/.exec(alt);
  if (cls) {
    const words = classes[cls[1]];
    if (!words) throw new Error(`unknown word class {${cls[1]}} in "${src}"`);
    for (const w of words) parseAlternative(w, into, classes, src);
    return;
  }
  if (!/^[\p{L}\p{N}'.’]+\*?$/u.test(alt)) throw new Error(`bad word "${alt}" in "${src}"`);
  if (alt.endsWith('*')) into.prefixes.push(fold(alt.slice(0, -1)));
  else into.words.add(fold(alt));
}

/** Parse one phrase; throws with a readable message when the phrase is not valid. */
export function compilePhrase(source: string, classes: WordClasses = {}): CompiledPhrase {
  const parts = source.trim().split(/\s+/);
  const elems: Elem[] = [];
  for (const part of parts) {
    const gap = /^~(\d+)$/.exec(part);
    if (gap) {
      const max = Number(gap[1]);
      if (max < 1 || max > MAX_GAP) throw new Error(`gap ${part} out of range 1..${MAX_GAP} in "${source}"`);
      elems.push({ kind: 'gap', max });
      continue;
    }
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const elem: WordElem = { kind: 'word', words: new Set(), prefixes: [], optional };
    for (const alt of body.split('|')) {
      if (!alt) throw new Error(`empty alternative in "${source}"`);
      parseAlternative(alt, elem, classes, source);
    }
    elems.push(elem);
  }
  const first = elems[0];
  const lastElem = elems[elems.length - 1];
  if (!first || first.kind !== 'word' || first.optional || lastElem.kind !== 'word' || lastElem.optional) {
    throw new Error(`phrase must start and end with a required word: "${source}"`);
  }
  if (elems.length > MAX_ELEMENTS)
    throw new Error(`phrase too long (> ${MAX_ELEMENTS} elements): "${source}"`);
  return { source, elems };
}

function wordMatches(elem: WordElem, tok: Token): boolean {
  if (elem.words.has(tok.norm) || elem.words.has(tok.base)) return true;
  for (const p of elem.prefixes) if (tok.norm.startsWith(p)) return true;
  return false;
}

/**
 * End (exclusive) of the shortest match of `elems[k..]` starting at token `i`, or -1. The indices of
 * the words the elements matched (not the skipped ones) are left in `path`.
 */
function matchFrom(tokens: Token[], i: number, elems: Elem[], k: number, path: number[]): number {
  if (k === elems.length) return i;
  const elem = elems[k];
  if (elem.kind === 'gap') {
    for (let skip = 0; skip <= elem.max; skip++) {
      const at = i + skip;
      // A skipped word may not sit behind a strong stop, nor past the end.
      if (skip > 0 && (at - 1 >= tokens.length || tokens[at - 1].boundary === 2)) break;
      // Short gaps (~1, ~2) join words of one phrase: they do not cross a comma either.
      if (elem.max <= SHORT_GAP && skip > 0 && tokens[at - 1].boundary > 0) break;
      const end = matchFrom(tokens, at, elems, k + 1, path);
      if (end >= 0) return end;
    }
    return -1;
  }
  // Adjacent words of a phrase may not straddle a strong stop either.
  const joined =
    k === 0 ||
    tokens[i]?.boundary === 0 ||
    (tokens[i]?.boundary === 1 && elems[k - 1].kind === 'gap' && (elems[k - 1] as GapElem).max > SHORT_GAP);
  if (i < tokens.length && wordMatches(elem, tokens[i]) && joined) {
    path.push(i);
    const end = matchFrom(tokens, i + 1, elems, k + 1, path);
    if (end >= 0) return end;
    path.pop();
  }
  return elem.optional ? matchFrom(tokens, i, elems, k + 1, path) : -1;
}

export interface PhraseHit<T> {
  tag: T;
  phrase: string;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** Indices of the words the phrase matched (words skipped by a gap are not in it). */
  words: number[];
}

/** A set of phrases compiled once, indexed by their first word for quick scanning. */
export class PhraseSet<T> {
  private byWord = new Map<string, { phrase: CompiledPhrase; tag: T }[]>();
  private byPrefix: { prefix: string; phrase: CompiledPhrase; tag: T }[] = [];
  readonly size: number;

  constructor(entries: { phrase: CompiledPhrase; tag: T }[]) {
    for (const entry of entries) {
      const first = entry.phrase.elems[0] as WordElem;
      for (const w of first.words) {
        const list = this.byWord.get(w) ?? [];
        list.push(entry);
        this.byWord.set(w, list);
      }
      for (const prefix of first.prefixes) this.byPrefix.push({ prefix, ...entry });
    }
    this.size = entries.length;
  }

  /** Every phrase occurrence (shortest match per phrase and start word). */
  findAll(tokens: Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const candidates = [...(this.byWord.get(tok.norm) ?? [])];
      if (tok.base !== tok.norm) candidates.push(...(this.byWord.get(tok.base) ?? []));
      for (const p of this.byPrefix) if (tok.norm.startsWith(p.prefix)) candidates.push(p);
      const seen = new Set<CompiledPhrase>();
      for (const { phrase, tag } of candidates) {
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        const path = [i];
        const end = matchFrom(tokens, i + 1, phrase.elems, 1, path);
        if (end >= 0) hits.push({ tag, phrase: phrase.source, start: i, end, words: path });
      }
    }
    return hits;
  }
}
