/**
 * node scripts/score-realset.mjs --pages DIR [--split train|dev|test|all] [--labels FILE]
 *                                [--analyze-cmd "CMD"] [--json] [--per-page]
 *
 * Scores the expert and stance steps on the labelled real set (tests/realset/labels.json). The pages' text
 * is kept outside the project: DIR holds <id>.txt (or <id>.html) for each labelled page. The analyze
 * command runs once over all the split's files (default: `npx tsx scripts/analyze.ts`, i.e. the same
 * pipeline as `npm run analyze`), and its JSON lines are compared with the labels.
 *
 * Matching a found expert to a labelled one (each used once, per page):
 *   names are normalised (accents dropped, lower case, punctuation and titles such as Dr/Prof/Mr dropped);
 *   the last word is the surname; two names match when the surnames are equal and either a given name of
 *   one equals a given name of the other, or one's first given name is the other's initial, or one of the
 *   two is the surname alone. "Wang Xiaoquan" therefore matches "Wang Xiaoquan" only (word order is kept).
 * Organisation right (on matched experts whose label has an organisation): equal after normalising, one
 *   contains the other, or one is the acronym of the other ("CFR" ~ "Council on Foreign Relations").
 * Stance: macro-F1 over durable / fragile / neutral on matched experts; fragile recall (matched, and end to
 *   end counting missed experts as not fragile); swaps = matched durable↔fragile mix-ups over matched
 *   experts labelled durable or fragile; durable labelled durable over matched durable.
 * Officials-only pages (shape "officials-only") have no expert: every expert found there is invented.
 */
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitOfUrl } from './realset-split.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LABELS = ['durable', 'fragile', 'neutral'];
const TITLES = new Set([
  'dr',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'sir',
  'dame',
  'jr',
  'sr',
  'ii',
  'iii',
]);

export function parseArgs(argv) {
  const a = { pages: null, split: 'all', labels: join(ROOT, 'tests/realset/labels.json'), json: false };
  a.analyzeCmd = 'npx tsx scripts/analyze.ts';
  a.perPage = false;
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--pages') a.pages = argv[++i];
    else if (k === '--split') a.split = argv[++i];
    else if (k === '--labels') a.labels = argv[++i];
    else if (k === '--analyze-cmd') a.analyzeCmd = argv[++i];
    else if (k === '--json') a.json = true;
    else if (k === '--per-page') a.perPage = true;
    else throw new Error(`unknown argument ${k}`);
  }
  if (!['train', 'dev', 'test', 'all'].includes(a.split)) throw new Error(`bad --split ${a.split}`);
  return a;
}

export function nameWords(name) {
  return String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !TITLES.has(w));
}

export function sameName(a, b) {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return false;
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  if (x.length === 1 || y.length === 1) return true;
  const gx = x.slice(0, -1);
  const gy = y.slice(0, -1);
  if (gx.some((w) => w.length > 1 && gy.includes(w))) return true;
  const [fx, fy] = [gx[0], gy[0]];
  return (fx.length === 1 && fy.startsWith(fx)) || (fy.length === 1 && fx.startsWith(fy));
}

function orgWords(org) {
  return String(org ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^A-Za-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(the|of|for|and|at|on|in)$/i.test(w));
}

function acronym(words) {
  return words
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

export function sameOrg(gold, found) {
  if (!gold || !found) return false;
  const g = orgWords(gold);
  const f = orgWords(found);
  const gs = g.join(' ').toLowerCase();
  const fs = f.join(' ').toLowerCase();
  if (!gs || !fs) return false;
  if (gs === fs || gs.includes(fs) || fs.includes(gs)) return true;
  if (f.length === 1 && acronym(g) === fs) return true;
  if (g.length === 1 && acronym(f) === gs) return true;
  return false;
}

/** Greedy one-to-one matching of found experts to labelled people (exact full names first). */
export function matchPeople(gold, found) {
  const pairs = [];
  const usedG = new Set();
  const usedF = new Set();
  for (const exact of [true, false]) {
    found.forEach((f, fi) => {
      if (usedF.has(fi)) return;
      const gi = gold.findIndex(
        (g, i) =>
          !usedG.has(i) &&
          (exact ? nameWords(g.name).join(' ') === nameWords(f.name).join(' ') : sameName(g.name, f.name)),
      );
      if (gi >= 0) {
        usedG.add(gi);
        usedF.add(fi);
        pairs.push([gi, fi]);
      }
    });
  }
  return { pairs, usedG, usedF };
}

function ratio(n, d) {
  return d ? n / d : null;
}

export function macroF1(conf) {
  const f1s = LABELS.map((l) => {
    const tp = conf[l][l];
    const fp = LABELS.reduce((s, g) => s + (g === l ? 0 : conf[g][l]), 0);
    const fn = LABELS.reduce((s, p) => s + (p === l ? 0 : conf[l][p]), 0);
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return p + r ? (2 * p * r) / (p + r) : 0;
  });
  return f1s.reduce((a, b) => a + b, 0) / LABELS.length;
}

/** Scores analyze lines against labelled pages; both keyed by page id. */
export function score(pages, results) {
  const conf = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))]));
  const t = {
    pages: pages.length,
    sites: new Set(pages.map((p) => p.site)).size,
    goldExperts: 0,
    foundExperts: 0,
    matched: 0,
    orgGold: 0,
    orgRight: 0,
    trapsMarked: 0,
    unlistedFound: 0,
    officialsOnlyPages: 0,
    inventedOnOfficialsOnly: 0,
    goldFragile: 0,
    errors: 0,
  };
  const shapes = {};
  const perPage = [];
  for (const page of pages) {
    const r = results.get(page.id);
    const found = r && !r.error ? (r.experts ?? []) : [];
    if (!r || r.error) t.errors++;
    const { pairs, usedF } = matchPeople(page.experts, found);
    const sh = (shapes[page.shape] ??= { pages: 0, gold: 0, matched: 0, found: 0 });
    sh.pages++;
    sh.gold += page.experts.length;
    sh.found += found.length;
    sh.matched += pairs.length;
    t.goldExperts += page.experts.length;
    t.foundExperts += found.length;
    t.matched += pairs.length;
    t.goldFragile += page.experts.filter((e) => e.stance === 'fragile').length;
    if (page.shape === 'officials-only') {
      t.officialsOnlyPages++;
      t.inventedOnOfficialsOnly += found.length;
    }
    const rest = found.filter((_, i) => !usedF.has(i));
    const traps = rest.filter((f) => page.nonExperts.some((n) => sameName(n.name, f.name)));
    t.trapsMarked += traps.length;
    t.unlistedFound += rest.length - traps.length;
    const rows = [];
    for (const [gi, fi] of pairs) {
      const g = page.experts[gi];
      const f = found[fi];
      const label = LABELS.includes(f.stance?.label) ? f.stance.label : 'neutral';
      conf[g.stance][label]++;
      if (g.organization) {
        t.orgGold++;
        if (sameOrg(g.organization, f.organization)) t.orgRight++;
      }
      rows.push({
        gold: g.name,
        found: f.name,
        stance: [g.stance, label],
        org: [g.organization, f.organization],
      });
    }
    perPage.push({
      id: page.id,
      shape: page.shape,
      gold: page.experts.length,
      found: found.length,
      matched: pairs.length,
      missed: page.experts.filter((_, i) => !pairs.some(([gi]) => gi === i)).map((e) => e.name),
      wrong: rest.map((f) => f.name),
      rows,
    });
  }
  const matchedDF = conf.durable.durable + conf.durable.fragile + conf.fragile.fragile + conf.fragile.durable;
  const matchedDurable = LABELS.reduce((s, p) => s + conf.durable[p], 0);
  const matchedFragile = LABELS.reduce((s, p) => s + conf.fragile[p], 0);
  const goldStance = Object.fromEntries(
    LABELS.map((l) => [l, pages.reduce((s, p) => s + p.experts.filter((e) => e.stance === l).length, 0)]),
  );
  const summary = {
    ...t,
    goldStance,
    precision: ratio(t.matched, t.foundExperts),
    recall: ratio(t.matched, t.goldExperts),
    organizationRight: ratio(t.orgRight, t.orgGold),
    stanceMacroF1: t.matched ? macroF1(conf) : null,
    fragileRecallMatched: ratio(conf.fragile.fragile, matchedFragile),
    fragileRecallEndToEnd: ratio(conf.fragile.fragile, t.goldFragile),
    swapsRate: ratio(conf.durable.fragile + conf.fragile.durable, matchedDF),
    durableLabelledDurable: ratio(conf.durable.durable, matchedDurable),
    confusion: conf,
    perShape: Object.fromEntries(
      Object.entries(shapes).map(([k, v]) => [
        k,
        { ...v, recall: ratio(v.matched, v.gold), precision: ratio(v.matched, v.found) },
      ]),
    ),
  };
  return { summary, perPage };
}

function pageFile(dir, id) {
  for (const ext of ['.txt', '.html']) {
    const f = join(dir, id + ext);
    if (existsSync(f)) return f;
  }
  return null;
}

export function runAnalyze(cmd, files) {
  const results = new Map();
  const CHUNK = 200;
  for (let i = 0; i < files.length; i += CHUNK) {
    const chunk = files.slice(i, i + CHUNK);
    const quoted = chunk.map((f) => `'${f.replace(/'/g, `'\\''`)}'`).join(' ');
    const out = spawnSync('sh', ['-c', `${cmd} ${quoted}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    for (const line of out.stdout.split('\n')) {
      if (!line.trim().startsWith('{')) continue;
      const r = JSON.parse(line);
      results.set(r.file, r);
    }
    if (out.status !== 0 && out.status !== 1) throw new Error(`analyze failed: ${out.stderr.slice(0, 500)}`);
  }
  return results;
}

function fmt(x) {
  return x === null || x === undefined
    ? '—'
    : typeof x === 'number' && !Number.isInteger(x)
      ? x.toFixed(2)
      : x;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.pages) {
    process.stderr.write(
      'usage: node scripts/score-realset.mjs --pages DIR [--split train|dev|test|all] [--json]\n',
    );
    process.exit(2);
  }
  const all = JSON.parse(readFileSync(args.labels, 'utf8')).pages;
  for (const p of all) {
    if (splitOfUrl(p.url) !== p.split) throw new Error(`${p.id}: split ${p.split} is not the rule's`);
  }
  const pages = all.filter((p) => args.split === 'all' || p.split === args.split);
  const withFile = [];
  const missing = [];
  for (const p of pages) {
    const f = pageFile(args.pages, p.id);
    if (f) withFile.push([p, resolve(f)]);
    else missing.push(p.id);
  }
  const byFile = runAnalyze(
    args.analyzeCmd,
    withFile.map(([, f]) => f),
  );
  const results = new Map(withFile.map(([p, f]) => [p.id, byFile.get(f) ?? { error: 'no output' }]));
  const { summary, perPage } = score(
    withFile.map(([p]) => p),
    results,
  );
  summary.split = args.split;
  summary.missingFiles = missing.length;
  if (args.json) {
    process.stdout.write(JSON.stringify(args.perPage ? { summary, perPage } : summary, null, 2) + '\n');
    return;
  }
  const s = summary;
  const lines = [
    `split ${s.split}: ${s.pages} pages from ${s.sites} sites (${s.missingFiles} page files missing, ${s.errors} analyze errors)`,
    `experts: gold ${s.goldExperts} (durable ${s.goldStance.durable}, fragile ${s.goldStance.fragile}, neutral ${s.goldStance.neutral}), found ${s.foundExperts}, matched ${s.matched}`,
    `precision ${fmt(s.precision)}  recall ${fmt(s.recall)}  organisation right ${fmt(s.organizationRight)} (${s.orgRight}/${s.orgGold})`,
    `stance macro-F1 ${fmt(s.stanceMacroF1)}  fragile recall ${fmt(s.fragileRecallMatched)} matched / ${fmt(s.fragileRecallEndToEnd)} end to end  swaps ${fmt(s.swapsRate)}  durable→durable ${fmt(s.durableLabelledDurable)}`,
    `non-experts marked as experts ${s.trapsMarked}; other unlabelled names marked ${s.unlistedFound}; invented on ${s.officialsOnlyPages} officials-only pages ${s.inventedOnOfficialsOnly}`,
    'per shape (pages, gold, found, matched, recall, precision):',
    ...Object.entries(s.perShape)
      .sort()
      .map(
        ([k, v]) =>
          `  ${k.padEnd(15)} ${v.pages} ${v.gold} ${v.found} ${v.matched} ${fmt(v.recall)} ${fmt(v.precision)}`,
      ),
  ];
  if (args.perPage) {
    for (const p of perPage) {
      lines.push(`${p.id} [${p.shape}] gold ${p.gold} found ${p.found} matched ${p.matched}`);
      if (p.missed.length) lines.push(`  missed: ${p.missed.join(', ')}`);
      if (p.wrong.length) lines.push(`  not labelled experts: ${p.wrong.join(', ')}`);
      for (const r of p.rows)
        lines.push(`  ${r.gold}: stance ${r.stance[0]}→${r.stance[1]}; org ${r.org[0]} → ${r.org[1]}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
