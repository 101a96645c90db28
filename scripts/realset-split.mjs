/**
 * The real set's split rule, fixed before any page was gathered (2026-12-04 17:19 UTC). Never change it:
 * tuning happens on train and dev only; test is reported, never tuned on.
 *
 * A page's split follows its site, the registrable domain of its URL (lower case, "www." and other
 * subdomains dropped: the last two labels, or the last three when the last two are a known two-level
 * public suffix such as "co.uk", "com.au", "org.uk", "ac.uk", "com.cn", "co.jp", "com.sg", "co.in").
 * bucket = first 4 bytes of SHA-256(site) read as an unsigned big-endian integer, mod 100;
 * bucket < 50 → train, < 75 → dev, else test. Every page of one site lands in the same split.
 */
import { createHash } from 'node:crypto';

const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'org.au',
  'edu.au',
  'net.au',
  'gov.au',
  'com.cn',
  'org.cn',
  'net.cn',
  'edu.cn',
  'gov.cn',
  'co.jp',
  'or.jp',
  'ac.jp',
  'ne.jp',
  'com.sg',
  'edu.sg',
  'org.sg',
  'gov.sg',
  'co.in',
  'org.in',
  'ac.in',
  'gov.in',
  'com.hk',
  'org.hk',
  'edu.hk',
  'co.nz',
  'org.nz',
  'ac.nz',
  'co.kr',
  'or.kr',
  'ac.kr',
  'com.tw',
  'org.tw',
  'edu.tw',
  'com.br',
  'com.tr',
  'com.ua',
  'org.ua',
  'com.pk',
  'co.za',
  'org.za',
  'ac.za',
  'co.il',
  'org.il',
  'ac.il',
]);

/** The registrable domain of a URL ("https://www.bbc.co.uk/news/x" → "bbc.co.uk"). */
export function siteOf(url) {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LEVEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** "train" | "dev" | "test" for a site (registrable domain). */
export function splitOfSite(site) {
  const bucket = createHash('sha256').update(site).digest().readUInt32BE(0) % 100;
  if (bucket < 50) return 'train';
  if (bucket < 75) return 'dev';
  return 'test';
}

export function splitOfUrl(url) {
  return splitOfSite(siteOf(url));
}
