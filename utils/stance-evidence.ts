/**
 * The evidence shown with a stance label: the expert's statements, each with the few words that
 * pushed the model most toward the label it supports. Only stance words qualify: names and places
 * (masked by `stance-features.ts`) never, stop words and attribution words ("said", "fellow") only
 * inside a phrase ("not as solid"). So a neutral label is never "explained" by "U.S." or "China".
 */
import { HEDGE_WORDS } from './stance-features';
import { contributions, MODEL_LABELS, type ModelLabel, type StanceModel } from './stance-model';
import type { ReadStatement } from './stance-aggregate';
import type { StanceEvidence, StanceLabel } from './types';

/** Phrases shown per sentence. */
const MAX_CUES = 3;
/** Sentences shown for a neutral label. */
const MAX_NEUTRAL = 3;
/** A word's share of the strongest word's push to be shown too. */
const RELATIVE = 0.3;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The stance words of one statement that push toward `label`, as written, in sentence order. */
export function stanceCues(read: ReadStatement, label: ModelLabel, model: StanceModel): string[] {
  const { tokens, entity, plain, text } = read.features;
  if (label === 'neutral') {
    return [
      ...new Set(
        tokens.filter((t, i) => !entity[i] && HEDGE_WORDS.has(t.norm)).map((t) => text.slice(t.start, t.end)),
      ),
    ].slice(0, MAX_CUES);
  }
  const pushes = contributions(model, read.features.features, label);
  // The lexicon's phrases, where one pushes this way, read best: "not … weakening", "junior partner".
  const ruled = pushes.filter(
    (c) => c.push > 0 && c.feature.name.startsWith('f:') && c.feature.name.endsWith(`:${label}`),
  );
  if (ruled.length) {
    const runs = new Map<string, [number, number]>();
    for (const { feature } of ruled) {
      const at = [...new Set(feature.tokens)].filter((t) => !entity[t]).sort((a, b) => a - b);
      let start = -1;
      at.forEach((t, i) => {
        if (start < 0) start = t;
        if (at[i + 1] !== t + 1) {
          if (!at.filter((x) => x >= start && x <= t).every((x) => plain[x]))
            runs.set(`${start}:${t}`, [start, t]);
          start = -1;
        }
      });
    }
    // Trim stop words at either end: "pressure from Washington" shows as "pressure".
    for (const run of runs.values()) {
      while (run[0] < run[1] && plain[run[0]]) run[0]++;
      while (run[1] > run[0] && plain[run[1]]) run[1]--;
    }
    const phrases = [...runs.values()].sort((a, b) => a[0] - b[0]).slice(0, MAX_CUES);
    if (phrases.length) return phrases.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  }
  const score = new Float64Array(tokens.length);
  for (const { feature, push } of pushes) {
    if (push <= 0) continue;
    const own = feature.tokens.filter((t) => !entity[t] && !plain[t]);
    for (const t of own) score[t] += push / own.length;
  }
  const best = Math.max(0, ...score);
  if (best <= 0) return [];
  const chosen = [...score.keys()]
    .filter((i) => score[i] >= RELATIVE * best)
    .sort((a, b) => score[b] - score[a])
    .slice(0, 5)
    .sort((a, b) => a - b);
  // Join chosen words separated only by up to two stop words in the same clause into one phrase.
  const phrases: [number, number][] = [];
  for (const i of chosen) {
    const last = phrases[phrases.length - 1];
    const gapOk =
      last &&
      i - last[1] <= 3 &&
      [...Array(i - last[1]).keys()].every((k) => {
        const t = last[1] + 1 + k;
        return t === i ? tokens[t].boundary === 0 : plain[t] && !entity[t] && tokens[t].boundary === 0;
      });
    if (gapOk) last[1] = i;
    else phrases.push([i, i]);
  }
  return phrases
    .sort((a, b) => score[b[0]] + score[b[1]] - score[a[0]] - score[a[1]])
    .slice(0, MAX_CUES)
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => text.slice(tokens[s].start, tokens[e].end));
}

function lean(r: ReadStatement): ModelLabel {
  return MODEL_LABELS[r.probs.indexOf(Math.max(...r.probs))];
}

/**
 * Evidence for an expert's label: for durable or fragile, the statements that lean that way (most
 * sure first), then any that lean the other way; for neutral, the statements that take a side (both
 * sides when mixed), else the first few, each with its hedge words if any.
 */
export function evidenceFor(read: ReadStatement[], label: StanceLabel, model: StanceModel): StanceEvidence[] {
  const item = (r: ReadStatement, l: ModelLabel): StanceEvidence => ({
    sentence: r.statement.text,
    cues: stanceCues(r, l, model),
    leans: l,
    weight: round2(r.probs[MODEL_LABELS.indexOf(l)]),
  });
  const polar = read.filter((r) => lean(r) !== 'neutral');
  if (label !== 'neutral') {
    const k = MODEL_LABELS.indexOf(label);
    const same = polar.filter((r) => lean(r) === label).sort((a, b) => b.probs[k] - a.probs[k]);
    const opposite = polar.filter((r) => lean(r) !== label);
    // The label may come from several statements none of which leans alone: show the surest.
    const lead = same.length ? same : [...read].sort((a, b) => b.probs[k] - a.probs[k]).slice(0, 1);
    return [...lead.map((r) => item(r, label)), ...opposite.map((r) => item(r, lean(r)))];
  }
  if (polar.length) return polar.map((r) => item(r, lean(r)));
  return read.slice(0, MAX_NEUTRAL).map((r) => item(r, 'neutral'));
}
