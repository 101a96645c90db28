/**
 * Stage 1 of 3, on every page (declared in the manifest by wxt.config.ts): the cheap first look.
 * An unlisted script, not a WXT content script, so that every page pays only for the gate itself:
 * no context object, no start-up events posted into the page. For a candidate page the background
 * injects the lens stage while it analyses the page; the gate hands the lens the verdict.
 */
import { quickLook } from '@/utils/gate';
import { lensBridge } from '@/utils/lens-bridge';
import { sendMessage } from '@/utils/messaging';
import { MAX_ELEMENTS, MAX_HTML_CHARS } from '@/utils/page-limits';
import { mark, timed } from '@/utils/perf';

const GUARD = '__triangleLensGate';
/** Single-page sites: wait for the new article to render before looking again. */
const NAVIGATION_SETTLE_MS = 800;
const POLL_MS = 1000;

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, boolean | undefined>;
  if (g[GUARD]) return; // a second injection in the same world
  g[GUARD] = true;

  let lastKey = '';
  const look = () => {
    const key = pageKey(location.href);
    if (key === lastKey) return; // once per distinct article
    lastKey = key;
    // No error escapes into the page: a failure (or an extension reloaded under us) means no marks.
    lookAtPage(key).catch((err: unknown) => console.debug('[Triangle Lens] skipped this page:', err));
  };
  look();
  watchNavigation(() => setTimeout(look, NAVIGATION_SETTLE_MS));
});

function pageKey(href: string): string {
  return href.split('#')[0];
}

/** Calls `onChange` after in-page navigation (the Navigation API where there is one, else a slow poll). */
function watchNavigation(onChange: () => void): void {
  const nav = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', onChange);
    return;
  }
  let last = pageKey(location.href);
  const timer = setInterval(() => {
    if (!browser.runtime?.id) return clearInterval(timer); // the extension went away
    const now = pageKey(location.href);
    if (now !== last) {
      last = now;
      onChange();
    }
  }, POLL_MS);
}

async function lookAtPage(key: string): Promise<void> {
  const look = timed('gate', () => quickLook(document, location.href));
  if (!look.worth) return mark('idle');
  // A gigantic page is not serialised at all (that alone would be a long task on the page's thread).
  if (document.getElementsByTagName('*').length > MAX_ELEMENTS) return mark('idle');
  const html = timed('serialize', () => document.documentElement?.outerHTML ?? '');
  if (html.length > MAX_HTML_CHARS) return mark('idle');
  // Sending copies the page text again on this thread: in a task of its own, so that on a page of
  // megabytes serialising and sending never add up to one long task.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (pageKey(location.href) !== key) return; // navigated away meanwhile
  const analysis = await sendMessage('analyzePage', { html, url: location.href });
  if (pageKey(location.href) !== key) return; // navigated away meanwhile
  // Hand the verdict to the lens (injected by the background meanwhile); null means nothing to mark.
  const bridge = lensBridge();
  bridge.analysis = analysis?.topic.related ? analysis : null;
  bridge.url = location.href;
  bridge.refresh?.();
  if (!bridge.analysis) mark('idle');
}
