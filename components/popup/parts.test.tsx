// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryRow } from './HistoryRow';
import { labelledWeeks, WeeklyCharts } from './WeeklyCharts';
import { LabelTimeline } from './LabelTimeline';
import { StanceBalance } from './StanceBalance';
import type { ArticleRow } from '@/utils/messages/history';

afterEach(cleanup);

const row: ArticleRow = {
  key: 'https://news.example/a',
  url: 'javascript:alert(1)',
  title: '<img src=x onerror=alert(1)>',
  site: 'Example',
  firstReadAt: 0,
  lastReadAt: Date.UTC(2026, 2, 1),
  readCount: 3,
  publishedTime: '2026-02-27T08:00:00Z',
  subtopics: ['trade-finance'],
  experts: [{ id: 'v', name: 'Vera', label: 'durable', corrected: true }],
};

describe('popup parts', () => {
  it('a history row never links anything but the web and renders page text as text', () => {
    const onDelete = vi.fn();
    const onOpenExpert = vi.fn();
    render(
      <ul>
        <HistoryRow row={row} onDelete={onDelete} onOpenExpert={onOpenExpert} />
      </ul>,
    );
    expect(document.querySelector('a')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText(/3 times/)).toBeTruthy();
    // The publication date, when the page states it, beside the date read; subtopics in words.
    const meta = document.querySelector('.tl-row-meta')!.textContent!;
    expect(meta).toMatch(/published .*2026.* · read .*2026/);
    expect(screen.getByText('trade and finance')).toBeTruthy();
    expect(screen.queryByTestId('claimed-site')).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: /Vera\s*, stance: durable\s*\*?\s*\(your correction\)/ }),
    );
    expect(onOpenExpert).toHaveBeenCalledWith('v');
    fireEvent.click(screen.getByTestId('delete-article'));
    expect(onDelete).toHaveBeenCalledWith(row);
  });

  it('shows the real host first, and a name the page gave itself only as its claim', () => {
    render(
      <ul>
        <HistoryRow
          row={{ ...row, site: '127.0.0.1', claimedSite: 'Reuters' }}
          onDelete={vi.fn()}
          onOpenExpert={vi.fn()}
        />
      </ul>,
    );
    const meta = document.querySelector('.tl-row-meta')!.textContent!;
    expect(meta.startsWith('127.0.0.1 (the page calls itself “Reuters”)')).toBe(true);
  });

  it('charts describe themselves in words', () => {
    const weeks = [
      { start: Date.UTC(2026, 1, 23), articles: 2, voices: { durable: 1, fragile: 2, neutral: 0 } },
      { start: Date.UTC(2026, 2, 2), articles: 0, voices: { durable: 0, fragile: 0, neutral: 0 } },
    ];
    render(<WeeklyCharts weeks={weeks} />);
    expect(screen.getByRole('img', { name: /2 articles in 2 weeks/ })).toBeTruthy();
    // Zero baseline and a week label under it; the stance bars have a legend.
    expect(document.querySelectorAll('.tl-baseline').length).toBe(2);
    expect([...document.querySelectorAll('text')].map((t) => t.textContent)).toContain('0');
    expect(document.querySelector('.tl-legend')?.textContent).toMatch(/durable.*neutral.*fragile/);
    expect(screen.getByRole('table')).toBeTruthy();
    cleanup();
    render(<StanceBalance counts={{ durable: 2, fragile: 1, neutral: 0 }} />);
    expect(screen.getByRole('img', { name: '2 durable, 0 neutral, 1 fragile' })).toBeTruthy();
    cleanup();
    render(
      <LabelTimeline
        points={[
          { at: Date.UTC(2026, 0, 5, 12), label: 'fragile', key: 'k' },
          { at: Date.UTC(2026, 2, 9, 12), label: 'durable', key: 'l' },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: /Labels over time: .*fragile/ })).toBeTruthy();
    // The axis carries the dates of the first and the last article.
    const dates = [...document.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(dates.filter((d) => /2026/.test(d))).toHaveLength(2);
  });

  it('labels every third week, counted back from the newest', () => {
    expect(labelledWeeks(12)).toEqual([2, 5, 8, 11]);
    expect(labelledWeeks(1)).toEqual([0]);
    expect(labelledWeeks(0)).toEqual([]);
  });
});
