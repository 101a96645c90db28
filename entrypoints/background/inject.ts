/** Injects a later content-script stage into the frame that asked for it (and nowhere else). */
import type { Browser } from 'wxt/browser';

const FILES = {
  lens: '/content-scripts/lens.js',
  card: '/content-scripts/card.js',
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
