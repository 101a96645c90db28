import { describe, expect, it } from 'vitest';
import { aggregate } from './stance-aggregate';

const p = (d: number, f: number, n: number) => ({ probs: [d, f, n] });

describe('pooling statements into one stance', () => {
  it('keeps one clear statement among statements about something else', () => {
    const v = aggregate([p(0.85, 0.05, 0.1), p(0.1, 0.05, 0.85), p(0.05, 0.1, 0.85)]);
    expect(v.label).toBe('durable');
    expect(v.confidence).toBeGreaterThan(0.5);
  });

  it('is neutral when the expert holds both sides', () => {
    expect(aggregate([p(0.85, 0.05, 0.1), p(0.05, 0.85, 0.1)]).label).toBe('neutral');
  });

  it('is neutral when no statement takes a side, and surer the clearer that is', () => {
    const v = aggregate([p(0.05, 0.05, 0.9), p(0.1, 0.05, 0.85)]);
    expect(v.label).toBe('neutral');
    expect(v.confidence).toBeGreaterThan(0.8);
    expect(aggregate([p(0.38, 0.3, 0.32)]).label).toBe('neutral');
  });

  it('reads an essay author from many thesis sentences', () => {
    const thesis = [
      p(0.1, 0.1, 0.8),
      p(0.7, 0.1, 0.2),
      p(0.15, 0.1, 0.75),
      p(0.6, 0.15, 0.25),
      p(0.1, 0.2, 0.7),
    ];
    expect(aggregate(thesis).label).toBe('durable');
  });

  it('gives neutral with zero confidence for no statement', () => {
    expect(aggregate([])).toMatchObject({ label: 'neutral', confidence: 0 });
  });
});
