/**
 * The page as HTML for the analysis, serialised in slices so that a page of megabytes never makes
 * one long task on its main thread. `documentElement.outerHTML` in one call took 67–83 ms on a
 * 1.6 MB page in `npm run bench` (a long task the reader feels as a stutter); here each element
 * small enough is serialised whole by the browser, a big one is opened and its children taken one by
 * one, and the work yields to the page whenever a slice has run for `sliceMs`.
 *
 * What the analysis never reads is left out: scripts (except JSON-LD, where Readability finds the
 * article's metadata), style sheets and templates. Readability removes them itself, so the article
 * it extracts is the same; the message is smaller (on script-heavy news pages, much smaller).
 *
 * Pure: the document, the clock and the way to yield are passed in (the gate passes the real ones;
 * the tests pass linkedom's document and a counter).
 */

export interface SerializeOptions {
  /** Milliseconds of work before yielding to the page. */
  sliceMs: number;
  now: () => number;
  /** Lets the page run (the gate: a macrotask); resolves when the work may go on. */
  pause: () => Promise<void>;
  /** Called around each slice of work (the perf build measures it). */
  slice?: <T>(fn: () => T) => T;
  /** Gives up (returns null) once the HTML is longer than this. */
  maxChars?: number;
}

/** An element with more descendants than this is opened and its children serialised one by one. */
const WHOLE_MAX_ELEMENTS = 400;

/** Elements whose content the analysis never reads (a JSON-LD script is kept). */
function skipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'STYLE' || tag === 'TEMPLATE') return true;
  if (tag !== 'SCRIPT') return false;
  return (el.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json';
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00A0/g, '&nbsp;');
}

/** The element's start and end tags, as the browser writes them. */
function shell(el: Element): [string, string] {
  const html = (el.cloneNode(false) as Element).outerHTML;
  const end = `</${el.localName}>`;
  return html.endsWith(end) ? [html.slice(0, -end.length), end] : [html, ''];
}

/**
 * The document's HTML without scripts, styles and templates; null when it is longer than
 * `maxChars`. Never throws for a page that changes while it is read (a node removed meanwhile is
 * simply serialised as it was found or skipped).
 */
export async function serializePage(doc: Document, opts: SerializeOptions): Promise<string | null> {
  const root = doc.documentElement;
  if (!root) return '';
  const run = opts.slice ?? (<T>(fn: () => T) => fn());
  const parts: string[] = [];
  let length = 0;
  let sliceStart = opts.now();
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const tooLong = () => opts.maxChars !== undefined && length > opts.maxChars;

  // Work items, in document order: an element to serialise, or a string already made (an end tag).
  const stack: (Node | string)[] = [root];
  while (stack.length) {
    const done = run(() => {
      while (stack.length) {
        const item = stack.pop() as Node | string;
        if (typeof item === 'string') push(item);
        // Text directly inside a big element (never a script's or a style's: those are left out, and
        // the other raw-text elements hold no elements, so they are never opened).
        else if (item.nodeType === 3) push(escapeText(item.nodeValue ?? ''));
        else if (item.nodeType === 8) push(`<!--${item.nodeValue ?? ''}-->`);
        else if (item.nodeType === 1) {
          const el = item as Element;
          if (skipped(el)) continue;
          if (countElements(el) <= WHOLE_MAX_ELEMENTS && !hasSkipped(el)) {
            push(el.outerHTML);
          } else {
            const [open, close] = shell(el);
            push(open);
            stack.push(close);
            const children = el.childNodes;
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
          }
        }
        if (tooLong()) return true;
        if (opts.now() - sliceStart >= opts.sliceMs) return false;
      }
      return true;
    });
    if (tooLong()) return null;
    if (!done) {
      await opts.pause();
      sliceStart = opts.now();
    }
  }
  return parts.join('');
}

/** True when the element holds a script, style or template to leave out (asked of small elements only). */
function hasSkipped(el: Element): boolean {
  return (
    el.getElementsByTagName('script').length > 0 ||
    el.getElementsByTagName('style').length > 0 ||
    el.getElementsByTagName('template').length > 0
  );
}

/** Descendant elements (a live collection's length in browsers; DOMs without `*` support count by selector). */
function countElements(el: Element): number {
  const n = el.getElementsByTagName('*').length;
  return n === 0 && el.firstElementChild ? el.querySelectorAll('*').length : n;
}
