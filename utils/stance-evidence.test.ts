/**
 * Evidence a reader can believe: the words shown with a label are stance words, never the names and
 * places a sentence happens to contain (issue: "U.S.", "China", "Trump" were shown for a neutral label).
 */
import { describe, expect, it } from 'vitest';
import { labelStance } from './stance';
import type { Statement } from './types';

const say = (text: string, sentenceIndex = 0): Statement => ({
  text,
  sentenceIndex,
  kind: 'paraphrase',
  via: 'says',
});
const PLACES_AND_NAMES =
  /^(?:U\.S\.|US|China|Chinese|Russia|Russian|Moscow|Beijing|Kremlin|Washington|Trump|Xi|Putin|West|Western|Europe|Ukraine|Sino)$/i;

describe('stance evidence', () => {
  const cases = [
    'Trump sees Xi as a friend and hopes their rapport will reset U.S.-China ties, says Lena Ortiz.',
    'Ties between Moscow and Beijing keep deepening as Western sanctions push them together, says Ivo Ruud.',
    'Russia has become China’s junior partner and the Kremlin resents it, says Maja Holt.',
    'Tensions between Washington and Beijing over chips are rising, says Omar Price.',
    'Anyone in Washington who hopes to pull Russia away from China is dreaming, said Ana Berg.',
    'The partnership is not as solid as Moscow claims, said Pia Lund.',
  ];
  for (const text of cases) {
    it(`shows only stance words: ${text.slice(0, 50)}…`, () => {
      const s = labelStance([say(text)]);
      for (const e of s.evidence) {
        for (const cue of e.cues) {
          expect(text).toContain(cue);
          for (const word of cue.split(/[\s–-]+/)) expect(word, `cue "${cue}"`).not.toMatch(PLACES_AND_NAMES);
          expect(cue).not.toMatch(/^(?:said|says|the|of|and|between)$/i);
        }
      }
      if (s.label !== 'neutral') expect(s.evidence[0].cues.length).toBeGreaterThan(0);
    });
  }

  it('shows no cue at all for a neutral statement about another pair', () => {
    const s = labelStance([say(cases[0])]);
    expect(s.label).toBe('neutral');
    expect(s.evidence.flatMap((e) => e.cues)).toEqual([]);
  });

  it('shows the words that decided a label, and the negation with them', () => {
    const s = labelStance([say(cases[2])]);
    expect(s.label).toBe('fragile');
    expect(s.evidence[0].cues.join(' ')).toMatch(/junior partner/);
    const neg = labelStance([say(cases[5])]);
    expect(neg.label).toBe('fragile');
    expect(neg.evidence[0].cues.join(' ')).toMatch(/not/);
  });
});
