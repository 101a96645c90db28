import { describe, expect, it } from 'vitest';
import { findPeople } from '../experts';

const trace = (text: string, byline?: string) =>
  Object.fromEntries(
    (findPeople(text, { byline, trace: true }).trace ?? []).map((t) => [t.name, `${t.kind}/${t.stage}`]),
  );

describe('expert or not, with the deciding stage', () => {
  it('says which stage decided each person', () => {
    expect(
      trace(
        'Kremlin spokesman Dmitry Peskov said the talks went well. Hana Velic, a spokesperson for the ' +
          'foreign ministry of Serbia, said nothing new. Odile Brannock, a senior fellow at the Polar Policy Centre, said the ties were deep. ' +
          'Rosa Emberly reported from Moscow.',
        'By Rosa Emberly, staff writer',
      ),
    ).toEqual({
      'Dmitry Peskov': 'official/officials-list',
      'Hana Velic': 'official/role',
      'Odile Brannock': 'expert/role',
      'Rosa Emberly': 'byline/byline',
    });
  });

  it('never marks a third country leader, a photo credit or a broken initial', () => {
    const { experts, people } = findPeople(
      'Kazakh President Nurlan Bekov said his country would trade with both. ' +
        'Photo: Garrick Stone/AP\n\nXian H said the deal would close soon. ' +
        'Odile Brannock, a senior fellow at the Polar Policy Centre, said the ties were deep.',
    );
    expect(experts.map((e) => e.name)).toEqual(['Odile Brannock']);
    expect(people.find((p) => p.name === 'Nurlan Bekov')?.kind).toBe('leader');
    expect(people.some((p) => /Garrick|Xian/.test(p.name))).toBe(false);
  });

  it('keeps trace out of the result unless asked for', () => {
    expect(findPeople('Odile Brannock said the ties were deep.').trace).toBeUndefined();
  });
});
