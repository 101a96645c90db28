import { describe, expect, it } from 'vitest';
import data from './data/stance-axis.v1.json';
import { labelStance } from './stance';
import { loadAxes } from './stance-rules';
import type { Stance, Statement } from './types';

const say = (text: string, sentenceIndex = 0, via = 'says'): Statement => ({
  text,
  sentenceIndex,
  kind: 'paraphrase',
  via,
});

function expectHonest(stance: Stance) {
  expect(stance.confidence).toBeGreaterThanOrEqual(0);
  expect(stance.confidence).toBeLessThanOrEqual(1);
  if (stance.label !== 'neutral') {
    expect(stance.evidence.some((e) => e.leans === stance.label && e.cues.length > 0)).toBe(true);
  }
  for (const e of stance.evidence) for (const cue of e.cues) expect(e.sentence).toContain(cue);
}

describe('labelStance', () => {
  it('reads a negated weakening as durable evidence, showing the negation', () => {
    const s = labelStance([
      say('She says the new gas deal does not mean a weakening of ties between Moscow and Beijing.'),
    ]);
    expectHonest(s);
    expect(s.label).toBe('durable');
    expect(s.evidence[0].cues).toEqual(['not', 'weakening']);
  });

  it('reads "never been closer" as the strongest ties, not as a negation', () => {
    for (const text of [
      'She says the partnership has never been closer.',
      'He notes that relations between Moscow and Beijing have never been stronger.',
    ]) {
      const s = labelStance([say(text)]);
      expectHonest(s);
      expect(s.label, text).toBe('durable');
    }
  });

  it('keeps "no limits" and "not always in lockstep" as phrases, not as negations', () => {
    expect(
      labelStance([say('He calls it a partnership with no limits between Russia and China.')]).label,
    ).toBe('durable');
    expect(
      labelStance([say('She notes Moscow and Beijing are not always in lockstep on Central Asia.')]).label,
    ).toBe('fragile');
  });

  it('weakens hedged cues and favours neutral when the balance is thin', () => {
    const hedged = labelStance([say('He says there may be some tensions.')]);
    expectHonest(hedged);
    expect(hedged.label).toBe('neutral');
    expect(hedged.evidence.length).toBeGreaterThan(0);
  });

  it('ignores cues about another pair (U.S.–China)', () => {
    const s = labelStance([
      say('She sees deep mistrust and growing tensions between Washington and Beijing.'),
    ]);
    expect(s.label).toBe('neutral');
    expect(s.evidence.every((e) => e.leans === 'neutral')).toBe(true);
  });

  it('returns neutral with no evidence and zero confidence for no statement', () => {
    expect(labelStance([])).toEqual({
      label: 'neutral',
      confidence: 0,
      evidence: [],
      axis: 'alignment-durability',
    });
  });

  it('shows both sides when the same expert contradicts himself', () => {
    const s = labelStance([
      say('He says the partnership between Russia and China is stronger than ever.', 1),
      say('Later he argues that deep mistrust between Moscow and Beijing makes the alliance brittle.', 5),
    ]);
    expectHonest(s);
    expect(s.label).toBe('neutral');
    expect(new Set(s.evidence.map((e) => e.leans))).toEqual(new Set(['durable', 'fragile']));
  });

  it('survives a 20,000-character sentence and unbalanced quotes', () => {
    const long = 'Russia and China, he says, share “deep ties and '.concat(
      'a long history '.repeat(1400),
      'of mistrust.',
    );
    expect(long.length).toBeGreaterThan(20_000);
    const s = labelStance([say(long), say('“The alliance is strong,” he said, “and', 2)]);
    expectHonest(s);
  });

  it('uses an axis supplied as data (a second axis needs no code)', () => {
    const second = {
      version: '1',
      axes: [
        {
          id: 'sanctions-effectiveness',
          question: 'Do sanctions on Russia work?',
          labels: { durable: 'They work.', fragile: 'They fail.', neutral: 'Unclear.' },
          classes: { RU: ['russia', 'moscow'], SAN: ['sanctions'], OUT: ['china'] },
          anchors: { sides: ['RU', 'SAN'], outside: 'OUT', pairPhrases: [] },
          scoring: data.axes[0].scoring,
          cues: [
            {
              id: 'bite',
              role: 'polar',
              leans: 'durable',
              weight: 1,
              anchor: 'none',
              phrases: ['sanctions ~3 bite|biting'],
            },
            {
              id: 'evade',
              role: 'polar',
              leans: 'fragile',
              weight: 1,
              anchor: 'none',
              phrases: ['evade|evading|evasion'],
            },
            { id: 'not', role: 'negation', factor: 0.8, scope: 'after', window: 6, phrases: ['not'] },
          ],
        },
      ],
    };
    const axis = loadAxes(second).get('sanctions-effectiveness')!;
    const s = labelStance([say('She says the sanctions are finally biting in Moscow.')], { axis });
    expect(s).toMatchObject({ label: 'durable', axis: 'sanctions-effectiveness' });
    expect(() => labelStance([], { axisId: 'no-such-axis' })).toThrow(/unknown stance axis/);
  });

  it('reads durable views phrased without the usual cue words (issue 10)', () => {
    // Written fresh for this test, not in the training statements.
    const durable = [
      'The bond between Moscow and Beijing grows tighter every season, says Ana Kral.',
      'Pressure from Washington has driven the Kremlin and Beijing into a closer embrace, said Jon Ek.',
      'Western sanctions ended up boosting the commerce between Russia and China, notes Ida Berg.',
    ];
    for (const text of durable) expect(labelStance([say(text)]).label, text).toBe('durable');
    const fragile = [
      'Russia has become the junior partner and resents it, said Per Holt.',
      'Their ties will not last, argues Eva Lind.',
      'Distrust runs deep between the two capitals, said Mo Ali.',
      'There are limits to what Beijing will do for Moscow, said Kai Sun.',
    ];
    for (const text of fragile) expect(labelStance([say(text)]).label, text).toBe('fragile');
  });

  it("labels an essay's author from the thesis sentences the expert step hands over", () => {
    const thesis = [
      'I spent a month in Harbin and Vladivostok talking to traders and officials.',
      'Western policy still assumes that Moscow can be coaxed away from Beijing.',
      'That assumption is wrong: the ties between the two have only grown deeper since 2022.',
      'We should plan for a partnership that lasts, not hope for a split.',
      'The essay that follows looks at energy, finance and arms in turn.',
    ].map((text, i) => ({ ...say(text, i), via: 'author' }));
    const s = labelStance(thesis);
    expectHonest(s);
    expect(s.label).toBe('durable');
  });
});
