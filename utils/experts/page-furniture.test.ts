import { describe, expect, it } from 'vitest';
import { splitSentenceSpans } from '../sentences';
import { blankCredits, skippedSentences } from './page-furniture';

describe('page furniture', () => {
  it('blanks photo credits in running text, keeping the length', () => {
    const text = 'Pipes near the border (Photo: Irina Malk/Reuters). Photo: Garrick Stone/AP. Trade grew.';
    const out = blankCredits(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/Malk|Garrick/);
    expect(out).toContain('Trade grew.');
    expect(blankCredits('The photo: a symbol of unity.')).toBe('The photo: a symbol of unity.');
  });

  it('skips captions, related lists and comments', () => {
    const text =
      'Photo: Jane Roe/AP\n\nTrade grew fast this year, officials said.\n\nRelated\n\nAnother story\n\nComments\n\nJoe Bloggs: great';
    const spans = splitSentenceSpans(text);
    const skip = skippedSentences(text, spans);
    expect(spans.filter((_, i) => !skip[i]).map((s) => s.text)).toEqual([
      'Trade grew fast this year, officials said.',
    ]);
  });
});
