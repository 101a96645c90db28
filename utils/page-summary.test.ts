import { describe, expect, it } from 'vitest';
import { summarizeForPopup } from './page-summary';
import type { Analysis, Expert } from './types';

function expert(i: number): Expert {
  return {
    id: `expert-${i}`,
    name: `Expert ${i}`,
    surfaceForms: [`Expert ${i}`, `${i}`],
    role: 'senior fellow',
    organization: 'An Institute',
    statements: [{ text: 'x'.repeat(3000), sentenceIndex: 1, kind: 'quote', via: 'said' }],
    stance: {
      label: 'fragile',
      confidence: 0.7,
      axis: 'alignment-durability',
      evidence: [{ sentence: 'y'.repeat(3000), cues: ['a'], leans: 'fragile', weight: 1 }],
    },
    mentions: 3,
  };
}

const longArticle: Analysis = {
  isArticle: true,
  article: {
    title: 'A long piece',
    byline: null,
    siteName: null,
    lang: 'en',
    publishedTime: null,
    canonicalUrl: null,
    excerpt: null,
    text: 'Moscow and Beijing. '.repeat(200_000),
    wordCount: 600_000,
    isArticle: true,
  },
  topic: {
    related: true,
    score: 0.9,
    subtopics: ['partnership'],
    evidence: Array.from({ length: 40 }, (_, i) => ({ term: `term ${i}`, group: 'china', count: i })),
    version: '1',
  },
  experts: Array.from({ length: 8 }, (_, i) => expert(i)),
  people: [{ name: 'Someone', kind: 'other' }],
  timings: { parse: 12 },
};

describe('summarizeForPopup', () => {
  it('keeps what the popup shows and drops the article text, statements and evidence', () => {
    const s = summarizeForPopup(longArticle);
    expect(s.article).toBeNull();
    expect(s.topic.related).toBe(true);
    expect(s.topic.subtopics).toEqual(['partnership']);
    expect(s.topic.evidence).toHaveLength(12);
    expect(s.topic.evidence[0]).toEqual({ term: 'term 0', group: 'china', count: 0 });
    expect(s.experts.map((e) => [e.id, e.name, e.role, e.organization, e.stance.label])).toEqual(
      longArticle.experts.map((e) => [e.id, e.name, e.role, e.organization, 'fragile']),
    );
    expect(s.experts.every((e) => e.statements.length === 0 && e.stance.evidence.length === 0)).toBe(true);
  });

  it('keeps the language and says when experts are not read in it', () => {
    expect(summarizeForPopup(longArticle).expertsLanguageSupported).toBeUndefined();
    const ru = summarizeForPopup({ ...longArticle, language: 'ru', expertsLanguageSupported: false });
    expect([ru.language, ru.expertsLanguageSupported]).toEqual(['ru', false]);
  });

  it('stays small however long the article is', () => {
    const full = JSON.stringify(longArticle).length;
    const small = JSON.stringify(summarizeForPopup(longArticle)).length;
    expect(full).toBeGreaterThan(3_000_000);
    expect(small).toBeLessThan(5_000);
  });
});
