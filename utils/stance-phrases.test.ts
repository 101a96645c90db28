import { describe, expect, it } from 'vitest';
import { compilePhrase, PhraseSet, tokenize } from './stance-phrases';

const find = (phrase: string, text: string, classes = {}) => {
  const tokens = tokenize(text);
  return new PhraseSet([{ phrase: compilePhrase(phrase, classes), tag: 1 }])
    .findAll(tokens)
    .map((h) => text.slice(tokens[h.start].start, tokens[h.end - 1].end));
};

describe('tokenize', () => {
  it('keeps abbreviations and possessives, splits hyphens, marks clause stops', () => {
    const t = tokenize('The U.S.-Russian thaw, China’s view; US policy');
    expect(t.map((x) => x.norm)).toEqual([
      'the',
      'u.s.',
      'russian',
      'thaw',
      "china's",
      'view',
      'u.s.',
      'policy',
    ]);
    expect(t[4].base).toBe('china');
    expect(t.map((x) => x.boundary)).toEqual([0, 0, 0, 0, 1, 0, 2, 0]);
  });
});

describe('phrases', () => {
  it('matches alternatives, prefixes, classes, gaps and optional words', () => {
    expect(find('tension*', 'Tensions rose')).toEqual(['Tensions']);
    expect(find('hard ~4 pull ~3 away', 'It is hard for anyone to pull Moscow away')).toEqual([
      'hard for anyone to pull Moscow away',
    ]);
    expect(find('pull {RU} away', 'pull Moscow away', { RU: ['russia', 'moscow'] })).toEqual([
      'pull Moscow away',
    ]);
    expect(find('a strategic? partner', 'a strategic partner and a partner')).toEqual([
      'a strategic partner',
      'a partner',
    ]);
    expect(find('detente', 'a détente')).toEqual(['détente']);
  });

  it('does not skip words across a strong stop', () => {
    expect(find('hard ~4 split', 'It is hard; they may split')).toEqual([]);
    expect(find('hard ~4 split', 'It is hard, they may split')).toEqual(['hard, they may split']);
  });

  it('finds nothing, and returns, on a huge sentence with no full match', () => {
    const text = 'hard to say '.repeat(3000) + 'split';
    expect(find('hard ~8 pull|split ~5 away|apart', text)).toEqual([]);
  });
});
