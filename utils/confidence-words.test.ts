import { describe, expect, it } from 'vitest';
import { confidenceWord } from './confidence-words';

describe('confidenceWord', () => {
  it('maps the scorer’s number to three words at fixed cut points', () => {
    expect(confidenceWord(0.97)).toBe('clear');
    expect(confidenceWord(0.8)).toBe('clear');
    expect(confidenceWord(0.799)).toBe('likely');
    expect(confidenceWord(0.6)).toBe('likely');
    expect(confidenceWord(0.59)).toBe('unclear');
    expect(confidenceWord(0)).toBe('unclear');
  });

  it('treats a missing or broken number as unclear, never as certain', () => {
    expect(confidenceWord(Number.NaN)).toBe('unclear');
    expect(confidenceWord(Number.POSITIVE_INFINITY)).toBe('unclear');
  });
});
