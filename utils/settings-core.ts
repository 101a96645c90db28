/**
 * The reader's settings as plain data: their shape, defaults, validation and the host-list helpers.
 * Storage lives in `settings.ts`; this module is free of it so the content scripts stay small.
 */
import * as v from 'valibot';

export interface Settings {
  /** Mark expert names in pages. */
  marksEnabled: boolean;
  /** Show the hover/focus card on marked names. */
  cardsEnabled: boolean;
  /** Delay before a card opens on hover (ms). */
  cardDelayMs: number;
  /** An article counts as read after being visible this long (ms)… */
  dwellMs: number;
  /** …or after being scrolled through this fraction of its length (0..1). */
  scrollRatio: number;
  /** Hostnames the extension never looks at (set on the options page). */
  skipSites: string[];
  /** Hostnames paused from the popup ("pause on this site"). */
  pausedSites: string[];
  /** Forget articles last read more than this many days ago; 0 keeps them forever. */
  retentionDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  marksEnabled: true,
  cardsEnabled: true,
  cardDelayMs: 350,
  dwellMs: 8000,
  scrollRatio: 0.6,
  skipSites: [],
  pausedSites: [],
  retentionDays: 0,
};

const hostList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(5000));

/** What may be stored; anything else falls back to the default, field by field. */
export const SettingsSchema = v.object({
  marksEnabled: v.boolean(),
  cardsEnabled: v.boolean(),
  cardDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000)),
  dwellMs: v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(600_000)),
  scrollRatio: v.pipe(v.number(), v.minValue(0.1), v.maxValue(1)),
  skipSites: hostList,
  pausedSites: hostList,
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36_500)),
});

/** Fill gaps and drop invalid fields, so a damaged or older value never breaks a reader. */
export function normalizeSettings(raw: unknown): Settings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [k, schema] of Object.entries(SettingsSchema.entries)) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const r = v.safeParse(schema, obj[k]);
    if (r.success) out[k] = r.output;
  }
  const s = out as unknown as Settings;
  return { ...s, skipSites: normalizeHosts(s.skipSites), pausedSites: normalizeHosts(s.pausedSites) };
}

/**
 * "https://www.Example.com/a" → "www.example.com", "Example.com." → "example.com"; invalid entries
 * are dropped. "www." is kept so a paused host equals `location.hostname`; `hostListed` also matches
 * subdomains, so listing "example.com" covers "www.example.com".
 */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(s) && s.includes('.') ? s : s === 'localhost' ? s : null;
}

export function normalizeHosts(list: string[]): string[] {
  return [...new Set(list.map(normalizeHost).filter((h): h is string => !!h))];
}

/** True when `hostname` (or a parent domain of it) is listed. */
export function hostListed(hostname: string, list: string[]): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return list.some((entry) => h === entry || h.endsWith(`.${entry}`));
}

/** Whether the extension should stay out of a page on this host. */
export function isSiteOff(hostname: string, s: Settings): boolean {
  return hostListed(hostname, s.skipSites) || hostListed(hostname, s.pausedSites);
}

/** Pause or resume one site (returns new settings; the caller stores them). */
export function withSitePaused(s: Settings, hostname: string, paused: boolean): Settings {
  const host = normalizeHost(hostname);
  if (!host) return s;
  const rest = s.pausedSites.filter((h) => h !== host);
  return { ...s, pausedSites: paused ? [...rest, host] : rest };
}

/** Oldest lastReadAt kept under the retention setting (null: keep forever). */
export function retentionCutoff(s: Pick<Settings, 'retentionDays'>, now = Date.now()): number | null {
  return s.retentionDays > 0 ? now - s.retentionDays * 86_400_000 : null;
}
