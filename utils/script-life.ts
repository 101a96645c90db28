/**
 * The lifetime of an injected content-script stage, in place of WXT's ContentScriptContext.
 *
 * WXT's context tells the page about itself: it posts `{type: "<extension id>:…:content-script-started"}`
 * with `window.postMessage` and stops when the page posts that message back, so a page could learn the
 * extension's id and switch the lens off. This one talks to nobody: it is an AbortController in the
 * isolated world. It ends when the stage stops itself, or when the extension went away under the page
 * (reloaded, updated or removed), which it notices on its own timers and before every handler.
 */

export interface ScriptLife {
  readonly signal: AbortSignal;
  /** False once stopped, or once the extension that injected us is gone. */
  readonly isValid: boolean;
  /** Adds a listener that is removed when the life ends; the handler never runs after that. */
  on<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (e: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  on<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (e: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  setTimeout(fn: () => void, ms: number): number;
  setInterval(fn: () => void, ms: number): number;
  requestAnimationFrame(fn: () => void): void;
  onEnd(fn: () => void): void;
  end(): void;
}

/** How often an idle stage checks that its extension is still there. */
const ALIVE_CHECK_MS = 5_000;

/** `alive` answers whether the extension is still there (the entrypoint asks `browser.runtime.id`). */
export function createScriptLife(alive: () => boolean): ScriptLife {
  const abort = new AbortController();
  const { signal } = abort;
  const valid = () => {
    if (signal.aborted) return false;
    if (alive()) return true;
    abort.abort();
    return false;
  };
  const guard = (fn: () => void) => () => {
    if (valid()) fn();
  };
  const timers = new Set<number>();
  signal.addEventListener('abort', () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  });
  const watch = setInterval(() => valid(), ALIVE_CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(watch), { once: true });

  return {
    signal,
    get isValid() {
      return valid();
    },
    on(target: EventTarget, type: string, handler: (e: never) => void, options?: AddEventListenerOptions) {
      if (signal.aborted) return;
      target.addEventListener(
        type,
        (e) => {
          if (valid()) (handler as (e: Event) => void)(e);
        },
        { ...options, signal },
      );
    },
    setTimeout(fn, ms) {
      if (signal.aborted) return 0;
      const id = window.setTimeout(() => {
        timers.delete(id);
        guard(fn)();
      }, ms);
      timers.add(id);
      return id;
    },
    setInterval(fn, ms) {
      if (signal.aborted) return 0;
      const id = window.setInterval(guard(fn), ms);
      timers.add(id);
      signal.addEventListener('abort', () => clearInterval(id), { once: true });
      return id;
    },
    requestAnimationFrame(fn) {
      if (!signal.aborted) window.requestAnimationFrame(guard(fn));
    },
    onEnd(fn) {
      if (signal.aborted) fn();
      else signal.addEventListener('abort', fn, { once: true });
    },
    end() {
      abort.abort();
    },
  } as ScriptLife;
}
