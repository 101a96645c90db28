/**
 * Training for the stance model (used by `scripts/train-stance.ts` and its test): multinomial
 * logistic regression with an L2 penalty, fitted by full-batch gradient descent with AdaGrad steps
 * from zero weights, so the same data always gives the same weights. Plus the measures reported:
 * macro-F1, fragile recall, durable/fragile swaps and reliability bins.
 */
import { logits, softmax, type StanceModel } from './stance-model';
import type { Feature } from './stance-features';

export interface Example {
  features: Feature[];
  /** 0 durable, 1 fragile, 2 neutral. */
  label: number;
}

export interface TrainOptions {
  l2: number;
  epochs: number;
  /** Lexical features seen in fewer training statements are dropped (rule features are kept). */
  minCount: number;
  learningRate?: number;
}

function keepFeature(name: string, count: number, minCount: number): boolean {
  return count >= minCount || /^[afhr]:/.test(name);
}

export function train(examples: Example[], opts: TrainOptions): Omit<StanceModel, 'axis' | 'temperature'> {
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const names = [...counts.keys()].filter((n) => keepFeature(n, counts.get(n)!, opts.minCount)).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((ex) => ({
    label: ex.label,
    cols: ex.features.filter((f) => index.has(f.name)).map((f) => [index.get(f.name)!, f.value] as const),
  }));
  const W = new Float64Array(names.length * 3);
  const b = new Float64Array(3);
  const gW = new Float64Array(W.length);
  const gb = new Float64Array(3);
  const accW = new Float64Array(W.length).fill(1e-8);
  const accb = new Float64Array(3).fill(1e-8);
  const lr = opts.learningRate ?? 0.5;
  const n = rows.length;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    gW.fill(0);
    gb.fill(0);
    for (const row of rows) {
      const z = [b[0], b[1], b[2]];
      for (const [j, x] of row.cols) for (let k = 0; k < 3; k++) z[k] += x * W[j * 3 + k];
      const p = softmax(z);
      for (let k = 0; k < 3; k++) {
        const d = (p[k] - (row.label === k ? 1 : 0)) / n;
        gb[k] += d;
        for (const [j, x] of row.cols) gW[j * 3 + k] += d * x;
      }
    }
    for (let i = 0; i < W.length; i++) {
      const g = gW[i] + opts.l2 * W[i];
      accW[i] += g * g;
      W[i] -= (lr * g) / Math.sqrt(accW[i]);
    }
    for (let k = 0; k < 3; k++) {
      accb[k] += gb[k] * gb[k];
      b[k] -= (lr * gb[k]) / Math.sqrt(accb[k]);
    }
  }
  const weights = new Map<string, [number, number, number]>();
  names.forEach((name, j) => weights.set(name, [W[j * 3], W[j * 3 + 1], W[j * 3 + 2]]));
  return { bias: [b[0], b[1], b[2]], weights };
}

/** The temperature (on a fixed grid) that minimises the log-loss of held-out logits. */
export function fitTemperature(held: { z: number[]; label: number }[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 4.001; t += 0.05) {
    let loss = 0;
    for (const h of held) loss -= Math.log(Math.max(1e-12, softmax(h.z, t)[h.label]));
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export function heldOutLogits(model: Omit<StanceModel, 'axis' | 'temperature'>, examples: Example[]) {
  return examples.map((ex) => ({ z: logits(model, ex.features), label: ex.label }));
}

/** Macro-F1 over the three labels, fragile and durable recall, durable/fragile swap share. */
export function scorePairs(pairs: { gold: number; got: number }[]) {
  const f1 = [0, 1, 2].map((k) => {
    const tp = pairs.filter((p) => p.gold === k && p.got === k).length;
    const fp = pairs.filter((p) => p.gold !== k && p.got === k).length;
    const fn = pairs.filter((p) => p.gold === k && p.got !== k).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const recall = (k: number) => {
    const gold = pairs.filter((p) => p.gold === k);
    return gold.filter((p) => p.got === k).length / Math.max(1, gold.length);
  };
  const swaps = pairs.filter((p) => (p.gold === 0 && p.got === 1) || (p.gold === 1 && p.got === 0));
  return {
    n: pairs.length,
    macroF1: (f1[0] + f1[1] + f1[2]) / 3,
    f1,
    durableRecall: recall(0),
    fragileRecall: recall(1),
    swapRate: swaps.length / Math.max(1, pairs.length),
    accuracy: pairs.filter((p) => p.gold === p.got).length / Math.max(1, pairs.length),
  };
}

/** Reliability: predictions grouped by their top probability, with how often they were right. */
export function reliabilityBins(
  predictions: { probs: number[]; label: number }[],
  edges = [0.34, 0.5, 0.65, 0.8, 0.9, 1.0001],
) {
  const bins = edges
    .slice(0, -1)
    .map((lo, i) => ({ from: lo, to: Math.min(1, edges[i + 1]), n: 0, meanConfidence: 0, accuracy: 0 }));
  for (const p of predictions) {
    const top = Math.max(...p.probs);
    const got = p.probs.indexOf(top);
    const bin = bins.find((b, i) => top >= b.from && top < edges[i + 1]) ?? bins[0];
    bin.n++;
    bin.meanConfidence += top;
    bin.accuracy += got === p.label ? 1 : 0;
  }
  for (const b of bins) {
    if (b.n) {
      b.meanConfidence /= b.n;
      b.accuracy /= b.n;
    }
  }
  return bins;
}
