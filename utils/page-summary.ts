/**
 * What the popup's "This page" view needs of an analysis, and nothing more: the verdict, the
 * evidence it lists and each expert's name, role, organisation and label. No article text, no
 * statements, no stance evidence: a tab's state in session storage stays a few kilobytes however
 * long the article is.
 */
import type { Analysis } from './types';

const MAX_EXPERTS = 100;
const MAX_EVIDENCE = 12;
const MAX_SUBTOPICS = 20;
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const cutOrNull = (s: string | null, n: number) => (s === null ? null : cut(s, n));

/** The analysis trimmed to the popup's needs (still an `Analysis`, with the heavy parts empty). */
export function summarizeForPopup(a: Analysis): Analysis {
  return {
    isArticle: a.isArticle,
    article: null,
    topic: {
      related: a.topic.related,
      score: a.topic.score,
      version: a.topic.version,
      subtopics: a.topic.subtopics.slice(0, MAX_SUBTOPICS).map((s) => cut(s, 100)),
      evidence: a.topic.evidence
        .slice(0, MAX_EVIDENCE)
        .map((e) => ({ term: cut(e.term, 100), group: cut(e.group, 100), count: e.count })),
    },
    experts: a.experts.slice(0, MAX_EXPERTS).map((e) => ({
      id: cut(e.id, 200),
      name: cut(e.name, 200),
      surfaceForms: [],
      role: cutOrNull(e.role, 300),
      organization: cutOrNull(e.organization, 300),
      statements: [],
      stance: {
        label: e.stance.label,
        confidence: e.stance.confidence,
        axis: cut(e.stance.axis, 100),
        evidence: [],
      },
      mentions: e.mentions,
    })),
    people: [],
    timings: {},
    ...(a.language ? { language: cut(a.language, 35) } : {}),
    ...(a.expertsLanguageSupported === false ? { expertsLanguageSupported: false } : {}),
  };
}
