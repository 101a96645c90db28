import * as v from 'valibot';
import { onMessage } from '@/utils/messaging';
import { AnalyzeRequestSchema, PageReportSchema } from '@/utils/messages/page';
import { registerHistoryHandlers } from './history-handlers';
import { analyzeOffMainThread } from './analyzer';
import { createTabStates } from './tab-state';

export default defineBackground(() => {
  registerHistoryHandlers();
  const tabs = createTabStates();

  // content → background: the full pipeline, away from the page's main thread.
  onMessage('analyzePage', async ({ data, sender }) => {
    const req = v.parse(AnalyzeRequestSchema, data);
    const analysis = await analyzeOffMainThread(req);
    const tabId = sender.tab?.id;
    if (tabId !== undefined) {
      await tabs.set(tabId, {
        url: req.url,
        title: analysis.article?.title ?? sender.tab?.title ?? '',
        related: analysis.topic.related,
        analysis: analysis.topic.related ? analysis : null,
        counted: false,
      });
    }
    return analysis;
  });

  // content → background: what the tab shows now (badge; counted as read).
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
