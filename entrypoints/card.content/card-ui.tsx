/**
 * The card controller: one shadow-root UI for the page, opened from a mark by hover (after a short
 * delay) or keyboard focus, kept open while the pointer is over the mark or the card, closed on
 * Escape and on leaving. Positioned with Floating UI; layout changes under the pointer never close it
 * (closing re-checks :hover after a grace period).
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ExpertCard, type Balance, type SeenInHistory } from '@/components/ExpertCard';
import { CARD_CSS } from '@/components/card-styles';
import type { StanceLabel } from '@/utils/types';
import type { CardHandle, CardHost } from '@/utils/lens-bridge';
import { MARK_ATTR, MARK_TAG } from '@/utils/marks';
import { sendMessage } from '@/utils/messaging';
import { jumpTo } from './jump';

export const UI_TAG = 'triangle-lens-ui';
const CLOSE_GRACE_MS = 300;

export async function createCardController(ctx: ContentScriptContext, host: CardHost): Promise<CardHandle> {
  const experts = host.analysis.experts;
  const deps = {
    delayMs: host.cardDelayMs,
    loadSeen: async (id: string): Promise<SeenInHistory> => {
      const res = await sendMessage('expertsSeen', { ids: [id], excludeUrl: host.url });
      return res[id] ?? { count: 0, latest: null };
    },
    loadCorrections: () => sendMessage('getCorrections', { articleKey: host.url }),
    saveCorrection: async (expertId: string, label: StanceLabel | null) => {
      await sendMessage('setStanceCorrection', { articleKey: host.url, expertId, label });
    },
    jumpTo: (sentence: string) => jumpTo(host.root, sentence),
  };
  const byId = new Map(experts.map((e) => [e.id, e]));
  let corrections: Record<string, StanceLabel> = {};
  const seenCache = new Map<string, SeenInHistory | null>();

  const ui = await createShadowRootUi(ctx, {
    name: UI_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: CARD_CSS,
    onMount: (container) => container,
  });
  ui.mount();
  ui.shadowHost.setAttribute('style', 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;');
  const container = ui.uiContainer;

  let openId: string | null = null;
  let anchor: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  /** The mark we just gave focus back to: its focusin must not reopen the card. */
  let refocused: HTMLElement | null = null;

  const balance = (): Balance => {
    const b: Balance = { durable: 0, fragile: 0, neutral: 0 };
    for (const e of experts) b[corrections[e.id] ?? e.stance.label]++;
    return b;
  };

  function draw(): void {
    if (!openId) {
      render(null, container);
      return;
    }
    const expert = byId.get(openId);
    if (!expert) return;
    render(
      <div
        class="tl-card"
        data-testid="tl-card"
        role="dialog"
        aria-labelledby="tl-card-title"
        tabIndex={-1}
        onPointerEnter={cancelClose}
        onPointerLeave={scheduleClose}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close(true);
          }
        }}
      >
        <ExpertCard
          expert={expert}
          balance={balance()}
          seen={seenCache.get(expert.id) ?? null}
          correction={corrections[expert.id] ?? null}
          onCorrect={(label) => {
            if (label) corrections = { ...corrections, [expert.id]: label };
            else {
              const { [expert.id]: _dropped, ...rest } = corrections;
              corrections = rest;
            }
            draw();
            void deps.saveCorrection(expert.id, label).catch(() => undefined);
          }}
          onJump={(sentence) => {
            close(false);
            deps.jumpTo(sentence);
          }}
          onClose={() => close(true)}
        />
      </div>,
      container,
    );
    card = container.querySelector('.tl-card');
  }

  function position(): void {
    if (!anchor || !card) return;
    const a = anchor;
    const c = card;
    void computePosition(a, c, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      c.style.left = `${x}px`;
      c.style.top = `${y}px`;
    });
  }

  function open(mark: HTMLElement, focusCard: boolean): void {
    const id = mark.getAttribute(MARK_ATTR);
    if (!id || !byId.has(id)) return;
    cancelClose();
    if (openId === id && anchor === mark) {
      if (focusCard) card?.focus();
      return;
    }
    stopAutoUpdate?.();
    openId = id;
    anchor = mark;
    draw();
    if (card) stopAutoUpdate = autoUpdate(mark, card, position);
    if (focusCard) card?.focus();
    if (!seenCache.has(id)) {
      void deps
        .loadSeen(id)
        .then((seen) => {
          seenCache.set(id, seen);
          if (openId === id) draw();
        })
        .catch(() => seenCache.set(id, null));
    }
  }

  function close(returnFocus: boolean): void {
    window.clearTimeout(openTimer);
    cancelClose();
    if (!openId) return;
    const back = anchor;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    openId = null;
    anchor = null;
    card = null;
    draw();
    if (returnFocus && back?.isConnected && document.activeElement !== back) {
      refocused = back;
      back.focus();
      refocused = null;
    }
  }

  function cancelClose(): void {
    window.clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  function scheduleClose(): void {
    cancelClose();
    closeTimer = ctx.setTimeout(() => {
      // Re-check: a re-layout under the pointer can fire a false "leave".
      const hovered = Boolean(card?.matches(':hover') || anchor?.matches(':hover'));
      const focused = ui.shadowHost.matches(':focus-within') || anchor === document.activeElement;
      if (hovered || focused) return;
      close(false);
    }, CLOSE_GRACE_MS);
  }

  const markOf = (t: EventTarget | null): HTMLElement | null =>
    t instanceof Element ? (t.closest(MARK_TAG) as HTMLElement | null) : null;

  ctx.addEventListener(document, 'pointerover', (e) => {
    const m = markOf(e.target);
    if (!m) return;
    cancelClose();
    window.clearTimeout(openTimer);
    openTimer = ctx.setTimeout(() => open(m, false), deps.delayMs);
  });
  ctx.addEventListener(document, 'pointerout', (e) => {
    const m = markOf(e.target);
    if (!m) return;
    window.clearTimeout(openTimer);
    if (openId) scheduleClose();
  });
  ctx.addEventListener(document, 'focusin', (e) => {
    const m = markOf(e.target);
    if (m && m !== refocused) open(m, false);
  });
  ctx.addEventListener(document, 'focusout', (e) => {
    if (markOf(e.target) && openId) scheduleClose();
  });
  ctx.addEventListener(
    document,
    'keydown',
    (e) => {
      if (e.key === 'Escape' && openId) {
        // Focus goes back to the mark only when it was in the card.
        close(ui.shadowHost.matches(':focus-within'));
        return;
      }
      const m = markOf(e.target);
      if (m && (e.key === 'Enter' || e.key === ' ') && !m.closest('a')) {
        e.preventDefault();
        open(m, true);
      } else if (m && e.key === 'ArrowDown' && openId) {
        e.preventDefault();
        card?.focus();
      }
    },
    { capture: true },
  );
  ctx.addEventListener(document, 'click', (e) => {
    const m = markOf(e.target);
    if (m && !m.closest('a')) open(m, false);
  });

  void deps
    .loadCorrections()
    .then((c) => {
      corrections = c;
      if (openId) draw();
    })
    .catch(() => undefined);

  return {
    open,
    destroy() {
      close(false);
      ui.remove();
    },
  };
}
