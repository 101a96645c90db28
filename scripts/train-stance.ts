/**
 * npm run train:stance [-- --check]
 *
 * Trains the stance model from the labelled statements in tests/fixtures/stance/train/*.jsonl (our
 * own words, invented speakers) and writes utils/data/stance-model.v1.json. Deterministic: the same
 * data gives the same file. Steps:
 * 1. features of every statement (utils/stance-features.ts);
 * 2. 5-fold cross-validation (folds by a hash of the text) for each L2 strength on a small grid; the
 *    strength with the lowest held-out log-loss wins;
 * 3. a temperature fitted on the held-out (out-of-fold) predictions, and the held-out figures and
 *    reliability bins at that temperature, kept in the file under `training`;
 * 4. the final weights from all statements; tiny weights dropped, the rest rounded.
 * With --check it writes nothing and exits 1 when the file on disk differs from a fresh training.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { statementFeatures } from '../utils/stance-features';
import { bundledAxes, DEFAULT_AXIS_ID } from '../utils/stance-rules';
import { MODEL_LABELS, softmax, type StanceModelData } from '../utils/stance-model';
import {
  fitTemperature,
  heldOutLogits,
  reliabilityBins,
  scorePairs,
  train,
  type Example,
} from '../utils/stance-train';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TRAIN_DIR = resolve(root, 'tests/fixtures/stance/train');
export const MODEL_PATH = resolve(root, 'utils/data/stance-model.v1.json');

const FOLDS = 5;
const L2_GRID = [0.001, 0.003, 0.01, 0.03];
const EPOCHS = 300;
const MIN_COUNT = 2;

export interface LabelledStatement {
  text: string;
  label: (typeof MODEL_LABELS)[number];
  file: string;
}

export function readTrainingData(dir = TRAIN_DIR): LabelledStatement[] {
  const out: LabelledStatement[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(resolve(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const row = JSON.parse(line) as { text?: unknown; label?: unknown };
      if (typeof row.text !== 'string' || !MODEL_LABELS.includes(row.label as never))
        throw new Error(`${file}:${i + 1}: needs "text" and a "label" of ${MODEL_LABELS.join('/')}`);
      out.push({ text: row.text, label: row.label as LabelledStatement['label'], file });
    });
  }
  return out;
}

/** A short fingerprint of the training statements (kept in the model file to tell it is current). */
export function dataDigest(data: LabelledStatement[]): string {
  return createHash('sha256')
    .update(data.map((d) => `${d.label}\t${d.text}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** Fold of a statement: a hash of its text, so adding a statement never moves the others. */
export function foldOf(text: string): number {
  return createHash('sha256').update(text).digest()[0] % FOLDS;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export interface TrainingReport {
  statements: number;
  byLabel: Record<string, number>;
  l2: number;
  temperature: number;
  crossValidation: ReturnType<typeof scorePairs>;
  reliability: ReturnType<typeof reliabilityBins>;
  /** Out-of-fold predictions (calibrated) in data order, for the test's own checks. */
  outOfFold: { probs: number[]; label: number; text: string }[];
}

export function buildModel(data: LabelledStatement[]): { model: StanceModelData; report: TrainingReport } {
  const axis = bundledAxes().get(DEFAULT_AXIS_ID)!;
  const examples: (Example & { fold: number; text: string })[] = data.map((d) => ({
    features: statementFeatures(axis, d.text).features,
    label: MODEL_LABELS.indexOf(d.label),
    fold: foldOf(d.text),
    text: d.text,
  }));
  const opts = { epochs: EPOCHS, minCount: MIN_COUNT };

  let best: { l2: number; loss: number; oof: { z: number[]; label: number }[] } | null = null;
  for (const l2 of L2_GRID) {
    const oof: { z: number[]; label: number }[] = new Array(examples.length);
    for (let k = 0; k < FOLDS; k++) {
      const model = train(
        examples.filter((e) => e.fold !== k),
        { ...opts, l2 },
      );
      const heldIdx = examples.map((e, i) => (e.fold === k ? i : -1)).filter((i) => i >= 0);
      const held = heldOutLogits(
        model,
        heldIdx.map((i) => examples[i]),
      );
      heldIdx.forEach((i, j) => (oof[i] = held[j]));
    }
    const t = fitTemperature(oof);
    const loss =
      oof.reduce((s, h) => s - Math.log(Math.max(1e-12, softmax(h.z, t)[h.label])), 0) / oof.length;
    if (!best || loss < best.loss - 1e-9) best = { l2, loss, oof };
  }
  const chosen = best!;
  const temperature = fitTemperature(chosen.oof);
  const outOfFold = chosen.oof.map((h, i) => ({
    probs: softmax(h.z, temperature),
    label: h.label,
    text: examples[i].text,
  }));
  const crossValidation = scorePairs(
    outOfFold.map((p) => ({ gold: p.label, got: p.probs.indexOf(Math.max(...p.probs)) })),
  );
  const reliability = reliabilityBins(outOfFold);

  const final = train(examples, { ...opts, l2: chosen.l2 });
  const weights: Record<string, [number, number, number]> = {};
  for (const [name, w] of [...final.weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (Math.max(...w.map(Math.abs)) < 0.01) continue;
    weights[name] = [r3(w[0]), r3(w[1]), r3(w[2])];
  }
  const byLabel = Object.fromEntries(MODEL_LABELS.map((l) => [l, data.filter((d) => d.label === l).length]));
  const digest = dataDigest(data);
  const model: StanceModelData = {
    $comment:
      'Stance model: 3-class logistic regression over utils/stance-features.ts features. Written by `npm run train:stance` from tests/fixtures/stance/train/*.jsonl; do not edit by hand. `training.crossValidation` and `training.reliability` are 5-fold out-of-fold figures on that (own-words) data at the stored temperature.',
    version: '1',
    axis: DEFAULT_AXIS_ID,
    labels: ['durable', 'fragile', 'neutral'],
    temperature,
    bias: [r3(final.bias[0]), r3(final.bias[1]), r3(final.bias[2])],
    weights,
    training: {
      statements: data.length,
      byLabel,
      dataDigest: digest,
      folds: FOLDS,
      l2: chosen.l2,
      epochs: EPOCHS,
      minCount: MIN_COUNT,
      crossValidation: Object.fromEntries(
        Object.entries(crossValidation).map(([k, v]) => [k, Array.isArray(v) ? v.map(r3) : r3(v)]),
      ),
      reliability: reliability.map((b) => ({
        from: b.from,
        to: b.to,
        n: b.n,
        meanConfidence: r3(b.meanConfidence),
        accuracy: r3(b.accuracy),
      })),
    },
  };
  return {
    model,
    report: {
      statements: data.length,
      byLabel,
      l2: chosen.l2,
      temperature,
      crossValidation,
      reliability,
      outOfFold,
    },
  };
}

export function serialise(model: StanceModelData): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  const data = readTrainingData();
  const { model, report } = buildModel(data);
  const text = serialise(model);
  const cv = report.crossValidation;
  console.log(
    `stance model: ${report.statements} statements (${JSON.stringify(report.byLabel)}), l2 ${report.l2}, ` +
      `temperature ${report.temperature}, ${Object.keys(model.weights).length} features, ${text.length} bytes`,
  );
  console.log(
    `own held-out (5-fold): macro-F1 ${cv.macroF1.toFixed(3)}, durable recall ${cv.durableRecall.toFixed(3)}, ` +
      `fragile recall ${cv.fragileRecall.toFixed(3)}, swaps ${(cv.swapRate * 100).toFixed(1)}%`,
  );
  for (const b of report.reliability)
    console.log(
      `  confidence ${b.from.toFixed(2)}–${b.to.toFixed(2)}: n ${b.n}, mean ${b.meanConfidence.toFixed(2)}, right ${b.accuracy.toFixed(2)}`,
    );
  if (check) {
    const onDisk = readFileSync(MODEL_PATH, 'utf8');
    if (onDisk !== text) {
      console.error('utils/data/stance-model.v1.json is out of date: run npm run train:stance');
      process.exit(1);
    }
    console.log('model file is up to date');
    return;
  }
  writeFileSync(MODEL_PATH, text);
  console.log(`wrote ${MODEL_PATH.slice(root.length + 1)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
