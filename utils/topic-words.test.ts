import { describe, expect, it } from 'vitest';
import topicData from './data/topic.v1.json';
import { explainEvidence, groupName, listInWords, subtopicName, termWords } from './topic-words';

describe('topic evidence in words', () => {
  it('names every group and subtopic of the topic data without ids, wildcards or dashes', () => {
    for (const g of topicData.groups) expect(groupName(g.id), g.id).not.toMatch(/[-*()]|^[a-z]/);
    for (const s of topicData.subtopics) {
      expect(subtopicName(s.id), s.id).not.toMatch(/[-*()]/);
      expect(subtopicName(s.id).toLowerCase(), s.id).toContain(s.label.toLowerCase().split(' ')[0]);
    }
  });

  it('drops wildcards from terms and groups evidence by what it stands for, most mentioned first', () => {
    expect(termWords('Russia')).toBe('Russia');
    expect(termWords('negotiat*')).toBe('negotiat…');
    const text =
      'The negotiations stalled. The negotiations resume; a negotiator said so. Russia’s view, Russian views.';
    expect(termWords('negotiat*', text)).toBe('negotiations');
    expect(termWords('Russia*', 'Russia’s view. Russia’s turn. Russian tea.')).toBe('Russia');
    const lines = explainEvidence([
      { term: 'China', group: 'china', count: 12 },
      { term: 'Russia', group: 'russia', count: 16 },
      { term: 'Moscow', group: 'russia', count: 3 },
      { term: 'Sino-Russian', group: 'pair', count: 3 },
      { term: 'trade', group: 'trade-finance', count: 1 },
      { term: 'football', group: 'distractor', count: 2 },
    ]);
    expect(lines).toEqual([
      { group: 'russia', label: 'Russia', count: 19, words: ['Russia', 'Moscow'] },
      { group: 'china', label: 'China', count: 12, words: ['China'] },
      { group: 'pair', label: 'China and Russia named together', count: 3, words: ['Sino-Russian'] },
      { group: 'trade-finance', label: 'Trade and finance', count: 1, words: ['trade'] },
    ]);
  });

  it('lists in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['energy'])).toBe('energy');
    expect(listInWords(['sanctions', 'energy', 'trade and finance'])).toBe(
      'sanctions, energy and trade and finance',
    );
  });
});
