/**
 * What a page may write to the history. The site stored is the real host of the frame that sent the
 * save (the browser's word, not the page's): a name the page claims for itself (og:site_name) is
 * kept beside it only as "claimed". And a tab adds at most one new article per `minGapMs`, so a page
 * changing its URL every few seconds cannot fill the history. Pure: the clock is injected.
 */

/** The host of a web URL, lower-cased without a leading "www."; '' when it is not one. */
export function realHost(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The name the page gave itself, when it says something other than its host (kept as claimed);
 * null when it names nothing or just its host.
 */
export function claimedSiteName(claimed: string | null | undefined, host: string): string | null {
  const name = claimed?.trim() ?? '';
  if (!name) return null;
  const folded = name.toLowerCase().replace(/^www\./, '');
  return folded === host ? null : name;
}

export const MIN_GAP_BETWEEN_NEW_ARTICLES_MS = 30_000;

/**
 * Per-tab budget for new history records: re-saving the article a tab saved last (more time spent)
 * is always allowed; a different article only `minGapMs` after the tab's previous new one.
 */
export function createSaveLimiter(now: () => number, minGapMs = MIN_GAP_BETWEEN_NEW_ARTICLES_MS) {
  const last = new Map<string, { key: string; at: number }>();
  return {
    /** True when `tab` may save `key` now; records the save when it may. */
    allow(tab: string, key: string): boolean {
      const prev = last.get(tab);
      if (prev && prev.key === key) return true;
      if (prev && now() - prev.at < minGapMs) return false;
      last.set(tab, { key, at: now() });
      return true;
    },
    forget(tab: string): void {
      last.delete(tab);
    },
  };
}
