/**
 * From statements to one expert's stance. Each statement comes with calibrated probabilities
 * (durable, fragile, neutral). A statement weighs by how much it takes a side ((1 − p(neutral))²), so an
 * expert who says one clear thing and two things about something else keeps the clear thing; the
 * pooled probabilities then decide, with two guards: a side needs a real lead (MIN_LEAD), and an
 * expert who holds both sides at once (the other side above MIXED_RATIO of the lead, or a statement
 * plainly each way) is neutral.
 * An essay's author is pooled the same way over the piece's thesis sentences.
 */
import type { StatementFeatures } from './stance-features';
import type { StanceLabel, Statement } from './types';

export interface ReadStatement {
  statement: Statement;
  features: StatementFeatures;
  /** Calibrated [durable, fragile, neutral]. */
  probs: number[];
}

/** The pooled share a side needs to be the label. */
export const MIN_LEAD = 0.4;
/** The other side's pooled share, relative to the lead, beyond which the view is mixed (neutral). */
export const MIXED_RATIO = 0.6;
/** A statement this sure of a side counts as saying it plainly. */
export const CLEAR_SIDE = 0.6;
/** Weight of a statement that takes no side at all (so a neutral-only expert still pools). */
const FLOOR = 0.05;

export interface Verdict {
  label: StanceLabel;
  confidence: number;
  /** Pooled [durable, fragile, neutral]. */
  pooled: number[];
}

export function aggregate(read: Pick<ReadStatement, 'probs'>[]): Verdict {
  if (!read.length) return { label: 'neutral', confidence: 0, pooled: [0, 0, 1] };
  const pooled = [0, 0, 0];
  let total = 0;
  for (const r of read) {
    const w = FLOOR + (1 - r.probs[2]) ** 2;
    total += w;
    for (let k = 0; k < 3; k++) pooled[k] += w * r.probs[k];
  }
  for (let k = 0; k < 3; k++) pooled[k] /= total;
  const lead = pooled[0] >= pooled[1] ? 0 : 1;
  const other = 1 - lead;
  // Both sides said plainly (a statement each way at CLEAR_SIDE or more): a mixed view.
  const plainly = (k: number) =>
    read.some((r) => r.probs[k] >= CLEAR_SIDE && r.probs[k] === Math.max(...r.probs));
  const mixed = pooled[other] > MIXED_RATIO * pooled[lead] || (plainly(0) && plainly(1));
  const polar = pooled[lead] >= MIN_LEAD && !mixed && pooled[lead] > pooled[2];
  if (polar) return { label: lead === 0 ? 'durable' : 'fragile', confidence: pooled[lead], pooled };
  return { label: 'neutral', confidence: 1 - pooled[lead], pooled };
}
