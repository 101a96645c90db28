import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import rawData from './data/known-experts.json';
import {
  allKnownExpertRecords,
  allKnownExperts,
  buildIndex,
  findKnownExpert,
  foldMention,
  knownExpertRecord,
  knownExpertsBySurname,
  knownExpertsFileSchema,
} from './known-experts';
import { foldName } from './names';

const file = v.parse(knownExpertsFileSchema, rawData);

describe('known-experts.json', () => {
  it('matches the schema', () => {
    const result = v.safeParse(knownExpertsFileSchema, rawData);
    if (!result.success) {
      const issues = result.issues.map((i) => `${v.getDotPath(i) ?? '?'}: ${i.message}`);
      expect.fail(issues.join('\n'));
    }
  });

  it('covers at least 50 experts, and every entry survives run-time validation', () => {
    expect(file.experts.length).toBeGreaterThanOrEqual(50);
    expect(allKnownExpertRecords()).toHaveLength(file.experts.length);
  });

  it('has unique ids equal to the folded name', () => {
    const ids = file.experts.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of file.experts) expect(e.id, e.name).toBe(foldName(e.name));
  });

  it('gives every role and organisation an https source and an asOf date', () => {
    for (const e of file.experts) {
      for (const fact of [e.role, e.organization]) {
        expect(fact.source, e.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
        expect(fact.asOf, e.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        expect(Number(fact.asOf.slice(0, 4)), e.id).toBeGreaterThanOrEqual(2000);
        expect(fact.asOf <= file.version, `${e.id} asOf is after the file version`).toBe(true);
      }
    }
  });

  it('has names and aliases that are unique across entries (after folding)', () => {
    const owner = new Map<string, string>();
    for (const e of file.experts) {
      const forms = new Set([e.name, ...e.aliases].map(foldName));
      expect(forms.size, `${e.id} repeats a form`).toBe(1 + e.aliases.length);
      for (const form of forms) {
        const prior = owner.get(form);
        expect(prior, `"${form}" belongs to both ${prior} and ${e.id}`).toBeUndefined();
        owner.set(form, e.id);
      }
    }
  });

  it('keeps surname-only forms out of aliases and the surname inside the name', () => {
    for (const e of file.experts) {
      for (const alias of e.aliases)
        expect(alias.trim().split(/\s+/).length, `${e.id}: ${alias}`).toBeGreaterThan(1);
      const nameParts = foldName(e.name).split('-');
      const surnameParts = foldName(e.surname).split('-');
      expect(
        surnameParts.every((p) => nameParts.includes(p)),
        `${e.id}: surname ${e.surname} not in name`,
      ).toBe(true);
      if (e.nameOrder === 'eastern') expect(nameParts[0], e.id).toBe(surnameParts[0]);
      else expect(nameParts.slice(-surnameParts.length), e.id).toEqual(surnameParts);
    }
  });
});

describe('foldName', () => {
  it('lowercases, strips diacritics and hyphenates', () => {
    expect(foldName('Jakub Jakóbowski')).toBe('jakub-jakobowski');
    expect(foldName('  Andrea  Kendall-Taylor ')).toBe('andrea-kendall-taylor');
    expect(foldName('Mathieu Boulègue')).toBe('mathieu-boulegue');
    expect(foldName('Michał Łukasz')).toBe('michal-lukasz');
    expect(foldName('Evan A. Feigenbaum')).toBe('evan-a-feigenbaum');
  });

  it('drops titles and possessives in mentions', () => {
    expect(foldMention('Dr. Alexander Gabuev')).toBe('alexander-gabuev');
    expect(foldMention('Prof Feng Yujun')).toBe('feng-yujun');
    expect(foldMention('Gabuev’s')).toBe('gabuev');
    expect(foldMention("Kofman's")).toBe('kofman');
  });
});

describe('findKnownExpert', () => {
  it('matches the full name and aliases, whatever the case and diacritics', () => {
    expect(findKnownExpert('Alexander Gabuev')?.id).toBe('alexander-gabuev');
    expect(findKnownExpert('Alexander Gabuyev')?.id).toBe('alexander-gabuev');
    expect(findKnownExpert('ALEKSANDR GABUEV')?.id).toBe('alexander-gabuev');
    expect(findKnownExpert('Dr. Alexander Gabuev')?.id).toBe('alexander-gabuev');
    expect(findKnownExpert('Andrea Kendall Taylor')?.id).toBe('andrea-kendall-taylor');
    expect(findKnownExpert('Yujun Feng')?.id).toBe('feng-yujun');
  });

  it('returns the shared KnownExpert shape with sourced facts', () => {
    const e = findKnownExpert('Alexander Gabuev');
    expect(e).toBeDefined();
    expect(Object.keys(e!).sort()).toEqual(['aliases', 'id', 'name', 'organization', 'role']);
    expect(e!.organization?.value).toBe('Carnegie Russia Eurasia Center');
    expect(e!.organization?.source).toMatch(/^https:\/\//);
  });

  it('does not match unknown people, surnames alone or junk', () => {
    expect(findKnownExpert('Vladimir Putin')).toBeUndefined();
    expect(findKnownExpert('Gabuev')).toBeUndefined();
    expect(findKnownExpert('')).toBeUndefined();
    expect(findKnownExpert('<img src=x onerror=alert(1)>')).toBeUndefined();
    expect(findKnownExpert('x'.repeat(10_000))).toBeUndefined();
    expect(findKnownExpert(undefined as unknown as string)).toBeUndefined();
  });

  it('exposes the richer record by id', () => {
    expect(knownExpertRecord('feng-yujun')?.nameOrder).toBe('eastern');
    expect(knownExpertRecord('nobody')).toBeUndefined();
  });

  it('returns every expert in file order', () => {
    expect(allKnownExperts().map((e) => e.id)).toEqual(file.experts.map((e) => e.id));
  });
});

describe('knownExpertsBySurname', () => {
  it('finds experts by surname and surname spellings', () => {
    expect(knownExpertsBySurname('Gabuev').map((e) => e.id)).toEqual(['alexander-gabuev']);
    expect(knownExpertsBySurname('gabuyev').map((e) => e.id)).toEqual(['alexander-gabuev']);
    expect(knownExpertsBySurname('Kendall-Taylor').map((e) => e.id)).toEqual(['andrea-kendall-taylor']);
    expect(knownExpertsBySurname('Feng').map((e) => e.id)).toContain('feng-yujun');
    expect(knownExpertsBySurname('Putin')).toEqual([]);
  });

  it('returns several experts who share a surname', () => {
    const index = buildIndex([
      ...file.experts.filter((e) => e.id === 'artyom-lukin'),
      { ...file.experts[0], id: 'test-lukin', name: 'Test Lukin', aliases: [], surname: 'Lukin' },
    ]);
    expect(index.bySurname.get('lukin')?.map((e) => e.id)).toEqual(['artyom-lukin', 'test-lukin']);
  });

  it('returns a copy the caller may change', () => {
    knownExpertsBySurname('Gabuev').pop();
    expect(knownExpertsBySurname('Gabuev')).toHaveLength(1);
  });
});
