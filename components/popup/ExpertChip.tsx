import type { StanceLabel } from '@/utils/types';
import { STANCE_NAMES } from './format';

interface Props {
  name: string;
  label: StanceLabel;
  corrected?: boolean;
  /** When given, the chip is a button (opens the expert). */
  onOpen?: () => void;
  testId?: string;
}

/** An expert's name with their stance, coloured and spelled out (colour is never the only cue). */
export function ExpertChip({ name, label, corrected, onOpen, testId }: Props) {
  const body = (
    <>
      <span class="tl-chip-name">{name}</span>
      <span class="tl-chip-label">
        {STANCE_NAMES[label]}
        {corrected ? '*' : ''}
      </span>
    </>
  );
  const title = `${name}: ${STANCE_NAMES[label]}${corrected ? ' (your correction)' : ''}`;
  return onOpen ? (
    <button
      type="button"
      class={`tl-chip tl-chip-${label}`}
      title={title}
      aria-label={title}
      onClick={onOpen}
      data-testid={testId}
    >
      {body}
    </button>
  ) : (
    <span class={`tl-chip tl-chip-${label}`} title={title} data-testid={testId}>
      {body}
    </span>
  );
}
