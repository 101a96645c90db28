/**
 * Per-tab page state for the popup and the toolbar badge: only what the popup's "This page" view
 * shows (utils/page-summary.ts), a few kilobytes a tab. Kept in session storage so that a service
 * worker stopped by the browser mid-session loses nothing, and in memory beside it: when session
 * storage refuses a write (its quota is full), the error is logged and the in-memory copy still
 * serves the badge and the popup while this background lives.
 */
import type { CurrentPageInfo, PageReport } from '@/utils/messages/page';
import { isSiteOff, loadSettings } from '@/utils/settings';

type TabState = Omit<CurrentPageInfo, 'paused'>;

const key = (tabId: number) => `tab:${tabId}`;

export function createTabStates() {
  const memory = new Map<number, TabState>();

  async function get(tabId: number): Promise<TabState | null> {
    const kept = memory.get(tabId);
    if (kept) return kept;
    try {
      const got = await browser.storage.session.get(key(tabId));
      return (got[key(tabId)] as TabState | undefined) ?? null;
    } catch (err) {
      console.warn('[Triangle Lens] could not read tab state from session storage:', err);
      return null;
    }
  }

  async function set(tabId: number, state: TabState): Promise<void> {
    memory.set(tabId, state);
    try {
      await browser.storage.session.set({ [key(tabId)]: state });
    } catch (err) {
      // Never silent: the state lives on in memory (badge and popup keep working), but says so.
      console.warn(
        `[Triangle Lens] tab ${tabId}: session storage refused the page state, kept in memory:`,
        err,
      );
    }
    await badge(tabId, state.related ? (state.analysis?.experts.length ?? 0) : null);
  }

  async function remove(tabId: number): Promise<void> {
    memory.delete(tabId);
    try {
      await browser.storage.session.remove(key(tabId));
    } catch (err) {
      console.warn(`[Triangle Lens] tab ${tabId}: could not clear its page state:`, err);
    }
  }

  async function badge(tabId: number, experts: number | null): Promise<void> {
    try {
      await browser.action.setBadgeText({ tabId, text: experts === null ? '' : String(experts) });
      if (experts !== null) {
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#7c3aed' });
        await browser.action.setTitle({
          tabId,
          title: `Triangle Lens: on the topic, ${experts} expert${experts === 1 ? '' : 's'} quoted`,
        });
      } else {
        await browser.action.setTitle({ tabId, title: 'Triangle Lens' });
      }
    } catch {
      // The tab may be gone already.
    }
  }

  return {
    set,
    async report(tabId: number, report: PageReport): Promise<void> {
      const prior = await get(tabId);
      if (!report.related) {
        await remove(tabId);
        await badge(tabId, null);
        return;
      }
      if (!prior || prior.url !== report.url) return;
      await set(tabId, { ...prior, counted: prior.counted || Boolean(report.counted) });
    },
    async current(tabId: number): Promise<CurrentPageInfo | null> {
      const [state, tab, settings] = await Promise.all([get(tabId), browser.tabs.get(tabId), loadSettings()]);
      const url = tab.url ?? state?.url ?? '';
      let host = '';
      try {
        host = new URL(url).hostname;
      } catch {
        host = '';
      }
      const paused = Boolean(host) && isSiteOff(host, settings);
      if (!state || state.url !== url) {
        return { url, title: tab.title ?? '', related: false, analysis: null, counted: false, paused };
      }
      return { ...state, paused };
    },
    forget: remove,
  };
}
