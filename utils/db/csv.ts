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
import type { CorrectionRecord } from './schema';

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
  'backup',
] as const;

/** The columns of exports made before CSV could be imported (no `backup` column). */
export const CSV_COLUMNS_V1 = CSV_COLUMNS.slice(0, -1);

/**
 * The `backup` cell: the whole article (the same JSON as in a JSON export) as UTF-8 in base64url
 * after a version tag. Its characters are letters, digits, `-`, `_` and one `:`, so no spreadsheet
 * runs it and `defuse` leaves it as it is: the file imports back exactly.
 */
const BACKUP_TAG = 'tl1:';
/** The same for a stance correction that no article in the file carries (its article is not there). */
const CORRECTION_TAG = 'tc1:';

function utf8ToBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function backupCell(a: ArticleData): string {
  return BACKUP_TAG + utf8ToBase64Url(JSON.stringify(a));
}

export function correctionBackupCell(c: CorrectionRecord): string {
  return CORRECTION_TAG + utf8ToBase64Url(JSON.stringify(c));
}

/** What a `backup` cell holds (as JSON text), or null when it is not one (damaged, edited). */
export function readBackupCell(cell: string): { kind: 'article' | 'correction'; json: string } | null {
  const kind = cell.startsWith(BACKUP_TAG)
    ? 'article'
    : cell.startsWith(CORRECTION_TAG)
      ? 'correction'
      : null;
  if (!kind) return null;
  const body = cell.slice(BACKUP_TAG.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return null;
  try {
    const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { kind, json: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return null;
  }
}

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
    backupCell(a),
  ];
}

/**
 * A stance correction whose article is not in the export (the reader corrected a label before the
 * article was saved): a row of its own, so that the file holds everything.
 */
export function correctionCsvRow(c: CorrectionRecord): (string | number | null)[] {
  const row: (string | number | null)[] = CSV_COLUMNS.map(() => null);
  row[0] = c.articleKey;
  row[1] = 'A stance correction (its article is not in the history)';
  row[6] = iso(c.at);
  row[12] = c.expertId;
  row[13] = `${c.label} (corrected)`;
  row[CSV_COLUMNS.length - 1] = correctionBackupCell(c);
  return row;
}

export function correctionsCsvRows(list: CorrectionRecord[]): string {
  return list.length ? toCsv(list.map(correctionCsvRow)) : '';
}

/** Rows of articles, without the header (export chunks). */
export function articlesCsvRows(articles: ArticleData[]): string {
  return articles.length ? toCsv(articles.map(articleCsvRow)) : '';
}

/** A whole export: the header and one row per article. */
export function articlesToCsv(articles: ArticleData[]): string {
  return csvHeader() + articlesCsvRows(articles);
}

export class CsvError extends Error {}

/**
 * Reads CSV (RFC 4180: quoted or bare cells, CRLF or LF between rows) given in pieces of any size,
 * handing each complete row to `onRow`. A row longer than `maxRowChars` is an error (a hostile or
 * broken file is not held in memory).
 */
export class CsvRowReader {
  private row: string[] = [];
  private cell = '';
  private rowChars = 0;
  private quoted = false;
  /** A `"` ended the last piece inside a quoted cell: either the cell's end or half of `""`. */
  private pendingQuote = false;
  /** A CR ended the last piece outside quotes. */
  private pendingCr = false;

  constructor(
    private readonly onRow: (cells: string[]) => void,
    private readonly maxRowChars = Infinity,
  ) {}

  push(text: string): void {
    let i = 0;
    let start = 0;
    const n = text.length;
    const take = (end: number) => {
      if (end > start) this.cell += text.slice(start, end);
    };
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (text[0] === '"') {
        this.cell += '"';
        i = start = 1;
      } else this.quoted = false;
    }
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text[0] === '\n') i = start = 1;
      this.endRow();
    }
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          take(n);
          this.grow(n - start);
          return;
        }
        take(q);
        this.grow(q - start);
        if (q + 1 === n) {
          this.pendingQuote = true;
          return;
        }
        if (text[q + 1] === '"') {
          this.cell += '"';
          i = start = q + 2;
        } else {
          this.quoted = false;
          i = start = q + 1;
        }
        continue;
      }
      const c = text[i];
      if (c === '"') {
        take(i);
        this.quoted = true;
        i = start = i + 1;
      } else if (c === ',') {
        take(i);
        this.row.push(this.cell);
        this.cell = '';
        i = start = i + 1;
      } else if (c === '\r' || c === '\n') {
        take(i);
        if (c === '\r' && i + 1 === n) {
          this.pendingCr = true;
          return;
        }
        i = start = i + (c === '\r' && text[i + 1] === '\n' ? 2 : 1);
        this.endRow();
      } else {
        i++;
        this.grow(1);
      }
    }
    take(n);
  }

  /** The last row, when the text did not end with a line break. */
  end(): void {
    if (this.quoted && !this.pendingQuote) throw new CsvError('a quoted cell is not closed');
    this.pendingQuote = false;
    this.quoted = false;
    if (this.pendingCr || this.cell || this.row.length) this.endRow();
    this.pendingCr = false;
  }

  private grow(chars: number): void {
    this.rowChars += chars;
    if (this.rowChars > this.maxRowChars)
      throw new CsvError(`a row is longer than ${this.maxRowChars} characters`);
  }

  private endRow(): void {
    this.row.push(this.cell);
    const row = this.row;
    this.row = [];
    this.cell = '';
    this.rowChars = 0;
    this.onRow(row);
  }
}

/** Read CSV text into rows of cells (RFC 4180, quoted or bare cells). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const reader = new CsvRowReader((r) => rows.push(r));
  reader.push(text);
  reader.end();
  return rows;
}
