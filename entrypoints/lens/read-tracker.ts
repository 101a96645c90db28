/**
 * Decides when an article counts as read: visible for `dwellMs` in total, or scrolled through to
 * `scrollRatio` of the article. An article opened and closed at once is not history.
 */
import type { ScriptLife } from '@/utils/script-life';

export interface ReadTrackerOptions {
  dwellMs: number;
  scrollRatio: number;
  /** The article's element in the live page (scroll progress is measured on it). */
  root: Element;
  onRead: (timeSpentMs: number) => void;
}

export function trackReading(ctx: ScriptLife, signal: AbortSignal, opts: ReadTrackerOptions): void {
  let visibleMs = 0;
  let visibleSince = document.visibilityState === 'visible' ? performance.now() : null;
  let done = false;

  const spent = () => visibleMs + (visibleSince === null ? 0 : performance.now() - visibleSince);
  const finish = () => {
    if (done || !ctx.isValid || signal.aborted) return;
    done = true;
    opts.onRead(Math.round(spent()));
  };
  const check = () => {
    if (!done && spent() >= opts.dwellMs) finish();
  };

  ctx.on(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') visibleSince = performance.now();
    else if (visibleSince !== null) {
      visibleMs += performance.now() - visibleSince;
      visibleSince = null;
    }
  });
  const timer = ctx.setInterval(check, Math.min(1000, Math.max(100, opts.dwellMs / 4)));
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });

  let scrollQueued = false;
  ctx.on(
    window,
    'scroll',
    () => {
      if (done || scrollQueued || signal.aborted) return;
      scrollQueued = true;
      ctx.requestAnimationFrame(() => {
        scrollQueued = false;
        const rect = opts.root.getBoundingClientRect();
        const height = Math.max(1, rect.height);
        const seen = Math.min(height, window.innerHeight - rect.top);
        if (seen / height >= opts.scrollRatio && spent() >= Math.min(opts.dwellMs, 3000)) finish();
      });
    },
    { passive: true },
  );
}
