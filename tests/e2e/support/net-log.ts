/**
 * Reads a Chromium NetLog (`--log-net-log=FILE`) and lists the URL requests it started, with the
 * origin that initiated each one. Requests made by an extension's service worker, offscreen
 * document or pages carry `initiator: chrome-extension://<id>`; the browser's own background
 * requests carry "not an origin"; a page's requests carry the page's origin.
 */
import { readFileSync } from 'node:fs';

export interface NetRequest {
  url: string;
  method: string;
  initiator: string;
}

interface NetLogEvent {
  type: number;
  params?: { url?: string; method?: string; initiator?: string };
}

/** Parses a NetLog written by a browser that may not have closed it cleanly. */
function parseTolerant(text: string): {
  constants: { logEventTypes: Record<string, number> };
  events: NetLogEvent[];
} {
  try {
    return JSON.parse(text);
  } catch {
    // An unfinished log ends inside the "events" array: close it.
    const trimmed = text.replace(/,?\s*$/, '');
    return JSON.parse(trimmed + ']}');
  }
}

export function readNetLog(file: string): NetRequest[] {
  const log = parseTolerant(readFileSync(file, 'utf8'));
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const out: NetRequest[] = [];
  for (const event of log.events) {
    if (event.type !== startJob || !event.params?.url) continue;
    out.push({
      url: event.params.url,
      method: event.params.method ?? 'GET',
      initiator: event.params.initiator ?? 'not an origin',
    });
  }
  return out;
}
