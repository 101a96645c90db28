/**
 * In the benchmark build only (`wxt build --mode perf`, which `npm run bench` makes), every slice of
 * main-thread work the content scripts do is wrapped in a User Timing measure named
 * `triangle-lens:<step>`, so the bench can add up exactly what the extension costs the page.
 *
 * The build people install records nothing: a page shares its performance timeline with content
 * scripts, so such entries would tell every site that the reader runs Triangle Lens and what it made
 * of the page. `import.meta.env.MODE` is replaced at build time, so this code is dropped there.
 */
export const PERF_PREFIX = 'triangle-lens:';

const ENABLED = import.meta.env.MODE === 'perf';

export function timed<T>(step: string, fn: () => T): T {
  if (!ENABLED) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.measure(PERF_PREFIX + step, { start, end: performance.now() });
    } catch {
      // User Timing unavailable (very old engines): measuring is optional.
    }
  }
}

export function mark(name: string): void {
  if (!ENABLED) return;
  try {
    performance.mark(PERF_PREFIX + name);
  } catch {
    // optional
  }
}
