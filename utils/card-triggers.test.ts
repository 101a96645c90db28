// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markForStop, openKeyFor, openKeyHint, stopFor, tabFocusTracker } from './card-triggers';

function page() {
  document.body.innerHTML =
    '<p><triangle-lens-mark data-tl-expert="a" tabindex="0" role="button">Ana Ruiz</triangle-lens-mark> and ' +
    '<a href="/x"><triangle-lens-mark data-tl-expert="b">Bo Li</triangle-lens-mark></a></p>';
  const [plain, inLink] = Array.from(document.querySelectorAll<HTMLElement>('triangle-lens-mark'));
  return { plain, inLink, link: document.querySelector('a')! };
}

/** A keydown as the browser would deliver it for real input (happy-dom lets a test set isTrusted). */
function key(target: HTMLElement, init: KeyboardEventInit, trusted: boolean): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, ...init });
  Object.defineProperty(e, 'isTrusted', { value: trusted });
  Object.defineProperty(e, 'target', { value: target });
  return e;
}

describe('card triggers', () => {
  it('a plain mark is its own stop; a name in a link stands for the link', () => {
    const { plain, inLink, link } = page();
    expect(stopFor(plain)).toBe(plain);
    expect(stopFor(inLink)).toBe(link);
    expect(markForStop(plain)).toBe(plain);
    expect(markForStop(link)).toBe(inLink);
    expect(markForStop(inLink)).toBeNull(); // not focusable itself
    expect(openKeyHint(plain)).toBe('Enter: expert card');
    expect(openKeyHint(link)).toBe('Alt+Shift+Enter: expert card');
  });

  it('only trusted keys open: Enter or Space on a mark, Alt+Shift+Enter on a link around one', () => {
    const { plain, inLink, link } = page();
    expect(openKeyFor(key(plain, { key: 'Enter' }, true))).toBe(plain);
    expect(openKeyFor(key(plain, { key: ' ' }, true))).toBe(plain);
    expect(openKeyFor(key(plain, { key: 'Enter' }, false))).toBeNull();
    expect(openKeyFor(key(link, { key: 'Enter' }, true))).toBeNull(); // the link keeps its Enter
    expect(openKeyFor(key(link, { key: 'Enter', altKey: true, shiftKey: true }, true))).toBe(inLink);
    expect(openKeyFor(key(link, { key: 'Enter', altKey: true, shiftKey: true }, false))).toBeNull();
    expect(openKeyFor(key(plain, { key: 'Enter', repeat: true }, true))).toBeNull();
  });

  it('a focus counts as keyboard navigation only right after a trusted Tab, once', () => {
    const handlers: ((e: KeyboardEvent) => void)[] = [];
    const isTab = tabFocusTracker((_type, h) => handlers.push(h));
    const focus = (trusted: boolean, timeStamp: number) => {
      const e = new FocusEvent('focusin');
      Object.defineProperty(e, 'isTrusted', { value: trusted });
      Object.defineProperty(e, 'timeStamp', { value: timeStamp });
      return e;
    };
    const tab = (trusted: boolean, timeStamp: number) => {
      const e = key(document.body, { key: 'Tab' }, trusted);
      Object.defineProperty(e, 'timeStamp', { value: timeStamp });
      handlers.forEach((h) => h(e));
    };
    expect(isTab(focus(true, 100))).toBe(false); // .focus() from a script: no Tab before it
    tab(false, 200);
    expect(isTab(focus(true, 210))).toBe(false); // a synthetic Tab vouches for nothing
    tab(true, 300);
    expect(isTab(focus(false, 310))).toBe(false); // a synthetic focus is not taken
    expect(isTab(focus(true, 320))).toBe(true);
    expect(isTab(focus(true, 330))).toBe(false); // one Tab, one focus
    tab(true, 400);
    expect(isTab(focus(true, 5000))).toBe(false); // too late
  });
});
