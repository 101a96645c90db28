/**
 * The card controller: one UI for the page, in a shadow root of our own that is CLOSED (the page gets
 * `null` from `host.shadowRoot` and cannot read, measure from inside, or change the card).
 *
 * When it opens (see utils/card-triggers.ts for why a page script cannot open it):
 *   - a real hover on a mark, after the reader's delay, while the real pointer is still on it;
 *   - a real click on a mark outside a link;
 *   - a real Enter / Space on a focused mark, or Alt+Shift+Enter on a focused link around a name.
 * A Tab stop on a mark (or on a link around one) shows only the fixed hint naming the key.
 *
 * Keyboard, as the WAI-ARIA non-modal dialog pattern: a key opens the card and moves focus into it;
 * Tab and Shift+Tab cycle through the card's controls; Escape (or the close button) closes it and
 * gives focus back to the mark or link it came from, so the next Tab goes on to the next stop of the
 * page. Opened by hover, the card closes when the pointer leaves the mark and the card (closing
 * re-checks :hover after a grace period, so layout changes under the pointer never close it).
 *
 * Placement (Floating UI): below the name, flipped above when there is more room there, shifted to
 * stay inside the viewport, its height capped by the room left (`size`), never over the name, with a
 * pointer (`arrow`) to it.
 */
import { render } from 'preact';
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';
import { ExpertCard, type Balance } from '@/components/ExpertCard';
import { CARD_CSS } from '@/components/card-styles';
import { markOf, markForStop, openKeyFor, openKeyHint, stopFor } from '@/utils/card-triggers';
import type { CardHandle, CardHost } from '@/utils/lens-bridge';
import { MARK_ATTR, MARK_TAG, MENTION_ATTR } from '@/utils/marks';
import { sendMessage } from '@/utils/messaging';
import type { ScriptLife } from '@/utils/script-life';
import type { StanceLabel } from '@/utils/types';
import { jumpTo } from './jump';

export const UI_TAG = 'triangle-lens-ui';
const CLOSE_GRACE_MS = 300;
/** Room kept between the card and the viewport's edges, and between the card and the name. */
const EDGE_PX = 8;
const GAP_PX = 10;
const HOST_STYLE =
  'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;' +
  'height:0!important;overflow:visible!important;display:block!important;z-index:2147483647!important;';
const FOCUSABLE = 'button, select, a[href], [tabindex="0"]';

/** The article's own text size, kept readable: the card's base size. */
function baseSize(root: Element): number {
  const px = parseFloat(getComputedStyle(root).fontSize);
  return Number.isFinite(px) ? Math.min(18, Math.max(15, px)) : 16;
}

/**
 * The whole name as the card's reference: every line box of every mark of the mention ("<b>Ana</b>
 * Ruiz", or a name wrapped onto two lines), so the card never covers any part of it.
 */
function wholeName(mark: HTMLElement): VirtualElement {
  const mention = mark.getAttribute(MENTION_ATTR);
  const parts = (): Element[] =>
    mention == null
      ? [mark]
      : Array.from(document.querySelectorAll(`${MARK_TAG}[${MENTION_ATTR}="${mention}"]`));
  return {
    contextElement: mark,
    getBoundingClientRect() {
      const rects = parts().flatMap((p) => Array.from(p.getClientRects()));
      if (!rects.length) return mark.getBoundingClientRect();
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return { x: left, y: top, left, top, right, bottom, width: right - left, height: bottom - top };
    },
  };
}

export function createCardController(life: ScriptLife, host: CardHost): CardHandle {
  const experts = host.analysis.experts;
  const byId = new Map(experts.map((e) => [e.id, e]));
  let corrections: Record<string, StanceLabel> = {};

  // Our own host, with a closed root (WXT's createShadowRootUi opens it by default).
  const shadowHost = document.createElement(UI_TAG);
  shadowHost.setAttribute('style', HOST_STYLE);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const container = document.createElement('div');
  container.style.setProperty('--tl-base', `${baseSize(host.root)}px`);
  shadow.append(style, container);
  const attachHost = () => {
    if (!shadowHost.isConnected) (document.body ?? document.documentElement).append(shadowHost);
  };
  attachHost();

  let openId: string | null = null;
  let anchor: HTMLElement | null = null;
  let reference: VirtualElement | null = null;
  /** Where focus goes back to on close: the mark, or the link around it. */
  let returnTo: HTMLElement | null = null;
  let hintFor: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let openTimer: number | undefined;
  let closeTimer: number | undefined;

  const balance = (): Balance => {
    const b: Balance = { durable: 0, fragile: 0, neutral: 0 };
    for (const e of experts) b[corrections[e.id] ?? e.stance.label]++;
    return b;
  };

  function onCardKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab' && card) {
      // Tab cycles within the card (non-modal dialog: Escape is the way back to the page).
      const items = Array.from(card.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (!items.length) return;
      const at = items.indexOf(shadow.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
      e.preventDefault();
      items[next].focus();
    }
  }

  function draw(): void {
    const expert = openId ? byId.get(openId) : undefined;
    if (!expert) {
      render(hintFor ? <div class="tl-hint">{openKeyHint(hintFor)}</div> : null, container);
      card = null;
      if (hintFor) placeHint();
      return;
    }
    render(
      <div
        key={expert.id}
        class="tl-card"
        role="dialog"
        aria-labelledby="tl-card-title"
        tabIndex={-1}
        onPointerEnter={cancelClose}
        onPointerLeave={scheduleClose}
        onFocusOut={(e) => {
          const to = e.relatedTarget as Node | null;
          if (!to || !shadow.contains(to)) scheduleClose();
        }}
        onKeyDown={onCardKey}
      >
        <div class="tl-arrow" />
        <div class="tl-scroll">
          <ExpertCard
            expert={expert}
            balance={balance()}
            correction={corrections[expert.id] ?? null}
            onCorrect={(label) => {
              if (label) corrections = { ...corrections, [expert.id]: label };
              else {
                const { [expert.id]: _dropped, ...rest } = corrections;
                corrections = rest;
              }
              draw();
              void sendMessage('setStanceCorrection', {
                articleKey: host.url,
                expertId: expert.id,
                label,
              }).catch(() => undefined);
            }}
            onJump={(sentence) => {
              close(false);
              jumpTo(host.root, sentence);
            }}
            onClose={() => close(true)}
          />
        </div>
      </div>,
      container,
    );
    card = container.querySelector('.tl-card');
  }

  function position(): void {
    if (!reference || !card) return;
    const c = card;
    const tip = c.querySelector<HTMLElement>('.tl-arrow');
    const scroller = c.querySelector<HTMLElement>('.tl-scroll');
    void computePosition(reference, c, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP_PX),
        flip({ padding: EDGE_PX, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: EDGE_PX }),
        size({
          padding: EDGE_PX,
          apply({ availableHeight, availableWidth }) {
            if (scroller) scroller.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            c.style.maxWidth = `${Math.max(200, Math.floor(availableWidth))}px`;
          },
        }),
        ...(tip ? [arrow({ element: tip, padding: 12 })] : []),
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      c.style.left = `${x}px`;
      c.style.top = `${y}px`;
      if (tip) placeArrow(tip, placement, middlewareData.arrow);
    });
  }

  function placeArrow(tip: HTMLElement, placement: Placement, data?: { x?: number; y?: number }): void {
    const side = placement.split('-')[0];
    const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side] ?? 'top';
    tip.dataset.side = side;
    tip.style.left = data?.x != null ? `${data.x}px` : '';
    tip.style.top = data?.y != null ? `${data.y}px` : '';
    tip.style.right = '';
    tip.style.bottom = '';
    tip.style.setProperty(opposite, '-7px');
  }

  function placeHint(): void {
    const target = hintFor;
    const tip = container.querySelector<HTMLElement>('.tl-hint');
    if (!target || !tip) return;
    void computePosition(target.matches(MARK_TAG) ? wholeName(target) : target, tip, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(4), flip({ padding: EDGE_PX }), shift({ padding: EDGE_PX })],
    }).then(({ x, y }) => {
      tip.style.left = `${x}px`;
      tip.style.top = `${y}px`;
    });
  }

  function hint(stop: HTMLElement): void {
    if (openId || !markForStop(stop)) return;
    attachHost();
    hintFor = stop;
    draw();
  }

  function hideHint(): void {
    if (!hintFor) return;
    hintFor = null;
    if (!openId) draw();
  }

  function open(mark: HTMLElement, focusCard: boolean): void {
    const id = mark.getAttribute(MARK_ATTR);
    if (!id || !byId.has(id)) return;
    cancelClose();
    hintFor = null;
    if (openId === id && anchor === mark) {
      if (focusCard) card?.focus();
      return;
    }
    attachHost();
    stopAutoUpdate?.();
    openId = id;
    anchor = mark;
    reference = wholeName(mark);
    returnTo = stopFor(mark);
    draw();
    if (card) stopAutoUpdate = autoUpdate(reference, card, position);
    if (focusCard) card?.focus();
  }

  function close(returnFocus: boolean): void {
    window.clearTimeout(openTimer);
    cancelClose();
    if (!openId) return;
    const back = returnTo;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    openId = null;
    anchor = null;
    reference = null;
    returnTo = null;
    draw();
    if (returnFocus && back?.isConnected) back.focus();
  }

  function cancelClose(): void {
    window.clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  function scheduleClose(): void {
    cancelClose();
    closeTimer = life.setTimeout(() => {
      // Re-check: a re-layout under the pointer can fire a false "leave".
      const hovered = Boolean(card?.matches(':hover') || anchor?.matches(':hover'));
      const focused =
        Boolean(shadow.activeElement) || (returnTo !== null && returnTo === document.activeElement);
      if (hovered || focused) return;
      close(false);
    }, CLOSE_GRACE_MS);
  }

  // Every handler that opens acts on trusted events only (see utils/card-triggers.ts).
  life.on(document, 'pointerover', (e) => {
    const m = e.isTrusted ? markOf(e.target) : null;
    if (!m) return;
    cancelClose();
    window.clearTimeout(openTimer);
    openTimer = life.setTimeout(() => {
      if (m.matches(':hover')) open(m, false);
    }, host.cardDelayMs);
  });
  life.on(document, 'pointerout', (e) => {
    if (!markOf(e.target)) return;
    window.clearTimeout(openTimer);
    if (openId) scheduleClose();
  });
  life.on(document, 'focusin', (e) => {
    const stop = e.target as HTMLElement;
    if (host.tabFocus(e) && markForStop(stop)) hint(stop);
  });
  life.on(document, 'focusout', (e) => {
    if (e.target === hintFor) hideHint();
    if (openId && e.target === returnTo) scheduleClose();
  });
  life.on(
    document,
    'keydown',
    (e) => {
      if (e.key === 'Escape' && (openId || hintFor)) {
        hideHint();
        // Focus goes back to the mark only when it was in the card.
        if (openId) close(Boolean(shadow.activeElement));
        return;
      }
      const mark = openKeyFor(e);
      if (!mark) return;
      e.preventDefault();
      e.stopPropagation();
      open(mark, true);
    },
    { capture: true },
  );
  life.on(document, 'click', (e) => {
    const m = e.isTrusted ? markOf(e.target) : null;
    if (m && stopFor(m) === m) open(m, false);
  });

  void sendMessage('getCorrections', { articleKey: host.url })
    .then((c) => {
      corrections = c;
      if (openId) draw();
    })
    .catch(() => undefined);

  const destroy = () => {
    close(false);
    hintFor = null;
    render(null, container);
    shadowHost.remove();
  };
  life.onEnd(destroy);
  return {
    open,
    hint,
    destroy() {
      life.end();
    },
  };
}
