/**
 * npx tsx scripts/eval-stance-realset.ts --pages DIR [--labels FILE] [--split train|dev] [--verbose]
 *
 * The stance step alone on the labelled real set (pages kept outside the project; labels in
 * tests/realset/labels.json): for every labelled expert, the statements are the page's sentences that
 * name the expert's surname plus a following sentence that opens with a pronoun ("He", "She"…); an
 * expert the body never names (an essay's author) is given the whole body, as the author's thesis.
 * So this measures the stance model and its pooling with a simple, fixed attribution, apart from
 * the expert finder. Prints macro-F1, recalls and swaps for the model and for the old cue rules.
 * The test split is refused: it is for reporting the whole pipeline, never for tuning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { labelStance } from '../utils/stance';
import { labelStanceByRules } from '../utils/stance-rules';
import { splitSentences } from '../utils/sentences';
import { scorePairs } from '../utils/stance-train';
import type { StanceLabel, Statement } from '../utils/types';

interface Page {
  id: string;
  split: string;
  shape: string;
  experts: { name: string; stance: StanceLabel }[];
}

const LABELS: StanceLabel[] = ['durable', 'fragile', 'neutral'];

function args(argv: string[]) {
  const a = { pages: '', labels: 'tests/realset/labels.json', split: 'dev', verbose: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pages') a.pages = argv[++i];
    else if (argv[i] === '--labels') a.labels = argv[++i];
    else if (argv[i] === '--split') a.split = argv[++i];
    else if (argv[i] === '--verbose') a.verbose = true;
  }
  if (!a.pages) throw new Error('--pages DIR is required');
  if (!['train', 'dev', 'train+dev'].includes(a.split))
    throw new Error('split must be train, dev or train+dev');
  return a;
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function statementsFor(sentences: string[], name: string): Statement[] {
  const surname = fold(name.trim().split(/\s+/).pop() ?? '');
  const out: Statement[] = [];
  sentences.forEach((s, i) => {
    if (!fold(s).includes(surname)) return;
    out.push({ text: s, sentenceIndex: i, kind: 'paraphrase', via: 'named' });
    const next = sentences[i + 1];
    if (next && /^(?:[“"]\s*)?(?:He|She|They|His|Her)\b/.test(next))
      out.push({ text: next, sentenceIndex: i + 1, kind: 'paraphrase', via: 'pronoun' });
  });
  if (out.length === 1) {
    // Named once (a speaker's bio, a quote round-up): the sentence and the two after it.
    const i = out[0].sentenceIndex;
    for (const j of [i + 1, i + 2])
      if (sentences[j] && !out.some((s) => s.sentenceIndex === j))
        out.push({ text: sentences[j], sentenceIndex: j, kind: 'paraphrase', via: 'after' });
  }
  if (out.length) return out;
  // Never named in the body (a byline): the author's thesis is the body.
  return sentences
    .slice(0, 200)
    .map((text, i) => ({ text, sentenceIndex: i, kind: 'paraphrase', via: 'author' }));
}

function main() {
  const a = args(process.argv.slice(2));
  const labels = JSON.parse(readFileSync(resolve(a.labels), 'utf8')) as { pages: Page[] };
  const splits = a.split.split('+');
  const model: { gold: number; got: number }[] = [];
  const rules: { gold: number; got: number }[] = [];
  for (const page of labels.pages.filter((p) => splits.includes(p.split))) {
    const file = resolve(a.pages, `${page.id}.txt`);
    if (!existsSync(file)) continue;
    const sentences = splitSentences(readFileSync(file, 'utf8'));
    for (const e of page.experts) {
      const statements = statementsFor(sentences, e.name);
      const m = labelStance(statements);
      const r = labelStanceByRules(statements);
      model.push({ gold: LABELS.indexOf(e.stance), got: LABELS.indexOf(m.label) });
      rules.push({ gold: LABELS.indexOf(e.stance), got: LABELS.indexOf(r.label) });
      if (a.verbose)
        console.log(
          `${page.id} ${e.name}: gold ${e.stance}, model ${m.label} ${m.confidence}, rules ${r.label} ` +
            `(${statements.length} statements; cues ${m.evidence
              .slice(0, 2)
              .map((x) => `${x.leans}:${x.cues.join('|')}`)
              .join(' ; ')})`,
        );
    }
  }
  const show = (name: string, pairs: { gold: number; got: number }[]) => {
    const s = scorePairs(pairs);
    console.log(
      `${name}: ${s.n} experts, macro-F1 ${s.macroF1.toFixed(3)}, durable recall ${s.durableRecall.toFixed(3)}, ` +
        `fragile recall ${s.fragileRecall.toFixed(3)}, swaps ${(s.swapRate * 100).toFixed(1)}%`,
    );
  };
  console.log(
    `split ${a.split}, gold ${JSON.stringify(LABELS.map((l, k) => [l, model.filter((p) => p.gold === k).length]))}`,
  );
  show('model', model);
  show('rules', rules);
}

if (process.argv[1]?.endsWith('eval-stance-realset.ts')) main();
