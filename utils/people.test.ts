import { describe, expect, it } from 'vitest';
import { bylineKeys, scanPeople } from './people';
import { findPeople } from './experts';
import { splitSentenceSpans } from './sentences';

function scan(text: string) {
  const sentences = splitSentenceSpans(text);
  const result = scanPeople(text, sentences);
  const byId = Object.fromEntries(
    [...result.persons.values()].map((p) => [
      p.name,
      { forms: [...p.surfaceForms], mentions: p.mentions.length },
    ]),
  );
  return { ...result, byId };
}

describe('scanPeople', () => {
  it('resolves surnames, titled mentions and possessives to the full name', () => {
    const { byId } = scan(
      'Alexander Gabuev, director of a think tank, spoke. Dr. Gabuev said more. Gabuev’s view is clear. Mr Gabuev left.',
    );
    expect(byId['Alexander Gabuev']).toEqual({ forms: ['Alexander Gabuev', 'Gabuev'], mentions: 4 });
  });

  it('reads East Asian names family name first', () => {
    const { byId } = scan(
      'Zhao Tong and Xu Qinduo spoke. Zhao said one thing and Xu another. Yun Sun agreed. Sun said so.',
    );
    expect(byId['Zhao Tong'].mentions).toBe(2);
    expect(byId['Xu Qinduo'].mentions).toBe(2);
    expect(byId['Yun Sun'].mentions).toBe(2);
    expect(byId.Tong).toBeUndefined();
  });

  it('keeps particles with the surname', () => {
    const { byId } = scan(
      'Ursula von der Leyen spoke. Von der Leyen later said more, and von der Leyen left.',
    );
    expect(byId['Ursula von der Leyen'].mentions).toBe(3);
  });

  it('links leaders named by surname alone through the officials list', () => {
    const { persons } = scan('President Putin met Xi in Moscow. Lavrov said little.');
    expect([...persons.values()].map((p) => [p.name, p.official?.kind])).toEqual([
      ['Vladimir Putin', 'leader'],
      ['Xi Jinping', 'leader'],
      ['Sergei Lavrov', 'official'],
    ]);
  });

  it('never takes organisations, places, titles of works or brands for people', () => {
    const { persons, orgs } = scan(
      'The Carnegie Russia Eurasia Center and the International Crisis Group met in New Delhi. ' +
        'He wrote the book Zero Sum. Sino-Russian ties and Western Companies grew. Whole Foods and Goldman Sachs said so. ' +
        'The Shanghai Academy of Social Sciences agreed.',
    );
    expect([...persons.keys()]).toEqual([]);
    expect(orgs.has('carnegie-russia-eurasia-center')).toBe(true);
  });

  it('skips sentences marked as captions', () => {
    const text = 'Photo: Ivan Petrov/Reuters. Anna Sidorova said hello.';
    const sentences = splitSentenceSpans(text);
    const { persons } = scanPeople(text, sentences, [true, false]);
    expect([...persons.values()].map((p) => p.name)).toEqual(['Anna Sidorova']);
  });
});

describe('bylines', () => {
  it('reads names from a byline', () => {
    expect([...bylineKeys('By Dana Whitfield and Lee Chen, staff writers')]).toEqual([
      'dana-whitfield',
      'lee-chen',
    ]);
    expect(bylineKeys(null).size).toBe(0);
  });

  it('marks the journalist as byline, never as an expert', () => {
    const { experts, people } = findPeople('Dana Whitfield said the mood in Moscow was tense.', {
      byline: 'Dana Whitfield',
    });
    expect(experts).toEqual([]);
    expect(people).toEqual([{ name: 'Dana Whitfield', kind: 'byline' }]);
  });
});
