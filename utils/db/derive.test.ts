import { describe, expect, it } from 'vitest';
import { indexTag, tagKey, tagOfKey, tagRange } from './derive';

const inRange = (key: string, [lo, hi]: [string, string]) => lo <= key && key <= hi;

describe('tag keys', () => {
  it('sort one tag by read time and give the tag back', () => {
    const times = [0, 1, 999, 1_700_000_000_000, 1_800_000_000_000, 4_102_444_800_000];
    const keys = times.map((t) => tagKey('w:pipe', t));
    expect([...keys].sort()).toEqual(keys);
    for (const k of keys) expect(tagOfKey(k)).toBe('w:pipe');
  });

  it('a range over one tag never reaches a longer or shorter tag', () => {
    const range = tagRange('w:pipe', -Infinity, Infinity);
    expect(inRange(tagKey('w:pipe', 5), range)).toBe(true);
    expect(inRange(tagKey('w:pipel', 5), range)).toBe(false);
    expect(inRange(tagKey('w:pip', 5), range)).toBe(false);
    expect(inRange(tagKey('w:pipe ', 5), range)).toBe(false);
    expect(inRange(tagKey('w:pipe!', Number.MAX_SAFE_INTEGER), range)).toBe(false);
  });

  it('date bounds are inclusive; out-of-range times are clamped, not wrapped', () => {
    const range = tagRange('s:energy', 1000, 2000);
    expect(inRange(tagKey('s:energy', 1000), range)).toBe(true);
    expect(inRange(tagKey('s:energy', 2000), range)).toBe(true);
    expect(inRange(tagKey('s:energy', 999), range)).toBe(false);
    expect(inRange(tagKey('s:energy', 2001), range)).toBe(false);
    expect(tagKey('x', -5)).toBe(tagKey('x', 0));
    expect(tagKey('x', Infinity) > tagKey('x', 4_102_444_800_000)).toBe(true);
    expect(tagKey('x', NaN)).toBe(tagKey('x', 0));
  });

  it('a separator inside a tag (a site name from a page) cannot break out of its range', () => {
    const odd = 'site:a\u0000b';
    expect(tagOfKey(tagKey(odd, 7))).toBe(indexTag(odd));
    expect(inRange(tagKey(odd, 7), tagRange('site:a', -Infinity, Infinity))).toBe(false);
  });
});
