/**
 * Wires the marks, the reading tracker and the card loader into a page on the topic. Every step
 * lives in utils/; this file only connects them.
 */
import { findArticleRoot } from '@/utils/article-root';
import { markForStop, markOf, openKeyFor, tabFocusTracker } from '@/utils/card-triggers';
import { planHighlights } from '@/utils/highlight-plan';
import type { CardHandle, LensBridge } from '@/utils/lens-bridge';
import { applyMarks, MARK_TAG, marksDetached, MENTION_ATTR, type AppliedMarks } from '@/utils/marks';
import { sendMessage } from '@/utils/messaging';
import { mark, timed } from '@/utils/perf';
import { isSiteOff, normalizeSettings } from '@/utils/settings-core';
import type { ScriptLife } from '@/utils/script-life';
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

export async function startLens(ctx: ScriptLife, bridge: LensBridge): Promise<void> {
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

  const tabFocus = tabFocusTracker((type, handler) => ctx.on(window, type, handler, { capture: true }));

  function run(ctx: ScriptLife, analysis: Analysis, url: string, s: Session): void {
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
        tabFocus,
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

  // The card stage loads on the first real hover, Tab stop or key on a mark (never on a page
  // script's synthetic event or `.focus()`: see utils/card-triggers.ts), then handles them itself.
  // A reader may press Enter on a mark while the stage is still loading after the Tab that reached it:
  // the latest want is the one honoured once it has loaded (a key is never lost behind a Tab's hint).
  type Want = { kind: 'hover' | 'tab' | 'key'; target: HTMLElement; mark: HTMLElement };
  let pending: Want | null = null;
  const wantCard = (want: Want) => {
    if (card || !settings.cardsEnabled || !bridge.cardHost) return;
    pending = want;
    if (cardRequested) return;
    cardRequested = true;
    const since = performance.now();
    void sendMessage('loadCardUi')
      .then(() => {
        const first = pending;
        const wait =
          first?.kind === 'hover' ? Math.max(0, settings.cardDelayMs - (performance.now() - since)) : 0;
        ctx.setTimeout(() => {
          const want = pending;
          pending = null;
          if (!card || !want || !want.target.isConnected) return;
          if (want.kind === 'hover' && want.mark.matches(':hover')) card.open(want.mark, false);
          else if (want.kind !== 'hover' && document.activeElement === want.target) {
            if (want.kind === 'key') card.open(want.mark, true);
            else card.hint(want.target);
          }
        }, wait);
      })
      .catch(() => {
        cardRequested = false;
        pending = null;
      });
  };
  ctx.on(document, 'pointerover', (e) => {
    const mark = e.isTrusted && !card ? markOf(e.target) : null;
    if (mark) wantCard({ kind: 'hover', target: mark, mark });
  });
  ctx.on(document, 'focusin', (e) => {
    if (card || !bridge.cardHost) return;
    const mark = markForStop(e.target);
    if (mark && tabFocus(e)) wantCard({ kind: 'tab', target: e.target as HTMLElement, mark });
  });
  ctx.on(
    document,
    'keydown',
    (e) => {
      const mark = card ? null : openKeyFor(e);
      if (!mark) return;
      e.preventDefault();
      wantCard({ kind: 'key', target: e.target as HTMLElement, mark });
    },
    { capture: true },
  );

  // The focus ring covers the whole name, also a name split over several elements ("<b>Ana</b> Ruiz").
  const ring = (e: FocusEvent, on: boolean) => {
    const head =
      e.target instanceof HTMLElement && e.target.matches(`${MARK_TAG}[tabindex]`) ? e.target : null;
    const mention = head?.getAttribute(MENTION_ATTR);
    if (!head || mention == null) return;
    for (const m of document.querySelectorAll<HTMLElement>(`${MARK_TAG}[${MENTION_ATTR}="${mention}"]`)) {
      m.style.outline = on ? '2px solid' : '';
      m.style.outlineOffset = on ? '2px' : '';
    }
  };
  ctx.on(document, 'focusin', (e) => ring(e, true));
  ctx.on(document, 'focusout', (e) => ring(e, false));

  // The reader pauses this site, or turns marks off, while the page is open: the marks and the card
  // go at once (a reload brings them back once the site is on again).
  const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes.settings) return;
    const now = normalizeSettings(changes.settings.newValue);
    if (isSiteOff(location.hostname, now) || !now.marksEnabled) ctx.end();
  };
  browser.storage.onChanged.addListener(onSettings);
  ctx.onEnd(() => browser.storage.onChanged.removeListener(onSettings));

  bridge.refresh = begin;
  ctx.onEnd(() => {
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
  ctx: ScriptLife,
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
  ctx.onEnd(stop);
}
