/**
 * When the gate looks at a page, and how it reaches a background that is still starting. Pure: the
 * clock and timers are injected (the gate passes the real ones), so the rules are unit-tested
 * without waiting.
 */

export interface Timers {
  now: () => number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  later: (fn: () => void, ms: number) => () => void;
}

export interface NavigationDebounceOptions extends Timers {
  /** Quiet time after the last in-page navigation before looking (the new article renders). */
  settleMs: number;
  /** A page that keeps navigating is still looked at after this long… */
  maxWaitMs: number;
  /** …but never sooner than this after the previous look began… */
  minGapMs: number;
  /**
   * …a gap that doubles while the page keeps navigating (each look soon after the previous one),
   * up to this, and falls back to `minGapMs` once the page has been quiet for twice the gap.
   */
  maxGapMs?: number;
  /** The look; the next one never starts before this one has finished. */
  look: () => Promise<void>;
}

/**
 * Debounces single-page-site navigations: one look once the URL has settled, at most one look in
 * flight, and at most one look per `minGapMs` however fast the page changes its URL (a page doing
 * `history.pushState` every 900 ms gets a look after `minGapMs`, then ever more rarely, up to one per
 * `maxGapMs`, each for its latest URL).
 */
export function createNavigationDebounce(opts: NavigationDebounceOptions) {
  let lastNav = 0;
  let firstPending: number | null = null;
  let lastLook = -Infinity;
  let inFlight = false;
  let cancel: (() => void) | null = null;
  let gap = opts.minGapMs;
  const maxGap = Math.max(opts.minGapMs, opts.maxGapMs ?? opts.minGapMs);

  function arm(): void {
    if (inFlight || firstPending === null) return;
    cancel?.();
    const due = Math.max(Math.min(lastNav + opts.settleMs, firstPending + opts.maxWaitMs), lastLook + gap);
    cancel = opts.later(fire, Math.max(0, due - opts.now()));
  }

  function fire(): void {
    cancel = null;
    if (firstPending === null || inFlight) return;
    firstPending = null;
    run();
  }

  function run(): void {
    const now = opts.now();
    gap = now - lastLook < gap * 2 ? Math.min(gap * 2, maxGap) : opts.minGapMs;
    lastLook = now;
    inFlight = true;
    opts
      .look()
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        arm();
      });
  }

  return {
    /** The first look, at once (the page has just loaded). */
    lookNow(): void {
      if (inFlight) {
        firstPending ??= opts.now();
        return;
      }
      cancel?.();
      cancel = null;
      firstPending = null;
      run();
    },
    /** An in-page navigation happened. */
    navigated(): void {
      lastNav = opts.now();
      firstPending ??= lastNav;
      arm();
    },
  };
}

/**
 * Errors that mean "the background is not listening yet" (starting, restarting, being updated), or
 * that its queue is full for now ("busy: …", e.g. many tabs restored at once): worth another try.
 */
const NOT_READY =
  /receiving end does not exist|could not establish connection|message port closed|^no response$|^busy:/i;

export function isBackgroundNotReady(err: unknown): boolean {
  return err instanceof Error && NOT_READY.test(err.message);
}

/** Waits between tries: about 30 s in all, then the page is given up (the background's own sweep remains). */
export const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000, 8000, 15000];

/**
 * Sends through `send`, trying again with backoff while the background is not ready yet. Other
 * errors, and `stop()` turning true (the page moved on), end it at once.
 */
export async function sendWhenReady<T>(
  send: () => Promise<T>,
  wait: (ms: number) => Promise<void>,
  stop: () => boolean = () => false,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= delays.length || !isBackgroundNotReady(err) || stop()) throw err;
      await wait(delays[attempt]);
      if (stop()) throw err;
    }
  }
}
