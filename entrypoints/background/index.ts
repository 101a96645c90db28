import * as v from 'valibot';
import { onMessage } from '@/utils/messaging';
import { AnalyzeRequestSchema, PageReportSchema } from '@/utils/messages/page';
import { isSiteOff, loadSettings } from '@/utils/settings';
import { registerHistoryHandlers } from './history-handlers';
import { analyzeOffMainThread, warmUpAnalyzer } from './analyzer';
import { injectStage } from './inject';
import { createTabStates } from './tab-state';

export default defineBackground(() => {
  registerHistoryHandlers();
  const tabs = createTabStates();
  // Parsing and the pipeline's first (cold) run happen now, not while a reader waits for marks.
  void warmUpAnalyzer().catch(() => undefined);

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
    const analysis = await analyzeOffMainThread(req);
    const tabId = sender.tab?.id;
    if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
      void tabs
        .set(tabId, {
          url: req.url,
          title: analysis.article?.title ?? sender.tab?.title ?? '',
          related: analysis.topic.related,
          analysis: analysis.topic.related ? analysis : null,
          counted: false,
        })
        .catch(() => undefined);
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

  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
