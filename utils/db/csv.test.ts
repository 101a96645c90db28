import { describe, expect, it } from 'vitest';
import { articlesToCsv, csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes RFC 4180 rows with a header', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
    const csv = articlesToCsv([
      {
        key: 'https://news.example/a',
        url: 'https://news.example/a',
        title: '=cmd|calc',
        site: 'Example',
        byline: null,
        publishedTime: null,
        lang: null,
        firstReadAt: 0,
        lastReadAt: 0,
        readCount: 1,
        timeSpentMs: 1500,
        wordCount: 10,
        topic: { score: 0.5, subtopics: ['energy'], evidence: [] },
        experts: [
          {
            id: 'v',
            name: 'Vera',
            role: null,
            organization: 'Org, Inc',
            stance: { label: 'durable', confidence: 1, evidence: [] },
            statements: [],
            correction: { label: 'fragile', at: 1 },
          },
        ],
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header.split(',')[0]).toBe('url');
    expect(row).toContain(`'=cmd|calc`);
    expect(row).toContain('fragile (corrected)');
    expect(row).toContain('"Org, Inc"');
  });
});
