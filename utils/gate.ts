/**
 * The cheap first look that runs on every page, on the page's main thread: is this page worth a full
 * analysis? It reads a few URL and structure signals and a bounded sample of text (title, meta
 * descriptions and the first paragraphs), never the whole page's text, and loads only the small
 * readerable check, not the Readability parser.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { GateResult } from './types';

/** Site names (any label of the host but the last) whose pages are never news articles: video, shops, code. */
const SKIPPED_SITES = new Set(
  (
    'youtube youtu vimeo twitch netflix tiktok dailymotion hulu disneyplus primevideo ' +
    'amazon ebay aliexpress etsy walmart temu shein bestbuy ikea taobao rakuten zalando ' +
    'github gitlab bitbucket stackoverflow stackexchange npmjs pypi crates readthedocs'
  ).split(' '),
);
/** Search engines: skipped on their result paths only (their news pages may link out to articles). */
const SEARCH_SITES = new Set(
  'google bing yahoo yandex baidu duckduckgo ecosia startpage qwant kagi'.split(' '),
);
const SEARCH_PATH = /^\/(?:search|html|s|web)(?:[/?]|$)/i;
/** First host labels of mail, office, maps, docs and app subdomains. */
const SKIPPED_SUBDOMAINS = new Set(
  (
    'mail outlook inbox calendar drive docs sheets slides maps meet photos translate developer developers ' +
    'api console dashboard admin app accounts login checkout'
  ).split(' '),
);
/** Paths that mark shop, account and search pages on any host. */
const SKIPPED_PATH = /\/(?:cart|checkout|basket|login|signin|sign-in|account|search)(?:[/?#]|$)/i;

/** Search, mail, video, shop, docs and app pages, known from the URL alone (no regex over the host). */
export function isSkippedUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const labels = parsed.hostname.toLowerCase().split('.');
  if (SKIPPED_SUBDOMAINS.has(labels[0]) && labels.length > 2) return true;
  for (let i = 0; i < labels.length - 1; i++) {
    if (SKIPPED_SITES.has(labels[i])) return true;
    if (SEARCH_SITES.has(labels[i]) && SEARCH_PATH.test(parsed.pathname)) return true;
  }
  if (parsed.hostname === 'docs.rs' || parsed.hostname === 'proton.me') return true;
  return SKIPPED_PATH.test(parsed.pathname);
}

/**
 * Terms naming the pair (group 1: first, so that 中俄 and 俄中 are read as the pair and not as 俄
 * alone), Russia terms (groups 2–3; Russia's war in Ukraine stands for its side, as in the topic
 * data) and China terms (groups 4–5), in English with the common Russian, German, French, Spanish and
 * Chinese (simplified and traditional) forms. Kept small and plain on purpose (no Unicode property escapes or lookbehind: those
 * made this scan 4–5× slower in V8); the full vocabulary lives in `data/topic.v1.json` and is only
 * loaded once a page passes this gate. `\b` only works for ASCII words, so the Cyrillic stems and
 * the Chinese words stand in their own groups without it.
 */
const SAMPLE_TERMS =
  /\b(sino[-– ](?:rus|sovi|sowj)|rus+o[-– ]chin|chin[oa][-– ]rus)|(中俄|俄中|中苏)|\b(russia|mosc(?:ow|ou|ú)|kremlin|putin|sovi[eé]t|sowjet|ussr|ukrain|ucrania|kyiv|russland|russisch|moskau|russie|russes?\b|rus[oa]s?\b|rusia|poutine)|(росси|москв|кремл|путин|украин|советск|ссср|俄|普京|普丁|莫斯科|克里姆林|苏联|蘇聯|乌克兰|烏克蘭)|\b(china|chinese|chin[oa]s\b|chino\b|beijing|peking|p[eé]k[ií]n|xi jinping|chinois|chinesisch|chine\b)|(кита|пекин|си цзиньпин|中国|中國|中方|北京|习近平|習近平)/gi;

const MAX_PARAGRAPHS = 20;
export const MAX_SAMPLE_CHARS = 4000;

/**
 * Text a page says about itself, read from <head> only: title and descriptions. (No h1: on a page
 * without one, looking for it walks every element, which is what this gate must not do.)
 */
function headSample(doc: Document): string {
  const parts: string[] = [doc.title || ''];
  const head = doc.head ?? doc;
  for (const selector of [
    'meta[name="description"]',
    'meta[property="og:title"]',
    'meta[property="og:description"]',
    'meta[name="twitter:title"]',
  ]) {
    parts.push(head.querySelector(selector)?.getAttribute('content') ?? '');
  }
  return parts.join('\n');
}

/** The first paragraphs of the page, up to a character cap. */
function paragraphSample(doc: Document, budget: number): string {
  const paragraphs = doc.getElementsByTagName('p');
  const parts: string[] = [];
  let used = 0;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS && used < budget; i++) {
    const text = (paragraphs[i].textContent ?? '').slice(0, budget - used);
    used += text.length;
    parts.push(text);
  }
  return parts.join('\n');
}

/** The text the gate reads: the head's title and descriptions, then at most MAX_SAMPLE_CHARS of paragraphs. */
export function gateSample(doc: Document): string {
  return headSample(doc) + '\n' + paragraphSample(doc, MAX_SAMPLE_CHARS);
}

/** True when the text names both Russia and China (or the pair in one term). */
export function mentionsBothSides(text: string): boolean {
  let russia = false;
  let china = false;
  SAMPLE_TERMS.lastIndex = 0;
  for (let match = SAMPLE_TERMS.exec(text); match; match = SAMPLE_TERMS.exec(text)) {
    if (match[1] || match[2]) return true;
    if (match[3] || match[4]) russia = true;
    else china = true;
    if (russia && china) return true;
  }
  return false;
}

/**
 * Readability's readerable check counts characters (paragraphs of 140 and more, a score of 20); a
 * Han character says about as much as three Latin letters, so a Chinese page is measured by a third.
 */
const HAN_READERABLE = { minContentLength: 47, minScore: 12 };
/**
 * When the page's title or description names both sides, a short piece (a wire brief, a journal's
 * landing page) is enough: half the content length, half the score.
 */
const SHORT_READERABLE = { minContentLength: 70, minScore: 10 };
const HAN_SHORT_READERABLE = { minContentLength: 24, minScore: 6 };

/** True when at least a third of the sample's characters are Han characters (a Chinese page). */
export function mostlyHan(sample: string): boolean {
  let han = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return han * 3 >= sample.length && han > 0;
}

/** A frameset page: checked on the root's children only, never by searching the whole tree. */
export function isFrameset(doc: Document, root: Element): boolean {
  if (root.tagName === 'FRAMESET') return true;
  const children = doc.documentElement?.children ?? [];
  for (let i = 0; i < children.length; i++) if (children[i].tagName === 'FRAMESET') return true;
  return false;
}

function body(doc: Document): HTMLElement | null {
  try {
    return doc.body ?? null;
  } catch {
    return null;
  }
}

/**
 * Is this page worth a full analysis? Cheap signals first: content type, body, frameset, host kind,
 * then a bounded text sample checked for both sides of the pair, then Readability's readerable check.
 * Never throws.
 */
export function quickLook(doc: Document, url?: string): GateResult {
  try {
    const type = doc.contentType;
    if (type && type !== 'text/html' && type !== 'application/xhtml+xml')
      return { worth: false, reason: 'not-html' };
    const root = body(doc);
    if (!root) return { worth: false, reason: 'no-body' };
    if (isFrameset(doc, root)) return { worth: false, reason: 'frameset' };
    if (isSkippedUrl(url ?? doc.URL)) return { worth: false, reason: 'skipped-host' };

    const head = headSample(doc);
    const sample = head + '\n' + paragraphSample(doc, MAX_SAMPLE_CHARS);
    if (!mentionsBothSides(sample)) return { worth: false, reason: 'no-topic-terms' };
    // A short piece under a headline naming both sides may be the whole story: a lower bar.
    const short = mentionsBothSides(head);
    const han = mostlyHan(sample);
    const options = han
      ? short
        ? HAN_SHORT_READERABLE
        : HAN_READERABLE
      : short
        ? SHORT_READERABLE
        : undefined;
    if (!isProbablyReaderable(doc, options)) return { worth: false, reason: 'not-readerable' };
    return { worth: true, reason: 'candidate' };
  } catch {
    return { worth: false, reason: 'error' };
  }
}
