import { describe, expect, it } from 'vitest';
import { readText } from './context';
import { findAuthorLines } from './author-lines';

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
