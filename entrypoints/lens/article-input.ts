/** Turns an analysis into the history record the background stores (within the schema's bounds). */
import type { Analysis } from '@/utils/types';
import type { ArticleInput } from '@/utils/messages/history';

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function toArticleInput(
  a: Analysis,
  page: { url: string; title: string; host: string; visitId: string },
  timeSpentMs: number,
): ArticleInput {
  const art = a.article;
  return {
    url: page.url,
    visitId: page.visitId,
    title: cut(art?.title || page.title || page.url, 2000),
    site: cut(art?.siteName || page.host, 500),
    byline: art?.byline ? cut(art.byline, 1000) : null,
    publishedTime: art?.publishedTime ? cut(art.publishedTime, 100) : null,
    lang: art?.lang ? cut(art.lang, 35) : null,
    wordCount: art?.wordCount ?? 0,
    timeSpentMs,
    topic: {
      score: Math.min(1, Math.max(0, a.topic.score)),
      subtopics: a.topic.subtopics.slice(0, 50),
      evidence: a.topic.evidence
        .slice(0, 200)
        .map((e) => ({ ...e, term: cut(e.term, 200), group: cut(e.group, 100) })),
    },
    experts: a.experts.slice(0, 200).map((e) => ({
      id: cut(e.id, 200),
      name: cut(e.name, 200),
      role: e.role ? cut(e.role, 1000) : null,
      organization: e.organization ? cut(e.organization, 1000) : null,
      stance: {
        label: e.stance.label,
        confidence: Math.min(1, Math.max(0, e.stance.confidence)),
        axis: cut(e.stance.axis, 100),
        evidence: e.stance.evidence.slice(0, 30).map((ev) => ({
          sentence: cut(ev.sentence, 4000),
          cues: ev.cues.slice(0, 30).map((c) => cut(c, 200)),
          leans: ev.leans,
          weight: ev.weight,
        })),
      },
      // What they said: not the sentence that merely presents a guest.
      statements: e.statements
        .filter((s) => s.via !== 'guest')
        .slice(0, 30)
        .map((s) => ({ text: cut(s.text, 4000), kind: s.kind })),
    })),
  };
}
