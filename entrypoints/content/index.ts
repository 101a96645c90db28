/**
 * Stage 1 of 3, on every page: the cheap first look. Only the gate and the messaging runtime load
 * here; a page on the topic gets the lens stage injected by the background.
 */
import { quickLook } from '@/utils/gate';
import { lensBridge } from '@/utils/lens-bridge';
import { sendMessage } from '@/utils/messaging';
import { MAX_HTML_CHARS } from '@/utils/page-limits';
import { mark, timed } from '@/utils/perf';

const GUARD = '__triangleLensGate';
/** Single-page sites: wait for the new article to render before looking again. */
const NAVIGATION_SETTLE_MS = 800;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as unknown as Record<string, boolean | undefined>;
    if (g[GUARD]) return; // a second injection in the same world
    g[GUARD] = true;
    ctx.onInvalidated(() => delete g[GUARD]);

    let lastKey = '';
    const look = () => {
      const key = location.href.split('#')[0];
      if (key === lastKey) return; // once per distinct article
      lastKey = key;
      // No error escapes into the page: a failure only means no marks here.
      lookAtPage(key).catch((err: unknown) => {
        if (ctx.isValid) console.debug('[Triangle Lens] skipped this page:', err);
      });
    };
    look();
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(look, NAVIGATION_SETTLE_MS));
  },
});

async function lookAtPage(key: string): Promise<void> {
  const look = timed('gate', () => quickLook(document, location.href));
  if (!look.worth) return mark('idle');
  const html = timed('serialize', () => document.documentElement?.outerHTML ?? '');
  if (html.length > MAX_HTML_CHARS) return mark('idle');
  const analysis = await sendMessage('analyzePage', { html, url: location.href });
  if (location.href.split('#')[0] !== key) return; // navigated away meanwhile
  if (!analysis?.topic.related) return mark('idle');
  const bridge = lensBridge();
  bridge.analysis = analysis;
  bridge.url = location.href;
  if (bridge.refresh) bridge.refresh();
  else await sendMessage('startLens');
}
