import type { WeekStats } from '@/utils/messages/history';
import { STANCE_NAMES, STANCE_ORDER, formatDay } from './format';

const W = 320;
const H = 90;
const PAD = 18;

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
          {weeks.map((w, i) => {
            const h = (w.articles / maxArticles) * (H - 24);
            return (
              <rect
                key={w.start}
                x={PAD + i * bw + 1}
                y={H - 12 - h}
                width={Math.max(1, bw - 2)}
                height={h}
                class="tl-fill-bar"
              >
                <title>{`Week of ${formatDay(w.start)}: ${w.articles} article${w.articles === 1 ? '' : 's'}`}</title>
              </rect>
            );
          })}
          <text x={PAD} y={H - 1} class="tl-axis">
            {first}
          </text>
          <text x={W} y={H - 1} class="tl-axis" text-anchor="end">
            {last}
          </text>
        </svg>
      </figure>
      <figure>
        <figcaption>Balance of voices per week</figcaption>
        <p class="tl-legend" aria-hidden="true">
          {STANCE_ORDER.map((l) => (
            <span key={l}>
              <svg width="10" height="10" viewBox="0 0 10 10">
                <rect width="10" height="10" class={`tl-fill-${l}`} />
              </svg>{' '}
              {STANCE_NAMES[l]}
            </span>
          ))}
        </p>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label="Share of expert stances per week; the table below has the numbers"
        >
          {weeks.map((w, i) => {
            const n = w.voices.durable + w.voices.neutral + w.voices.fragile;
            let y = H - 12;
            return (
              <g key={w.start}>
                {n === 0 ? (
                  <rect
                    x={PAD + i * bw + 1}
                    y={H - 14}
                    width={Math.max(1, bw - 2)}
                    height={2}
                    class="tl-fill-empty"
                  />
                ) : (
                  STANCE_ORDER.map((label) => {
                    const h = (w.voices[label] / n) * (H - 24);
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
