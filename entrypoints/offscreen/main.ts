/** Chrome's offscreen document: the DOM the service worker lacks. Parses pages and runs the pipeline. */
import * as v from 'valibot';
import { onMessage } from '@/utils/messaging';
import { AnalyzeRequestSchema } from '@/utils/messages/page';
import { analyzeInThisDocument } from '@/utils/analyze-dom';

onMessage('analyzeInOffscreen', ({ data }) => analyzeInThisDocument(v.parse(AnalyzeRequestSchema, data)));
