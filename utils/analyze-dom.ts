/** Runs the pipeline on a serialised page in a context that has DOMParser (offscreen, Firefox background). */
import type { Analysis } from './types';
import type { AnalyzeRequest } from './messages/page';
import { analyzeHtml } from './pipeline';

export function parseWithDomParser(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function analyzeInThisDocument(req: AnalyzeRequest): Analysis {
  return analyzeHtml(req.html, parseWithDomParser, { url: req.url });
}
