import type { StanceCounts } from '@/utils/messages/history';
import { STANCE_ORDER } from './format';

/** A thin stacked bar of durable / neutral / fragile counts, with the numbers in its accessible name. */
export function StanceBalance({ counts, width = 120 }: { counts: StanceCounts; width?: number }) {
  const total = counts.durable + counts.fragile + counts.neutral;
  const text = `${counts.durable} durable, ${counts.neutral} neutral, ${counts.fragile} fragile`;
  let x = 0;
  return (
    <svg class="tl-balance" width={width} height={8} viewBox={`0 0 ${width} 8`} role="img" aria-label={text}>
      <title>{text}</title>
      {total === 0 ? (
        <rect x={0} y={0} width={width} height={8} class="tl-fill-empty" />
      ) : (
        STANCE_ORDER.map((label) => {
          const w = (counts[label] / total) * width;
          const rect = <rect key={label} x={x} y={0} width={w} height={8} class={`tl-fill-${label}`} />;
          x += w;
          return rect;
        })
      )}
    </svg>
  );
}
