/**
 * Table-driven stance test: every case in tests/fixtures/stance/stance-cases.json (invented experts,
 * our own words) plus the seed article, whose expert sentences are picked from ../shared at run time.
 * Prints macro-F1, fragile recall, the durable/fragile swap rate and the time per statement set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labelStance } from '../../utils/stance';
import type { Stance, StanceLabel, Statement } from '../../utils/types';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const SEED = resolve(root, '../shared/fixtures/seed-article.txt');

interface Case {
  id: string;
  family: string;
  expected: StanceLabel;
  statements: { text: string; kind: 'quote' | 'paraphrase'; via: string; sentenceIndex?: number }[];
}
const table = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/stance/stance-cases.json'), 'utf8')) as {
  cases: Case[];
  heldOut: Case[];
  heldOutRound2?: Case[];
};
const LABELS: StanceLabel[] = ['durable', 'fragile', 'neutral'];

function toStatements(c: Case): Statement[] {
  return c.statements.map((s, i) => ({ ...s, sentenceIndex: s.sentenceIndex ?? i * 10 }));
}

/** Macro-F1 over the three labels, fragile recall, and the share of durable/fragile swaps. */
export function scoreLabels(pairs: { gold: StanceLabel; got: StanceLabel }[]) {
  const f1s = LABELS.map((label) => {
    const tp = pairs.filter((p) => p.gold === label && p.got === label).length;
    const fp = pairs.filter((p) => p.gold !== label && p.got === label).length;
    const fn = pairs.filter((p) => p.gold === label && p.got !== label).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const fragile = pairs.filter((p) => p.gold === 'fragile');
  const swaps = pairs.filter(
    (p) => (p.gold === 'durable' && p.got === 'fragile') || (p.gold === 'fragile' && p.got === 'durable'),
  );
  return {
    macroF1: f1s.reduce((a, b) => a + b, 0) / LABELS.length,
    fragileRecall: fragile.filter((p) => p.got === 'fragile').length / Math.max(1, fragile.length),
    swapRate: swaps.length / Math.max(1, pairs.length),
  };
}

function expectHonest(stance: Stance) {
  if (stance.label !== 'neutral') {
    expect(stance.evidence.some((e) => e.leans === stance.label && e.cues.length > 0)).toBe(true);
  }
  for (const e of stance.evidence) for (const cue of e.cues) expect(e.sentence).toContain(cue);
}

describe('stance table', () => {
  it('has at least 40 cases covering every family', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(40);
    const families = new Set(table.cases.map((c) => c.family));
    for (const f of [
      'negation',
      'hedge',
      'contrast',
      'concession',
      'reported-disagreement',
      'mixed',
      'off-axis',
    ]) {
      expect(families, f).toContain(f);
    }
  });

  it('labels the table with macro-F1 ≥ 0.8 and honest evidence', () => {
    const pairs: { gold: StanceLabel; got: StanceLabel }[] = [];
    const misses: string[] = [];
    const started = performance.now();
    for (const c of table.cases) {
      const stance = labelStance(toStatements(c));
      expectHonest(stance);
      pairs.push({ gold: c.expected, got: stance.label });
      if (stance.label !== c.expected) misses.push(`${c.id}: expected ${c.expected}, got ${stance.label}`);
    }
    const perSet = (performance.now() - started) / table.cases.length;
    const { macroF1, fragileRecall, swapRate } = scoreLabels(pairs);
    console.log(
      `stance table: ${table.cases.length} cases, macro-F1 ${macroF1.toFixed(3)}, fragile recall ` +
        `${fragileRecall.toFixed(3)}, durable/fragile swaps ${(swapRate * 100).toFixed(1)}%, ` +
        `${perSet.toFixed(2)} ms per statement set${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(macroF1).toBeGreaterThanOrEqual(0.8);
    expect(fragileRecall).toBeGreaterThanOrEqual(0.6);
    expect(swapRate).toBeLessThanOrEqual(0.05);
  });
});

describe('held-out stance cases (measured, not asserted)', () => {
  const blocks: [string, Case[]][] = [
    ['held-out', table.heldOut],
    ['held-out round 2', table.heldOutRound2 ?? []],
  ];
  for (const [name, cases] of blocks) {
    it(`reports scores on phrasing the lexicon was not tuned on (${name})`, () => {
      expect(cases.length, `${name} block is empty`).toBeGreaterThanOrEqual(15);
      const misses: string[] = [];
      const pairs = cases.map((c) => {
        const stance = labelStance(toStatements(c));
        expectHonest(stance);
        if (stance.label !== c.expected) misses.push(`${c.id}: expected ${c.expected}, got ${stance.label}`);
        return { gold: c.expected, got: stance.label };
      });
      const { macroF1, fragileRecall, swapRate } = scoreLabels(pairs);
      console.log(
        `stance ${name}: ${pairs.length} cases, macro-F1 ${macroF1.toFixed(3)}, fragile recall ` +
          `${fragileRecall.toFixed(3)}, durable/fragile swaps ${(swapRate * 100).toFixed(1)}%` +
          (misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''),
      );
      // A wrong confident label is the costly error: at most one in fifteen may swap durable and fragile.
      expect(swapRate).toBeLessThanOrEqual(1 / 15);
    });
  }
});

describe('seed article', () => {
  if (!existsSync(SEED)) {
    // A fresh clone has no ../shared: say so as a skipped test (the in-repo seed article's labels are
    // checked in tests/unit/pipeline.test.ts).
    it.skip('original seed article — SKIPPED: ../shared/fixtures/seed-article.txt is not beside the checkout', () => {});
    return;
  }
  const sentences = readFileSync(SEED, 'utf8')
    .split(/\n\s*\n/)
    .flatMap((p) => p.trim().split(/(?<=[.!?])\s+(?=[A-Z“"])/));
  /** The sentence of the seed article that contains `key` (as the expert finder would hand it over). */
  const pick = (key: string, via: string): Statement => {
    const index = sentences.findIndex((s) => s.includes(key));
    if (index < 0) throw new Error(`seed article has no sentence with "${key}"`);
    return { text: sentences[index], sentenceIndex: index, kind: 'paraphrase', via };
  };
  const experts: Record<string, { expected: StanceLabel; statements: Statement[] }> = {
    'Charles Hecker': {
      expected: 'durable',
      statements: [
        pick('believes that if sanctions are lifted', 'believes'),
        pick('He explains that these companies', 'pronoun'),
        pick('He also points out', 'pronoun'),
        pick('Hecker cautions', 'cautions'),
        pick('He believes that it will be challenging', 'pronoun'),
        pick('This includes a strong partnership', 'pronoun'),
      ],
    },
    'Vasily Gatov': {
      expected: 'fragile',
      statements: [pick('Vasily Gatov, one of', 'believes'), pick('Gatov also notes', 'notes')],
    },
    'Alexander Gabuev': {
      expected: 'durable',
      // Only his own sentence: the unattributed "some experts question …" before it is not his.
      statements: [pick('Alexander Gabuev, director', 'believes')],
    },
    'Ali Wyne': {
      expected: 'neutral',
      statements: [pick('Ali Wyne, a senior', 'describes'), pick('He sees Chinese President', 'pronoun')],
    },
  };
  for (const [name, { expected, statements }] of Object.entries(experts)) {
    it(`${name} is ${expected}, with evidence from his own sentences`, () => {
      const stance = labelStance(statements);
      expectHonest(stance);
      expect(stance.label).toBe(expected);
      expect(stance.evidence.length).toBeGreaterThan(0);
      const own = new Set(statements.map((s) => s.text));
      for (const e of stance.evidence) expect(own.has(e.sentence)).toBe(true);
    });
  }
});
