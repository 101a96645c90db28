import { describe, expect, it } from 'vitest';
import { createNavigationDebounce, isBackgroundNotReady, sendWhenReady } from './gate-schedule';

function clock() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => now,
    later: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        now = next.at;
        next.live = false;
        next.fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = end;
    },
  };
}

describe('navigation debounce', () => {
  const setup = (lookTakes: 'instant' | 'manual' = 'instant') => {
    const c = clock();
    const looks: number[] = [];
    let finish: (() => void) | null = null;
    const d = createNavigationDebounce({
      ...c,
      settleMs: 800,
      maxWaitMs: 3000,
      minGapMs: 5000,
      maxGapMs: 40_000,
      look: () => {
        looks.push(c.now());
        if (lookTakes === 'instant') return Promise.resolve();
        return new Promise<void>((r) => (finish = r));
      },
    });
    return { c, d, looks, finish: () => finish?.() };
  };

  it('looks once after the URL settles', async () => {
    const { c, d, looks } = setup();
    await c.advance(10_000);
    d.navigated();
    await c.advance(300);
    d.navigated();
    await c.advance(5000);
    expect(looks).toEqual([10_300 + 800]);
  });

  it('a pushState every 900 ms gets ever rarer looks, not one per change', async () => {
    const { c, d, looks } = setup();
    d.lookNow();
    for (let i = 0; i < 200; i++) {
      await c.advance(900);
      d.navigated();
    }
    await c.advance(60_000);
    // 180 s of changes: looks 5, 10, 20, 40, 40, … s apart (at most one per 40 s), not 200.
    const gaps = looks.slice(1).map((t, i) => t - looks[i]);
    expect(gaps.slice(0, 4)).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(gaps.every((g) => g <= 40_000)).toBe(true);
    expect(looks.length).toBeLessThanOrEqual(10);
  });

  it('a page quiet for a while gets the short gap again', async () => {
    const { c, d, looks } = setup();
    d.lookNow();
    for (let i = 0; i < 20; i++) {
      await c.advance(900);
      d.navigated();
    }
    await c.advance(120_000);
    const before = looks.length;
    d.navigated();
    await c.advance(900);
    expect(looks.length).toBe(before + 1);
  });

  it('never starts a look while one is in flight, and looks again after it for the latest URL', async () => {
    const { c, d, looks, finish } = setup('manual');
    d.lookNow();
    await c.advance(1000);
    d.navigated();
    await c.advance(20_000);
    expect(looks).toEqual([0]);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    await c.advance(0);
    expect(looks).toEqual([0, 21_000]);
  });
});

describe('sendWhenReady', () => {
  const notReady = () => new Error('Could not establish connection. Receiving end does not exist.');

  it('tries again with backoff while the background is not ready', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await sendWhenReady(
      async () => {
        if (++calls < 4) throw notReady();
        return 'ok';
      },
      async (ms) => void waits.push(ms),
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([100, 250, 500]);
  });

  it('gives up after the last delay with the original error', async () => {
    let calls = 0;
    await expect(
      sendWhenReady(
        async () => {
          calls++;
          throw notReady();
        },
        async () => undefined,
        () => false,
        [1, 2],
      ),
    ).rejects.toThrow('Receiving end does not exist');
    expect(calls).toBe(3);
  });

  it('does not retry a real error, nor after the page moved on', async () => {
    let calls = 0;
    await expect(
      sendWhenReady(
        async () => {
          calls++;
          throw new Error('Invalid message: url');
        },
        async () => undefined,
      ),
    ).rejects.toThrow('Invalid message');
    expect(calls).toBe(1);
    let moved = false;
    await expect(
      sendWhenReady(
        async () => {
          calls++;
          throw notReady();
        },
        async () => void (moved = true),
        () => moved,
      ),
    ).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it('knows the browsers’ not-ready messages', () => {
    expect(isBackgroundNotReady(notReady())).toBe(true);
    expect(isBackgroundNotReady(new Error('The message port closed before a response was received.'))).toBe(
      true,
    );
    expect(isBackgroundNotReady(new Error('No response'))).toBe(true);
    expect(isBackgroundNotReady(new Error('busy: too many pages waiting for analysis'))).toBe(true);
    expect(isBackgroundNotReady(new Error('Extension context invalidated.'))).toBe(false);
  });
});
