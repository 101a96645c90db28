/**
 * Features of one statement for the learned stance model (`stance-model.ts`), each tied to the words
 * it came from so that the evidence shown to a reader can be the words that weighed most.
 *
 * - Names and places are masked: a word of the axis' side or outsider classes becomes `RU`, `CN` or
 *   `OUT`, any other capitalised word inside a sentence becomes `NAME`. The model learns from the
 *   masked stream ("RU and CN"), never from a particular person or country, and masked words are
 *   never shown as evidence.
 * - Lexical: word stems (`w:`) and pairs of adjacent stems (`b:`), stop words only inside pairs.
 * - Negation scope: a stem within a few words after "not", "never", "no longer", "far from"… in the
 *   same clause is `n:` instead of `w:` ("not weakening" is not "weakening").
 * - Hedges: `h:any` when the statement hedges ("may", "perhaps", "too early to tell").
 * - The rule reading (`stance-rules.ts`): every cue family's lean after its modifiers (`f:`), the
 *   summed durable and fragile weight (`r:`), and what the sentence is anchored on (`a:` pair / other
 *   pair / none), so the lexicon's knowledge is one input among many rather than the decision.
 */
import { analyseSentence, type CompiledAxis } from './stance-rules';
import { tokenize, type Token } from './stance-phrases';

export interface Feature {
  name: string;
  value: number;
  /** Token indices the feature came from (empty for whole-sentence features). */
  tokens: number[];
}

export interface StatementFeatures {
  text: string;
  tokens: Token[];
  /** Per token: masked as a name or place (never evidence). */
  entity: boolean[];
  /** Per token: a stop word, speech verb or role noun (evidence only inside a phrase). */
  plain: boolean[];
  features: Feature[];
}

/** Words that carry no stance on their own. */
const STOP = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been being it its this that ' +
    'these those there their they them he she his her him we our us you your i me my which who whom whose ' +
    'what when where while has have had do does did so than then into about over after before also very ' +
    'more most such some any each other one two both all if because since just only even still yet can ' +
    'will would should could may might must shall how why between among within through across upon every'
  ).split(' '),
);

/** Attribution words: who spoke and how, never why. */
const ATTRIBUTION = new Set(
  (
    'said says say saying told tells argues argued argue notes noted note adds added according believes ' +
    'believe believed thinks think wrote writes write explains explained points pointed predicts predicted ' +
    'warns warned describes described sees see calls called fellow analyst analysts researcher researchers ' +
    'scholar expert experts professor director economist historian diplomat institute institution centre ' +
    'center university foundation forum think tank author essay report based former senior associate ' +
    'studies study'
  ).split(' '),
);

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'without',
  'hardly',
  'nothing',
  'nobody',
  'none',
  'cannot',
  'little',
]);
const NEGATION_WINDOW = 5;

/** Words that hedge a claim; also the only words shown with a neutral label. */
export const HEDGE_WORDS = new Set([
  'may',
  'might',
  'perhaps',
  'possibly',
  'maybe',
  'unclear',
  'uncertain',
  'whether',
  'depends',
  'depend',
  'either',
  'guess',
  'unknown',
]);

/** A light suffix stripper: consistent, not linguistic (deepening, deepened, deepens → deepen). */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '').replace(/’/g, "'");
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("n't")) return 'not';
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('est') && w.length > 6) w = w.slice(0, -3);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function entityClass(tok: Token, text: string, index: number, axis: CompiledAxis): string | null {
  const classes = axis.def.classes;
  const [sideA, sideB] = axis.def.anchors.sides;
  const outside = axis.def.anchors.outside;
  for (const [cls, label] of [
    [sideA, 'RU'],
    [sideB, 'CN'],
    [outside, 'OUT'],
  ] as const) {
    if (classes[cls]?.includes(tok.base) || classes[cls]?.includes(tok.norm)) return label;
  }
  if (tok.norm === 'u.s.' || (tok.norm === 'us' && text.slice(tok.start, tok.end) === 'US')) return 'OUT';
  const first = text[tok.start];
  if (!first || first === first.toLowerCase() || tok.norm === 'i') return null;
  if (index === 0 || tok.boundary === 2) return null;
  // After an opening quote a capital starts a sentence, not a name.
  const before = text.slice(Math.max(0, tok.start - 2), tok.start);
  if (/[“"‘'(]\s*$/.test(before)) return null;
  return 'NAME';
}

/** Features of one statement; `axis` supplies the name classes and the rule reading. */
export function statementFeatures(
  axis: CompiledAxis,
  text: string,
  inheritedPair = false,
): StatementFeatures {
  const tokens = tokenize(text, 400);
  const entity: boolean[] = [];
  const plain: boolean[] = [];
  const units: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cls = entityClass(tokens[i], text, i, axis);
    entity.push(cls !== null);
    const s = cls ?? stem(tokens[i].norm);
    units.push(s);
    plain.push(cls === null && (STOP.has(tokens[i].norm) || ATTRIBUTION.has(tokens[i].norm)));
  }

  const features: Feature[] = [];
  const add = (name: string, value: number, at: number[]) => features.push({ name, value, tokens: at });

  // Negation scope: from a negator to the end of its clause, at most NEGATION_WINDOW words.
  const negatedBy = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i].norm;
    const far = n === 'far' && tokens[i + 1]?.norm === 'from';
    const noLonger = n === 'no' && tokens[i + 1]?.norm === 'longer';
    if (!(NEGATORS.has(n) || n.endsWith("n't") || far || noLonger)) continue;
    const from = far || noLonger ? i + 2 : i + 1;
    for (let j = from; j < tokens.length && j <= i + NEGATION_WINDOW; j++) {
      if (j > from && tokens[j].boundary > 0) break;
      if (j === from && tokens[j].boundary > 0) break;
      negatedBy[j] = i;
    }
  }

  let hedged = false;
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i].norm;
    if (HEDGE_WORDS.has(n)) hedged = true;
    if (entity[i]) {
      add(`e:${units[i]}`, 1, []);
      continue;
    }
    if (STOP.has(n) || NEGATORS.has(n) || ATTRIBUTION.has(n)) continue;
    const neg = negatedBy[i];
    if (neg >= 0) add(`n:${units[i]}`, 1, [neg, i]);
    else add(`w:${units[i]}`, 1, [i]);
  }
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].boundary === 2) continue;
    if (plain[i - 1] && plain[i]) continue;
    add(`b:${units[i - 1]}_${units[i]}`, 1, [i - 1, i]);
  }
  if (hedged) add('h:any', 1, []);

  const rules = analyseSentence(axis, text, inheritedPair);
  add(`a:${rules.anchor}`, 1, []);
  const sum = { durable: 0, fragile: 0 };
  for (const c of rules.contributions) {
    if (c.weight <= 0) continue;
    sum[c.leans] += c.weight;
    const at: number[] = [];
    for (const [s, e] of c.spans) for (let t = s; t < e; t++) at.push(t);
    add(`f:${c.family}:${c.leans}`, Math.min(1, c.weight), at);
  }
  if (sum.durable) add('r:durable', sum.durable, []);
  if (sum.fragile) add('r:fragile', sum.fragile, []);

  // One value per feature name: repeated words count once (binary), rule weights add up to a cap.
  const merged = new Map<string, Feature>();
  for (const f of features) {
    const prior = merged.get(f.name);
    if (!prior) merged.set(f.name, { ...f, tokens: [...f.tokens] });
    else {
      prior.value =
        f.name.startsWith('f:') || f.name.startsWith('r:') ? Math.min(1.5, prior.value + f.value) : 1;
      prior.tokens.push(...f.tokens);
    }
  }
  return { text, tokens, entity, plain, features: [...merged.values()] };
}
