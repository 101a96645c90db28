import { describe, expect, it } from 'vitest';
import { readText } from './context';
import { findInterviewers } from './qa-interview';

const interviewers = (text: string) => {
  const r = readText(text);
  const ids = findInterviewers(r.ctx, r.skip);
  return [...r.scan.persons.values()].filter((p) => ids.has(p.id)).map((p) => p.name);
};

describe('Q&A interviews', () => {
  it('finds the person whose turns are all questions', () => {
    const text = [
      'Rosa Emberly: What has changed since the war began?',
      'Tomas Greavey: Russia now depends on Chinese buyers for most of its oil.',
      'Emberly: Is that a weakness?',
      'Greavey: Not for Beijing. It gets a discount and a loyal partner.',
    ].join('\n\n');
    expect(interviewers(text)).toEqual(['Rosa Emberly']);
  });

  it('reads "X spoke with Y" and "Interview by X"', () => {
    expect(interviewers('Rosa Emberly spoke with Tomas Greavey, a fellow at the Lark Institute.')).toEqual([
      'Rosa Emberly',
    ]);
    expect(interviewers('Interview by Rosa Emberly.\n\nTomas Greavey said the ties were deep.')).toEqual([
      'Rosa Emberly',
    ]);
  });

  it('finds no interviewer in a news story with a transcript turn', () => {
    expect(interviewers('Tomas Greavey: The ties are deep and getting deeper.')).toEqual([]);
  });
});
