/**
 * The cheap first look that runs on every page, on the page's main thread: is this page worth a full
 * analysis? It reads a few URL and structure signals and a bounded sample of text (title, meta
 * description, h1 and the first paragraphs), never the whole page's text, and loads only the small
 * readerable check, not the Readability parser.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { GateResult } from './types';

/** Hosts and paths whose pages are never news articles: search, mail, video, shops, docs, apps. */
const SKIPPED_URL =
  /^https?:\/\/(?:[^/]*\.)?(?:(?:google|bing|yahoo|yandex|baidu|duckduckgo|ecosia|startpage|qwant|kagi)\.[a-z.]+\/(?:search|html|s\b|web)|(?:mail|outlook|inbox|calendar|drive|docs|sheets|slides|maps|meet|photos|translate)\.(?:google|live|yahoo|office|yandex|proton|zoho)\.[a-z.]+\/|(?:outlook\.office365|proton\.me\/mail|app\.fastmail)|(?:youtube|youtu|vimeo|twitch|netflix|tiktok|dailymotion|hulu|disneyplus|primevideo)\.[a-z.]+\/|(?:amazon|ebay|aliexpress|etsy|walmart|temu|shein|bestbuy|target|ikea|taobao|jd|rakuten|zalando|otto)\.[a-z.]+\/|(?:github|gitlab|bitbucket|stackoverflow|stackexchange|npmjs|pypi|crates|readthedocs|developer\.mozilla|learn\.microsoft|docs\.rs)\.[a-z.]+\/|(?:docs|developer|developers|api|console|dashboard|admin|app|accounts|login|checkout)\.[^/]+\/)/i;

/** Paths that mark shop and account pages on any host. */
const SKIPPED_PATH = /\/(?:cart|checkout|basket|login|signin|sign-in|account|search)(?:[/?#]|$)/i;

/**
 * Russia terms (group 1), China terms (group 2) and terms naming the pair (group 3), in English with
 * the common Russian, German and French forms. Kept small on purpose; the full vocabulary lives in
 * `data/topic.v1.json` and is only loaded once a page passes this gate.
 */
const SAMPLE_TERMS =
  /(?<![\p{L}\p{N}])(?:(russia\p{L}*|moscow|kremlin|putin\p{L}*|lavrov|росси\p{L}*|москв\p{L}*|кремл\p{L}*|путин\p{L}*|russland\p{L}*|russisch\p{L}*|moskau|russie|russes?|moscou|poutine)|(chin(?:a|ese|as|e|ois\p{L}*|esisch\p{L}*)|beijing|peking|pékin|xi jinping|кита\p{L}*|пекин\p{L}*|си цзиньпин\p{L}*)|(sino[-–\s]russ\p{L}*|russo[-–\s]chin\p{L}*|российско[-–]китайск\p{L}*|китайско[-–]российск\p{L}*))(?![\p{L}\p{N}])/giu;

const MAX_PARAGRAPHS = 30;
const MAX_SAMPLE_CHARS = 6000;

/** Text a page says about itself, without walking its body: title, descriptions, first h1. */
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
  parts.push((doc.querySelector('h1')?.textContent ?? '').slice(0, 300));
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

/** True when the text names both Russia and China (or the pair in one term). */
export function mentionsBothSides(text: string): boolean {
  let russia = false;
  let china = false;
  SAMPLE_TERMS.lastIndex = 0;
  for (let match = SAMPLE_TERMS.exec(text); match; match = SAMPLE_TERMS.exec(text)) {
    if (match[3]) return true;
    if (match[1]) russia = true;
    else if (match[2]) china = true;
    if (russia && china) return true;
  }
  return false;
}

function isSkippedUrl(url: string | undefined): boolean {
  if (!url) return false;
  return SKIPPED_URL.test(url) || SKIPPED_PATH.test(url.replace(/^[a-z]+:\/\/[^/]+/i, ''));
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
    if (!isProbablyReaderable(doc)) return { worth: false, reason: 'not-readerable' };
    return { worth: true, reason: 'candidate' };
  } catch {
    return { worth: false, reason: 'error' };
  }
}
