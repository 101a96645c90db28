/**
 * CSV for spreadsheets (RFC 4180: CRLF, every cell quoted). Text from web pages is untrusted: a
 * spreadsheet runs a cell that starts like a formula (=, +, -, @, and their full-width forms, or a
 * tab / CR), also after leading spaces, no-break or zero-width spaces, and some split a cell at `;`,
 * `,`, `|` or a tab and run what follows. So every cell is quoted, and an apostrophe is put before a
 * formula character at the start of the cell and at the start of every such piece of it: the
 * spreadsheet shows the text instead of running it.
 */
import type { ArticleData } from '../messages/history';
import { effectiveLabel } from './derive';

/** Spaces a spreadsheet may skip before a formula: white space, no-break, zero-width, bidi marks. */
const SKIPPED = '\\s\\u00A0\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF';
/** Characters that start a formula (ASCII and full-width), and tab / CR at the very start. */
const FORMULA = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const FORMULA_AT_START = new RegExp(`^(?:[\\t\\r]|[${SKIPPED}]*[${FORMULA}])`);
/** A formula character after a separator some spreadsheet may split on (and skipped spaces). */
const FORMULA_AFTER_SEPARATOR = new RegExp(`([;,|\\t\\r\\n][${SKIPPED}]*)([${FORMULA}])`, 'g');

/** Text that no spreadsheet runs as a formula (the cell's text, not yet quoted). */
export function defuse(text: string): string {
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_AT_START.test(inner) ? `'${inner}` : inner;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'string' ? defuse(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'url',
  'title',
  'site',
  'byline',
  'published',
  'first_read',
  'last_read',
  'read_count',
  'time_spent_s',
  'word_count',
  'topic_score',
  'subtopics',
  'experts',
  'stances',
  'organizations',
] as const;

const iso = (t: number) => new Date(t).toISOString();

/** The header line of an export. */
export function csvHeader(): string {
  return toCsv([[...CSV_COLUMNS]]);
}

/** The cells of one article: experts, their stances (corrections applied) and organisations joined by "; ". */
export function articleCsvRow(a: ArticleData): (string | number | null)[] {
  return [
    a.url,
    a.title,
    a.site,
    a.byline,
    a.publishedTime,
    iso(a.firstReadAt),
    iso(a.lastReadAt),
    a.readCount,
    Math.round(a.timeSpentMs / 1000),
    a.wordCount,
    Math.round(a.topic.score * 1000) / 1000,
    a.topic.subtopics.join('; '),
    a.experts.map((e) => e.name).join('; '),
    a.experts.map((e) => `${effectiveLabel(e)}${e.correction ? ' (corrected)' : ''}`).join('; '),
    a.experts.map((e) => e.organization ?? '').join('; '),
  ];
}

/** Rows of articles, without the header (export chunks). */
export function articlesCsvRows(articles: ArticleData[]): string {
  return articles.length ? toCsv(articles.map(articleCsvRow)) : '';
}

/** A whole export: the header and one row per article. */
export function articlesToCsv(articles: ArticleData[]): string {
  return csvHeader() + articlesCsvRows(articles);
}

/**
 * Read CSV back into rows of cells (RFC 4180, quoted or bare cells). The extension does not import
 * CSV; tests and the benchmark use this to check that an export says what the history holds.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
    i++;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
