import { describe, expect, it } from 'vitest';
import { confidenceWord } from './confidence-words';

describe('confidenceWord', () => {
  it('maps the scorer’s number to three words at fixed cut points', () => {
    expect(confidenceWord(0.97)).toBe('clear');
    expect(confidenceWord(0.75)).toBe('clear');
    expect(confidenceWord(0.749)).toBe('likely');
    expect(confidenceWord(0.5)).toBe('likely');
    expect(confidenceWord(0.49)).toBe('unclear');
    expect(confidenceWord(0)).toBe('unclear');
  });

  it('treats a missing or broken number as unclear, never as certain', () => {
    expect(confidenceWord(Number.NaN)).toBe('unclear');
    expect(confidenceWord(Number.POSITIVE_INFINITY)).toBe('unclear');
  });
});
