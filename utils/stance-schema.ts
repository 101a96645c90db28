/**
 * Schema for the stance axes data (`utils/data/stance-axis.v1.json`): an axis is a question, three
 * labels, word classes, anchors and cue families. Validated with valibot where it is loaded, so a
 * malformed axis fails loudly at load (and in its test), never half-way through labelling.
 */
import * as v from 'valibot';

const Phrases = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(600))), v.minLength(1));
const Factor = v.pipe(v.number(), v.minValue(0), v.maxValue(2));
const Window = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20));
const Common = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  note: v.optional(v.string()),
  phrases: Phrases,
};

export const CueFamilySchema = v.variant('role', [
  v.object({
    ...Common,
    role: v.literal('polar'),
    leans: v.picklist(['durable', 'fragile']),
    weight: v.pipe(v.number(), v.minValue(0.05), v.maxValue(2)),
    /** none: the phrase names the pair itself; loose: half weight without an anchor; pair: needs one. */
    anchor: v.picklist(['none', 'loose', 'pair']),
  }),
  v.object({
    ...Common,
    role: v.literal('negation'),
    factor: Factor,
    scope: v.picklist(['after', 'before']),
    window: Window,
  }),
  v.object({ ...Common, role: v.literal('hedge'), factor: Factor }),
  v.object({ ...Common, role: v.literal('contrast'), before: Factor, after: Factor, initial: Factor }),
  v.object({
    ...Common,
    role: v.literal('concession'),
    factor: Factor,
    /** Cues in the main clause after a conceded one ("while …, they share a worldview") weigh this much. */
    main: v.optional(Factor),
  }),
  v.object({
    ...Common,
    role: v.literal('disagreement'),
    factor: Factor,
    window: Window,
    unresolved: v.optional(
      v.object({
        leans: v.picklist(['durable', 'fragile']),
        weight: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      }),
    ),
  }),
  v.object({ ...Common, role: v.literal('other-voice'), factor: Factor }),
  v.object({ ...Common, role: v.literal('ignore') }),
]);
export type CueFamily = v.InferOutput<typeof CueFamilySchema>;

export const StanceAxisSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  question: v.pipe(v.string(), v.minLength(10)),
  labels: v.object({ durable: v.string(), fragile: v.string(), neutral: v.string() }),
  decisions: v.optional(v.array(v.string())),
  classes: v.record(v.pipe(v.string(), v.regex(/^[A-Z]+$/)), v.pipe(v.array(v.string()), v.minLength(1))),
  anchors: v.object({
    sides: v.tuple([v.string(), v.string()]),
    outside: v.string(),
    pairPhrases: v.array(v.string()),
    /** Words that aim a cue at an outsider ("tensions with Washington"): such a cue does not count. */
    outsideTargets: v.optional(v.array(v.string())),
  }),
  scoring: v.object({
    /** Minimum lead of the winning side over the other. */
    margin: v.pipe(v.number(), v.minValue(0)),
    /** Minimum share of the winning side in all polar weight. */
    purity: v.pipe(v.number(), v.minValue(0.5), v.maxValue(1)),
    /** Most one sentence can add to one side. */
    sentenceCap: v.pipe(v.number(), v.minValue(0.1)),
    /** Each further hit of the same family in a sentence counts this much of the one before. */
    repeatDecay: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    hedgeFloor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    unanchoredFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    otherPairFactor: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  }),
  cues: v.pipe(v.array(CueFamilySchema), v.minLength(1)),
});
export type StanceAxisDef = v.InferOutput<typeof StanceAxisSchema>;

export const StanceDataSchema = v.object({
  $comment: v.optional(v.string()),
  version: v.string(),
  axes: v.pipe(v.array(StanceAxisSchema), v.minLength(1)),
});
export type StanceData = v.InferOutput<typeof StanceDataSchema>;

/** Validate stance data; throws with the first issue's path when it does not fit the schema. */
export function parseStanceData(input: unknown): StanceData {
  const result = v.safeParse(StanceDataSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '(root)';
    throw new Error(`stance data invalid at ${path}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const axis of result.output.axes) {
    if (ids.has(axis.id)) throw new Error(`stance data: duplicate axis id "${axis.id}"`);
    ids.add(axis.id);
    const familyIds = new Set<string>();
    for (const family of axis.cues) {
      if (familyIds.has(family.id))
        throw new Error(`stance axis ${axis.id}: duplicate cue family "${family.id}"`);
      familyIds.add(family.id);
    }
    for (const side of [...axis.anchors.sides, axis.anchors.outside]) {
      if (!axis.classes[side])
        throw new Error(`stance axis ${axis.id}: anchor class "${side}" is not defined`);
    }
  }
  return result.output;
}
