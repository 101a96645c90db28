// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createScriptLife } from './script-life';

describe('createScriptLife', () => {
  it('runs handlers while alive and never after the end', () => {
    const life = createScriptLife(() => true);
    const seen = vi.fn();
    const ended = vi.fn();
    life.on(document, 'click', seen);
    life.onEnd(ended);
    document.dispatchEvent(new Event('click'));
    life.end();
    document.dispatchEvent(new Event('click'));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(life.isValid).toBe(false);
  });

  it('ends by itself once the extension is gone, and posts nothing to the page', () => {
    let alive = true;
    const posted = vi.spyOn(window, 'postMessage');
    const life = createScriptLife(() => alive);
    const seen = vi.fn();
    const ended = vi.fn();
    life.on(document, 'click', seen);
    life.onEnd(ended);
    alive = false;
    document.dispatchEvent(new Event('click'));
    expect(seen).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(posted).not.toHaveBeenCalled();
  });

  it('clears its timers when it ends', async () => {
    const life = createScriptLife(() => true);
    const fired = vi.fn();
    life.setTimeout(fired, 5);
    life.end();
    await new Promise((done) => setTimeout(done, 20));
    expect(fired).not.toHaveBeenCalled();
  });
});
