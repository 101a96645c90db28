/**
 * Every slice of main-thread work the content script does is wrapped in a User Timing measure named
 * `triangle-lens:<step>`, so benchmarks can add up exactly what the extension costs the page.
 */
export const PERF_PREFIX = 'triangle-lens:';

export function timed<T>(step: string, fn: () => T): T {
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
  try {
    performance.mark(PERF_PREFIX + name);
  } catch {
    // optional
  }
}
