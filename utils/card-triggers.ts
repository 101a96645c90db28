/**
 * Which real user input may open an expert card, and on which mark. Pure DOM helpers shared by the
 * lens (which loads the card stage on the first such input) and the card itself.
 *
 * The design, against a hostile page: a page script can dispatch any event it likes, but only
 * real input is `isTrusted`. So every handler that opens a card checks `isTrusted` first:
 *   - pointer: a trusted `pointerover` on a mark, then (after the hover delay) the mark must still be
 *     under the real pointer (`:hover`, which no script can set);
 *   - click: a trusted click on a mark outside a link;
 *   - keyboard: a trusted Enter or Space keydown on a focused mark, or Alt+Shift+Enter on a focused
 *     link that contains a mark (the link keeps its own Enter).
 * Focus alone never opens a card: `element.focus()` from a page script fires a *trusted* focus event.
 * Focus that follows a trusted Tab / Shift+Tab keydown (seen in the capture phase, just before) only
 * shows a fixed hint ("Enter: expert card"), which tells the page nothing it does not know.
 * And as a second line: the card shows only what this page's article says, the extension's own data
 * file and the reader's label for this article, nothing from the reader's other articles.
 */
import { INTERACTIVE, MARK_TAG } from './marks';

/** How long after a trusted Tab keydown a focus counts as keyboard navigation. */
const TAB_FOCUS_WINDOW_MS = 1000;

export function markOf(t: EventTarget | null): HTMLElement | null {
  return t instanceof Element ? (t.closest(MARK_TAG) as HTMLElement | null) : null;
}

/** The focusable thing that stands for a mark: the mark itself, or the link (button…) around it. */
export function stopFor(mark: HTMLElement): HTMLElement {
  return (mark.parentElement?.closest(INTERACTIVE) as HTMLElement | null) ?? mark;
}

/** For a focused element: the mark it opens a card for (itself, or the first mark inside a link). */
export function markForStop(el: EventTarget | null): HTMLElement | null {
  if (!(el instanceof HTMLElement)) return null;
  if (el.matches(MARK_TAG)) return el.hasAttribute('tabindex') ? el : null;
  if (!el.matches(INTERACTIVE)) return null;
  return el.querySelector(MARK_TAG);
}

/** The keys that open a card from a focused stop; null when this key is not one of them. */
export function openKeyFor(e: KeyboardEvent): HTMLElement | null {
  if (!e.isTrusted || e.repeat) return null;
  const target = e.target as HTMLElement | null;
  const mark = markForStop(target);
  if (!mark) return null;
  if (target === mark) {
    return (e.key === 'Enter' || e.key === ' ') && !e.altKey && !e.ctrlKey && !e.metaKey ? mark : null;
  }
  return e.key === 'Enter' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey ? mark : null;
}

/** The shortcut a hint names for a stop. */
export function openKeyHint(stop: HTMLElement): string {
  return stop.matches(MARK_TAG) ? 'Enter: expert card' : 'Alt+Shift+Enter: expert card';
}

/**
 * Watches for trusted Tab / Shift+Tab keydowns (capture phase) and answers whether a focus event is
 * keyboard navigation: trusted, and soon after such a keydown. Each keydown vouches for one focus.
 */
export function tabFocusTracker(
  on: (type: 'keydown', handler: (e: KeyboardEvent) => void) => void,
): (e: FocusEvent) => boolean {
  let tabAt = -Infinity;
  on('keydown', (e) => {
    if (e.isTrusted && e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) tabAt = e.timeStamp;
  });
  return (e) => {
    if (!e.isTrusted || e.timeStamp - tabAt > TAB_FOCUS_WINDOW_MS || e.timeStamp < tabAt) return false;
    tabAt = -Infinity;
    return true;
  };
}
