/**
 * The version-2 derivation, frozen as it shipped: the v1 → v2 upgrade must keep producing exactly
 * what version 2 stored, whatever later versions derive. Do not change; add a new version instead.
 */
import type { ArticleData } from '../messages/history';
import { effectiveLabel, searchTerms } from './derive';

export interface V2Indexes {
  subtopics: string[];
  expertIds: string[];
  stances: string[];
  expertStances: string[];
  terms: string[];
}

export function deriveV2Indexes(a: ArticleData): V2Indexes {
  const labels = a.experts.map(effectiveLabel);
  return {
    subtopics: [...new Set(a.topic.subtopics)],
    expertIds: [...new Set(a.experts.map((e) => e.id))],
    stances: [...new Set(labels)],
    expertStances: [...new Set(a.experts.map((e, i) => `${e.id}|${labels[i]}`))],
    terms: searchTerms(a.title, a.site, ...a.experts.map((e) => e.name)),
  };
}
