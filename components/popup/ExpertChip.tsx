import type { StanceLabel } from '@/utils/types';
import { STANCE_NAMES } from './format';

interface Props {
  name: string;
  label: StanceLabel;
  corrected?: boolean;
  /** Role and organisation, read out and shown on hover (not drawn, to keep the chip short). */
  detail?: string;
  /** When given, the chip is a button (opens the expert). */
  onOpen?: () => void;
  testId?: string;
}

/** An expert's name with their stance, coloured and spelled out (colour is never the only cue). */
export function ExpertChip({ name, label, corrected, detail, onOpen, testId }: Props) {
  const body = (
    <>
      {name && <span class="tl-chip-name">{name}</span>}
      {detail && <span class="tl-visually-hidden">, {detail}</span>}
      <span class="tl-visually-hidden">{name ? ', stance: ' : 'Stance: '}</span>
      <span class="tl-chip-label">{STANCE_NAMES[label]}</span>
      {corrected && (
        <>
          <span aria-hidden="true">*</span>
          <span class="tl-visually-hidden"> (your correction)</span>
        </>
      )}
    </>
  );
  const title = `${name ? `${name}${detail ? `, ${detail}` : ''}: ` : ''}${STANCE_NAMES[label]}${corrected ? ' (your correction)' : ''}`;
  return onOpen ? (
    <button
      type="button"
      class={`tl-chip tl-chip-${label}`}
      title={title}
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
