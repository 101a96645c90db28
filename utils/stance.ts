/**
 * Stance labelling: where an expert stands on an axis (by default: does the China–Russia alignment
 * hold?), judged only from the expert's own statements, with the words that decided it.
 *
 * Each statement is read by the learned model (`stance-model.ts`, trained on labelled statements by
 * `npm run train:stance`), which gives calibrated probabilities for durable / fragile / neutral. The
 * expert's label pools the statements (`stance-aggregate.ts`): statements that take a side count for
 * more than those about something else, two sides held at once give neutral, and a weak lead stays
 * neutral. The evidence is the statements with the stance words that weighed most in them — never a
 * name or a place (`stance-evidence.ts`).
 *
 * An axis supplied as data (other than the default, for which the model is trained) is read by the
 * cue rules alone (`stance-rules.ts`).
 */
import rawModel from './data/stance-model.v1.json';
import { statementFeatures } from './stance-features';
import { loadModel, predict, type StanceModel } from './stance-model';
import { aggregate, type ReadStatement } from './stance-aggregate';
import { evidenceFor } from './stance-evidence';
import {
  bundledAxes,
  DEFAULT_AXIS_ID,
  labelStanceByRules,
  judgedStatements,
  resolveAxis,
  type LabelOptions,
} from './stance-rules';
import type { Stance, Statement } from './types';

let bundledModel: StanceModel | null = null;

/** The model shipped with the extension, validated on first use. */
export function bundledStanceModel(): StanceModel {
  bundledModel ??= loadModel(rawModel);
  return bundledModel;
}

/** Read each statement: its features and calibrated probabilities. */
export function readStatements(statements: Statement[], model = bundledStanceModel()): ReadStatement[] {
  const axis = bundledAxes().get(model.axis);
  if (!axis) throw new Error(`stance model is for unknown axis "${model.axis}"`);
  const out: ReadStatement[] = [];
  let prev: { index: number; pair: boolean } | null = null;
  for (const s of judgedStatements(statements)) {
    const inherit = prev !== null && prev.pair && s.sentenceIndex - prev.index === 1;
    const feats = statementFeatures(axis, s.text, inherit);
    out.push({ statement: s, features: feats, probs: predict(model, feats.features) });
    prev = { index: s.sentenceIndex, pair: feats.features.some((f) => f.name === 'a:pair') };
  }
  return out;
}

/**
 * Label an expert's stance from their own statements (quotes and paraphrases; for an essay's author,
 * the piece's thesis sentences). Always returns a label; a durable or fragile label always carries
 * evidence with the stance words that decided it.
 */
export function labelStance(statements: Statement[], opts: LabelOptions = {}): Stance {
  const axis = resolveAxis(opts);
  const model = bundledStanceModel();
  if (axis.def.id !== model.axis || (opts.axis && opts.axis !== bundledAxes().get(model.axis))) {
    return labelStanceByRules(statements, opts);
  }
  const read = readStatements(statements, model);
  if (!read.length) return { label: 'neutral', confidence: 0, evidence: [], axis: DEFAULT_AXIS_ID };
  const verdict = aggregate(read);
  let evidence = evidenceFor(read, verdict.label, model);
  // A side is only shown with the words that support it; with none to show, say neutral instead.
  if (verdict.label !== 'neutral' && !evidence.some((e) => e.leans === verdict.label && e.cues.length)) {
    evidence = evidenceFor(read, 'neutral', model);
    return { label: 'neutral', confidence: 0.5, evidence, axis: model.axis };
  }
  return {
    label: verdict.label,
    confidence: Math.round(verdict.confidence * 100) / 100,
    evidence,
    axis: model.axis,
  };
}
