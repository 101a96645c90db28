/**
 * Rule-based stance reading: where an expert stands on an axis, from a cue lexicon. Since the
 * learned model (`stance-model.ts`) this is (1) a source of features for the model (each cue family's
 * lean after negation, hedge and contrast handling) and of readable evidence spans, and (2) the
 * labeller for an axis supplied as data, for which no model is trained.
 *
 * Cue lexicon + rules, all from data (`utils/data/stance-axis.v1.json`): polar cues carry a lean and
 * a weight; negation flips the cues in its scope ("nor does it mean a weakening" is durable evidence),
 * hedges weaken them, a contrast favours what follows it, a conceded clause counts half, reported
 * claims of others count little, and a disputed claim is flipped. When the balance is thin or mixed
 * the label is neutral: a wrong confident label costs more trust than an honest "unclear".
 */
import rawData from './data/stance-axis.v1.json';
import { parseStanceData, type CueFamily, type StanceAxisDef } from './stance-schema';
import { compilePhrase, PhraseSet, tokenize, type PhraseHit, type Token } from './stance-phrases';
import type { Stance, StanceEvidence, StanceLabel, Statement } from './types';

export const DEFAULT_AXIS_ID = 'alignment-durability';
/** Statements judged per expert; more are ignored (bounded time). */
export const MAX_STATEMENTS = 200;
/** Neutral labels with no axis cue show at most this many of the expert's sentences. */
const MAX_NEUTRAL_EVIDENCE = 3;

type Polar = 'durable' | 'fragile';
export type Anchor = 'pair' | 'other' | 'none';

export interface CompiledAxis {
  def: StanceAxisDef;
  cues: PhraseSet<CueFamily>;
  pairPhrases: PhraseSet<null>;
  sideA: PhraseSet<null>;
  sideB: PhraseSet<null>;
  outside: PhraseSet<null>;
}

/** Compile every phrase of an axis once; throws naming the cue family of a bad phrase. */
export function compileAxis(def: StanceAxisDef): CompiledAxis {
  const classes = def.classes;
  const compile = (source: string, where: string) => {
    try {
      return compilePhrase(source, classes);
    } catch (err) {
      throw new Error(`stance axis ${def.id}, ${where}: ${(err as Error).message}`);
    }
  };
  const cueEntries = def.cues.flatMap((family) =>
    family.phrases.map((p) => ({ phrase: compile(p, `cue family ${family.id}`), tag: family })),
  );
  const single = (source: string, where: string) =>
    new PhraseSet([{ phrase: compile(source, where), tag: null }]);
  return {
    def,
    cues: new PhraseSet(cueEntries),
    pairPhrases: new PhraseSet(
      def.anchors.pairPhrases.map((p) => ({ phrase: compile(p, 'pairPhrases'), tag: null })),
    ),
    sideA: single(`{${def.anchors.sides[0]}}`, 'sides'),
    sideB: single(`{${def.anchors.sides[1]}}`, 'sides'),
    outside: single(`{${def.anchors.outside}}`, 'outside'),
  };
}

/** Validate stance data and compile every axis in it, keyed by axis id. */
export function loadAxes(data: unknown): Map<string, CompiledAxis> {
  const parsed = parseStanceData(data);
  return new Map(parsed.axes.map((def) => [def.id, compileAxis(def)]));
}

let bundled: Map<string, CompiledAxis> | null = null;

/** The axes shipped with the extension, compiled on first use. */
export function bundledAxes(): Map<string, CompiledAxis> {
  bundled ??= loadAxes(rawData);
  return bundled;
}

export function resolveAxis(opts: LabelOptions): CompiledAxis {
  if (opts.axis) return opts.axis;
  const id = opts.axisId ?? DEFAULT_AXIS_ID;
  const axis = bundledAxes().get(id);
  if (!axis) throw new Error(`unknown stance axis "${id}"`);
  return axis;
}

export interface Contribution {
  leans: Polar;
  weight: number;
  family: string;
  /** Token ranges of the cue and of the modifiers that changed it. */
  spans: [number, number][];
}

export interface SentenceResult {
  text: string;
  tokens: Token[];
  anchor: Anchor;
  contributions: Contribution[];
  /** Anchor words (both sides and outsiders) for a neutral explanation. */
  anchorSpans: [number, number][];
}

const ROLE_PRIORITY: Record<CueFamily['role'], number> = {
  ignore: 0,
  polar: 1,
  disagreement: 2,
  negation: 3,
  'other-voice': 4,
  contrast: 5,
  concession: 6,
  hedge: 7,
};

/**
 * Keep the longest of overlapping cue matches (so "no limits" is not read as negation + "limits").
 * Only the words a phrase matched are claimed: a negation inside a gap ("the partnership is not as
 * solid") stays free to act. Ties go to the wider span (it contains the reading of the narrower one: "hard to pull Russia away" over
 * "pull Russia away"), then to the role order.
 */
function resolveOverlaps(hits: PhraseHit<CueFamily>[], tokenCount: number): PhraseHit<CueFamily>[] {
  const sorted = [...hits].sort(
    (a, b) =>
      b.words.length - a.words.length ||
      b.end - b.start - (a.end - a.start) ||
      ROLE_PRIORITY[a.tag.role] - ROLE_PRIORITY[b.tag.role] ||
      a.start - b.start,
  );
  const taken = new Uint8Array(tokenCount);
  const kept: PhraseHit<CueFamily>[] = [];
  for (const h of sorted) {
    if (h.words.some((i) => taken[i])) continue;
    for (const i of h.words) taken[i] = 1;
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function classifyAnchor(axis: CompiledAxis, tokens: Token[]): { anchor: Anchor; spans: [number, number][] } {
  const a = axis.sideA.findAll(tokens);
  const b = axis.sideB.findAll(tokens);
  const out = axis.outside.findAll(tokens);
  const spans = [...a, ...b, ...out].map((h): [number, number] => [h.start, h.end]);
  if ((a.length && b.length) || axis.pairPhrases.findAll(tokens).length) return { anchor: 'pair', spans };
  if ((a.length || b.length) && out.length) return { anchor: 'other', spans };
  return { anchor: 'none', spans };
}

function opposite(lean: Polar): Polar {
  return lean === 'durable' ? 'fragile' : 'durable';
}

/** Judge one sentence: every polar cue with its lean and weight after the modifiers. */
export function analyseSentence(axis: CompiledAxis, text: string, inheritedPair = false): SentenceResult {
  const { scoring } = axis.def;
  const tokens = tokenize(text);
  const hits = resolveOverlaps(axis.cues.findAll(tokens), tokens.length);
  const classified = classifyAnchor(axis, tokens);
  const anchorSpans = classified.spans;
  const anchor: Anchor = classified.anchor === 'none' && inheritedPair ? 'pair' : classified.anchor;

  // Comma-clause index of each token; a comma right after a polar cue continues a list.
  const clause = new Int32Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) clause[i] = clause[i - 1] + (tokens[i].boundary > 0 ? 1 : 0);
  const polar = hits.filter((h) => h.tag.role === 'polar');
  const polarEnds = new Set(polar.map((h) => h.end));
  const open = (from: number, to: number) => {
    for (let t = Math.max(from, 1); t <= to && t < tokens.length; t++) {
      const b = tokens[t].boundary;
      if (b === 2 || (b === 1 && !polarEnds.has(t))) return false;
    }
    return true;
  };
  const byRole = (role: CueFamily['role']) => hits.filter((h) => h.tag.role === role);
  const negations = byRole('negation');
  const disagreements = byRole('disagreement');
  const hedges = byRole('hedge');
  const contrasts = byRole('contrast');
  const concessions = byRole('concession');
  const others = byRole('other-voice');
  const usedDisagreement = new Set<PhraseHit<CueFamily>>();
  const outsideAt = new Set(axis.outside.findAll(tokens).map((h) => h.start));
  const targets = new Set(axis.def.anchors.outsideTargets ?? []);
  /** "rivalry with Washington", "mistrust of the West": the cue is about an outsider, not the pair. */
  const aimedOutside = (p: PhraseHit<CueFamily>) => {
    const next = tokens[p.end];
    if (!next) return false;
    // A direct object: "distrust Washington", "resent America".
    if (outsideAt.has(p.end) && next.boundary === 0) return true;
    if (!targets.has(next.norm)) return false;
    return outsideAt.has(p.end + 1) || (tokens[p.end + 1]?.norm === 'the' && outsideAt.has(p.end + 2));
  };

  const clauseEnd = (from: number) => {
    let t = from;
    while (t < tokens.length && tokens[t].boundary === 0) t++;
    return t;
  };

  interface Working extends Contribution {
    hit: PhraseHit<CueFamily>;
    original: Polar;
    flippedBy: PhraseHit<CueFamily>[];
    byDisagreement: boolean;
  }
  const working: Working[] = [];

  for (const p of polar) {
    const fam = p.tag;
    if (fam.role !== 'polar') continue;
    const anchorFactor =
      fam.anchor === 'none'
        ? 1
        : anchor === 'pair'
          ? 1
          : anchor === 'other'
            ? scoring.otherPairFactor
            : fam.anchor === 'loose'
              ? scoring.unanchoredFactor
              : 0;
    if (anchorFactor <= 0 || (fam.anchor !== 'none' && aimedOutside(p))) continue;
    let weight = fam.weight * anchorFactor;
    const spans: [number, number][] = [[p.start, p.end]];
    const flippedBy: PhraseHit<CueFamily>[] = [];
    let byDisagreement = false;

    for (const n of negations) {
      if (n.tag.role !== 'negation') continue;
      const inside = n.start > p.start && n.end < p.end;
      const inScope =
        inside ||
        (n.tag.scope === 'after'
          ? n.end <= p.start && p.start - n.end <= n.tag.window && open(n.end, p.start)
          : n.start >= p.end && n.start - p.end <= n.tag.window && open(p.end, n.start));
      if (!inScope) continue;
      flippedBy.push(n);
      weight *= n.tag.factor;
      spans.push([n.start, n.end]);
    }
    for (const d of disagreements) {
      if (d.tag.role !== 'disagreement') continue;
      if (!(d.end <= p.start && p.start - d.end <= d.tag.window && open(d.end, p.start))) continue;
      flippedBy.push(d);
      byDisagreement = true;
      usedDisagreement.add(d);
      weight *= d.tag.factor;
      spans.push([d.start, d.end]);
    }

    let hedge = 1;
    for (const h of hedges) {
      if (h.tag.role !== 'hedge' || clause[h.start] !== clause[p.start]) continue;
      hedge *= h.tag.factor;
      spans.push([h.start, h.end]);
    }
    weight *= Math.max(hedge, scoring.hedgeFloor);

    for (const c of contrasts) {
      if (c.tag.role !== 'contrast') continue;
      const initial = c.start === 0 || (c.start === 1 && tokens[0].norm === 'and');
      if (initial) weight *= c.tag.initial;
      else if (c.end <= p.start) weight *= c.tag.after;
      else if (c.start >= p.end) weight *= c.tag.before;
    }
    for (const k of concessions) {
      if (k.tag.role !== 'concession') continue;
      const conceded = clauseEnd(k.end);
      if (p.start >= k.start && p.start < conceded) weight *= k.tag.factor;
      // The clause after a conceded one carries the speaker's point.
      else if (k.tag.main && p.start >= conceded && conceded < tokens.length && !contrasts.length)
        weight *= k.tag.main;
    }
    if (!byDisagreement) {
      for (const o of others) {
        if (o.tag.role !== 'other-voice' || o.start > p.start) continue;
        let stop = o.end;
        while (stop < tokens.length && tokens[stop].boundary !== 2) stop++;
        const contrastBetween = contrasts.some((c) => c.start > o.start && c.start < p.start);
        if (p.start < stop && !contrastBetween) {
          weight *= o.tag.factor;
          break;
        }
      }
    }

    const flips = flippedBy.length % 2 === 1;
    working.push({
      hit: p,
      original: fam.leans,
      leans: flips ? opposite(fam.leans) : fam.leans,
      weight,
      family: fam.id,
      spans,
      flippedBy,
      byDisagreement,
    });
  }

  // The subject of a negated predicate goes with it: "tensions will not derail the partnership".
  for (const w of working) {
    for (const n of w.flippedBy) {
      if (n.tag.role !== 'negation' || n.tag.scope !== 'after' || w.flippedBy.length % 2 === 0) continue;
      for (const s of working) {
        if (s === w || s.flippedBy.length || s.original !== w.original) continue;
        if (s.hit.end > n.start || clause[s.hit.start] !== clause[n.start]) continue;
        s.leans = opposite(s.original);
        s.weight *= n.tag.factor;
        s.spans.push([n.start, n.end]);
        s.flippedBy.push(n);
      }
    }
  }

  const contributions: Contribution[] = working.map(({ leans, weight, family, spans }) => ({
    leans,
    weight,
    family,
    spans,
  }));

  // A dispute of findings with no cue in view: a small lean set by the axis data.
  for (const d of disagreements) {
    if (d.tag.role !== 'disagreement' || !d.tag.unresolved || usedDisagreement.has(d)) continue;
    contributions.push({
      leans: d.tag.unresolved.leans,
      weight: d.tag.unresolved.weight,
      family: d.tag.id,
      spans: [[d.start, d.end]],
    });
  }

  return { text, tokens, anchor, contributions: capSentence(contributions, scoring), anchorSpans };
}

/** Repeated hits of one family fade; one sentence adds at most `sentenceCap` to a side. */
function capSentence(contributions: Contribution[], scoring: StanceAxisDef['scoring']): Contribution[] {
  const out: Contribution[] = [];
  for (const lean of ['durable', 'fragile'] as const) {
    const side = contributions.filter((c) => c.leans === lean && c.weight > 0);
    const seen = new Map<string, number>();
    const decayed = [...side]
      .sort((a, b) => b.weight - a.weight)
      .map((c) => {
        const n = seen.get(c.family) ?? 0;
        seen.set(c.family, n + 1);
        return { ...c, weight: c.weight * scoring.repeatDecay ** n };
      });
    const total = decayed.reduce((s, c) => s + c.weight, 0);
    const scale = total > scoring.sentenceCap ? scoring.sentenceCap / total : 1;
    for (const c of decayed) out.push({ ...c, weight: c.weight * scale });
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function cueStrings(result: SentenceResult, spans: [number, number][]): string[] {
  const unique = new Map<string, [number, number]>();
  for (const [s, e] of spans) unique.set(`${s}:${e}`, [s, e]);
  return [...unique.values()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => result.text.slice(result.tokens[s].start, result.tokens[e - 1].end))
    .filter((cue, i, all) => all.indexOf(cue) === i);
}

function evidenceFor(result: SentenceResult, lean: Polar): StanceEvidence | null {
  const side = result.contributions.filter((c) => c.leans === lean);
  if (!side.length) return null;
  return {
    sentence: result.text,
    cues: cueStrings(
      result,
      side.flatMap((c) => c.spans),
    ),
    leans: lean,
    weight: round2(side.reduce((s, c) => s + c.weight, 0)),
  };
}

export interface LabelOptions {
  /** Axis id from the stance data (default: "alignment-durability"). */
  axisId?: string;
  /** An axis compiled by the caller (e.g. from other data); wins over `axisId`. */
  axis?: CompiledAxis;
}

/** The statements that are judged: non-empty, each once, in article order, at most MAX_STATEMENTS. */
export function judgedStatements(statements: Statement[]): Statement[] {
  const seen = new Set<string>();
  return statements
    .filter((s) => typeof s?.text === 'string' && s.text.trim() !== '')
    .filter((s) => {
      const key = `${s.sentenceIndex}\u0000${s.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.sentenceIndex - b.sentenceIndex)
    .slice(0, MAX_STATEMENTS);
}

/**
 * Label an expert's stance from their own statements (quotes and paraphrases only). Always returns
 * a label; a durable or fragile label always carries the evidence that decided it.
 */
export function labelStanceByRules(statements: Statement[], opts: LabelOptions = {}): Stance {
  const axis = resolveAxis(opts);
  const { scoring } = axis.def;
  const unique = judgedStatements(statements);

  if (!unique.length) return { label: 'neutral', confidence: 0, evidence: [], axis: axis.def.id };

  const results: SentenceResult[] = [];
  let prev: { index: number; anchor: Anchor } | null = null;
  for (const s of unique) {
    const inherit = prev !== null && prev.anchor === 'pair' && s.sentenceIndex - prev.index === 1;
    const r = analyseSentence(axis, s.text, inherit);
    results.push(r);
    prev = { index: s.sentenceIndex, anchor: r.anchor };
  }

  let durable = 0;
  let fragile = 0;
  for (const r of results) {
    for (const c of r.contributions) {
      if (c.leans === 'durable') durable += c.weight;
      else fragile += c.weight;
    }
  }
  const total = durable + fragile;
  const evidence: StanceEvidence[] = [];
  for (const r of results) {
    for (const lean of ['durable', 'fragile'] as const) {
      const e = evidenceFor(r, lean);
      if (e) evidence.push(e);
    }
  }

  if (total === 0) {
    // Spoke, but not to the axis: say so, showing what the sentences were about instead.
    const shown = results.slice(0, MAX_NEUTRAL_EVIDENCE).map((r) => ({
      sentence: r.text,
      cues: r.anchor === 'other' ? cueStrings(r, r.anchorSpans) : [],
      leans: 'neutral' as const,
      weight: 0,
    }));
    return {
      label: 'neutral',
      confidence: round2(Math.min(0.7, 0.35 + 0.1 * results.length)),
      evidence: shown,
      axis: axis.def.id,
    };
  }

  const lead: Polar = durable >= fragile ? 'durable' : 'fragile';
  const margin = Math.abs(durable - fragile);
  const purity = Math.max(durable, fragile) / total;
  let label: StanceLabel = 'neutral';
  let confidence: number;
  if (margin >= scoring.margin && purity >= scoring.purity) {
    label = lead;
    confidence = Math.min(0.97, Math.max(0.3, purity * (1 - Math.exp(-margin))));
  } else {
    // Thin (little weight) or mixed (weight on both sides): neutral, surer when clearly mixed.
    confidence = 0.3 + 0.4 * (1 - margin / Math.max(total, scoring.margin));
  }
  const shown =
    label === 'neutral'
      ? evidence
      : evidence.filter((e) => e.leans === label).concat(evidence.filter((e) => e.leans !== label));
  return { label, confidence: round2(confidence), evidence: shown, axis: axis.def.id };
}
