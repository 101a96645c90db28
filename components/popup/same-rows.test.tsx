import { describe, expect, it } from 'vitest';
import type { ArticlePage, ArticleRow } from '@/utils/messages/history';
import { samePage, sameRow } from './same-rows';
import { HistoryRow } from './HistoryRow';

const row = (over: Partial<ArticleRow> = {}): ArticleRow => ({
  key: 'https://news.example/a',
  url: 'https://news.example/a',
  title: 'Pipeline talks',
  site: 'news.example',
  firstReadAt: 1,
  lastReadAt: 2,
  readCount: 1,
  subtopics: ['energy'],
  experts: [{ id: 'v', name: 'Vera', label: 'durable', corrected: false }],
  ...over,
});

describe('same rows', () => {
  it('rows with the same content are the same, whatever the objects', () => {
    expect(sameRow(row(), row())).toBe(true);
    expect(sameRow(row(), row({ title: 'Other' }))).toBe(false);
    expect(sameRow(row(), row({ readCount: 2 }))).toBe(false);
    expect(sameRow(row(), row({ subtopics: ['energy', 'military'] }))).toBe(false);
    expect(
      sameRow(row(), row({ experts: [{ id: 'v', name: 'Vera', label: 'durable', corrected: true }] })),
    ).toBe(false);
    expect(
      sameRow(row(), row({ experts: [{ id: 'v', name: 'Vera', label: 'fragile', corrected: false }] })),
    ).toBe(false);
  });

  it('pages compare rows in order, the total and whether more follow', () => {
    const page = (over: Partial<ArticlePage> = {}): ArticlePage => ({
      rows: [row(), row({ key: 'b' })],
      total: null,
      more: true,
      ...over,
    });
    expect(samePage(page(), page())).toBe(true);
    expect(samePage(null, page())).toBe(false);
    expect(samePage(page(), page({ more: false }))).toBe(false);
    expect(samePage(page(), page({ total: 2 }))).toBe(false);
    expect(samePage(page(), page({ rows: [row({ key: 'b' }), row()] }))).toBe(false);
    expect(samePage(page(), page({ rows: [row()] }))).toBe(false);
  });

  it('a history row renders again only when what it shows changed', () => {
    const onDelete = () => {};
    const onOpenExpert = () => {};
    const r = new HistoryRow({ row: row(), onDelete, onOpenExpert });
    expect(r.shouldComponentUpdate({ row: row(), onDelete, onOpenExpert })).toBe(false);
    expect(r.shouldComponentUpdate({ row: row({ readCount: 4 }), onDelete, onOpenExpert })).toBe(true);
    expect(r.shouldComponentUpdate({ row: row(), onDelete: () => {}, onOpenExpert })).toBe(true);
  });
});
