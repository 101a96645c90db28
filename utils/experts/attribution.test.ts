import { describe, expect, it } from 'vitest';
import { readText } from './context';
import { attributeStatements } from './attribution';

const said = (text: string) => {
  const r = readText(text);
  const book = attributeStatements(r.ctx, r.skip, (i) => r.sentences[i].text);
  return Object.fromEntries(
    [...r.scan.persons.values()].map((p) => [
      p.name,
      book.of(p.id).map((s) => `${s.sentenceIndex}:${s.via}`),
    ]),
  );
};

describe('attribution', () => {
  it('never gives a person the unattributed sentence before theirs', () => {
    expect(
      said(
        'However, some experts question the validity of the poll, arguing that opinions online are noise. ' +
          'Karin Oststrand, director of the Lumen Center, believes the ties are strong.',
      ),
    ).toEqual({ 'Karin Oststrand': ['1:believes'] });
  });

  it('follows pronouns and continued quotations, but only from the sentence right before', () => {
    expect(
      said(
        'Karin Oststrand said the ties are strong. She added that trade keeps growing. ' +
          'Ports are busy. He said nothing.',
      ),
    ).toEqual({ 'Karin Oststrand': ['0:said', '1:pronoun'] });
  });

  it('gives every sentence of a round-up quotation to the name after the dash', () => {
    expect(
      said(
        '«The summit changed little. Both sides wanted pictures.» – Karin Oststrand, researcher at the Lumen Center',
      ),
    ).toEqual({ 'Karin Oststrand': ['0:quote-line', '1:quote-line'] });
  });
});
