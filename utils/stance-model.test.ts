/**
 * The shipped model: valid data, trained on the statements now in the repository, and with held-out
 * figures (5-fold, our own words) good enough to ship. Retraining is `npm run train:stance`.
 */
import { describe, expect, it } from 'vitest';
import model from './data/stance-model.v1.json';
import { loadModel, predict } from './stance-model';
import { statementFeatures } from './stance-features';
import { bundledAxes, DEFAULT_AXIS_ID } from './stance-rules';
import { dataDigest, readTrainingData } from '../scripts/train-stance';

const clone = () => JSON.parse(JSON.stringify(model)) as typeof model;

describe('stance model data', () => {
  it('fits its schema, and a malformed file fails with a path', () => {
    expect(() => loadModel(model)).not.toThrow();
    const bad = clone() as unknown as { bias: unknown };
    bad.bias = [1, 2];
    expect(() => loadModel(bad)).toThrow(/stance model invalid at bias/);
    const axis = clone() as unknown as { axis: string };
    axis.axis = 'Not An Id';
    expect(() => loadModel(axis)).toThrow(/axis/);
  });

  it('was trained on the statements in tests/fixtures/stance/train (else run npm run train:stance)', () => {
    const data = readTrainingData();
    expect(data.length).toBeGreaterThanOrEqual(400);
    expect(model.training.dataDigest).toBe(dataDigest(data));
    for (const label of ['durable', 'fragile', 'neutral']) {
      expect(data.filter((d) => d.label === label).length).toBeGreaterThanOrEqual(120);
    }
  });

  it('reaches macro-F1 ≥ 0.65 on its own held-out folds, and its confidence is roughly honest', () => {
    const cv = model.training.crossValidation;
    expect(cv.macroF1).toBeGreaterThanOrEqual(0.65);
    expect(cv.fragileRecall).toBeGreaterThanOrEqual(0.6);
    // Where the model says 80 % or more, at least eight in ten were right.
    for (const bin of model.training.reliability.filter((b) => b.from >= 0.8 && b.n >= 20)) {
      expect(bin.accuracy).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('stays small and names no machine paths', () => {
    const text = JSON.stringify(model);
    expect(text.length).toBeLessThan(200_000);
    expect(text).not.toMatch(/\/(work|tmp|root|home)\//);
  });

  it('gives probabilities that sum to one', () => {
    const m = loadModel(model);
    const f = statementFeatures(bundledAxes().get(DEFAULT_AXIS_ID)!, 'The two grow closer every year.');
    const p = predict(m, f.features);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
