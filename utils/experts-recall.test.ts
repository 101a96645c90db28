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

describe('guests and interviewees presented without a speech verb', () => {
  it('counts guests with an expert role, with the presenting sentence as their statement', () => {
    const text =
      'Tonight the programme looks at the pipeline deal. Host Carla Mendes discusses with guests: ' +
      'Tomas Reyvik, the director of the Northern Policy Institute; Anneli Sarkka, a political analyst at the Baltic Policy Centre; ' +
      'and Oren Vasquez, a trade analyst at Harbourside Institute.';
    const r = findPeople(text);
    expect(r.experts.map((e) => [e.name, e.organization, e.statements[0]?.via])).toEqual([
      ['Tomas Reyvik', 'Northern Policy Institute', 'guest'],
      ['Anneli Sarkka', 'Baltic Policy Centre', 'guest'],
      ['Oren Vasquez', 'Harbourside Institute', 'guest'],
    ]);
    expect(r.people.find((p) => p.name === 'Carla Mendes')?.kind).not.toBe('expert');
  });

  it('reads a guest list with dashes and keeps the label word out of the host name', () => {
    const text =
      'Can the two neighbours stay partners? Presenter: Carla Mendes Guests: Tomas Reyvik – political analyst and ' +
      'commentator on trade Anneli Sarkka – economic affairs commentator specialising in shipping';
    const r = findPeople(text);
    expect(r.people.map((p) => p.name)).toContain('Carla Mendes');
    expect(r.experts.map((e) => [e.name, e.role])).toEqual([
      ['Tomas Reyvik', 'political analyst and commentator on trade'],
      ['Anneli Sarkka', 'economic affairs commentator specialising in shipping'],
    ]);
  });

  it('does not count guests without an expert role', () => {
    const text = 'Guests at the dinner included Tomas Reyvik, the owner of a bakery, and the mayor.';
    expect(findPeople(text).experts).toEqual([]);
  });

  it('reads the role after a short transcript label in parentheses', () => {
    const text =
      'Our reporter travelled to Oslo, where she interviewed Tomas Reyvik (Reyvik), director of the Northern Policy Institute, ' +
      'who shared his views on the pipeline.';
    expect(experts(text)).toEqual([['Tomas Reyvik', 'director', 'Northern Policy Institute']]);
  });
});

describe('bio lines', () => {
  it('splits a name heading run into its bio and reads "holds the … Chair at …" with initials', () => {
    const text =
      'Tomas Reyvik Tomas Reyvik holds the Anna K. Berg Chair at the Northern Policy Institute. ' +
      'He said the pipeline would be finished.';
    const r = findPeople(text);
    expect(r.people.map((p) => p.name)).toEqual(['Tomas Reyvik']);
    expect(experts(text)).toEqual([['Tomas Reyvik', 'Anna K. Berg Chair', 'Northern Policy Institute']]);
  });
});

describe('other attributions', () => {
  it('reads a verb after a long double appositive', () => {
    const text =
      'Tomas Reyvik, a senior research scientist at Northwind, a non-profit research and analysis organisation outside Bergen, ' +
      'notes the warmer ties partly reflect the leaders’ rapport.';
    expect(experts(text).map((e) => e[0])).toEqual(['Tomas Reyvik']);
  });

  it('gives a team’s verb to the analyst who leads it', () => {
    const text =
      'Harbourside Bank analysts, led by Anneli Sarkka, project that imports will settle near a million barrels a day.';
    expect(experts(text)).toEqual([['Anneli Sarkka', 'analyst', 'Harbourside Bank']]);
  });

  it('reads a title that ends in an organisation word before a name as an official role', () => {
    const k = kinds(
      'National Security Council Coordinator for Strategic Communications Tomas Reyvik said there was no sign of a decision.',
    );
    expect(k['Tomas Reyvik']).toBe('official');
  });

  it('gives an unnamed spokesperson just before the quote to the person named with it', () => {
    const text =
      'Asked about the appeal, a spokesman for the Northland Embassy in Oslo said, “I have not heard of that.” ' +
      '“The priority is calm,” Tomas Reyvik said.';
    expect(kinds(text)['Tomas Reyvik']).toBe('official');
  });

  it('does not read a mining company as a person', () => {
    const text =
      'Ironvale Metals is preparing to host a delegation, said Anneli Sarkka, an analyst at Harbourside Bank.';
    expect(findPeople(text).people.map((p) => p.name)).toEqual(['Anneli Sarkka']);
  });
});

describe('a surname the text never gives in full', () => {
  it('reads it as a person when it speaks ("X remarked that …") and a "she said" follows', () => {
    const text =
      'Halvorsen remarked that the deal was a move to split the two neighbours. ' +
      '“They are partners of convenience,” she said.';
    expect(experts(text).map((e) => e[0])).toEqual(['Halvorsen']);
  });

  it('does not read a company that "said" something as a person', () => {
    const text = 'Ironvale said profits fell. “It was a hard year,” he said.';
    expect(findPeople(text).people).toEqual([]);
  });
});

describe('organisation after a nationality and a descriptor', () => {
  it('reads "at Norwegian think-tank Fjordline" as Fjordline', () => {
    const text =
      '“The shift is real,” said Tomas Reyvik, an analyst in the foreign relations team at Norwegian think-tank Fjordline.';
    expect(experts(text)).toEqual([['Tomas Reyvik', 'analyst in the foreign relations team', 'Fjordline']]);
  });
});

describe('memberships', () => {
  it('keeps the employer, not a commission the person also sits on', () => {
    const text =
      'Marit Halvorsen is a political science professor at Lakeside University and a member of the U.S.-Nordic ' +
      'Economic and Security Review Commission, which met this week. She views the drills as a sign of unease.';
    expect(experts(text)).toEqual([
      ['Marit Halvorsen', 'political science professor', 'Lakeside University'],
    ]);
  });
});

describe('hosts introducing a guest, with the bio in the next sentence', () => {
  it('reads "X joins me now. He is the president of Y."', () => {
    const text =
      'Tomas Reyvik joins me now. He is the president of the Northern Policy Institute. ' +
      'Tomas, what does the summit mean? Well, I think the two sides need each other more than ever.';
    expect(experts(text)).toEqual([['Tomas Reyvik', 'president', 'Northern Policy Institute']]);
  });

  it('reads "joined by geopolitical expert X. She is also a former director of Y."', () => {
    const text =
      'To discuss this we are joined by geopolitical expert Marit Halvorsen. ' +
      'She is also a former director of the Nordic Defence Academy. Welcome.';
    expect(experts(text)).toEqual([['Marit Halvorsen', 'former director', 'Nordic Defence Academy']]);
  });

  it('does not read "guests" or an earlier interview as a frame for anyone named later', () => {
    const text =
      'In an interview, President Putin praised the ties. ' +
      'Guests at the gala included Tomas Reyvik, the chairman of the Northern Policy Institute.';
    expect(findPeople(text).experts).toEqual([]);
  });
});
