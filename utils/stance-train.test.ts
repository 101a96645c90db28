import { describe, expect, it } from 'vitest';
import { fitTemperature, reliabilityBins, scorePairs, train, type Example } from './stance-train';
import { logits, softmax } from './stance-model';

const ex = (words: string[], label: number): Example => ({
  features: words.map((w) => ({ name: `w:${w}`, value: 1, tokens: [] })),
  label,
});
const data: Example[] = [
  ex(['strong', 'close'], 0),
  ex(['strong', 'deep'], 0),
  ex(['close', 'deep'], 0),
  ex(['weak', 'distrust'], 1),
  ex(['weak', 'limit'], 1),
  ex(['distrust', 'limit'], 1),
  ex(['market', 'price'], 2),
  ex(['market', 'tariff'], 2),
  ex(['price', 'tariff'], 2),
];

describe('stance training', () => {
  it('learns a separable toy set and gives the same weights every time', () => {
    const a = train(data, { l2: 0.001, epochs: 200, minCount: 2 });
    const b = train(data, { l2: 0.001, epochs: 200, minCount: 2 });
    expect([...a.weights.entries()]).toEqual([...b.weights.entries()]);
    for (const e of data) {
      const p = softmax(logits(a, e.features));
      expect(p.indexOf(Math.max(...p))).toBe(e.label);
    }
  });

  it('drops lexical features seen fewer than minCount times', () => {
    const m = train([...data, ex(['rare'], 0)], { l2: 0.001, epochs: 10, minCount: 2 });
    expect(m.weights.has('w:rare')).toBe(false);
  });

  it('fits a temperature above 1 for overconfident scores', () => {
    const held = [
      { z: [5, 0, 0], label: 0 },
      { z: [5, 0, 0], label: 1 },
      { z: [0, 5, 0], label: 1 },
      { z: [0, 5, 0], label: 2 },
    ];
    expect(fitTemperature(held)).toBeGreaterThan(1);
  });

  it('scores labels and bins confidence', () => {
    const s = scorePairs([
      { gold: 0, got: 0 },
      { gold: 1, got: 0 },
      { gold: 2, got: 2 },
    ]);
    expect(s.swapRate).toBeCloseTo(1 / 3);
    expect(s.fragileRecall).toBe(0);
    const bins = reliabilityBins([
      { probs: [0.95, 0.03, 0.02], label: 0 },
      { probs: [0.4, 0.35, 0.25], label: 1 },
    ]);
    expect(bins.find((b) => b.from === 0.9)).toMatchObject({ n: 1, accuracy: 1 });
    expect(bins.find((b) => b.from === 0.34)).toMatchObject({ n: 1, accuracy: 0 });
  });
});
