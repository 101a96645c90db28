/**
 * Wires the pipeline into a page: a cheap look on the main thread, the heavy analysis elsewhere,
 * then marks, cards and read tracking. Every step lives in utils/; this file only connects them.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { quickLook } from '@/utils/gate';
import { planHighlights, findSentenceSegments } from '@/utils/highlight-plan';
import { findArticleRoot } from '@/utils/article-root';
import { applyMarks, marksDetached, type AppliedMarks } from '@/utils/marks';
import { MAX_HTML_CHARS } from '@/utils/messages/page';
import { sendMessage } from '@/utils/messaging';
import { loadSettings, type Settings } from '@/utils/settings';
import type { Expert, StanceLabel } from '@/utils/types';
import { createCardController, type CardController } from './card-ui';
import { trackReading } from './read-tracker';
import { mark, timed } from './perf';
import { toArticleInput } from './article-input';

/** How often the page may make us re-apply marks it removed, per minute. */
const MAX_REMARKS_PER_MINUTE = 12;

export async function runLens(ctx: ContentScriptContext, signal: AbortSignal): Promise<void> {
  const settings = await loadSettings();
  const host = location.hostname;
  if (settings.skipSites.includes(host) || settings.pausedSites.includes(host)) return mark('idle');

  const look = timed('gate', () => quickLook(document, location.href));
  if (!look.worth) return mark('idle');

  const html = timed('serialize', () => document.documentElement?.outerHTML ?? '');
  if (html.length > MAX_HTML_CHARS) return mark('idle');
  const analysis = await sendMessage('analyzePage', { html, url: location.href });
  if (signal.aborted || !ctx.isValid) return;
  if (!analysis.topic.related) {
    void sendMessage('reportPage', { url: location.href, title: document.title, related: false, expertCount: 0 });
    return mark('idle');
  }

  const visitId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const root = timed('find-root', () => findArticleRoot(document, analysis.article?.text));
  const experts = analysis.experts;
  let applied: AppliedMarks | null = null;
  let cards: CardController | null = null;

  const markAll = () => {
    applied?.remove();
    applied = timed('mark', () => {
      const plan = planHighlights(root, experts, analysis.article?.text ?? null);
      return applyMarks(document, plan, (id) => `${nameOf(experts, id)}: expert card`);
    });
  };
  if (settings.marksEnabled && experts.length > 0) {
    markAll();
    mark('marks-in-place');
    if (settings.cardsEnabled) {
      cards = await createCardController(ctx, {
        experts,
        delayMs: settings.cardDelayMs,
        loadSeen: (id) => loadSeen(id),
        loadCorrections: () => loadCorrections(),
        saveCorrection: (expertId, label) =>
          sendMessage('setStanceCorrection', { articleKey: location.href, expertId, label }).then(() => undefined),
        jumpTo: (sentence) => jumpTo(root, sentence),
      });
    }
    keepMarksAlive(ctx, root, () => applied, markAll);
  }

  const cleanup = () => {
    applied?.remove();
    applied = null;
    cards?.destroy();
    cards = null;
  };
  signal.addEventListener('abort', cleanup, { once: true });
  ctx.onInvalidated(cleanup);

  trackReading(ctx, {
    dwellMs: settings.dwellMs,
    scrollRatio: settings.scrollRatio,
    root,
    onRead: (timeSpentMs) => {
      if (signal.aborted) return;
      const page = { url: location.href, title: document.title, host: location.hostname, visitId };
      void sendMessage('saveArticle', toArticleInput(analysis, page, timeSpentMs))
        .then(() =>
          sendMessage('reportPage', {
            url: location.href,
            title: document.title,
            related: true,
            expertCount: experts.length,
            counted: true,
          }),
        )
        .catch(() => undefined);
    },
  });

  async function loadSeen(id: string) {
    const res = await sendMessage('expertsSeen', { ids: [id], excludeUrl: location.href });
    return res[id] ?? { count: 0, latest: null };
  }
  async function loadCorrections(): Promise<Record<string, StanceLabel>> {
    const stored = await sendMessage('getArticle', { key: location.href });
    const out: Record<string, StanceLabel> = {};
    for (const e of stored?.experts ?? []) if (e.correction) out[e.id] = e.correction.label;
    return out;
  }
  return undefined;
}

function nameOf(experts: Expert[], id: string): string {
  return experts.find((e) => e.id === id)?.name ?? id;
}

function jumpTo(root: Element, sentence: string): void {
  const segs = findSentenceSegments(root, sentence);
  if (!segs || segs.length === 0) return;
  const range = document.createRange();
  range.setStart(segs[0].node, segs[0].start);
  const last = segs[segs.length - 1];
  range.setEnd(last.node, last.end);
  segs[0].node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** Re-applies marks when the page's own re-render drops them, within a budget. */
function keepMarksAlive(
  ctx: ContentScriptContext,
  root: Element,
  current: () => AppliedMarks | null,
  markAll: () => void,
): void {
  let budget = MAX_REMARKS_PER_MINUTE;
  ctx.setInterval(() => (budget = MAX_REMARKS_PER_MINUTE), 60_000);
  let queued = false;
  const observer = new MutationObserver(() => {
    const a = current();
    if (queued || !a || !marksDetached(a) || budget <= 0) return;
    queued = true;
    ctx.setTimeout(() => {
      queued = false;
      const now = current();
      if (!now || !marksDetached(now) || budget <= 0 || !root.isConnected) return;
      budget--;
      observer.disconnect();
      markAll();
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }, 500);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
