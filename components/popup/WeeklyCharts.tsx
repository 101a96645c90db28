import type { WeekStats } from '@/utils/messages/history';
import { StanceLegend } from './StanceKey';
import { STANCE_NAMES, STANCE_ORDER, formatDay } from './format';

const W = 320;
const H = 96;
const PAD = 18;
/** The bars stand on this line (the zero baseline); week labels go below it. */
const BASE = H - 14;

/** Indices of the weeks that get a label under the axis: every third week from the newest back. */
export function labelledWeeks(count: number, every = 3): number[] {
  const out: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) out.unshift(i);
  return out;
}

function WeekLabels({ weeks, bw }: { weeks: WeekStats[]; bw: number }) {
  return (
    <>
      {labelledWeeks(weeks.length).map((i) => (
        <text
          key={i}
          x={i === weeks.length - 1 ? PAD + (i + 1) * bw : PAD + i * bw + bw / 2}
          y={H - 2}
          class="tl-axis"
          text-anchor={i === weeks.length - 1 ? 'end' : 'middle'}
        >
          {formatDay(weeks[i].start)}
        </text>
      ))}
    </>
  );
}

/** Articles read per week, and the balance of voices per week, as two light inline SVG charts. */
export function WeeklyCharts({ weeks }: { weeks: WeekStats[] }) {
  if (weeks.length === 0) return null;
  const bw = (W - PAD) / weeks.length;
  const maxArticles = Math.max(1, ...weeks.map((w) => w.articles));
  const first = formatDay(weeks[0].start);
  const last = formatDay(weeks[weeks.length - 1].start);
  const total = weeks.reduce((n, w) => n + w.articles, 0);
  return (
    <div class="tl-charts">
      <figure>
        <figcaption>Articles read per week</figcaption>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label={`${total} articles in ${weeks.length} weeks, from the week of ${first} to the week of ${last}`}
        >
          <text x={0} y={10} class="tl-axis">
            {maxArticles}
          </text>
          <text x={0} y={BASE} class="tl-axis">
            0
          </text>
          {weeks.map((w, i) => {
            const h = (w.articles / maxArticles) * (BASE - 8);
            return (
              <rect
                key={w.start}
                x={PAD + i * bw + 1}
                y={BASE - h}
                width={Math.max(1, bw - 2)}
                height={h}
                class="tl-fill-bar"
              >
                <title>{`Week of ${formatDay(w.start)}: ${w.articles} article${w.articles === 1 ? '' : 's'}`}</title>
              </rect>
            );
          })}
          <line x1={PAD} x2={W} y1={BASE + 0.5} y2={BASE + 0.5} class="tl-baseline" />
          <WeekLabels weeks={weeks} bw={bw} />
        </svg>
      </figure>
      <figure>
        <figcaption>Balance of voices per week</figcaption>
        <StanceLegend />
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label="Share of expert stances per week; the table below has the numbers"
        >
          {weeks.map((w, i) => {
            const n = w.voices.durable + w.voices.neutral + w.voices.fragile;
            let y = BASE;
            return (
              <g key={w.start}>
                {n === 0 ? (
                  <rect
                    x={PAD + i * bw + 1}
                    y={BASE - 2}
                    width={Math.max(1, bw - 2)}
                    height={2}
                    class="tl-fill-empty"
                  />
                ) : (
                  STANCE_ORDER.map((label) => {
                    const h = (w.voices[label] / n) * (BASE - 8);
                    y -= h;
                    return (
                      <rect
                        key={label}
                        x={PAD + i * bw + 1}
                        y={y}
                        width={Math.max(1, bw - 2)}
                        height={h}
                        class={`tl-fill-${label}`}
                      />
                    );
                  })
                )}
                <title>{`Week of ${formatDay(w.start)}: ${w.voices.durable} durable, ${w.voices.neutral} neutral, ${w.voices.fragile} fragile`}</title>
              </g>
            );
          })}
          <text x={0} y={10} class="tl-axis">
            100%
          </text>
          <line x1={PAD} x2={W} y1={BASE + 0.5} y2={BASE + 0.5} class="tl-baseline" />
          <WeekLabels weeks={weeks} bw={bw} />
        </svg>
      </figure>
      <details>
        <summary>Numbers</summary>
        <table class="tl-table">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Articles</th>
              {STANCE_ORDER.map((l) => (
                <th key={l} scope="col">
                  {STANCE_NAMES[l]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.start}>
                <th scope="row">{formatDay(w.start)}</th>
                <td>{w.articles}</td>
                {STANCE_ORDER.map((l) => (
                  <td key={l}>{w.voices[l]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
