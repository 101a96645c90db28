import { describe, expect, it } from 'vitest';
import { findPeople } from './experts';

const kinds = (text: string) =>
  Object.fromEntries(findPeople(text).people.map((p) => [p.name, p.kind] as [string, string]));
const experts = (text: string) =>
  findPeople(text).experts.map((e) => [e.name, e.role, e.organization] as const);

describe('honorific and a surname alone', () => {
  it('reads "Mr. Halvorsen" and "Dr. Ng" as people when no full name is given', () => {
    const text =
      'Grain shipments across the border have thinned, said Mr. Halvorsen, the specialist on Nordic trade with Asia. ' +
      '“The flows will not come back soon,” Mr. Halvorsen said. ' +
      'Dr. Ng, a fellow at the Harbourside Institute, said the partnership would outlast the sanctions.';
    expect(experts(text)).toEqual([
      ['Halvorsen', 'specialist on Nordic trade with Asia', null],
      ['Ng', 'fellow', 'Harbourside Institute'],
    ]);
  });

  it('merges the surname with the full name when the text has one', () => {
    const text =
      'Marit Halvorsen, a senior fellow at the Harbourside Institute, studies the trade. ' +
      'The flows will not recover, said Mr. Halvorsen.';
    const r = findPeople(text);
    expect(r.experts.map((e) => [e.name, e.surfaceForms])).toEqual([
      ['Marit Halvorsen', ['Marit Halvorsen', 'Halvorsen']],
    ]);
  });

  it('keeps leaders named with an honorific as leaders', () => {
    const k = kinds(
      'Mr. Putin said the talks went well. Mr. Xi said little, said Dr. Ng, a fellow at the Harbourside Institute.',
    );
    expect(k['Vladimir Putin']).toBe('leader');
    expect(k['Xi Jinping']).toBe('leader');
    expect(k['Ng']).toBe('expert');
  });
});

describe('a month that is a given name', () => {
  it('reads "June" and "April" as first names beside a speech verb or a role', () => {
    const text =
      '“The drills are a signal,” said June Kettleby, a professor at Lakeside University. ' +
      'April Morrow, a fellow at the Harbourside Institute, disagrees with that reading.';
    expect(experts(text).map((e) => e[0])).toEqual(['June Kettleby', 'April Morrow']);
  });

  it('never joins a month to a leader or a surname after a preposition', () => {
    const k = kinds('In June Putin said nothing about it. Since August Kettleby has waited for news.');
    expect(k['Vladimir Putin']).toBe('leader');
    expect(Object.keys(k).some((n) => /^(?:June|August) /.test(n))).toBe(false);
  });
});

describe('people who are not experts', () => {
  it('does not count a forum user with a nickname as an expert', () => {
    expect(experts('“It made me ill,” Dr. Quill, a Marketplace user, wrote on the forum.')).toEqual([]);
  });
});
