/**
 * Expert detection measured on the fixture articles in `tests/fixtures/experts/` (our own words) and on
 * the seed articles (the in-repo one, and the original when ../shared is present). Prints precision/recall by name and organisation accuracy, and holds them
 * to the goals of issue 4.
 *
 * Add a fixture: write `<slug>.txt` (paragraphs separated by blank lines) and `<slug>.expected.json`
 * with `{ "experts": [{ "name", "organization" }], "notExperts": [names] }`; optionally the page's
 * `"byline"` and `"title"`, and `"authors"`: the byline authors who are experts (an analysis piece by
 * outside authors, named in the byline or in an author line or block in the text), whose statements
 * are the piece's own sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPeople } from '../../utils/experts';
import { foldName } from '../../utils/names';
import { seeds, type SeedCase } from './helpers/seeds';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, '../fixtures/experts');

interface Expected {
  experts: { name: string; organization: string | null }[];
  notExperts: string[];
  byline?: string;
  title?: string;
  authors?: string[];
}

const find = (c: Case) => findPeople(c.text, { byline: c.expected.byline, title: c.expected.title });

interface Case {
  slug: string;
  text: string;
  expected: Expected;
}

function loadFixtures(): Case[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.txt$/, '');
      return {
        slug,
        text: readFileSync(join(FIXTURES, f), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURES, `${slug}.expected.json`), 'utf8')) as Expected,
      };
    });
}

function loadSeed(seed: SeedCase): Case {
  const gold = seed.gold();
  return {
    slug: seed.split.id,
    text: readFileSync(seed.txtFile, 'utf8'),
    expected: { experts: gold.experts, notExperts: gold.not_experts },
  };
}

const presentSeeds = seeds.filter((s) => s.present);

/** Organisations match when one folded form contains the other ("Stimson Center" ~ "the Stimson Center"). */
function sameOrg(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = foldName(a);
  const y = foldName(b);
  return x === y || x.includes(y) || y.includes(x);
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  orgRight: number;
  orgTotal: number;
  misses: string[];
}

function score(c: Case, s: Score): void {
  const found = find(c).experts;
  const want = new Map(c.expected.experts.map((e) => [foldName(e.name), e]));
  const got = new Map(found.map((e) => [foldName(e.name), e]));
  for (const [k, e] of got) {
    const w = want.get(k);
    if (!w) {
      s.fp++;
      s.misses.push(`${c.slug}: extra ${e.name}`);
      continue;
    }
    s.tp++;
    if (w.organization !== null) {
      s.orgTotal++;
      if (sameOrg(e.organization, w.organization)) s.orgRight++;
      else s.misses.push(`${c.slug}: ${e.name} org ${JSON.stringify(e.organization)} ≠ ${w.organization}`);
    }
  }
  for (const [k, w] of want) {
    if (!got.has(k)) {
      s.fn++;
      s.misses.push(`${c.slug}: missed ${w.name}`);
    }
  }
}

const empty = (): Score => ({ tp: 0, fp: 0, fn: 0, orgRight: 0, orgTotal: 0, misses: [] });

describe('expert fixtures', () => {
  for (const seedCase of seeds) {
    it.skipIf(!seedCase.present)(
      `finds exactly the four experts of the ${seedCase.suite}, with the gold organisations`,
      () => {
        const seed = loadSeed(seedCase);
        const { experts, people } = findPeople(seed.text, { byline: seedCase.byline });
        expect(experts.map((e) => e.name)).toEqual(seed.expected.experts.map((e) => e.name));
        const orgs = Object.fromEntries(experts.map((e) => [e.name, e.organization]));
        expect(orgs).toEqual(Object.fromEntries(seed.expected.experts.map((e) => [e.name, e.organization])));
        const names = new Set(experts.map((e) => foldName(e.name)));
        for (const n of seed.expected.notExperts) expect(names.has(foldName(n)), n).toBe(false);
        for (const leader of ['Donald Trump', 'Vladimir Putin', 'Xi Jinping', 'Joe Biden']) {
          expect(people.find((p) => p.name === leader)?.kind).toBe('leader');
        }
      },
    );
  }

  it('reaches precision ≥ 0.95 and recall ≥ 0.9 by name over all fixtures', () => {
    const cases = loadFixtures();
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const total = empty();
    for (const c of [...cases, ...presentSeeds.map(loadSeed)]) score(c, total);
    const precision = total.tp / Math.max(1, total.tp + total.fp);
    const recall = total.tp / Math.max(1, total.tp + total.fn);
    const orgAccuracy = total.orgRight / Math.max(1, total.orgTotal);
    console.log(
      `experts: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${total.tp}, fp ${total.fp}, fn ${total.fn}); ` +
        `organisation ${total.orgRight}/${total.orgTotal} = ${orgAccuracy.toFixed(3)}` +
        (total.misses.length ? `\n  ${total.misses.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(orgAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('never reports a listed non-expert as an expert', () => {
    for (const c of loadFixtures()) {
      const names = new Set(find(c).experts.map((e) => foldName(e.name)));
      for (const n of c.expected.notExperts) expect(names.has(foldName(n)), `${c.slug}: ${n}`).toBe(false);
    }
  });

  it('makes outside authors of an analysis piece experts, with its own sentences; staff stay bylines', () => {
    // Authors come from the byline or from an author line or block in the text ("Essay by X, …").
    const cases = loadFixtures().filter((c) => c.expected.byline || c.expected.authors?.length);
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      const { experts, people } = find(c);
      const authors = new Set((c.expected.authors ?? []).map(foldName));
      for (const e of experts.filter((x) => authors.has(foldName(x.name)))) {
        expect(e.statements.length, `${c.slug}: ${e.name}`).toBeGreaterThan(0);
        for (const st of e.statements) {
          expect(st.via).toBe('author');
          expect(st.text).not.toMatch(/[“”"]/);
        }
      }
      expect(experts.filter((e) => authors.has(foldName(e.name))).length, c.slug).toBe(authors.size);
      for (const p of people.filter((x) => !authors.has(foldName(x.name)))) {
        if ((c.expected.byline ?? '').includes(p.name)) expect(p.kind, `${c.slug}: ${p.name}`).toBe('byline');
      }
    }
  });

  it('finds no expert in a wire report that quotes only officials', () => {
    const c = loadFixtures().find((x) => x.slug === 'wire-officials-only')!;
    expect(findPeople(c.text, { byline: 'Anna Ivanova' }).experts).toEqual([]);
  });

  it('keeps markup out of names and surface forms', () => {
    const c = loadFixtures().find((x) => x.slug === 'markup-in-names')!;
    for (const e of findPeople(c.text).experts) {
      for (const s of [e.name, ...e.surfaceForms, e.role ?? '', e.organization ?? ''])
        expect(s).not.toMatch(/[<>]/);
    }
  });

  it('gives every page shape and trap its own fixture', () => {
    const slugs = new Set(loadFixtures().map((c) => c.slug));
    for (const slug of [
      'shape-essay-author-line',
      'shape-by-for-center',
      'shape-author-block-above',
      'shape-author-block-below',
      'shape-journal-author-line',
      'shape-podcast-host-guests',
      'shape-event-speaker-bios',
      'shape-quote-roundup',
      'shape-book-review',
      'shape-qa-interview',
      'shape-social-handles',
      'traps-officials-credits-initials',
    ])
      expect(slugs.has(slug), slug).toBe(true);
  });

  it("lists under each expert only sentences that expert said (the Q&A's answers, the round-up's quotes)", () => {
    const qa = findPeople(loadFixtures().find((x) => x.slug === 'shape-qa-interview')!.text).experts;
    expect(qa.map((e) => e.name)).toEqual(['Yusuf Kaltenbrunner']);
    for (const st of qa[0].statements) expect(st.text).not.toMatch(/\?$|^Farrow/);
    const roundup = findPeople(loadFixtures().find((x) => x.slug === 'shape-quote-roundup')!.text).experts;
    const said = Object.fromEntries(
      roundup.map((e) => [e.name, e.statements.map((st) => st.text).join(' ')]),
    );
    expect(said['Ruslan Tevosyan']).toMatch(/changed little/);
    expect(said['Ruslan Tevosyan']).not.toMatch(/energy deals|biggest banks/);
    expect(said['Greta Hallvard']).toMatch(/Watch the energy deals/);
    expect(said['Obinna Castellanos']).toMatch(/biggest banks/);
  });

  it('marks a handle as the page writes it', () => {
    const c = loadFixtures().find((x) => x.slug === 'shape-social-handles')!;
    const mira = findPeople(c.text).experts.find((e) => e.name === 'Mira Solvang')!;
    expect(mira.surfaceForms).toContain('@MiraSolvang');
  });
});
