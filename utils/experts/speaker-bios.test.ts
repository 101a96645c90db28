import { describe, expect, it } from 'vitest';
import { readText } from './context';
import { findSpeakerBios } from './speaker-bios';

const presented = (text: string) => {
  const r = readText(text);
  const found = findSpeakerBios(r.ctx, r.skip);
  return [...r.scan.persons.values()].filter((p) => found.has(p.id)).map((p) => p.name);
};

describe('speaker sections', () => {
  it('reads bios after a "Speakers" heading, with the name alone on a line or opening the bio', () => {
    const text = [
      'Russia and China in the Arctic: a discussion',
      'Speakers',
      'Odile Brannock is a senior fellow at the Polar Policy Centre.',
      'Sven Atterby',
      'Professor of Russian history, University of Norrvik',
      'Registration is free.',
    ].join('\n\n');
    expect(presented(text)).toEqual(['Odile Brannock', 'Sven Atterby']);
  });

  it('reads nothing without a heading', () => {
    expect(presented('Odile Brannock is a senior fellow at the Polar Policy Centre.')).toEqual([]);
  });
});
