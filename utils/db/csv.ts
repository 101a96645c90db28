/**
 * CSV for spreadsheets (RFC 4180: CRLF, quoted fields). Text from web pages is untrusted: a cell that
 * starts like a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe so a spreadsheet shows it
 * as text instead of running it.
 */
import type { ArticleData } from '../messages/history';
import { effectiveLabel } from './derive';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

/** One row per article; experts, their stances (corrections applied) and organisations joined by "; ". */
export function articlesToCsv(articles: ArticleData[]): string {
  const rows = articles.map((a) => [
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
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows]);
}
