/**
 * The labelled real set (tests/realset/labels.json): names, roles and organisations of the people on real
 * pages on the topic, as each page gives them (its URL is the source), with a stance label per expert. The
 * pages' text is kept outside the project; this test checks the labels alone, so it runs on a fresh clone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { siteOf, splitOfUrl } from '../../scripts/realset-split.mjs';
import { matchPeople, sameName, sameOrg, macroF1 } from '../../scripts/score-realset.mjs';

const Person = v.object({
  name: v.pipe(v.string(), v.minLength(3), v.regex(/\s/, 'a full name has at least two words')),
});

const Expert = v.strictObject({
  ...Person.entries,
  role: v.nullable(v.pipe(v.string(), v.minLength(2))),
  organization: v.nullable(v.pipe(v.string(), v.minLength(2))),
  stance: v.picklist(['durable', 'fragile', 'neutral']),
  evidenceSentenceIndexHint: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const NonExpert = v.strictObject({
  ...Person.entries,
  kind: v.picklist([
    'leader',
    'official',
    'spokesperson',
    'byline',
    'reviewer',
    'editor',
    'interviewer',
    'host',
    'moderator',
    'journalist',
    'photo',
    'commenter',
    'other',
  ]),
});

const Page = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  url: v.pipe(v.string(), v.url()),
  site: v.string(),
  split: v.picklist(['train', 'dev', 'test']),
  shape: v.picklist(['news', 'essay', 'event', 'roundup', 'book-review', 'qa', 'social', 'officials-only']),
  title: v.nullable(v.string()),
  experts: v.array(Expert),
  nonExperts: v.array(NonExpert),
});

const Labels = v.strictObject({
  version: v.literal(1),
  splitRule: v.literal('scripts/realset-split.mjs'),
  pages: v.pipe(v.array(Page), v.minLength(40)),
});

const labels = v.parse(
  Labels,
  JSON.parse(readFileSync(new URL('../realset/labels.json', import.meta.url), 'utf8')),
);

describe('real set labels', () => {
  it('follow the schema', () => {
    expect(labels.pages.length).toBeGreaterThanOrEqual(40);
  });

  it('have unique ids and urls', () => {
    expect(new Set(labels.pages.map((p) => p.id)).size).toBe(labels.pages.length);
    expect(new Set(labels.pages.map((p) => p.url)).size).toBe(labels.pages.length);
  });

  it('put every page in the split its site gives under the fixed rule', () => {
    for (const p of labels.pages) {
      expect(p.site, p.id).toBe(siteOf(p.url));
      expect(p.split, p.id).toBe(splitOfUrl(p.url));
    }
  });

  it('list no expert on an officials-only page, and nobody both as expert and non-expert', () => {
    for (const p of labels.pages) {
      if (p.shape === 'officials-only') expect(p.experts, p.id).toEqual([]);
      for (const e of p.experts) {
        expect(
          p.nonExperts.some((n) => n.name === e.name),
          `${p.id}: ${e.name}`,
        ).toBe(false);
      }
    }
  });
});

describe('real set split rule', () => {
  it('takes the registrable domain, two-level suffixes included', () => {
    expect(siteOf('https://www.example.co.uk/a/b')).toBe('example.co.uk');
    expect(siteOf('https://news.example.com/x')).toBe('example.com');
    expect(siteOf('http://example.org')).toBe('example.org');
  });

  it('gives one split per site', () => {
    expect(splitOfUrl('https://a.example.com/1')).toBe(splitOfUrl('https://www.example.com/2'));
  });
});

describe('real set scorer matching', () => {
  it('matches a surname with the same or an initialled given name, not another given name', () => {
    expect(sameName('Dr. Alexander Gabuev', 'Alexander Gabuev')).toBe(true);
    expect(sameName('A. Gabuev', 'Alexander Gabuev')).toBe(true);
    expect(sameName('Zongyuan Zoe Liu', 'Zoe Liu')).toBe(true);
    expect(sameName('Björn Düben', 'Bjorn Duben')).toBe(true);
    expect(sameName('Alexander Gabuev', 'Temur Gabuev')).toBe(false);
    expect(sameName('Wang Yi', 'Wang Wenbin')).toBe(false);
  });

  it('pairs each found expert with one labelled person at most, exact names first', () => {
    const gold = [{ name: 'Yun Sun' }, { name: 'Y. Sun' }];
    const found = [{ name: 'Y. Sun' }, { name: 'Yun Sun' }];
    const { pairs } = matchPeople(gold, found);
    expect(pairs).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('accepts an organisation by containment or acronym', () => {
    expect(sameOrg('Council on Foreign Relations', 'CFR')).toBe(true);
    expect(
      sameOrg('Novosibirsk State University', 'Humanitarian Institute, Novosibirsk State University'),
    ).toBe(true);
    expect(sameOrg('Chatham House', 'Brookings Institution')).toBe(false);
    expect(sameOrg('Chatham House', null)).toBe(false);
  });

  it('computes macro-F1 over the three labels', () => {
    const perfect = {
      durable: { durable: 2, fragile: 0, neutral: 0 },
      fragile: { durable: 0, fragile: 1, neutral: 0 },
      neutral: { durable: 0, fragile: 0, neutral: 3 },
    };
    expect(macroF1(perfect)).toBe(1);
    const allNeutral = {
      durable: { durable: 0, fragile: 0, neutral: 2 },
      fragile: { durable: 0, fragile: 0, neutral: 1 },
      neutral: { durable: 0, fragile: 0, neutral: 3 },
    };
    expect(macroF1(allNeutral)).toBeCloseTo((0 + 0 + (2 * 0.5 * 1) / 1.5) / 3);
  });
});
