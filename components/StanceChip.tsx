import type { StanceLabel } from '@/utils/types';

export const STANCE_TEXT: Record<StanceLabel, string> = {
  durable: 'Durable',
  fragile: 'Fragile',
  neutral: 'Neutral / unclear',
};

export function StanceChip({ label }: { label: StanceLabel }) {
  return <span class={`tl-chip tl-chip-${label}`}>{STANCE_TEXT[label]}</span>;
}
