import { describe, expect, it } from 'vitest';
import { articlesToCsv, csvCell, defuse, parseCsv, toCsv } from './csv';

/** What a spreadsheet might run: a piece of the cell that starts (after invisible spaces) with a formula. */
const RUNNABLE =
  /(^|[;,|\t\r\n])[\s\u00A0\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('csv cells', () => {
  it('quotes every cell, doubling quotes inside', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(-3)).toBe('"-3"');
  });

  const hostile = [
    '=HYPERLINK("http://x")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    ' =1+1',
    '\u00A0=1+1',
    '\u200B=1+1',
    '\uFEFF@SUM(A1)',
    '\u2060\u200D +1',
    '\u202E=1',
    '\uFF1D1+1',
    'Safe; =cmd|calc',
    'Safe;\u00A0=cmd|calc',
    'a,=1',
    'a|@x',
    'a\t-1',
    'line\n=1',
    'Vera; Ivan; =IMPORTXML(A1)',
  ];
  it.each(hostile)('defuses %j', (evil) => {
    expect(RUNNABLE.test(evil)).toBe(true);
    const shown = defuse(evil);
    expect(RUNNABLE.test(shown.replace(/'(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g, 'X'))).toBe(false);
    // Nothing is lost but the apostrophes added.
    expect(shown.replace(/'/g, '')).toBe(evil.replace(/'/g, ''));
    // And the quoted cell reads back as exactly that text.
    expect(parseCsv(`${csvCell(evil)}\r\n`)).toEqual([[shown]]);
  });

  it('puts an apostrophe before a leading tab or CR', () => {
    expect(defuse('\tx')).toBe("'\tx");
    expect(defuse('\rx')).toBe("'\rx");
  });

  it('leaves ordinary text alone', () => {
    for (const ok of [
      'Grain, gas and "friendship"',
      'ukraine-war; energy',
      'A-B test',
      '2024-01-01',
      'x=1',
    ]) {
      expect(defuse(ok)).toBe(ok);
    }
  });
});

describe('csv rows', () => {
  it('writes RFC 4180 rows with a header, and reads them back', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('"a","1"\r\n"b",""\r\n');
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
          {
            id: 'e',
            name: ' =Evil()',
            role: null,
            organization: null,
            stance: { label: 'neutral', confidence: 1, evidence: [] },
            statements: [],
          },
        ],
      },
    ]);
    const [header, row] = parseCsv(csv);
    expect(header[0]).toBe('url');
    expect(row[1]).toBe(`'=cmd|calc`);
    expect(row[12]).toBe("Vera;  '=Evil()");
    expect(row[13]).toBe('fragile (corrected); neutral');
    expect(row[14]).toBe('Org, Inc; ');
  });
});
