import { describe, expect, it } from 'vitest';
import { EnvelopeError, EnvelopeSplitter, type EnvelopePart } from './envelope-splitter';

function split(text: string, pieceSize = text.length, maxPartChars = 1e6): EnvelopePart[] {
  const parts: EnvelopePart[] = [];
  const s = new EnvelopeSplitter((p) => parts.push(p), {
    arrays: ['articles', 'corrections'],
    skip: ['experts'],
    maxPartChars,
  });
  for (let i = 0; i < text.length; i += pieceSize) s.push(text.slice(i, i + pieceSize));
  s.end();
  return parts;
}

const FILE = JSON.stringify(
  {
    app: 'triangle-lens',
    schema: 2,
    articles: [
      { title: 'Braces } and ] in "quotes" \\ too', n: -1.5e3 },
      { title: '\u00e9\ud83d\ude00 emoji', list: [[], {}, [{ a: null }]] },
      'a string',
      42,
      true,
    ],
    experts: [{ id: 'skipped', big: 'x'.repeat(5000) }],
    corrections: [],
    extra: { nested: [1, 2] },
  },
  null,
  1,
);

describe('EnvelopeSplitter', () => {
  it('gives each member and each element of the arrays, whatever the pieces', () => {
    const whole = split(FILE);
    expect(whole.map((p) => (p.type === 'item' ? `${p.key}[${p.index}]` : p.key))).toEqual([
      'app',
      'schema',
      'articles[0]',
      'articles[1]',
      'articles[2]',
      'articles[3]',
      'articles[4]',
      'extra',
    ]);
    const original = JSON.parse(FILE);
    for (const p of whole) {
      if (p.type === 'item') expect(JSON.parse(p.json)).toEqual(original[p.key][p.index]);
      else expect(JSON.parse(p.json)).toEqual(original[p.key]);
    }
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(split(FILE, size)).toEqual(whole);
  });

  it('decodes member names (an escaped __proto__ is seen as what it is)', () => {
    expect(split('{"\\u005f_proto__": 1}')).toEqual([{ type: 'member', key: '__proto__', json: '1' }]);
  });

  it('reads past a skipped member of any size without keeping it', () => {
    const parts = split(`{"experts":[${'"x",'.repeat(10_000)}"y"],"app":"a"}`, 100, 50);
    expect(parts).toEqual([{ type: 'member', key: 'app', json: '"a"' }]);
  });

  it.each([
    ['[1,2]', 'not-object'],
    ['"text"', 'not-object'],
    ['{"app":"a"', 'syntax'],
    ['{"articles":[1,2,]}', 'syntax'],
    ['{"articles":[1 2]}', 'syntax'],
    ['{"app" "a"}', 'syntax'],
    ['{"app":"a",}', 'syntax'],
    ['{"app":"a"} {}', 'syntax'],
    ['{app:"a"}', 'syntax'],
    ['', 'syntax'],
    [`{"articles":["${'x'.repeat(100)}"]}`, 'size'],
  ])('refuses %j (%s)', (text, kind) => {
    let error: unknown;
    try {
      split(text, 3, 50);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).kind).toBe(kind);
  });
});
