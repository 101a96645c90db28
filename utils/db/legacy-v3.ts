/**
 * The version-3 derivation, frozen as it shipped: the v2 → v3 upgrade must keep producing exactly
 * what version 3 stored ([tag, lastReadAt] pairs), whatever later versions derive. Do not change;
 * add a new version instead.
 */
import type { ArticleData } from '../messages/history';
import { articleTags, searchTerms } from './derive';

export interface V3Indexes {
  expertIds: string[];
  terms: string[];
  tags: [string, number][];
}

export function deriveV3Indexes(a: ArticleData): V3Indexes {
  const terms = searchTerms(a.title, a.site, ...a.experts.map((e) => e.name));
  return {
    expertIds: [...new Set(a.experts.map((e) => e.id))],
    terms,
    tags: articleTags(a, terms).map((t) => [t, a.lastReadAt] as [string, number]),
  };
}
