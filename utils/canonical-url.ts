/**
 * Canonical form of an article URL, so that the same article read through a newsletter link, a
 * social share or an AMP cache is recognised as one page. Pure string work; never throws.
 */

/** Query parameters that only track where a click came from. Matched case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__twitter_impression',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'smid',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'spm',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, pk_campaign, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'itm_', 'at_'];

/** Parameters that only select the AMP rendering of a page. */
const AMP_PARAMS: Record<string, RegExp> = {
  amp: /^(1|true|)$/i,
  outputtype: /^amp$/i,
  output: /^amp$/i,
  format: /^amp$/i,
};

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a/b` → `https://www.example.com/a/b`.
 * Returns null when the URL is not an AMP cache URL.
 */
function unwrapAmpCache(url: URL): URL | null {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return null;
  const match = /^\/[a-z]\/(s\/)?(.+)$/i.exec(url.pathname);
  if (!match) return null;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`);
  } catch {
    return null;
  }
}

function foldAmpPath(pathname: string): string {
  let path = pathname
    .replace(/\/amp(\/|$)/i, '/') // /news/amp/story → /news/story, /story/amp → /story/
    .replace(/\.amp\.html?$/i, '.html') // story.amp.html → story.html
    .replace(/\.amp$/i, ''); // story.amp → story
  if (path === '') path = '/';
  return path;
}

/**
 * Canonical URL: lowercase host, no default port, no hash, no tracking parameters, AMP variants
 * folded onto the plain page, no trailing slash (except the root). Returns the input unchanged when
 * it is not an absolute http(s) URL.
 */
export function canonicalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return input;

  url = unwrapAmpCache(url) ?? url;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if (/^amp\./.test(url.hostname) && url.hostname.split('.').length > 2) {
    url.hostname = url.hostname.slice(4);
  }

  const kept: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (isTrackingParam(name)) continue;
    const amp = AMP_PARAMS[name.toLowerCase()];
    if (amp && amp.test(value)) continue;
    kept.push([name, value]);
  }
  const search = new URLSearchParams(kept).toString();

  let pathname = foldAmpPath(url.pathname);
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '') || '/';

  const port = url.port ? `:${url.port}` : '';
  return `${url.protocol}//${url.hostname}${port}${pathname}${search ? `?${search}` : ''}`;
}
