/**
 * Plans which text ranges of the live page to mark: every mention of an expert inside the article
 * body, and nowhere else (navigation, bylines, comments, sidebars, captions).
 *
 * The article body is found from the extracted text (Readability's output): a block of the live page
 * counts as article text when its opening words occur in the extracted text. Names may be split
 * across inline elements (`<strong>Charles</strong> Hecker`), so text nodes are joined per block and
 * matched as one string, then mapped back to node ranges.
 */

export interface MarkTarget {
  id: string;
  surfaceForms: string[];
}

export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export interface PlannedMention {
  expertId: string;
  /** The matched text, as in the page. */
  text: string;
  segments: Segment[];
}

/** Elements whose text is never the article body. */
const EXCLUDED_SELECTOR = [
  'nav',
  'header',
  'footer',
  'aside',
  'figcaption',
  'form',
  'button',
  'select',
  'textarea',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  '[contenteditable]',
  '[aria-hidden="true"]',
  '[hidden]',
  '[rel="author"]',
  '[role="complementary"]',
  '[role="navigation"]',
  '[class*="byline" i]',
  '[class*="comment" i]',
  '[id*="comment" i]',
  '[class*="sidebar" i]',
  '[class*="related" i]',
  '[class*="author" i]',
  'triangle-lens-mark',
  'triangle-lens-ui',
].join(',');

const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'DD',
  'DT',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BODY',
  'PRE',
]);

/** Caps that keep a hostile page from making us do unbounded work. */
export const PLAN_LIMITS = { maxTextNodes: 50_000, maxMentions: 2_000, keyChars: 48 };

export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Letters and digits of the scripts news names come in (Latin with diacritics, Greek, Cyrillic). */
const WORD_CHARS = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u1E00-\\u1EFF';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex for every surface form, longest first, whitespace-tolerant, on word boundaries. */
export function buildNameRegex(targets: MarkTarget[]): { re: RegExp; idByForm: Map<string, string> } | null {
  const idByForm = new Map<string, string>();
  const forms: string[] = [];
  for (const t of targets) {
    for (const form of t.surfaceForms) {
      const key = normalizeText(form);
      if (key.length < 2 || idByForm.has(key)) continue;
      idByForm.set(key, t.id);
      forms.push(
        form
          .replace(/[\u2018\u2019\u02bc]/g, "'")
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  }
  if (forms.length === 0) return null;
  forms.sort((a, b) => b.length - a.length);
  const body = forms
    .map((f) => escapeRegExp(f).replace(/ /g, '\\s+').replace(/'/g, "['\u2019\u02bc]"))
    .join('|');
  // Case-sensitive on purpose: names are written as names. Word edges use explicit letter ranges:
  // Unicode property classes (\p{L}) cost milliseconds to compile on the page's thread.
  return { re: new RegExp(`(?<![${WORD_CHARS}])(?:${body})(?![${WORD_CHARS}])`, 'g'), idByForm };
}

function closestBlock(el: Element | null): Element | null {
  let cur = el;
  while (cur && !BLOCK_TAGS.has(cur.tagName.toUpperCase())) cur = cur.parentElement;
  return cur;
}

/**
 * Plans the marks. `articleText` is the extracted readable text; when null, every non-excluded block
 * under `root` counts (used for plain pages in tests).
 */
export function planHighlights(
  root: Element,
  targets: MarkTarget[],
  articleText: string | null,
): PlannedMention[] {
  const built = buildNameRegex(targets);
  if (!built) return [];
  const doc = root.ownerDocument;
  const haystack = articleText === null ? null : normalizeText(articleText);
  const blockVerdict = new Map<Element, boolean>();
  const excludedCache = new Map<Element, boolean>();

  const isExcluded = (el: Element | null): boolean => {
    if (!el) return false;
    const cached = excludedCache.get(el);
    if (cached !== undefined) return cached;
    const v = el.matches(EXCLUDED_SELECTOR) || (el !== root && isExcluded(el.parentElement));
    excludedCache.set(el, v);
    return v;
  };
  const inArticle = (block: Element): boolean => {
    if (haystack === null) return true;
    const cached = blockVerdict.get(block);
    if (cached !== undefined) return cached;
    const key = normalizeText(block.textContent ?? '').slice(0, PLAN_LIMITS.keyChars);
    const v = key.length >= 12 && haystack.includes(key);
    blockVerdict.set(block, v);
    return v;
  };

  // Group text nodes by their block ancestor, in document order.
  const groups: { nodes: Text[] }[] = [];
  let current: { block: Element | null; nodes: Text[] } | null = null;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  for (let n = walker.nextNode(); n && count < PLAN_LIMITS.maxTextNodes; n = walker.nextNode(), count++) {
    const text = n as Text;
    if (!text.data.trim() && !current) continue;
    const parent = text.parentElement;
    if (!parent || isExcluded(parent)) continue;
    const block = closestBlock(parent);
    if (!block || !inArticle(block)) continue;
    if (!current || current.block !== block) {
      current = { block, nodes: [] };
      groups.push(current);
    }
    current.nodes.push(text);
  }

  const out: PlannedMention[] = [];
  for (const g of groups) {
    const starts: number[] = [];
    let joined = '';
    for (const node of g.nodes) {
      starts.push(joined.length);
      joined += node.data;
    }
    built.re.lastIndex = 0;
    for (let m = built.re.exec(joined); m; m = built.re.exec(joined)) {
      const id = built.idByForm.get(normalizeText(m[0]));
      if (!id) continue;
      out.push({
        expertId: id,
        text: m[0],
        segments: toSegments(g.nodes, starts, m.index, m.index + m[0].length),
      });
      if (out.length >= PLAN_LIMITS.maxMentions) return out;
    }
  }
  return out;
}

function toSegments(nodes: Text[], starts: number[], from: number, to: number): Segment[] {
  const segs: Segment[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const s = starts[i];
    const e = s + nodes[i].data.length;
    if (e <= from || s >= to) continue;
    const start = Math.max(from, s) - s;
    const end = Math.min(to, e) - s;
    // Skip pure-whitespace pieces between elements (e.g. the space in "<b>Charles</b> Hecker").
    if (nodes[i].data.slice(start, end).trim()) segs.push({ node: nodes[i], start, end });
  }
  return segs;
}

/**
 * Finds a sentence of the extracted text in the live page, for "jump to what they said".
 * Matches the sentence's first words, whitespace-tolerant, within one block of the article.
 */
export function findSentenceSegments(root: Element, sentence: string): Segment[] | null {
  const words = sentence.trim().split(/\s+/).slice(0, 10);
  if (words.length === 0 || !words[0]) return null;
  const re = new RegExp(words.map((w) => escapeRegExp(w)).join('\\s+'), 'u');
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  let block: Element | null = null;
  let nodes: Text[] = [];
  const tryBlock = (): Segment[] | null => {
    if (nodes.length === 0) return null;
    const starts: number[] = [];
    let joined = '';
    for (const n of nodes) {
      starts.push(joined.length);
      joined += n.data;
    }
    const m = re.exec(joined);
    return m ? toSegments(nodes, starts, m.index, Math.min(joined.length, m.index + sentence.length)) : null;
  };
  let count = 0;
  for (let n = walker.nextNode(); n && count < PLAN_LIMITS.maxTextNodes; n = walker.nextNode(), count++) {
    const b = closestBlock((n as Text).parentElement);
    if (b !== block) {
      const found = tryBlock();
      if (found) return found;
      block = b;
      nodes = [];
    }
    nodes.push(n as Text);
  }
  return tryBlock();
}
