/** Small display helpers for the popup (pure). */
import type { StanceLabel } from '@/utils/types';

export const STANCE_NAMES: Record<StanceLabel, string> = {
  durable: 'durable',
  fragile: 'fragile',
  neutral: 'neutral',
};

export const STANCE_ORDER: StanceLabel[] = ['durable', 'neutral', 'fragile'];

// One formatter each, made on first use (toLocaleDateString with options builds one on every call).
let dateFormat: Intl.DateTimeFormat | null = null;
let dayFormat: Intl.DateTimeFormat | null = null;

export function formatDate(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return dateFormat.format(new Date(ms));
}

export function formatDay(ms: number): string {
  dayFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return dayFormat.format(new Date(ms));
}

/** Only web links are ever rendered as links (an imported file could carry anything else). */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** "2026-03-01" (date input) → ms at the start (or end) of that local day. */
export function dayToMs(day: string, end = false): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const t = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isFinite(t.getTime()) ? t.getTime() : undefined;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A stated publication time (ISO 8601) as ms, or null when absent or unreadable. */
export function publishedMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}
