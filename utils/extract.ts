/**
 * Extraction: Readability's article (on a clone, never the live DOM) plus the metadata readers we
 * need — title, byline, site name, language, published time, canonical URL — and the readable text as
 * paragraphs separated by blank lines. Never throws: broken input gives `isArticle: false`.
 */
import { Readability } from '@mozilla/readability';
import { canonicalizeUrl } from './canonical-url';
import { isFrameset } from './gate';
import type { ExtractedArticle } from './types';
import { MAX_ELEMENTS } from './page-limits';

export { MAX_ELEMENTS };
/** The readable text is cut at this many characters. */
export const MAX_TEXT_CHARS = 1_000_000;
/** Fewer words than this and Readability's result is not called an article. */
const MIN_ARTICLE_WORDS = 80;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]); // prettier-ignore
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT']);

function emptyArticle(): ExtractedArticle {
  return {
    title: '',
    byline: null,
    siteName: null,
    lang: null,
    publishedTime: null,
    canonicalUrl: null,
    excerpt: null,
    text: '',
    wordCount: 0,
    isArticle: false,
  };
}

function clean(value: string | null | undefined, max = 1000): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim().slice(0, max);
  return text || null;
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * Text of `root` with one paragraph per block element, paragraphs separated by "\n\n". Iterative, so
 * deeply nested markup cannot overflow the stack; stops at `MAX_TEXT_CHARS`.
 */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  let total = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (!text) return;
    paragraphs.push(text);
    total += text.length + 2;
  };
  // `null` marks the end of a block element: its paragraph ends there.
  const stack: (Node | null)[] = [root];
  while (stack.length > 0 && total < MAX_TEXT_CHARS) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      if (current.length > MAX_TEXT_CHARS) flush();
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current += ' ';
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  flush();
  const text = paragraphs.join('\n\n');
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = clean(value?.getAttribute('content'));
    if (content) return content;
  }
  return null;
}

/** `datePublished` from the page's JSON-LD blocks (also inside `@graph` and arrays). */
function jsonLdDatePublished(doc: Document): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    const source = scripts[i].textContent ?? '';
    if (source.length > 500_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (typeof record.datePublished === 'string') return clean(record.datePublished);
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return null;
}

function publishedTime(doc: Document): string | null {
  return (
    meta(doc, 'article:published_time', 'datePublished', 'og:published_time', 'pubdate', 'publishdate') ??
    jsonLdDatePublished(doc) ??
    clean(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'))
  );
}

function canonicalUrl(doc: Document, url: string | undefined): string | null {
  const base = url || doc.URL || undefined;
  const candidates = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    meta(doc, 'og:url'),
    base,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const absolute = new URL(candidate.trim(), base).href;
      if (/^https?:/i.test(absolute)) return canonicalizeUrl(absolute);
    } catch {
      // not a URL: try the next source
    }
  }
  return null;
}

function pageLang(doc: Document): string | null {
  return (
    clean(doc.documentElement?.getAttribute('lang'), 35) ??
    clean(doc.documentElement?.getAttribute('xml:lang'), 35) ??
    meta(doc, 'og:locale') ??
    clean(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'), 35)
  );
}

/** Readable text when Readability finds no article: the page's paragraphs, bounded. */
function fallbackText(doc: Document): string {
  const paragraphs = doc.getElementsByTagName('p');
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; i < paragraphs.length && i < 2000 && total < 100_000; i++) {
    const text = clean(paragraphs[i].textContent, 10_000);
    if (text) {
      parts.push(text);
      total += text.length;
    }
  }
  return parts.join('\n\n');
}

/** Number of elements in the page (a live collection in browsers; some DOM shims need the query). */
function elementCount(doc: Document): number {
  return doc.getElementsByTagName('*').length || doc.querySelectorAll('*').length;
}

/** Readability leaves a byline paragraph in when it took the author from a meta tag: drop it. */
function dropBylineParagraph(text: string, byline: string | null): string {
  if (!byline) return text;
  const end = text.indexOf('\n\n');
  const first = end < 0 ? text : text.slice(0, end);
  if (first.length > 160 || !first.includes(byline)) return text;
  return end < 0 ? '' : text.slice(end + 2);
}

function bodyOf(doc: Document): HTMLElement | null {
  try {
    return doc.body ?? null;
  } catch {
    return null;
  }
}

export interface ExtractOptions {
  /**
   * The caller parsed this document only for us (e.g. from a serialised page in an offscreen
   * document), so Readability may change it and no clone is made. Never set this for a live page.
   */
  ownsDocument?: boolean;
}

/** Readability's article and the page's metadata. Runs Readability on a clone; never throws. */
export function extractArticle(doc: Document, url?: string, options: ExtractOptions = {}): ExtractedArticle {
  const result = emptyArticle();
  try {
    const body = bodyOf(doc);
    result.lang = pageLang(doc);
    result.canonicalUrl = canonicalUrl(doc, url);
    if (!body || isFrameset(doc, body)) {
      result.title = clean(doc.title, 500) ?? '';
      return result;
    }
    result.title = meta(doc, 'og:title', 'twitter:title') ?? clean(doc.title, 500) ?? '';
    result.byline = meta(doc, 'author', 'article:author', 'byl');
    result.siteName = meta(doc, 'og:site_name', 'application-name');
    result.publishedTime = publishedTime(doc);
    result.excerpt = meta(doc, 'description', 'og:description', 'twitter:description');
    if (elementCount(doc) > MAX_ELEMENTS) return result;

    const copy = options.ownsDocument ? doc : (doc.cloneNode(true) as Document);
    const parsed = new Readability<Node>(copy, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node,
    }).parse();
    if (!parsed) {
      result.text = fallbackText(doc);
      result.wordCount = countWords(result.text);
      return result;
    }
    result.title = clean(parsed.title, 500) ?? result.title;
    result.byline = clean(parsed.byline, 300) ?? result.byline;
    result.siteName = clean(parsed.siteName, 300) ?? result.siteName;
    result.lang = clean(parsed.lang, 35) ?? result.lang;
    result.publishedTime = clean(parsed.publishedTime, 100) ?? result.publishedTime;
    result.excerpt = clean(parsed.excerpt) ?? result.excerpt;
    result.text = parsed.content
      ? blockText(parsed.content)
      : (clean(parsed.textContent, MAX_TEXT_CHARS) ?? '');
    result.text = dropBylineParagraph(result.text, result.byline);
    result.wordCount = countWords(result.text);
    result.isArticle = result.wordCount >= MIN_ARTICLE_WORDS;
    return result;
  } catch {
    return { ...result, text: '', wordCount: 0, isArticle: false };
  }
}

/** Does this line read like a headline (short, one line, no closing full stop)? */
function looksLikeHeadline(line: string): boolean {
  return (
    line.length > 0 &&
    line.length <= 200 &&
    !line.includes('\n') &&
    countWords(line) <= 30 &&
    !/[.,;:]$/.test(line)
  );
}

/** A byline line of a plain-text article: "By Jane Doe", "BY JANE DOE and JOHN ROE, Reuters". */
const TEXT_BYLINE = /^(?:By|BY|by)\s+(\p{Lu}[^\n]{1,150})$/u;

function bylineOf(line: string): string | null {
  const m = TEXT_BYLINE.exec(line.trim());
  return m && !/[.!?]["”’]?$/.test(m[1]) && countWords(m[1]) <= 20 ? m[1].trim() : null;
}

/**
 * An article from plain text (a `.txt` file): the first line is the title when it looks like one, and
 * a "By …" line right under it (in the same block or the next) is the byline.
 */
export function extractFromText(input: string): ExtractedArticle {
  const result = emptyArticle();
  if (typeof input !== 'string') return result;
  const normalised = input
    .slice(0, MAX_TEXT_CHARS)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  let blocks = normalised.split(/\n[ \t]*\n+/);
  const lines = normalised.split('\n');
  // No blank lines at all: one paragraph per line, unless the lines are hard-wrapped prose.
  if (blocks.length === 1 && lines.length > 2 && normalised.length / lines.length > 90) blocks = lines;
  // "Headline\nBy Jane Doe": the byline line leaves the title block.
  const head = blocks[0]?.trim().split('\n') ?? [];
  const headByline = head.length > 1 ? bylineOf(head[head.length - 1]) : null;
  if (headByline) {
    result.byline = headByline;
    blocks = [head.slice(0, -1).join('\n'), ...blocks.slice(1)];
  }
  let paragraphs = blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (paragraphs.length > 1 && looksLikeHeadline(paragraphs[0])) {
    result.title = paragraphs[0];
    paragraphs = paragraphs.slice(1);
    const nextByline = !result.byline && paragraphs.length > 1 ? bylineOf(paragraphs[0]) : null;
    if (nextByline) {
      result.byline = nextByline;
      paragraphs = paragraphs.slice(1);
    }
  }
  result.text = paragraphs.join('\n\n');
  result.wordCount = countWords(result.text);
  result.isArticle = result.wordCount > 0;
  return result;
}
