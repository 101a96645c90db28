/**
 * Pure derivations over history records: index fields, effective stance labels, search terms and
 * the experts table built from articles. No database access here.
 */
import type { ArticleData, RecentArticle, StanceCounts, StoredExpert } from '../messages/history';
import type { StanceLabel } from '../types';
import type { ArticleIndexes, ExpertRecord } from './schema';

/** How many recent articles each expert record keeps (the hover card shows the newest other one). */
export const RECENT_PER_EXPERT = 3;
const MAX_TERMS = 300;
const MAX_TERM_CHARS = 40;

/** Lowercase, strip diacritics: "Gabúev" → "gabuev". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words of a text, folded, for prefix search. */
export function searchTerms(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      out.add(word.slice(0, MAX_TERM_CHARS));
      if (out.size >= MAX_TERMS) return [...out];
    }
  }
  return [...out];
}

/** One id per person: folded, ASCII-ish, hyphen-separated ("Alexander Gabuev" → "alexander-gabuev"). */
export function foldExpertId(id: string): string {
  const folded = fold(id)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return folded || 'unknown';
}

export function effectiveLabel(expert: StoredExpert): StanceLabel {
  return expert.correction?.label ?? expert.stance.label;
}

export function emptyCounts(): StanceCounts {
  return { durable: 0, fragile: 0, neutral: 0 };
}

/** Word prefixes indexed for search as you type: 2 up to this many characters. */
export const PREFIX_MAX = 10;
export const PREFIX_MIN = 2;

/**
 * Filter tags of an article. Each is indexed together with the read time (`tagKey`, in one
 * multiEntry index), so any single filter pages newest first straight from the index.
 */
export const tag = {
  word: (prefix: string) => `w:${prefix.slice(0, PREFIX_MAX)}`,
  subtopic: (s: string) => `s:${s}`,
  site: (s: string) => `site:${s}`,
  expert: (id: string) => `e:${id}`,
  stance: (label: StanceLabel) => `st:${label}`,
  expertStance: (id: string, label: StanceLabel) => `es:${id}|${label}`,
};

export function articleTags(a: ArticleData, terms: string[]): string[] {
  const out = new Set<string>();
  for (const w of terms) {
    for (let n = PREFIX_MIN; n <= Math.min(w.length, PREFIX_MAX); n++) out.add(tag.word(w.slice(0, n)));
  }
  for (const s of a.topic.subtopics) out.add(tag.subtopic(s));
  out.add(tag.site(a.site));
  for (const e of a.experts) {
    const label = effectiveLabel(e);
    out.add(tag.expert(e.id));
    out.add(tag.stance(label));
    out.add(tag.expertStance(e.id, label));
  }
  return [...out];
}

/**
 * An index key: the tag, a separator below every other character, then the read time as fixed-width
 * base 36, so one tag's keys sort by time and a range over them never reaches another tag. (Strings,
 * not [tag, time] pairs: reading a record with 80 small arrays in it costs twice as much.)
 */
const TAG_SEP = '\u0000';
const TIME_CHARS = 10;
const MAX_TIME = 36 ** TIME_CHARS - 1;

function timeKey(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(MAX_TIME, Math.max(0, Math.floor(t))) : t > 0 ? MAX_TIME : 0;
  return clamped.toString(36).padStart(TIME_CHARS, '0');
}

/** A tag as it appears in index keys (a separator inside it replaced). */
export function indexTag(t: string): string {
  return t.replaceAll(TAG_SEP, '\uFFFD');
}

export function tagKey(t: string, at: number): string {
  return `${indexTag(t)}${TAG_SEP}${timeKey(at)}`;
}

/** The tag of an index key (as `indexTag` gives it). */
export function tagOfKey(key: string): string {
  return key.slice(0, key.length - TIME_CHARS - 1);
}

/** Index keys of one tag read between two times (inclusive; ±Infinity for open ends). */
export function tagRange(t: string, from: number, to: number): [string, string] {
  return [tagKey(t, from), tagKey(t, to)];
}

export function deriveArticleIndexes(a: ArticleData): ArticleIndexes {
  const terms = searchTerms(a.title, a.site, ...a.experts.map((e) => e.name));
  return {
    expertIds: [...new Set(a.experts.map((e) => e.id))],
    terms,
    tags: articleTags(a, terms).map((t) => tagKey(t, a.lastReadAt)),
  };
}

export function recentOf(a: ArticleData): RecentArticle {
  return { key: a.key, title: a.title, url: a.url, readAt: a.lastReadAt };
}

/** Insert or move an article in a newest-first list of a few. */
export function pushRecent(list: RecentArticle[], item: RecentArticle): RecentArticle[] {
  return [item, ...list.filter((r) => r.key !== item.key)]
    .sort((x, y) => y.readAt - x.readAt)
    .slice(0, RECENT_PER_EXPERT);
}

function addName(names: string[], name: string): string[] {
  return names.includes(name) ? names : [...names, name].slice(-20);
}

/** Fold one article's mention of an expert into their record (the article is counted once). */
export function addToExpert(rec: ExpertRecord | undefined, a: ArticleData, e: StoredExpert): ExpertRecord {
  const label = effectiveLabel(e);
  const base: ExpertRecord = rec ?? {
    id: e.id,
    name: e.name,
    names: [],
    role: null,
    organization: null,
    articleCount: 0,
    stanceCounts: emptyCounts(),
    firstSeenAt: a.lastReadAt,
    lastSeenAt: a.lastReadAt,
    recent: [],
    terms: [],
  };
  const newest = a.lastReadAt >= base.lastSeenAt || base.articleCount === 0;
  const names = addName(base.names, e.name);
  const name = newest ? e.name : base.name;
  return {
    ...base,
    name,
    names,
    role: (newest ? e.role : null) ?? base.role ?? e.role,
    organization: (newest ? e.organization : null) ?? base.organization ?? e.organization,
    articleCount: base.articleCount + 1,
    stanceCounts: { ...base.stanceCounts, [label]: base.stanceCounts[label] + 1 },
    firstSeenAt: Math.min(base.firstSeenAt, a.firstReadAt),
    lastSeenAt: Math.max(base.lastSeenAt, a.lastReadAt),
    recent: pushRecent(base.recent, recentOf(a)),
    terms: searchTerms(...names),
  };
}

/** Build expert records from scratch (upgrade, import, recomputation after deletes). */
export function buildExpertRecords(articles: ArticleData[]): ExpertRecord[] {
  const byId = new Map<string, ExpertRecord>();
  const sorted = [...articles].sort((x, y) => x.lastReadAt - y.lastReadAt);
  for (const a of sorted) {
    const seen = new Set<string>();
    for (const e of a.experts) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      byId.set(e.id, addToExpert(byId.get(e.id), a, e));
    }
  }
  return [...byId.values()];
}

/** The first mention of each expert id in an article (duplicates are folded on save). */
export function expertsById(a: ArticleData | undefined): Map<string, StoredExpert> {
  const map = new Map<string, StoredExpert>();
  for (const e of a?.experts ?? []) if (!map.has(e.id)) map.set(e.id, e);
  return map;
}

/**
 * An article's experts as stored: ids folded, one entry per person (the first wins), statements
 * defaulted, a reader's correction kept when the input has one.
 */
export function uniqueExperts(
  input: readonly (Omit<StoredExpert, 'statements'> & { statements?: StoredExpert['statements'] })[],
): StoredExpert[] {
  const seen = new Set<string>();
  const out: StoredExpert[] = [];
  for (const e of input) {
    const id = foldExpertId(e.id);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      name: e.name,
      role: e.role,
      organization: e.organization,
      stance: e.stance,
      statements: e.statements ?? [],
      ...(e.correction ? { correction: e.correction } : {}),
    });
  }
  return out;
}
