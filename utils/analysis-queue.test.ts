import { describe, expect, it } from 'vitest';
import { createAnalysisQueue } from './analysis-queue';

/** A hand-driven clock and runner: nothing here waits for real time. */
function harness(opts: { maxQueued?: number; perTabPerMinute?: number } = {}) {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const started: string[] = [];
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const queue = createAnalysisQueue<string, string>({
    ...opts,
    now: () => now,
    later: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    run: (req) => {
      started.push(req);
      return new Promise((resolve, reject) => pending.set(req, { resolve, reject }));
    },
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    queue,
    started,
    /** Finishes a running request and lets the queue move on. */
    async finish(req: string, result = `result of ${req}`) {
      pending.get(req)!.resolve(result);
      await flush();
    },
    async fail(req: string) {
      pending.get(req)!.reject(new Error('parse failed'));
      await flush();
    },
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.live && t.at <= now)) {
        t.live = false;
        t.fn();
      }
      await flush();
    },
  };
}

describe('analysis queue', () => {
  it('runs one analysis at a time and returns each result', async () => {
    const h = harness();
    const a = h.queue.submit('1:0', '1', 'a');
    const b = h.queue.submit('2:0', '2', 'b');
    expect(h.started).toEqual(['a']);
    await h.finish('a');
    expect(h.started).toEqual(['a', 'b']);
    await h.finish('b');
    expect(await a).toEqual({ result: 'result of a', dropped: null });
    expect(await b).toEqual({ result: 'result of b', dropped: null });
  });

  it('a newer request from the same tab and frame drops the queued one before it runs', async () => {
    const h = harness();
    void h.queue.submit('9:0', '9', 'busy');
    const old = h.queue.submit('1:0', '1', 'old');
    const fresh = h.queue.submit('1:0', '1', 'new');
    expect(await old).toEqual({ result: null, dropped: 'superseded' });
    await h.finish('busy');
    expect(h.started).toEqual(['busy', 'new']);
    await h.finish('new');
    expect((await fresh).result).toBe('result of new');
  });

  it('a newer request drops the result of the running one from the same slot', async () => {
    const h = harness();
    const old = h.queue.submit('1:0', '1', 'old');
    const fresh = h.queue.submit('1:0', '1', 'new');
    await h.finish('old');
    expect(await old).toEqual({ result: null, dropped: 'superseded' });
    await h.finish('new');
    expect((await fresh).result).toBe('result of new');
  });

  it('another frame of the same tab does not supersede the top frame', async () => {
    const h = harness();
    const top = h.queue.submit('1:0', '1', 'top');
    const frame = h.queue.submit('1:7', '1', 'frame');
    await h.finish('top');
    await h.finish('frame');
    expect((await top).result).toBe('result of top');
    expect((await frame).result).toBe('result of frame');
  });

  it('a busy tab does not make a quiet tab wait behind its backlog', async () => {
    const h = harness();
    void h.queue.submit('1:0', '1', 'flood-1');
    void h.queue.submit('1:5', '1', 'flood-frame');
    const quiet = h.queue.submit('2:0', '2', 'quiet');
    await h.finish('flood-1');
    expect(h.started).toEqual(['flood-1', 'quiet']);
    await h.finish('quiet');
    expect((await quiet).result).toBe('result of quiet');
  });

  it('bounds the analyses a tab starts per minute, and runs its latest request once allowed', async () => {
    const h = harness({ perTabPerMinute: 2 });
    for (const r of ['p1', 'p2']) {
      void h.queue.submit('1:0', '1', r);
      await h.finish(r);
    }
    const third = h.queue.submit('1:0', '1', 'p3');
    const fourth = h.queue.submit('1:0', '1', 'p4');
    expect(h.started).toEqual(['p1', 'p2']);
    expect(await third).toEqual({ result: null, dropped: 'superseded' });
    // Another tab is not held up by the first one's budget.
    void h.queue.submit('2:0', '2', 'other');
    expect(h.started).toEqual(['p1', 'p2', 'other']);
    await h.finish('other');
    await h.advance(60_000);
    expect(h.started).toEqual(['p1', 'p2', 'other', 'p4']);
    await h.finish('p4');
    expect((await fourth).result).toBe('result of p4');
  });

  it('caps the queue by dropping the oldest waiting request', async () => {
    const h = harness({ maxQueued: 2 });
    void h.queue.submit('0:0', '0', 'running');
    const a = h.queue.submit('1:0', '1', 'a');
    void h.queue.submit('2:0', '2', 'b');
    void h.queue.submit('3:0', '3', 'c');
    expect(await a).toEqual({ result: null, dropped: 'queue-full' });
    expect(h.queue.size).toBe(2);
  });

  it('cancelling a tab drops its queued requests and the result of its running one', async () => {
    const h = harness();
    const running = h.queue.submit('1:0', '1', 'running');
    const frame = h.queue.submit('1:3', '1', 'frame');
    h.queue.cancelTab('1');
    expect(await frame).toEqual({ result: null, dropped: 'cancelled' });
    await h.finish('running');
    expect((await running).dropped).toBe('superseded');
    expect(h.started).toEqual(['running']);
  });

  it('a failed analysis rejects its own request and the queue goes on', async () => {
    const h = harness();
    const bad = h.queue.submit('1:0', '1', 'bad');
    const next = h.queue.submit('2:0', '2', 'next');
    const failed = expect(bad).rejects.toThrow('parse failed');
    await h.fail('bad');
    await failed;
    await h.finish('next');
    expect((await next).result).toBe('result of next');
  });
});
