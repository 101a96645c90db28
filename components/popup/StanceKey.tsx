import { STANCE_NAMES, STANCE_ORDER } from './format';

/**
 * The fills the charts use for each stance, defined once per page: durable plain blue, neutral grey
 * with dots, fragile orange with stripes, so the three stay apart without colour vision and in print.
 */
export function StancePatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" class="tl-patterns">
      <defs>
        <pattern
          id="tl-pattern-fragile"
          width="5"
          height="5"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="5" height="5" class="tl-pattern-fragile-bg" />
          <line x1="0" y1="0" x2="0" y2="5" class="tl-pattern-line" />
        </pattern>
        <pattern id="tl-pattern-neutral" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" class="tl-pattern-neutral-bg" />
          <circle cx="2" cy="2" r="0.9" class="tl-pattern-dot" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A legend for the stance colours and patterns (shown beside every stance bar or chart). */
export function StanceLegend() {
  return (
    <p class="tl-legend" aria-hidden="true">
      {STANCE_ORDER.map((l) => (
        <span key={l}>
          <svg width="12" height="12" viewBox="0 0 12 12">
            <rect width="12" height="12" class={`tl-fill-${l}`} />
          </svg>{' '}
          {STANCE_NAMES[l]}
        </span>
      ))}
    </p>
  );
}
