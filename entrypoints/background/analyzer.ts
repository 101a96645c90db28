/**
 * Where the pipeline runs. The page's main thread only serialises its DOM; parsing, Readability and
 * the expert pass run here instead:
 * - Firefox: the background is an event page with a DOM, so DOMParser is at hand.
 * - Chrome: the service worker has no DOM, so an offscreen document (reason DOM_PARSER) does the work.
 */
import type { Analysis } from '@/utils/types';
import type { AnalyzeRequest } from '@/utils/messages/page';
import { sendMessage } from '@/utils/messaging';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function hasOffscreen(url: string): Promise<boolean> {
  const existing = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  return existing.length > 0;
}

async function ensureOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  if (await hasOffscreen(url)) return;
  creating ??= browser.offscreen
    .createDocument({
      url,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Parse a copy of the article with Readability away from the page',
    })
    .catch(async (err: unknown) => {
      // A worker stopped while it was creating the document (the browser stops idle workers) leaves
      // that creation running; this instance's own attempt is then refused ("Only a single offscreen
      // document may be created"). Wait for the other one to appear instead of failing the page.
      for (let i = 0; i < 20; i++) {
        if (await hasOffscreen(url)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/**
 * Failures of a moment while the offscreen document comes up: it is listed before its script has run
 * (nothing listens yet), or its creation was cut short (a worker stopped while creating it).
 */
const NOT_UP_YET = /receiving end does not exist|could not establish connection|closed before fully loading/i;
const OFFSCREEN_RETRY_MS = [100, 300, 1000];

export async function analyzeOffMainThread(req: AnalyzeRequest): Promise<Analysis> {
  if (import.meta.env.FIREFOX) {
    const { analyzeInThisDocument } = await import('@/utils/analyze-dom');
    return analyzeInThisDocument(req);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureOffscreen();
      return await sendMessage('analyzeInOffscreen', req);
    } catch (err) {
      const transient = err instanceof Error && NOT_UP_YET.test(err.message);
      if (!transient || attempt >= OFFSCREEN_RETRY_MS.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, OFFSCREEN_RETRY_MS[attempt]));
    }
  }
}

/** A tiny page through the whole pipeline, so patterns compile and code warms before a real page. */
const WARM_UP = {
  url: 'https://warm-up.invalid/',
  html:
    '<html><head><title>Warm-up</title></head><body><article><p>Moscow and Beijing deepened their partnership as sanctions on Russia grew, an analyst said.</p>' +
    '<p>“The ties between Russia and China are strong,” said Jane Doe, a senior fellow at an institute. China buys Russian oil and gas.</p></article></body></html>',
};

export async function warmUpAnalyzer(): Promise<void> {
  await analyzeOffMainThread(WARM_UP);
}
