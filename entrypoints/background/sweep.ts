/**
 * Runs the gate in the web pages already open when this background starts for the first time in a
 * browser session: after install or update (Chrome runs no content script in tabs opened before),
 * at browser start (restored tabs may load before the extension is up), and on the first start of
 * this background instance. The gate guards itself, so a tab where it already runs does no work
 * twice; a tab with an orphaned gate from a previous instance of the extension gets a live one.
 */
const GATE = '/gate.js';
const SWEPT_KEY = 'gateSwept';

export async function sweepOpenTabs(): Promise<number> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  const targets = tabs.filter((t) => t.id !== undefined && !t.discarded);
  await Promise.all(
    targets.map((t) =>
      browser.scripting
        .executeScript({ target: { tabId: t.id!, frameIds: [0] }, files: [GATE] })
        .catch((err: unknown) => console.debug(`[Triangle Lens] gate not run in tab ${t.id}:`, err)),
    ),
  );
  return targets.length;
}

/** Sweeps once per browser session and extension instance (session storage is cleared by both). */
export async function sweepOnce(): Promise<void> {
  try {
    const got = await browser.storage.session.get(SWEPT_KEY);
    if (got[SWEPT_KEY]) return;
    await browser.storage.session.set({ [SWEPT_KEY]: Date.now() });
  } catch (err) {
    console.warn('[Triangle Lens] session storage unavailable; sweeping open tabs anyway:', err);
  }
  await sweepOpenTabs();
}
