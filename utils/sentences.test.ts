import { describe, expect, it } from 'vitest';
import { splitSentenceSpans, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    expect(
      splitSentences('Dr. J. Smith of the U.S. Navy said growth was 3.5 percent. The U.S. is big.'),
    ).toEqual(['Dr. J. Smith of the U.S. Navy said growth was 3.5 percent.', 'The U.S. is big.']);
    expect(splitSentences('He met Mr. Xi on Jan. 5 and Prof. Lo in No. 10 Downing St. later.')).toHaveLength(
      1,
    );
    expect(splitSentences('George W. Bush met Vladimir V. Putin.')).toHaveLength(1);
  });

  it('breaks after an acronym only before a typical sentence opener', () => {
    expect(splitSentences('Sanctions were imposed by the U.S. The move angered Moscow.')).toHaveLength(2);
    expect(splitSentences('The U.N. Security Council met.')).toHaveLength(1);
  });

  it('ends sentences at closing quotes', () => {
    expect(splitSentences('He called Xi a “dear friend.” He meant it. “Really?” she asked.')).toEqual([
      'He called Xi a “dear friend.”',
      'He meant it.',
      '“Really?” she asked.',
    ]);
    expect(splitSentences('"It is over," he said. "We move on."')).toEqual([
      '"It is over," he said.',
      '"We move on."',
    ]);
  });

  it('always splits paragraphs and keeps offsets and paragraph numbers', () => {
    const text = 'Headline without a stop\n\nFirst sentence. Second one\n\nThird.';
    const spans = splitSentenceSpans(text);
    expect(spans.map((s) => s.text)).toEqual([
      'Headline without a stop',
      'First sentence.',
      'Second one',
      'Third.',
    ]);
    expect(spans.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads a single line break as a space unless it ends a sentence or a heading', () => {
    expect(
      splitSentences('said X, a senior fellow at the Council on Foreign\n    Relations. Then more.'),
    ).toEqual(['said X, a senior fellow at the Council on Foreign\n    Relations.', 'Then more.']);
    expect(splitSentences('First line.\nSecond line')).toEqual(['First line.', 'Second line']);
    expect(splitSentences('POPULAR\nMost read story here')).toEqual(['POPULAR', 'Most read story here']);
    expect(splitSentences('a sentence that wraps\nonto the next line.')).toEqual([
      'a sentence that wraps\nonto the next line.',
    ]);
  });

  // Speed is the bench's business; a runaway pattern would hit the test timeout.
  it('handles empty input, a 20,000-character sentence and 5 MB of text', () => {
    expect(splitSentences('')).toEqual([]);
    const long = 'word '.repeat(4000) + 'end.';
    expect(splitSentences(long)).toHaveLength(1);
    const dots = 'U.S. '.repeat(4000);
    expect(splitSentences(dots).length).toBeGreaterThan(0);
    const big = 'The analyst said the partnership is deep. Dr. Lo agreed.\n\n'.repeat(90_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    expect(splitSentences(big)).toHaveLength(180_000);
  });
});
