/**
 * "Why it is on the topic" in a reader's words: the topic recogniser's evidence (terms with their
 * concept group and count) and subtopic ids become short phrases, with no wildcards, group ids or
 * subtopic ids. Pure; the popup shows the result.
 */
import type { TopicEvidence } from './types';

/** What each concept group of the topic data stands for, as a reader would say it. */
const GROUP_PHRASES: Record<string, string> = {
  china: 'China',
  russia: 'Russia',
  'russia-war': 'Russia’s war in Ukraine',
  pair: 'China and Russia named together',
  west: 'The United States and the West',
  relation: 'Their relationship',
  anaphora: 'The two sides referred back to',
  'other-countries': 'Other countries',
  distractor: 'Everyday subjects such as sport, food or the arts',
};

/** Subtopic ids of the topic data and how the popup names them. */
const SUBTOPIC_NAMES: Record<string, string> = {
  sanctions: 'sanctions',
  energy: 'energy',
  military: 'military',
  'trade-finance': 'trade and finance',
  diplomacy: 'diplomacy',
  'ukraine-war': 'the war in Ukraine',
  'public-opinion': 'public opinion',
  technology: 'technology',
};

/** A subtopic id in words ("trade-finance" → "trade and finance"; unknown ids lose their dashes). */
export function subtopicName(id: string): string {
  return SUBTOPIC_NAMES[id] ?? id.replace(/[-_]+/g, ' ');
}

/** A group id in words (unknown ids: the subtopic name, capitalised). */
export function groupName(id: string): string {
  const phrase = GROUP_PHRASES[id] ?? subtopicName(id);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/**
 * A term as written in the page's words: a wildcard term becomes the most frequent word of `text`
 * it matches ("negotiat*" → "negotiations"), or its stem with an ellipsis when there is no text
 * ("negotiat…"); a term that is already a word stays as it is ("Russia*" → "Russia" when the page
 * says "Russia" most).
 */
export function termWords(term: string, text = ''): string {
  const stem = term.replace(/\*/g, '').trim();
  if (!term.includes('*') || !stem) return stem;
  if (text) {
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const counts = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}[\\p{L}\\p{N}'’-]*`, 'giu'))) {
      counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
    let best = '';
    for (const [word, n] of counts) if (n > (counts.get(best) ?? 0)) best = word;
    if (best) return best.replace(/['’]s$/, '');
  }
  return `${stem}…`;
}

export interface EvidenceLine {
  group: string;
  /** "Russia", "Their relationship", … */
  label: string;
  /** Mentions in the page, all words of the group together. */
  count: number;
  /** The page's words, most frequent first, without duplicates ("Russia", "Moscow", …). */
  words: string[];
}

/**
 * Evidence grouped by what it stands for, most mentioned first; at most `maxWords` words per line.
 * Groups that speak against the topic (`distractor`) are left out: the popup explains why a page is on it.
 */
export function explainEvidence(evidence: TopicEvidence[], maxWords = 5, text = ''): EvidenceLine[] {
  const lines = new Map<string, EvidenceLine & { seen: Set<string> }>();
  for (const ev of [...evidence].sort((a, b) => b.count - a.count)) {
    if (ev.group === 'distractor') continue;
    let line = lines.get(ev.group);
    if (!line) {
      line = { group: ev.group, label: groupName(ev.group), count: 0, words: [], seen: new Set() };
      lines.set(ev.group, line);
    }
    line.count += ev.count;
    const word = termWords(ev.term, text);
    const key = word.toLowerCase();
    if (word && !line.seen.has(key) && line.words.length < maxWords) {
      line.seen.add(key);
      line.words.push(word);
    }
  }
  return [...lines.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ group, label, count, words }) => ({ group, label, count, words }));
}

/** "sanctions, energy and diplomacy" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
