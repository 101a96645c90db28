import { describe, expect, it } from 'vitest';
import { bundledAxes, DEFAULT_AXIS_ID } from './stance-rules';
import { statementFeatures, stem } from './stance-features';

const axis = bundledAxes().get(DEFAULT_AXIS_ID)!;
const names = (text: string) => statementFeatures(axis, text).features.map((f) => f.name);

describe('stance features', () => {
  it('stems the forms of one word alike', () => {
    expect(new Set(['deepening', 'deepened', 'deepens'].map(stem))).toEqual(new Set(['deepen']));
    expect(stem('ties')).toBe(stem('tie'));
    expect(stem("isn't")).toBe('not');
  });

  it('masks names and places: the model never learns a person or a country', () => {
    const f = statementFeatures(
      axis,
      'Ties between Moscow and Beijing are deepening, said Marta Ilves of the U.S. institute.',
    );
    const all = f.features.map((x) => x.name).join(' ');
    expect(all).not.toMatch(/moscow|beijing|marta|ilves|u\.s\./i);
    expect(all).toContain('b:RU_and');
    expect(all).toContain('b:and_CN');
    const masked = f.tokens.filter((_, i) => f.entity[i]).map((t) => f.text.slice(t.start, t.end));
    expect(masked).toEqual(['Moscow', 'Beijing', 'Marta', 'Ilves', 'U.S.']);
  });

  it('does not take a sentence-opening capital for a name', () => {
    const f = statementFeatures(axis, '“Tensions are real,” she said.');
    expect(f.entity.some(Boolean)).toBe(false);
  });

  it('puts words after a negation in its scope, up to the end of the clause', () => {
    const n = names('The partnership is not deepening, and trade keeps growing.');
    expect(n).toContain('n:deepen');
    expect(n).not.toContain('w:deepen');
    expect(n).toContain('w:grow');
    expect(names('The ties are far from solid.')).toContain('n:solid');
    expect(names('Their ties are no longer deepening.')).toContain('n:deepen');
  });

  it('marks hedges and carries the rule reading as features', () => {
    expect(names('The two may grow closer.')).toContain('h:any');
    const n = names('Distrust between Moscow and Beijing runs deep.');
    expect(n).toContain('a:pair');
    expect(n.some((x) => x.startsWith('f:') && x.endsWith(':fragile'))).toBe(true);
    expect(n).toContain('r:fragile');
    expect(names('Tensions between Washington and Beijing are rising.')).toContain('a:other');
  });
});
