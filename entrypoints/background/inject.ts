/** Injects a later content-script stage into the frame that asked for it (and nowhere else). */
import type { Browser } from 'wxt/browser';

// Unlisted scripts (entrypoints/lens, entrypoints/card), not WXT content scripts: nothing of WXT's
// content-script context, which talks to the page, is in them.
const FILES = {
  lens: '/lens.js',
  card: '/card.js',
} as const;

export async function injectStage(
  sender: Browser.runtime.MessageSender,
  stage: keyof typeof FILES,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('only a page can ask for a content-script stage');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [FILES[stage]],
  });
}
