/**
 * The learned stance model: a three-class logistic regression (durable / fragile / neutral) over the
 * features of `stance-features.ts`, its weights kept as data (`utils/data/stance-model.v1.json`,
 * written by `npm run train:stance` from the labelled statements in `tests/fixtures/stance/train/`).
 *
 * Probabilities are divided by a temperature fitted on held-out predictions, so that "0.8" means
 * roughly eight in ten on statements the model did not see (see the reliability bins in the data).
 */
import * as v from 'valibot';
import type { Feature } from './stance-features';

export const MODEL_LABELS = ['durable', 'fragile', 'neutral'] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

const Triple = v.tuple([v.number(), v.number(), v.number()]);

export const StanceModelSchema = v.object({
  $comment: v.optional(v.string()),
  version: v.string(),
  axis: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  labels: v.tuple([v.literal('durable'), v.literal('fragile'), v.literal('neutral')]),
  temperature: v.pipe(v.number(), v.minValue(0.1), v.maxValue(10)),
  bias: Triple,
  weights: v.record(v.pipe(v.string(), v.minLength(3)), Triple),
  training: v.optional(v.record(v.string(), v.unknown())),
});
export type StanceModelData = v.InferOutput<typeof StanceModelSchema>;

export interface StanceModel {
  axis: string;
  temperature: number;
  bias: [number, number, number];
  weights: Map<string, [number, number, number]>;
}

/** Validate model data (throws with the first issue's path) and index its weights. */
export function loadModel(input: unknown): StanceModel {
  const result = v.safeParse(StanceModelSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`stance model invalid at ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  const m = result.output;
  return {
    axis: m.axis,
    temperature: m.temperature,
    bias: m.bias,
    weights: new Map(Object.entries(m.weights)),
  };
}

/** Raw class scores (logits) of one statement's features. */
export function logits(model: Pick<StanceModel, 'bias' | 'weights'>, features: Feature[]): number[] {
  const z = [...model.bias];
  for (const f of features) {
    const w = model.weights.get(f.name);
    if (!w) continue;
    for (let k = 0; k < 3; k++) z[k] += f.value * w[k];
  }
  return z;
}

export function softmax(z: number[], temperature = 1): number[] {
  const scaled = z.map((x) => x / temperature);
  const max = Math.max(...scaled);
  const e = scaled.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** Calibrated class probabilities [durable, fragile, neutral] of one statement. */
export function predict(model: StanceModel, features: Feature[]): number[] {
  return softmax(logits(model, features), model.temperature);
}

/**
 * How much each feature pushes toward `label` against the other two (its weight for the label minus
 * the mean of the others, times its value): the basis of the evidence shown.
 */
export function contributions(model: StanceModel, features: Feature[], label: ModelLabel) {
  const k = MODEL_LABELS.indexOf(label);
  const out: { feature: Feature; push: number }[] = [];
  for (const f of features) {
    const w = model.weights.get(f.name);
    if (!w) continue;
    const others = (w[0] + w[1] + w[2] - w[k]) / 2;
    out.push({ feature: f, push: (f.value * (w[k] - others)) / model.temperature });
  }
  return out.sort((a, b) => b.push - a.push);
}
