import type { ExpertDetail } from '@/utils/messages/history';
import { STANCE_NAMES, STANCE_ORDER, formatDate } from './format';

const W = 300;
const ROW = 14;

/** An expert's stance labels over time: one dot per article, one row per label. */
export function LabelTimeline({ points }: { points: ExpertDetail['timeline'] }) {
  if (points.length === 0) return null;
  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  const span = Math.max(1, t1 - t0);
  const x = (t: number) => (points.length === 1 ? W / 2 : 60 + ((t - t0) / span) * (W - 70));
  const desc = points.map((p) => `${formatDate(p.at)}: ${STANCE_NAMES[p.label]}`).join('; ');
  return (
    <svg
      class="tl-timeline"
      viewBox={`0 0 ${W} ${ROW * 3 + 4}`}
      width="100%"
      role="img"
      aria-label={`Labels over time: ${desc}`}
    >
      <title>Labels over time</title>
      {STANCE_ORDER.map((label, i) => (
        <text key={label} x={0} y={ROW * i + 12} class="tl-axis">
          {STANCE_NAMES[label]}
        </text>
      ))}
      {points.map((p) => (
        <circle
          key={p.key}
          cx={x(p.at)}
          cy={ROW * STANCE_ORDER.indexOf(p.label) + 8}
          r={4}
          class={`tl-fill-${p.label}`}
        >
          <title>{`${formatDate(p.at)}: ${STANCE_NAMES[p.label]}`}</title>
        </circle>
      ))}
    </svg>
  );
}
