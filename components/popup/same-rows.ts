/**
 * Equality of history rows and pages as the popup shows them, so a keystroke whose results did not
 * change renders nothing, and a changed page renders only the rows that changed.
 */
import type { ArticlePage, ArticleRow } from '@/utils/messages/history';

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

const is = <T>(x: T, y: T) => x === y;

export function sameRow(a: ArticleRow, b: ArticleRow): boolean {
  return (
    a === b ||
    (a.key === b.key &&
      a.url === b.url &&
      a.title === b.title &&
      a.site === b.site &&
      a.claimedSite === b.claimedSite &&
      a.firstReadAt === b.firstReadAt &&
      a.lastReadAt === b.lastReadAt &&
      a.readCount === b.readCount &&
      a.publishedTime === b.publishedTime &&
      sameList(a.subtopics, b.subtopics, is) &&
      sameList(
        a.experts,
        b.experts,
        (x, y) => x.id === y.id && x.name === y.name && x.label === y.label && x.corrected === y.corrected,
      ))
  );
}

export function samePage(a: ArticlePage | null, b: ArticlePage | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.total === b.total && a.more === b.more && sameList(a.rows, b.rows, sameRow);
}
