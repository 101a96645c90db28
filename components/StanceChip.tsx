import type { StanceLabel } from '@/utils/types';

export const STANCE_TEXT: Record<StanceLabel, string> = {
  durable: 'Durable',
  fragile: 'Fragile',
  neutral: 'Neutral',
};

/** What each label says, in one line (the axis: does the China–Russia alignment hold?). */
export const STANCE_MEANING: Record<StanceLabel, string> = {
  durable: 'sees the China–Russia alignment as lasting.',
  fragile: 'sees the China–Russia alignment as likely to weaken or split.',
  neutral: 'takes no clear side on whether the China–Russia alignment lasts.',
};

export function StanceChip({ label }: { label: StanceLabel }) {
  return <span class={`tl-chip tl-chip-${label}`}>{STANCE_TEXT[label]}</span>;
}
