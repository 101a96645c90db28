/** "Jump to it": scrolls to a sentence of the article and selects it (the page's DOM is not touched). */
import { findSentenceSegments } from '@/utils/highlight-plan';

export function jumpTo(root: Element, sentence: string): void {
  const segs = findSentenceSegments(root, sentence);
  if (!segs || segs.length === 0) return;
  const range = document.createRange();
  range.setStart(segs[0].node, segs[0].start);
  const last = segs[segs.length - 1];
  range.setEnd(last.node, last.end);
  segs[0].node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
