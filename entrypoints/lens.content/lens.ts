/**
 * Wires the marks, the reading tracker and the card loader into a page on the topic. Every step
 * lives in utils/; this file only connects them.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findArticleRoot } from '@/utils/article-root';
import { planHighlights } from '@/utils/highlight-plan';
import type { CardHandle, LensBridge } from '@/utils/lens-bridge';
import { applyMarks, MARK_TAG, marksDetached, type AppliedMarks } from '@/utils/marks';
import { sendMessage } from '@/utils/messaging';
import { mark, timed } from '@/utils/perf';
import { isSiteOff } from '@/utils/settings-core';
import type { Analysis, Expert } from '@/utils/types';
import { toArticleInput } from './article-input';
import { trackReading } from './read-tracker';
import { readSettings } from './settings';

/** How often the page may make us re-apply marks it removed, per minute. */
const MAX_REMARKS_PER_MINUTE = 12;

interface Session {
  abort: AbortController;
  applied: AppliedMarks | null;
}

export async function startLens(ctx: ContentScriptContext, bridge: LensBridge): Promise<void> {
  const settings = await readSettings();
  if (isSiteOff(location.hostname, settings)) return;
  let session: Session | null = null;
  let card: CardHandle | null = null;
  let cardRequested = false;

  const begin = () => {
    if (!ctx.isValid) return;
    if (session) {
      session.abort.abort();
      session.applied?.remove();
      session = null;
    }
    card?.destroy();
    card = null;
    cardRequested = false;
    delete bridge.cardHost;
    const analysis = bridge.analysis;
    if (!analysis) return; // not (or not yet) on the topic
    session = { abort: new AbortController(), applied: null };
    run(ctx, analysis, bridge.url, session);
  };

  function run(ctx: ContentScriptContext, analysis: Analysis, url: string, s: Session): void {
    const root = timed('find-root', () => findArticleRoot(document, analysis.article?.text));
    const experts = analysis.experts;
    const markAll = () => {
      s.applied?.remove();
      s.applied = timed('mark', () => {
        const plan = planHighlights(root, experts, analysis.article?.text ?? null);
        return applyMarks(document, plan, (id) => `${nameOf(experts, id)}: expert card`);
      });
    };
    if (settings.marksEnabled && experts.length > 0) {
      markAll();
      mark('marks-in-place');
      keepMarksAlive(ctx, s.abort.signal, root, () => s.applied, markAll);
      bridge.cardHost = {
        analysis,
        root,
        url,
        cardDelayMs: settings.cardDelayMs,
        attach: (handle) => {
          card = handle;
        },
      };
    }
    const visitId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    trackReading(ctx, s.abort.signal, {
      dwellMs: settings.dwellMs,
      scrollRatio: settings.scrollRatio,
      root,
      onRead: (timeSpentMs) => {
        const page = { url, title: document.title, host: location.hostname, visitId };
        void sendMessage('saveArticle', toArticleInput(analysis, page, timeSpentMs))
          .then((res) =>
            res.ok
              ? sendMessage('reportPage', {
                  url,
                  title: document.title,
                  related: true,
                  expertCount: experts.length,
                  counted: true,
                })
              : console.debug('[Triangle Lens] not saved:', res.message),
          )
          .catch(() => undefined);
      },
    });
  }

  // The card stage loads on the first hover or focus of a mark, then handles those events itself.
  const wantCard = (e: Event, focus: boolean) => {
    const target = e.target instanceof Element ? (e.target.closest(MARK_TAG) as HTMLElement | null) : null;
    if (!target || card || cardRequested || !settings.cardsEnabled || !bridge.cardHost) return;
    cardRequested = true;
    const since = performance.now();
    void sendMessage('loadCardUi')
      .then(() => {
        const wait = Math.max(0, settings.cardDelayMs - (performance.now() - since));
        ctx.setTimeout(
          () => {
            if (!card || !target.isConnected) return;
            if (focus ? document.activeElement === target : target.matches(':hover'))
              card.open(target, false);
          },
          focus ? 0 : wait,
        );
      })
      .catch(() => {
        cardRequested = false;
      });
  };
  ctx.addEventListener(document, 'pointerover', (e) => wantCard(e, false));
  ctx.addEventListener(document, 'focusin', (e) => wantCard(e, true));

  bridge.refresh = begin;
  ctx.onInvalidated(() => {
    session?.abort.abort();
    session?.applied?.remove();
    card?.destroy();
    delete bridge.refresh;
    delete bridge.cardHost;
  });
  begin();
}

function nameOf(experts: Expert[], id: string): string {
  return experts.find((e) => e.id === id)?.name ?? id;
}

/** Re-applies marks when the page's own re-render drops them, within a budget. */
function keepMarksAlive(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  root: Element,
  current: () => AppliedMarks | null,
  markAll: () => void,
): void {
  let budget = MAX_REMARKS_PER_MINUTE;
  const refill = ctx.setInterval(() => (budget = MAX_REMARKS_PER_MINUTE), 60_000);
  let queued = false;
  const observer = new MutationObserver(() => {
    const a = current();
    if (queued || !a || budget <= 0 || !marksDetached(a)) return;
    queued = true;
    ctx.setTimeout(() => {
      queued = false;
      const now = current();
      if (signal.aborted || !now || !marksDetached(now) || budget <= 0 || !root.isConnected) return;
      budget--;
      observer.disconnect();
      markAll();
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }, 500);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const stop = () => {
    observer.disconnect();
    clearInterval(refill);
  };
  signal.addEventListener('abort', stop, { once: true });
  ctx.onInvalidated(stop);
}
