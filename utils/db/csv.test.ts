import { describe, expect, it } from 'vitest';
import {
  CsvError,
  CsvRowReader,
  articlesToCsv,
  backupCell,
  correctionBackupCell,
  csvCell,
  defuse,
  parseCsv,
  readBackupCell,
  toCsv,
} from './csv';

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

describe('the backup column', () => {
  const article = {
    key: 'https://news.example/a',
    url: 'https://news.example/a',
    title: '=cmd|calc; "quoted", 中俄 — Ñ 🐻',
    site: 'news.example',
    byline: null,
    publishedTime: null,
    lang: 'ru',
    firstReadAt: 1,
    lastReadAt: 2,
    readCount: 1,
    timeSpentMs: 1500,
    wordCount: 10,
    topic: { score: 0.5, subtopics: ['energy'], evidence: [] },
    experts: [],
  };

  it('holds the article exactly, in characters no spreadsheet runs and defuse keeps', () => {
    const cell = backupCell(article);
    expect(cell).toMatch(/^tl1:[A-Za-z0-9_-]+$/);
    expect(defuse(cell)).toBe(cell);
    expect(RUNNABLE.test(cell)).toBe(false);
    expect(readBackupCell(cell)).toEqual({ kind: 'article', json: JSON.stringify(article) });
    const corr = { articleKey: 'https://news.example/b', expertId: 'v', label: 'fragile' as const, at: 3 };
    const c = correctionBackupCell(corr);
    expect(defuse(c)).toBe(c);
    expect(readBackupCell(c)).toEqual({ kind: 'correction', json: JSON.stringify(corr) });
  });

  it('reads nothing from a damaged or edited cell', () => {
    const cell = backupCell(article);
    for (const bad of [
      '',
      'hello',
      cell.slice(4),
      `${cell}!`,
      `${cell.slice(0, -1)} `,
      `tl1:${'A'.repeat(5)}`, // a length base64 cannot have
      'tl1:_w', // 0xFF: not UTF-8
    ])
      expect(readBackupCell(bad), bad).toBeNull();
  });
});

describe('reading CSV in pieces', () => {
  const text =
    '"url","title"\r\n"https://a.example/","say ""hi"", then\r\nleave"\r\nbare,cells\r\n"",""\r\n"last","row"';
  const whole = parseCsv(text);

  it('gives the same rows wherever the pieces are cut', () => {
    expect(whole).toEqual([
      ['url', 'title'],
      ['https://a.example/', 'say "hi", then\r\nleave'],
      ['bare', 'cells'],
      ['', ''],
      ['last', 'row'],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      const rows: string[][] = [];
      const r = new CsvRowReader((row) => rows.push(row));
      r.push(text.slice(0, cut));
      r.push(text.slice(cut));
      r.end();
      expect(rows, `cut at ${cut}`).toEqual(whole);
    }
    const rows: string[][] = [];
    const r = new CsvRowReader((row) => rows.push(row));
    for (const ch of text) r.push(ch);
    r.end();
    expect(rows).toEqual(whole);
  });

  it('ends rows at LF as well as CRLF, and refuses an unclosed quote or an endless row', () => {
    expect(parseCsv('"a","b"\n"c","d"\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => parseCsv('"a","b\r\n')).toThrow(CsvError);
    const r = new CsvRowReader(() => {}, 100);
    expect(() => r.push(`"${'x'.repeat(101)}"`)).toThrow(/longer than 100/);
  });
});
