import { describe, expect, it } from 'vitest';
import {
  NAME_RUN,
  classifyWord,
  foldName,
  isFamilyNameFirst,
  isPinyin,
  surnameKeys,
  tokenizeRun,
} from './names';

const runs = (s: string) => [...s.matchAll(NAME_RUN)].map((m) => m[0]);

describe('foldName', () => {
  it('folds to lowercase ascii with hyphens', () => {
    expect(foldName('Jakub Jakóbowski')).toBe('jakub-jakobowski');
    expect(foldName('Anne-Marie O’Hanlon')).toBe('anne-marie-o-hanlon');
    expect(foldName('Łukasz Ząbek')).toBe('lukasz-zabek');
    expect(foldName('  ')).toBe('');
  });
});

describe('NAME_RUN', () => {
  it('finds names with hyphens, diacritics, apostrophes and particles', () => {
    expect(runs('said Anne-Marie O’Hanlon today')).toEqual(['Anne-Marie O’Hanlon']);
    expect(runs('with Ursula von der Leyen and Pieter van der Berg')).toEqual([
      'Ursula von der Leyen',
      'Pieter van der Berg',
    ]);
    expect(runs('according to Abdullah al-Rashid,')).toEqual(['Abdullah al-Rashid']);
    expect(runs('as George W. Bush said')).toEqual(['George W. Bush']);
    expect(runs('Jakub Jakóbowski and Tatiana Stanovaya')).toEqual(['Jakub Jakóbowski', 'Tatiana Stanovaya']);
  });

  it('tokenizes possessives and particles', () => {
    const toks = tokenizeRun('Carnegie’s Alexander Gabuev');
    expect(toks.map((t) => [t.word, t.possessive])).toEqual([
      ['Carnegie', true],
      ['Alexander', false],
      ['Gabuev', false],
    ]);
    expect(tokenizeRun('Ursula von der Leyen').map((t) => t.text)).toEqual(['Ursula', 'von der Leyen']);
  });
});

describe('classifyWord', () => {
  it('never takes places, months, organisations or openers for names', () => {
    for (const w of [
      'Sino-Russian',
      'Western',
      'Berlin-based',
      'January',
      'Moscow',
      'However',
      'NATO',
      'FilterLabs',
    ])
      expect(classifyWord(w), w).not.toBe('name');
    expect(classifyWord('President')).toBe('title');
    expect(classifyWord('Center')).toBe('org');
    for (const w of ['Gabuev', 'McFaul', 'O’Hanlon', 'Jakóbowski', 'DiCarlo'])
      expect(classifyWord(w), w).toBe('name');
  });
});

describe('East Asian name order', () => {
  it('reads Chinese names family name first', () => {
    expect(isPinyin('Jinping')).toBe(true);
    expect(isPinyin('Gabuev')).toBe(false);
    expect(isFamilyNameFirst(['Xi', 'Jinping'])).toBe(true);
    expect(isFamilyNameFirst(['Wang', 'Yi'])).toBe(true);
    expect(isFamilyNameFirst(['Zhao', 'Tong'])).toBe(true);
    expect(isFamilyNameFirst(['Kim', 'Jong', 'Un'])).toBe(true);
    expect(isFamilyNameFirst(['Bobo', 'Lo'])).toBe(false);
    expect(isFamilyNameFirst(['Charles', 'Hecker'])).toBe(false);
  });

  it('gives the family name (or, when unsure, either word) as the key for later mentions', () => {
    expect(surnameKeys(tokenizeRun('Xi Jinping'))).toContain('xi');
    expect(surnameKeys(tokenizeRun('Xu Qinduo'))).toContain('xu');
    expect(surnameKeys(tokenizeRun('Yun Sun'))).toEqual(expect.arrayContaining(['yun', 'sun']));
    expect(surnameKeys(tokenizeRun('Charles Hecker'))).toEqual(['hecker']);
    expect(surnameKeys(tokenizeRun('Ursula von der Leyen'))).toEqual(
      expect.arrayContaining(['leyen', 'von-der-leyen']),
    );
    expect(surnameKeys(tokenizeRun('Abdullah al-Rashid'))).toEqual(
      expect.arrayContaining(['al-rashid', 'rashid']),
    );
  });
});
