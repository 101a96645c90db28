import type { ExpertDetail } from '@/utils/messages/history';
import { STANCE_NAMES, STANCE_ORDER, formatDate } from './format';

const W = 300;
const ROW = 14;

/** The points whose date is written under the axis: the first and the last (one when they share a day). */
function datesToLabel(points: ExpertDetail['timeline']): ExpertDetail['timeline'] {
  const first = points[0];
  const last = points[points.length - 1];
  return formatDate(first.at) === formatDate(last.at) ? [last] : [first, last];
}

/** An expert's stance labels over time: one dot per article, one row per label. */
export function LabelTimeline({ points }: { points: ExpertDetail['timeline'] }) {
  if (points.length === 0) return null;
  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  const span = Math.max(1, t1 - t0);
  const x = (t: number) =>
    points.length === 1 || t1 === t0 ? (W + 60) / 2 : 60 + ((t - t0) / span) * (W - 70);
  const desc = points.map((p) => `${formatDate(p.at)}: ${STANCE_NAMES[p.label]}`).join('; ');
  return (
    <svg
      class="tl-timeline"
      viewBox={`0 0 ${W} ${ROW * 3 + 16}`}
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
      <line x1={56} x2={W} y1={ROW * 3 + 1.5} y2={ROW * 3 + 1.5} class="tl-baseline" />
      {datesToLabel(points).map((p, i, all) => (
        <text
          key={`d-${p.key}`}
          x={x(p.at)}
          y={ROW * 3 + 13}
          class="tl-axis"
          text-anchor={
            all.length > 1 && i === all.length - 1 ? 'end' : all.length > 1 && i === 0 ? 'start' : 'middle'
          }
        >
          {formatDate(p.at)}
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
