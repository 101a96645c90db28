import { runLens } from './lens';

const GUARD = '__triangleLensLoaded';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Guard against a second injection in the same isolated world.
    const w = window as unknown as Record<string, unknown>;
    if (w[GUARD]) return;
    w[GUARD] = true;
    ctx.onInvalidated(() => delete w[GUARD]);

    let run: AbortController | null = null;
    let lastKey = '';
    const start = () => {
      const key = location.href.split('#')[0];
      if (key === lastKey) return; // once per distinct article
      lastKey = key;
      run?.abort();
      const controller = new AbortController();
      run = controller;
      // No error escapes into the page: a failure here only means no marks on this page.
      runLens(ctx, controller.signal).catch((err: unknown) => {
        if (ctx.isValid) console.debug('[Triangle Lens] skipped this page:', err);
      });
    };
    start();
    // Single-page sites: re-check after in-page navigation, once the new content had time to render.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(start, 800);
    });
    ctx.onInvalidated(() => run?.abort());
  },
});
