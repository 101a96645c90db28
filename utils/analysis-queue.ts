/**
 * The background's analysis scheduler: one analysis runs at a time, and no page can flood it.
 * - A new request from the same slot (tab + frame) supersedes the old one: a queued request is
 *   dropped before it is parsed, a running one has its result dropped (both resolve to null).
 * - Each tab may start at most `perTabPerMinute` analyses in a sliding minute; a request over the
 *   budget waits in the queue (the latest one per slot survives) until the budget allows it.
 * - The queue holds at most `maxQueued` requests; beyond that the oldest queued request is dropped.
 * - The next request to run is the eligible one whose tab has started the fewest analyses lately,
 *   so a busy tab never makes a quiet tab wait behind its backlog.
 * Pure: the clock and the timer are injected, nothing here touches browser APIs.
 */

export interface QueueOptions<Req, Res> {
  run: (req: Req) => Promise<Res>;
  now: () => number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  later: (fn: () => void, ms: number) => () => void;
  maxQueued?: number;
  perTabPerMinute?: number;
}

export type Dropped = 'superseded' | 'queue-full' | 'cancelled';

export interface Outcome<Res> {
  /** The result, or null when the request was dropped. */
  result: Res | null;
  dropped: Dropped | null;
}

interface Entry<Req, Res> {
  slot: string;
  tab: string;
  req: Req;
  seq: number;
  done: (o: Outcome<Res>) => void;
  fail: (err: unknown) => void;
}

const MINUTE = 60_000;
export const DEFAULT_MAX_QUEUED = 16;
export const DEFAULT_PER_TAB_PER_MINUTE = 6;

export function createAnalysisQueue<Req, Res>(opts: QueueOptions<Req, Res>) {
  const maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED;
  const perTab = opts.perTabPerMinute ?? DEFAULT_PER_TAB_PER_MINUTE;
  const queued: Entry<Req, Res>[] = [];
  /** The latest request per slot: a running request whose slot has moved on is stale. */
  const latest = new Map<string, number>();
  /** Start times per tab within the last minute. */
  const starts = new Map<string, number[]>();
  let running = false;
  let seq = 0;
  let cancelWake: (() => void) | null = null;

  const recent = (tab: string): number[] => {
    const cutoff = opts.now() - MINUTE;
    const list = (starts.get(tab) ?? []).filter((t) => t > cutoff);
    if (list.length) starts.set(tab, list);
    else starts.delete(tab);
    return list;
  };
  /** When this tab may start again (now, or when its oldest start leaves the window). */
  const eligibleAt = (tab: string): number => {
    const list = recent(tab);
    return list.length < perTab ? opts.now() : list[0] + MINUTE;
  };

  function pump(): void {
    if (running || queued.length === 0) return;
    cancelWake?.();
    cancelWake = null;
    const now = opts.now();
    let best = -1;
    let bestLoad = Infinity;
    let wakeAt = Infinity;
    queued.forEach((e, i) => {
      const at = eligibleAt(e.tab);
      if (at > now) {
        wakeAt = Math.min(wakeAt, at);
        return;
      }
      const load = recent(e.tab).length;
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
      }
    });
    if (best < 0) {
      cancelWake = opts.later(
        () => {
          cancelWake = null;
          pump();
        },
        Math.max(0, wakeAt - now),
      );
      return;
    }
    const [entry] = queued.splice(best, 1);
    starts.set(entry.tab, [...recent(entry.tab), now]);
    running = true;
    opts
      .run(entry.req)
      .then(
        (result) =>
          latest.get(entry.slot) === entry.seq
            ? entry.done({ result, dropped: null })
            : entry.done({ result: null, dropped: 'superseded' }),
        (err: unknown) =>
          latest.get(entry.slot) === entry.seq
            ? entry.fail(err)
            : entry.done({ result: null, dropped: 'superseded' }),
      )
      .finally(() => {
        if (latest.get(entry.slot) === entry.seq) latest.delete(entry.slot);
        running = false;
        pump();
      });
  }

  return {
    /**
     * Queues an analysis for `slot` (a tab's frame) of `tab`. Resolves with the result, or with
     * `dropped` set when a newer request from the same slot, a full queue or `cancel` removed it.
     * Rejects when the analysis itself fails.
     */
    submit(slot: string, tab: string, req: Req): Promise<Outcome<Res>> {
      return new Promise<Outcome<Res>>((resolve, reject) => {
        const id = ++seq;
        latest.set(slot, id);
        for (let i = queued.length - 1; i >= 0; i--) {
          if (queued[i].slot !== slot) continue;
          queued.splice(i, 1)[0].done({ result: null, dropped: 'superseded' });
        }
        if (queued.length >= maxQueued) queued.shift()?.done({ result: null, dropped: 'queue-full' });
        queued.push({
          slot,
          tab,
          req,
          seq: id,
          done: resolve,
          fail: reject,
        });
        pump();
      });
    },
    /** Drops everything queued for a tab (closed, or navigated by a full load) and its budget. */
    cancelTab(tab: string): void {
      for (let i = queued.length - 1; i >= 0; i--) {
        if (queued[i].tab !== tab) continue;
        const [e] = queued.splice(i, 1);
        latest.delete(e.slot);
        e.done({ result: null, dropped: 'cancelled' });
      }
      for (const slot of [...latest.keys()]) if (slot.startsWith(tab + ':')) latest.delete(slot);
      starts.delete(tab);
      pump();
    },
    /** For tests and diagnostics. */
    get size(): number {
      return queued.length;
    },
    get busy(): boolean {
      return running;
    },
  };
}
