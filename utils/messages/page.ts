/**
 * Messages about the page being read: analysis requests from the content script and the current
 * page's state for the popup. Owned by the content script / background pair.
 */
import * as v from 'valibot';
import type { Analysis } from '../types';
import { MAX_HTML_CHARS } from '../page-limits';

export { MAX_HTML_CHARS };

export const AnalyzeRequestSchema = v.object({
  html: v.pipe(v.string(), v.maxLength(MAX_HTML_CHARS)),
  url: v.pipe(v.string(), v.maxLength(8192)),
});
export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequestSchema>;

/** What the popup shows for the active tab. */
export interface CurrentPageInfo {
  url: string;
  title: string;
  /** True when the page was analysed and found on topic. */
  related: boolean;
  analysis: Analysis | null;
  /** Whether the article has been counted as read (stored in history). */
  counted: boolean;
  /** True when the reader paused the extension on this site. */
  paused: boolean;
}

export const PageReportSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192)),
  title: v.pipe(v.string(), v.maxLength(2000)),
  related: v.boolean(),
  expertCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The article has just been counted as read (saved to history). */
  counted: v.optional(v.boolean()),
});
export type PageReport = v.InferOutput<typeof PageReportSchema>;

export interface PageProtocol {
  /**
   * gate → background: run the full pipeline on a serialised page (off the page's main thread), and
   * inject the lens stage into the sender's frame meanwhile. null when the reader turned the
   * extension off on this site.
   */
  analyzePage(data: AnalyzeRequest): Analysis | null;
  /** lens → background: a mark was hovered or focused; inject the card stage into the sender's frame. */
  loadCardUi(): void;
  /** background → offscreen document (Chrome only): the same, where a DOMParser exists. */
  analyzeInOffscreen(data: AnalyzeRequest): Analysis;
  /** content → background: what this tab shows now (for the badge and the popup). */
  reportPage(data: PageReport): void;
  /** popup → background: the active tab's page state. */
  getCurrentPage(data: { tabId: number }): CurrentPageInfo | null;
}
