/**
 * Vitest global setup: says once, at the start of the run, whether the tests that read ../shared run
 * or are skipped, so a fresh clone's skips are never mistaken for passes.
 */
import { hasShared } from './paths';

export default function sharedNotice(): void {
  console.log(
    hasShared
      ? '../shared found beside the checkout: the original seed article and the full page corpus are tested too.'
      : '../shared is not beside the checkout: the suites that read it are SKIPPED (their titles say so); ' +
          'the in-repo seed article and the vendored pages are tested.',
  );
}
