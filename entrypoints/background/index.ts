import * as v from 'valibot';
import { onMessage } from '@/utils/messaging';
import { createAnalysisQueue } from '@/utils/analysis-queue';
import { AnalyzeRequestSchema, PageReportSchema, type AnalyzeRequest } from '@/utils/messages/page';
import { summarizeForPopup } from '@/utils/page-summary';
import { isSiteOff, loadSettings } from '@/utils/settings';
import { registerHistoryHandlers } from './history-handlers';
import { analyzeOffMainThread, warmUpAnalyzer } from './analyzer';
import { injectStage } from './inject';
import { sweepOnce } from './sweep';
import { createTabStates } from './tab-state';

export default defineBackground(() => {
  registerHistoryHandlers();
  const tabs = createTabStates();
  // One analysis at a time; a tab's newer request supersedes its older one; a tab's analyses per
  // minute are bounded (utils/analysis-queue.ts). A page flooding navigations slows only itself.
  const queue = createAnalysisQueue<AnalyzeRequest, Awaited<ReturnType<typeof analyzeOffMainThread>>>({
    run: analyzeOffMainThread,
    now: () => Date.now(),
    later: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
  });
  // Parsing and the pipeline's first (cold) run happen now, not while a reader waits for marks.
  void warmUpAnalyzer().catch(() => undefined);

  // Pages already open when the extension arrives or the browser starts get the gate too.
  // Once per browser session and extension instance: install, update, browser start and this
  // worker's first start all lead here, and the first of them does the work.
  let swept: Promise<void> | null = null;
  const sweep = () => void (swept ??= sweepOnce().catch(logSweepError));
  browser.runtime.onInstalled.addListener(sweep);
  browser.runtime.onStartup.addListener(sweep);
  sweep();

  // gate → background: the full pipeline, away from the page's main thread. The gate only asks on
  // pages that look like candidates, so the lens stage is injected at once, in parallel with the
  // analysis; it waits for the gate to hand it a verdict on the topic.
  onMessage('analyzePage', async ({ data, sender }) => {
    const req = v.parse(AnalyzeRequestSchema, data);
    const settings = await loadSettings();
    if (isSiteOff(hostOf(req.url), settings)) return null;
    const lens = injectStage(sender, 'lens').catch((err: unknown) =>
      console.debug('lens not injected:', err),
    );
    const tabId = sender.tab?.id;
    const frameId = sender.frameId ?? 0;
    const tab = tabId === undefined ? 'none' : String(tabId);
    const { result: analysis, dropped } = await queue.submit(`${tab}:${frameId}`, tab, req);
    // A full queue (many tabs at once, e.g. restored at start): the gate tries again with backoff.
    if (dropped === 'queue-full') throw new Error('busy: too many pages waiting for analysis');
    if (!analysis) {
      console.debug(`[Triangle Lens] analysis for tab ${tab} dropped: ${dropped}`);
      return null;
    }
    if (tabId !== undefined && frameId === 0) {
      void tabs.set(tabId, {
        url: req.url,
        title: analysis.article?.title ?? sender.tab?.title ?? '',
        related: analysis.topic.related,
        analysis: analysis.topic.related ? summarizeForPopup(analysis) : null,
        counted: false,
      });
    }
    await lens;
    return analysis;
  });

  // lens → background: a mark was hovered or focused; the card stage follows.
  onMessage('loadCardUi', ({ sender }) => injectStage(sender, 'card'));

  // lens → background: the article counted as read (the popup shows it, the badge stays).
  onMessage('reportPage', async ({ data, sender }) => {
    const report = v.parse(PageReportSchema, data);
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await tabs.report(tabId, report);
  });

  // popup → background: the active tab's state.
  onMessage('getCurrentPage', async ({ data }) => {
    const { tabId } = v.parse(v.object({ tabId: v.pipe(v.number(), v.integer()) }), data);
    return tabs.current(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    queue.cancelTab(String(tabId));
    void tabs.forget(tabId);
  });
});

function logSweepError(err: unknown): void {
  console.warn('[Triangle Lens] could not look at the open tabs:', err);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
