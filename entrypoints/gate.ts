/**
 * Stage 1 of 3, on every page (declared in the manifest by wxt.config.ts): the cheap first look.
 * An unlisted script, not a WXT content script, so that every page pays only for the gate itself:
 * no context object, no start-up events posted into the page. For a candidate page the background
 * injects the lens stage while it analyses the page; the gate hands the lens the verdict.
 */
import { quickLook } from '@/utils/gate';
import { createNavigationDebounce, sendWhenReady } from '@/utils/gate-schedule';
import { lensBridge } from '@/utils/lens-bridge';
import { MAX_ELEMENTS, MAX_HTML_CHARS } from '@/utils/page-limits';
import { mark, timed } from '@/utils/perf';
import { serializePage } from '@/utils/serialize-page';
import { createPageSender } from '@/utils/page-sender';

const GUARD = '__triangleLensGate';
/** Single-page sites: wait for the new article to render before looking again… */
const NAVIGATION_SETTLE_MS = 800;
/** …but look at a page that never stops changing its URL after this long… */
const NAVIGATION_MAX_WAIT_MS = 3000;
/**
 * …and never more often than this; while the page keeps navigating the gap doubles up to the
 * maximum, so a pushState flood costs one serialisation per minute once it has gone on for a while.
 */
const MIN_GAP_BETWEEN_LOOKS_MS = 5000;
const MAX_GAP_BETWEEN_LOOKS_MS = 60_000;
const POLL_MS = 1000;
/** Serialising the page yields to it after this much work. */
const SERIALIZE_SLICE_MS = 8;

const sendMessage = createPageSender((message) => browser.runtime.sendMessage(message));

/** Left in the isolated world by a running gate, so that a second injection does no double work. */
interface GateGuard {
  /** False once the extension instance that started this gate is gone (updated, reloaded). */
  alive(): boolean;
  /** Looks again if the last look never reached the background. */
  kick(): void;
}

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<string, GateGuard | undefined>;
  const prior = g[GUARD];
  // Injected again (by the background's sweep of open tabs) where a live gate runs: let it finish.
  if (prior && typeof prior.alive === 'function' && prior.alive()) return prior.kick();

  let lastKey = '';
  let answered = false;
  const look = async () => {
    const key = pageKey(location.href);
    if (key === lastKey && answered) return; // once per distinct article
    lastKey = key;
    answered = false;
    try {
      answered = await lookAtPage(key);
    } catch (err) {
      // No error escapes into the page: a failure (or an extension reloaded under us) means no marks.
      console.debug('[Triangle Lens] skipped this page:', err);
    }
  };
  const schedule = createNavigationDebounce({
    now: () => Date.now(),
    later: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    settleMs: NAVIGATION_SETTLE_MS,
    maxWaitMs: NAVIGATION_MAX_WAIT_MS,
    minGapMs: MIN_GAP_BETWEEN_LOOKS_MS,
    maxGapMs: MAX_GAP_BETWEEN_LOOKS_MS,
    look,
  });
  const runtime = browser.runtime;
  g[GUARD] = {
    alive: () => {
      try {
        return Boolean(runtime?.id);
      } catch {
        return false;
      }
    },
    kick: () => {
      if (!answered) schedule.lookNow();
    },
  };
  schedule.lookNow();
  watchNavigation(() => schedule.navigated());
});

function pageKey(href: string): string {
  return href.split('#')[0];
}

/** Calls `onChange` after in-page navigation (the Navigation API where there is one, else a slow poll). */
function watchNavigation(onChange: () => void): void {
  const nav = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('navigatesuccess', onChange);
    return;
  }
  let last = pageKey(location.href);
  const timer = setInterval(() => {
    if (!browser.runtime?.id) return clearInterval(timer); // the extension went away
    const now = pageKey(location.href);
    if (now !== last) {
      last = now;
      onChange();
    }
  }, POLL_MS);
}

/** Looks at the page; true when the look is complete (the background answered, or nothing to ask). */
async function lookAtPage(key: string): Promise<boolean> {
  const idle = () => (mark('idle'), true);
  const look = timed('gate', () => quickLook(document, location.href));
  if (!look.worth) return idle();
  // A gigantic page is not serialised at all (that alone would be a long task on the page's thread).
  if (document.getElementsByTagName('*').length > MAX_ELEMENTS) return idle();
  // In slices of a few milliseconds (a page of megabytes in one call is a long task), scripts and
  // styles left out.
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const html = await serializePage(document, {
    sliceMs: SERIALIZE_SLICE_MS,
    now: () => performance.now(),
    pause,
    slice: (fn) => timed('serialize', fn),
    maxChars: MAX_HTML_CHARS,
  });
  if (html === null) return idle();
  // Sending copies the page text again on this thread: in a task of its own, so that serialising
  // and sending never add up to one long task.
  await pause();
  const movedOn = () => pageKey(location.href) !== key;
  if (movedOn()) return true; // navigated away meanwhile: the next look follows
  // The background may still be starting (browser start, install, a worker being restarted): wait
  // for it with backoff instead of dropping the page.
  const url = location.href;
  mark('asked');
  const analysis = await sendWhenReady(
    () => sendMessage('analyzePage', { html, url }),
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    movedOn,
  );
  mark('answered');
  if (movedOn()) return true;
  // Hand the verdict to the lens (injected by the background meanwhile); null means nothing to mark.
  const bridge = lensBridge();
  bridge.analysis = analysis?.topic.related ? analysis : null;
  bridge.url = location.href;
  bridge.refresh?.();
  if (!bridge.analysis) mark('idle');
  return true;
}
