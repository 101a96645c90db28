import { describe, expect, it } from 'vitest';
import { readText } from './context';
import { findAuthorLines, findRoundup, findThread } from './author-lines';

const lines = (text: string) => {
  const r = readText(text);
  const found = findAuthorLines(r.ctx, r.skip);
  const name = (id: string) => r.scan.persons.get(id)?.name ?? id;
  return {
    authors: found.authors.map((a) => `${a.name} | ${a.descriptor}`),
    books: [...found.bookAuthors.keys()].map(name),
    reviewers: [...found.reviewers],
  };
};

const BODY = 'The partnership has grown since 2022. I think it will last for years.';

describe('author lines in the text', () => {
  it('reads "Essay by X, Org" and "By X for the Y Center"', () => {
    expect(lines(`A title\n\nEssay by Ines Morrow, University of Caldor\n\n${BODY}`).authors).toEqual([
      'Ines Morrow | University of Caldor',
    ]);
    expect(lines(`A title\n\nBy Ines Morrow for the Vale Center\n\n${BODY}`).authors).toEqual([
      'Ines Morrow | for the Vale Center',
    ]);
  });

  it('reads a name line followed by a role line, and a journal author line', () => {
    expect(lines(`A title\n\nInes Morrow\n\nSenior Fellow, Vale Institute\n\n${BODY}`).authors).toEqual([
      'Ines Morrow | Senior Fellow, Vale Institute',
    ]);
    expect(
      lines(`A title\n\nInes Morrow (University of Caldor) and Piet Oduya (Vale Institute)\n\n${BODY}`)
        .authors,
    ).toEqual(['Ines Morrow | University of Caldor', 'Piet Oduya | Vale Institute']);
  });

  it('reads an end bio only for someone the body never names', () => {
    expect(lines(`${BODY}\n\nInes Morrow is a lecturer at the University of Caldor.`).authors).toEqual([
      'Ines Morrow | lecturer at the University of Caldor',
    ]);
    expect(
      lines(`Ines Morrow said the ties were deep.\n\nInes Morrow is a lecturer at the University of Caldor.`)
        .authors,
    ).toEqual([]);
  });

  it("tells a book's author from the page's reviewer", () => {
    const found = lines(
      'Cold Ties. By Piet Oduya. Caldor University Press, 2024. 280 pages.\n\nReviewed by Ines Morrow\n\n' +
        'Oduya, a historian at Vale College, argues that trade binds the two.',
    );
    expect(found.authors).toEqual([]);
    expect(found.books).toEqual(['Piet Oduya']);
    expect(found.reviewers).toEqual(['ines-morrow']);
  });
});

describe('round-ups', () => {
  const TEXT = [
    'Will the partnership last? Three experts answer',
    'We asked specialists whether Russia and China will stay close.',
    'Ines Morrow, senior researcher, Vale Institute of Security Studies',
    'The partnership is solid. Nothing in the summit suggested a change.',
    'Peter Oduya (Caldor Council on Foreign Relations)',
    'I am more skeptical. Trade has already peaked.',
    'Q: Will China supply weapons?',
    'Not openly, says the ministry.',
    'Mara Lind, professor of politics, University of Caldor',
    'Beijing wants a weakened Russia.',
  ].join('\n\n');

  const said = (text: string) => {
    const r = readText(text);
    const out = new Map<string, string[]>();
    for (const { personId, sentence } of findRoundup(r.ctx, r.skip)) {
      const name = r.scan.persons.get(personId)?.name ?? personId;
      out.set(name, [...(out.get(name) ?? []), r.ctx.sentences[sentence].text]);
    }
    return Object.fromEntries(out);
  };

  it('gives each labelled person the paragraphs under their line, up to the next person or question', () => {
    expect(said(TEXT)).toEqual({
      'Ines Morrow': ['The partnership is solid.', 'Nothing in the summit suggested a change.'],
      'Peter Oduya': ['I am more skeptical.', 'Trade has already peaked.'],
      'Mara Lind': ['Beijing wants a weakened Russia.'],
    });
    // They are the people asked, not the page's authors.
    const r = readText(TEXT);
    const ids = new Set(findRoundup(r.ctx, r.skip).map((x) => x.personId));
    expect(findAuthorLines(r.ctx, r.skip, ids).authors).toEqual([]);
  });

  it('is not an author block (lines one after another) nor a single labelled person', () => {
    expect(
      said(
        `A title\n\nInes Morrow, senior fellow, Vale Institute\n\nPeter Oduya, professor, University of Caldor\n\n${BODY}`,
      ),
    ).toEqual({});
    expect(said(`A title\n\nInes Morrow, senior fellow, Vale Institute\n\n${BODY}`)).toEqual({});
  });
});

describe('social threads', () => {
  const posts = (text: string) => {
    const r = readText(text);
    return findThread(r.ctx, r.skip).map(
      ({ personId, sentence }) => `${r.scan.persons.get(personId)?.name}: ${r.ctx.sentences[sentence].text}`,
    );
  };

  it('gives a header line’s person the numbered posts under it', () => {
    expect(
      posts(
        'A thread\n\nInes Morrow @inesmorrow · 3h\n\n1/ The summit went well. Both sides smiled.\n\n2/ But trade is flat.\n\nSome reply from someone else.',
      ),
    ).toEqual([
      'Ines Morrow: 1/ The summit went well.',
      'Ines Morrow: Both sides smiled.',
      'Ines Morrow: 2/ But trade is flat.',
    ]);
  });

  it('reads one post per header when each post has its own, and nothing under a lone unnumbered header', () => {
    expect(
      posts(
        'Posts\n\nInes Morrow @inesmorrow\n\nThe summit went well.\n\nInes Morrow @inesmorrow\n\nTrade is flat.\n\nA closing paragraph.',
      ),
    ).toEqual(['Ines Morrow: The summit went well.', 'Ines Morrow: Trade is flat.']);
    expect(posts('Posts\n\nInes Morrow @inesmorrow\n\nThe summit went well.')).toEqual([]);
  });
});
