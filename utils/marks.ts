/**
 * Applies a highlight plan to the live page and takes it back exactly.
 *
 * Each marked text node is replaced by new nodes (text, <triangle-lens-mark>, text …); the original
 * node is kept aside untouched, so removal puts the very same node back: the page's DOM is restored
 * exactly, node identity included. Marks change nothing in layout beyond their own inline style
 * (background and underline only: no padding, border or margin).
 */
import type { PlannedMention } from './highlight-plan';

/** A name inside one of these stays part of it: no tab stop, role or label of its own. */
export const INTERACTIVE =
  'a[href], button, summary, label, select, textarea, [role="link"], [role="button"]';

export const MARK_TAG = 'triangle-lens-mark';
export const MARK_ATTR = 'data-tl-expert';
/** The mention a mark belongs to (a name split over several elements has several marks). */
export const MENTION_ATTR = 'data-tl-mention';
export const MARK_STYLE =
  'background-color:rgba(250,204,21,.28);text-decoration:underline dotted rgba(161,98,7,.9);' +
  'text-decoration-thickness:2px;text-underline-offset:2px;cursor:help;border-radius:2px;color:inherit;font:inherit;';

export interface AppliedMarks {
  /** Every mark element, in document order of mentions. */
  marks: HTMLElement[];
  /** The first mark element of each mention (focusable, unless it sits inside a link or button). */
  heads: HTMLElement[];
  /** Puts back the original text nodes. Safe to call twice. */
  remove(): void;
}

interface Replacement {
  original: Text;
  parts: Node[];
}

export function applyMarks(
  doc: Document,
  plan: PlannedMention[],
  labelFor: (id: string) => string,
): AppliedMarks {
  // Collect the cuts per text node, so one node with several mentions is replaced once.
  const cuts = new Map<Text, { start: number; end: number; id: string; head: boolean; mention: number }[]>();
  plan.forEach((mention, i) => {
    mention.segments.forEach((seg, j) => {
      const list = cuts.get(seg.node) ?? [];
      list.push({ start: seg.start, end: seg.end, id: mention.expertId, head: j === 0, mention: i });
      cuts.set(seg.node, list);
    });
  });

  const replacements: Replacement[] = [];
  const byMention: HTMLElement[][] = plan.map(() => []);
  for (const [node, list] of cuts) {
    const parent = node.parentNode;
    if (!parent) continue;
    list.sort((a, b) => a.start - b.start);
    const inInteractive = Boolean((parent as Element).closest?.(INTERACTIVE));
    const parts: Node[] = [];
    let pos = 0;
    for (const cut of list) {
      if (cut.start < pos) continue; // overlapping cut: keep the first
      if (cut.start > pos) parts.push(doc.createTextNode(node.data.slice(pos, cut.start)));
      const mark = doc.createElement(MARK_TAG) as HTMLElement;
      mark.setAttribute(MARK_ATTR, cut.id);
      mark.setAttribute(MENTION_ATTR, String(cut.mention));
      mark.setAttribute('style', MARK_STYLE);
      mark.textContent = node.data.slice(cut.start, cut.end);
      // Inside a link the link stays the link: one tab stop, its own accessible name.
      if (cut.head && !inInteractive) {
        mark.setAttribute('tabindex', '0');
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-haspopup', 'dialog');
        mark.setAttribute('aria-label', labelFor(cut.id));
        mark.setAttribute('data-tl-head', '');
      }
      byMention[cut.mention].push(mark);
      parts.push(mark);
      pos = cut.end;
    }
    if (pos < node.data.length) parts.push(doc.createTextNode(node.data.slice(pos)));
    const frag = doc.createDocumentFragment();
    for (const p of parts) frag.appendChild(p);
    parent.replaceChild(frag, node);
    replacements.push({ original: node, parts });
  }

  const marks = byMention.flat();
  const heads = byMention.map((m) => m[0]).filter((m): m is HTMLElement => Boolean(m));
  let removed = false;
  return {
    marks,
    heads,
    remove() {
      if (removed) return;
      removed = true;
      for (const { original, parts } of replacements) {
        const first = parts.find((p) => p.parentNode);
        if (!first || !first.parentNode) continue; // the page replaced this subtree itself
        first.parentNode.insertBefore(original, first);
        for (const p of parts) p.parentNode?.removeChild(p);
      }
    },
  };
}

/** True when at least one of our marks was removed from the document by the page. */
export function marksDetached(applied: AppliedMarks): boolean {
  return applied.marks.some((m) => !m.isConnected);
}
