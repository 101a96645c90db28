/**
 * Topic recognition: is this text about the China–Russia relationship and the US/West in it? The
 * vocabulary and thresholds are data (`data/topic.v1.json`); this module compiles them once into two
 * regular expressions and reads a text in one pass of each.
 *
 * The verdict rests on co-occurrence density, not on both countries merely being named: sentences
 * that name China and Russia together (or name the pair in one term), how many of those carry a
 * relation or subtopic cue nearby, and what share of the sentences about either country they make.
 */
import * as v from 'valibot';
import topicData from './data/topic.v1.json';
import {
  TopicDefinitionSchema,
  type GroupRole,
  type TopicDefinition,
  type TopicScoring,
  type TopicTerm,
} from './topic-schema';
import type { TopicEvidence, TopicVerdict } from './types';
import { detectLanguage, stopWordLanguage } from './language';

const ROLE_BIT: Record<GroupRole, number> = {
  china: 1,
  russia: 2,
  pair: 4,
  west: 8,
  relation: 16,
  distractor: 32,
  other: 64,
  anaphor: 128,
  neutral: 0,
};
const CHINA = ROLE_BIT.china | ROLE_BIT.pair;
const RUSSIA = ROLE_BIT.russia | ROLE_BIT.pair;

interface Entry {
  /** The term as written in the definition (first definition wins). */
  term: string;
  /** Group or subtopic id it is reported under. */
  group: string;
  weight: number;
  roles: number;
  /** Bit i set: the term belongs to subtopic i. */
  subtopics: number;
}

interface Matcher {
  regex: RegExp;
  literal: Map<string, Entry>;
  stem: Map<string, Entry>;
  caseSensitive: boolean;
}

export interface CompiledTopic {
  definition: TopicDefinition;
  matchers: Matcher[];
  /** Words that, alone between two names, make them a list ("China and Russia"), lower case. */
  coordinators: Set<string>;
  /** Right after a listed pair: a verb of joint action ("conduct", "met"), perhaps after "will"/"to". */
  jointVerb: RegExp | null;
}

const SEPARATORS = /[\s\u00AD\-\u2010-\u2015]+/g;
/**
 * Letters and digits of the scripts the topic data is written in (Latin, Greek, Cyrillic), spelled
 * out instead of `\p{L}` so the term regexes need no `u` flag (case-insensitive matching still folds
 * Cyrillic). Measured in Node (CPU time, seed article): first call 70 → 18 ms, because V8 no longer
 * compiles the big alternation to native code; a warm call costs 3.5 ms instead of 1 ms. Pages are
 * usually read once, in a fresh context, so the first call is the one that counts.
 */
const WORD_CHARS = 'A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';

/** The form a term or a matched string is looked up under. */
function lookupKey(text: string, caseSensitive: boolean): string {
  const folded = caseSensitive ? text : text.toLowerCase();
  return folded.replace(SEPARATORS, ' ').replace(/’/g, "'");
}

function termPattern(text: string): string {
  const stem = text.endsWith('*') ? text.slice(0, -1) : text;
  const body = stem
    .split(/[\s-]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('[\\s\\u00AD\\-\\u2010-\\u2015]+');
  return text.endsWith('*') ? `${body}[${WORD_CHARS}]*` : body;
}

/** Compile a topic definition into matchers. Throws when the definition does not fit the schema. */
export function compileTopic(data: unknown): CompiledTopic {
  const definition = v.parse(TopicDefinitionSchema, data);
  const entries = new Map<string, { entry: Entry; text: string; caseSensitive: boolean }>();
  const add = (term: TopicTerm, group: string, roles: number, subtopics: number) => {
    const text = typeof term === 'string' ? term : term.term;
    const caseSensitive = typeof term === 'string' ? false : (term.caseSensitive ?? false);
    const weight = typeof term === 'string' ? 1 : (term.weight ?? 1);
    const key = `${caseSensitive ? 'cs' : 'ci'}:${lookupKey(text, caseSensitive)}`;
    const known = entries.get(key);
    if (known) {
      known.entry.roles |= roles;
      known.entry.subtopics |= subtopics;
      known.entry.weight = Math.max(known.entry.weight, weight);
      return;
    }
    entries.set(key, { entry: { term: text, group, weight, roles, subtopics }, text, caseSensitive });
  };
  for (const group of definition.groups) {
    for (const list of Object.values(group.terms)) {
      for (const term of list ?? []) add(term, group.id, ROLE_BIT[group.role], 0);
    }
  }
  definition.subtopics.forEach((subtopic, index) => {
    for (const list of Object.values(subtopic.terms)) {
      for (const term of list ?? []) add(term, subtopic.id, 0, 1 << index);
    }
  });

  const matchers: Matcher[] = [];
  for (const caseSensitive of [false, true]) {
    const own = [...entries.values()].filter((item) => item.caseSensitive === caseSensitive);
    if (own.length === 0) continue;
    // Longest first, so "Sino-Russian" wins over "Russian" and "no-limits partnership" over "partnership".
    own.sort((a, b) => b.text.replace('*', '').length - a.text.replace('*', '').length);
    const literal = new Map<string, Entry>();
    const stem = new Map<string, Entry>();
    for (const item of own) {
      const wildcard = item.text.endsWith('*');
      const key = lookupKey(wildcard ? item.text.slice(0, -1) : item.text, caseSensitive);
      (wildcard ? stem : literal).set(key, item.entry);
    }
    const alternatives = own.map((item) => termPattern(item.text)).join('|');
    const flags = caseSensitive ? 'g' : 'gi';
    matchers.push({
      regex: new RegExp(`(?<![${WORD_CHARS}])(?:${alternatives})(?![${WORD_CHARS}])`, flags),
      literal,
      stem,
      caseSensitive,
    });
  }
  const coordinators = new Set((definition.coordinators ?? []).map((word) => word.toLowerCase()));
  const verbs = (definition.jointVerbs ?? []).map((word) =>
    word.endsWith('*') ? `${word.slice(0, -1)}[${WORD_CHARS}]*` : word,
  );
  const jointVerb = verbs.length
    ? new RegExp(
        `^[\\s,]*(?:(?:will|would|to|have|has|had|jointly|again|also|now|plan|plans|planned|began|begin|set|are|were|ont|vont|han|van|haben|wollen|werden)\\s+){0,2}(?:${verbs.join('|')})(?![${WORD_CHARS}])`,
        'i',
      )
    : null;
  return { definition, matchers, coordinators, jointVerb };
}

function lookup(matcher: Matcher, matched: string): Entry | undefined {
  const key = lookupKey(matched, matcher.caseSensitive);
  const exact = matcher.literal.get(key);
  if (exact) return exact;
  for (let length = key.length; length > 0; length--) {
    const entry = matcher.stem.get(key.slice(0, length));
    if (entry) return entry;
  }
  return undefined;
}

/**
 * Sentence ends: . ! ? … (not after common abbreviations or initials), the full-width 。！？ of
 * Chinese (no space after them), and line breaks.
 */
const SENTENCE_END =
  /(?<!(?:^|[^\p{L}])(?:\p{Lu}|U\.S|U\.K|U\.N|E\.U|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|vs|etc|No|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.!?…]+["'”’»)\]]*\s+|[。！？]+[”’」』）]*\s*|\n+/gu;

interface Segments {
  /** End offset of each sentence. */
  ends: number[];
  /** Paragraph index of each sentence. */
  paragraph: number[];
}

function segment(text: string): Segments {
  const ends: number[] = [];
  const paragraph: number[] = [];
  let current = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    ends.push(match.index + match[0].length);
    paragraph.push(current);
    if (match[0].includes('\n')) current++;
  }
  // The rest after the last end (none when the text ends with a Chinese full stop).
  if (ends.length === 0 || ends[ends.length - 1] < text.length) {
    ends.push(text.length);
    paragraph.push(current);
  }
  return { ends, paragraph };
}

/** A Han character says about as much as three Latin letters. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

/**
 * Share of the text's characters that sit in prose paragraphs rather than short, headline-like lines
 * (a Han character counts three).
 */
function proseShare(text: string, shortChars: number): number {
  let prose = 0;
  let total = 0;
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    const length = trimmed.length + 2 * (trimmed.match(HAN)?.length ?? 0);
    total += length;
    if (length >= shortChars) prose += length;
  }
  return total > 0 ? prose / total : 0;
}

function sentenceAt(ends: number[], offset: number): number {
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The language a text is written in, from its stop words; 'und' when it cannot tell. */
export const guessLanguage = stopWordLanguage;

/** What the scorer measured, for tuning and for tests. */
export interface TopicFeatures {
  lang: string;
  sentences: number;
  /** Sentences naming China and Russia together (or the pair in one term). */
  joint: number;
  /** Joint sentences with a relation or subtopic cue within the cue window (weighted, ≤ 1 each). */
  cuedJoint: number;
  /** Sentences naming either country. */
  either: number;
  jointShare: number;
  /** cuedJoint / joint */
  cuedShare: number;
  /** cuedJoint as a share of all sentences, relative to densityFull (0..1). */
  density: number;
  /** Sentences naming third countries. */
  other: number;
  /** either / (either + other): how much the page is about China and Russia rather than others. */
  focus: number;
  /** Share of the text in prose paragraphs (0 when nothing is joint: not computed). */
  prose: number;
  titleJoint: boolean;
  /** The title names the pair in one term, relates them, or has them act together (and no third country). */
  titleStrong: boolean;
  /** Related as a short piece under a title that says it all (see `titleStrong`). */
  titleLed: boolean;
  pairWeight: number;
  west: number;
  distractor: number;
  raw: number;
}

export interface TopicOptions {
  title?: string;
  /** The dek or description under the headline (read with the lead of a short piece). */
  lead?: string | null;
  /** Page language (html lang); the text's own script and stop words take precedence. */
  lang?: string | null;
}

export interface TopicResult {
  verdict: TopicVerdict;
  features: TopicFeatures;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** What separates the words between two names: spaces, punctuation, quotes, brackets, dashes. */
const GAP_SPLIT = /[\s,;:&/'’"“”«»()[\]\-\u2013\u2014、，；：]+/;
/** A word just before a listed pair that makes it a relation ("between", "zwischen", "entre", "между"). */
const BETWEEN = /(?:between|among|zwischen|entre|между)\s+(?:the\s+|la\s+|der\s+)?$/i;
/** Words that set the two side by side for comparison rather than relate them. */
const COMPARISON =
  /(?:^|[^A-Za-z])(?:while|whereas|unlike|than|compared|versus|vs|by contrast|first|second|third|ahead of)(?![A-Za-z])/i;

/** A mention of one of the sides a phrase like "the two countries" may stand for. */
interface CountryHit {
  start: number;
  sentence: number;
  /** ROLE_BIT china | russia | west | other (pair: china | russia). */
  bits: number;
}

/** How many sentences before an anaphor ("the two leaders") are read to find who it stands for. */
const ANAPHOR_LOOKBACK = 2;

/**
 * Does "the two countries" (at `start`, in `sentence`) stand for China and Russia? Yes when, in this
 * sentence before it and the two sentences before, both are named and each of them more often than the West or any third country ("Biden … Xi … Russia's war … the two
 * leaders" is not China and Russia).
 */
function anaphorNamesPair(hits: CountryHit[], start: number, sentence: number): boolean {
  let china = 0;
  let russia = 0;
  let west = 0;
  let other = 0;
  // The hits are sorted by offset: find the last one before the anaphor, then read backwards.
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hits[mid].start < start) low = mid + 1;
    else high = mid;
  }
  for (let k = low - 1; k >= 0 && hits[k].sentence >= sentence - ANAPHOR_LOOKBACK; k--) {
    const bits = hits[k].bits;
    if (bits & ROLE_BIT.china) china++;
    if (bits & ROLE_BIT.russia) russia++;
    if (bits & ROLE_BIT.west) west++;
    if (bits & ROLE_BIT.other) other++;
  }
  const least = Math.min(china, russia);
  return least > 0 && west < least && other < least;
}

interface SideHit {
  start: number;
  end: number;
  /** 1 China, 2 Russia, 3 both (a term naming the pair). */
  side: number;
  sentence: number;
}

function sideOf(roles: number): number {
  if (roles & ROLE_BIT.pair) return 3;
  return (roles & ROLE_BIT.china ? 1 : 0) | (roles & ROLE_BIT.russia ? 2 : 0);
}

/**
 * Per sentence, 1 when it relates China and Russia to each other rather than merely listing them
 * (2 when it sets them side by side for comparison, 0 when it lists them or names only one):
 * a term naming the pair, or a China name and a Russia name with more between them than a list
 * joiner ("and", "or", a comma). "Chinese imports of Russian oil" is linked; "China and Russia pose
 * challenges" and "the US, Russia, China, France" are not.
 */
function linkedSentences(
  text: string,
  hits: SideHit[],
  count: number,
  coordinators: Set<string>,
  jointVerb: RegExp | null = null,
): Uint8Array {
  const linked = new Uint8Array(count);
  hits.sort((a, b) => a.start - b.start);
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    if (hit.side === 3) {
      linked[hit.sentence] = 1;
      continue;
    }
    const previous = hits[i - 1];
    if (!previous || previous.sentence !== hit.sentence || previous.side === hit.side || previous.side === 3)
      continue;
    if (hit.start < previous.end) continue;
    const gap = text.slice(previous.end, hit.start);
    // "trade between China and Russia": a list, but one the sentence relates.
    if (BETWEEN.test(text.slice(Math.max(0, previous.start - 16), previous.start))) {
      linked[hit.sentence] = 1;
      continue;
    }
    const words =
      gap.length > 40
        ? null
        : gap
            .toLowerCase()
            .split(GAP_SPLIT)
            .filter((word) => word && word !== 's');
    const listed = words !== null && words.length <= 3 && words.every((word) => coordinators.has(word));
    // "Russia, China conduct air patrols", "Putin and Xi met": a list that acts together.
    if (listed && jointVerb?.test(text.slice(hit.end, hit.end + 60))) {
      linked[hit.sentence] = 1;
      continue;
    }
    // "labels China a competitor, while calling Russia a threat": compared, not related.
    const compared = !listed && COMPARISON.test(gap);
    if (compared && !linked[hit.sentence]) linked[hit.sentence] = 2;
    else if (!listed && !compared) linked[hit.sentence] = 1;
  }
  return linked;
}

/** What a single line (a title, a dek) names: roles, best relation cue, a topic word, side hits. */
function readLine(
  matchers: Matcher[],
  line: string,
): { roles: number; relation: number; subtopic: boolean; hits: SideHit[] } {
  let roles = 0;
  let relation = 0;
  let subtopic = false;
  const hits: SideHit[] = [];
  for (const matcher of matchers) {
    matcher.regex.lastIndex = 0;
    for (let match = matcher.regex.exec(line); match; match = matcher.regex.exec(line)) {
      const entry = lookup(matcher, match[0]);
      if (!entry) continue;
      roles |= entry.roles;
      if (entry.roles & ROLE_BIT.relation) relation = Math.max(relation, entry.weight);
      if (entry.subtopics) subtopic = true;
      const side = sideOf(entry.roles);
      if (side) hits.push({ start: match.index, end: match.index + match[0].length, side, sentence: 0 });
    }
  }
  return { roles, relation, subtopic, hits };
}

/** How many paragraphs from the top a lead may start (after bylines, datelines, journal lines). */
const LEAD_SEARCH_PARAGRAPHS = 8;

/**
 * The roles and cue of a text's lead: its first two prose paragraphs (at least `shortChars`, a Han
 * character counting three), found among the first LEAD_SEARCH_PARAGRAPHS.
 */
function leadParagraphs(
  text: string,
  ends: number[],
  paragraph: number[],
  roles: Uint8Array,
  cue: Float32Array,
  shortChars: number,
): { roles: number; cue: boolean } {
  let leadRoles = 0;
  let leadCue = false;
  let taken = 0;
  let i = 0;
  while (i < ends.length && taken < 2 && paragraph[i] < LEAD_SEARCH_PARAGRAPHS) {
    const current = paragraph[i];
    const start = i === 0 ? 0 : ends[i - 1];
    let paragraphRoles = 0;
    let paragraphCue = false;
    let j = i;
    for (; j < ends.length && paragraph[j] === current; j++) {
      paragraphRoles |= roles[j];
      if (cue[j] > 0) paragraphCue = true;
    }
    const body = text.slice(start, ends[j - 1]).trim();
    if (body.length + 2 * (body.match(HAN)?.length ?? 0) >= shortChars) {
      leadRoles |= paragraphRoles;
      leadCue ||= paragraphCue;
      taken++;
    }
    i = j;
  }
  return { roles: leadRoles, cue: leadCue };
}

/** The verdict and the measurements behind it. */
export function analyzeTopic(topic: CompiledTopic, input: string, options: TopicOptions = {}): TopicResult {
  const { definition, matchers, coordinators, jointVerb } = topic;
  const scoring: TopicScoring = definition.scoring;
  const text = typeof input === 'string' ? input.slice(0, scoring.maxChars) : '';
  const title = typeof options.title === 'string' ? options.title.slice(0, 1000) : '';

  const { ends, paragraph } = segment(text);
  const count = ends.length;
  const roles = new Uint8Array(count);
  const cue = new Float32Array(count);
  /** Best relation cue inside the sentence itself. */
  const relationCue = new Float32Array(count);
  const sideHits: SideHit[] = [];
  const countryHits: CountryHit[] = [];
  const anaphors: { start: number; end: number; sentence: number }[] = [];
  const subtopicWeight = new Float64Array(definition.subtopics.length);
  const evidence = new Map<Entry, number>();
  let pairWeight = 0;
  let distractor = 0;

  let matches = 0;
  for (const matcher of matchers) {
    const { regex } = matcher;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match && matches < scoring.maxMatches; match = regex.exec(text)) {
      matches++;
      const entry = lookup(matcher, match[0]);
      if (!entry) continue;
      if (!entry.roles && !entry.subtopics) continue; // a phrase that only hides a name
      evidence.set(entry, (evidence.get(entry) ?? 0) + 1);
      const sentence = sentenceAt(ends, match.index);
      roles[sentence] |= entry.roles;
      const side = sideOf(entry.roles);
      if (side) sideHits.push({ start: match.index, end: match.index + match[0].length, side, sentence });
      const bits =
        (entry.roles & ROLE_BIT.pair ? ROLE_BIT.china | ROLE_BIT.russia : 0) |
        (entry.roles & (ROLE_BIT.china | ROLE_BIT.russia | ROLE_BIT.west | ROLE_BIT.other));
      if (bits) countryHits.push({ start: match.index, sentence, bits });
      if (entry.roles & ROLE_BIT.anaphor)
        anaphors.push({ start: match.index, end: match.index + match[0].length, sentence });
      if (entry.roles & ROLE_BIT.relation)
        relationCue[sentence] = Math.max(relationCue[sentence], entry.weight);
      if (entry.roles & ROLE_BIT.pair) pairWeight += entry.weight;
      if (entry.roles & ROLE_BIT.distractor) distractor += entry.weight;
      if (entry.roles & (ROLE_BIT.relation | ROLE_BIT.pair) || entry.subtopics) {
        cue[sentence] = Math.max(cue[sentence], entry.roles & ROLE_BIT.relation ? entry.weight : 1);
      }
      for (let bits = entry.subtopics, index = 0; bits; bits >>>= 1, index++) {
        if (bits & 1) subtopicWeight[index] += entry.weight;
      }
    }
  }

  // "The two leaders discussed …" after "Putin and Xi …": the sentence names both sides.
  if (anaphors.length) {
    countryHits.sort((a, b) => a.start - b.start);
    for (const anaphor of anaphors) {
      // A sentence that names both already ("China and Russia pose … both countries have …") gains nothing.
      if (roles[anaphor.sentence] & CHINA && roles[anaphor.sentence] & RUSSIA) continue;
      if (!anaphorNamesPair(countryHits, anaphor.start, anaphor.sentence)) continue;
      roles[anaphor.sentence] |= ROLE_BIT.china | ROLE_BIT.russia;
      sideHits.push({ ...anaphor, side: 3 });
    }
  }
  const linked = linkedSentences(text, sideHits, count, coordinators, jointVerb);

  const { roles: titleRoles, relation: titleRelation, hits: titleHits } = readLine(matchers, title);
  // A title that only lists the two ("China, Russia biggest challenges") earns no title points.
  const titleLinked = linkedSentences(title, titleHits, 1, coordinators, jointVerb)[0] === 1;
  const titleJoint =
    Boolean(titleRoles & CHINA) && Boolean(titleRoles & RUSSIA) && (titleLinked || titleRelation > 0);
  // "Russia and China fly joint patrol near Japan": linked only by the verb they share.
  const titleLinkedByWords = linkedSentences(title, titleHits, 1, coordinators, null)[0];
  const titleActsTogether = titleJoint && titleLinked && titleLinkedByWords !== 1;
  /**
   * A headline that says it all: it names the pair in one term, relates the two with a relation cue
   * (an axis, an alliance, a partnership, joint drills) or has them act together ("Russia and China
   * now settle their trade in yuan") — and names no third country and nothing of sport, food or the
   * arts.
   */
  const titleStrong =
    titleJoint &&
    !(titleRoles & (ROLE_BIT.other | ROLE_BIT.distractor)) &&
    (Boolean(titleRoles & ROLE_BIT.pair) || titleRelation >= 1 || titleActsTogether);

  let joint = 0;
  let cuedJoint = 0;
  let either = 0;
  let west = 0;
  let other = 0;
  const window = scoring.cueWindow;
  for (let i = 0; i < count; i++) {
    const r = roles[i];
    if (r & ROLE_BIT.west) west++;
    if (r & ROLE_BIT.other) other++;
    if (!(r & (CHINA | RUSSIA))) continue;
    either++;
    if (!(r & CHINA && r & RUSSIA)) continue;
    joint++;
    let best = 0;
    if (linked[i] === 1) {
      for (let j = Math.max(0, i - window); j <= Math.min(count - 1, i + window); j++) {
        if (paragraph[j] === paragraph[i]) best = Math.max(best, cue[j]);
      }
    } else {
      // Named only side by side in a list: a topic word nearby is not enough, the sentence
      // itself must relate them ("China and Russia held joint drills").
      // Compared ("calls China a strategic competitor, while calling Russia a threat"): half that.
      best = linked[i] === 2 ? relationCue[i] / 2 : relationCue[i];
    }
    cuedJoint += Math.min(1, best);
  }
  const jointShare = either > 0 ? joint / either : 0;
  const cuedShare = joint > 0 ? cuedJoint / joint : 0;
  const density = Math.min(1, cuedJoint / Math.max(1, count) / scoring.densityFull);
  // A title naming both counts as one more sentence about them (a wire brief is mostly about who saw it).
  const titleEither = titleJoint ? 1 : 0;
  const focus = either > 0 ? (either + titleEither) / (either + titleEither + other) : 0;
  const titleLedPossible = titleStrong && count <= (scoring.titleLedSentences ?? 0);
  const prose = joint > 0 || titleLedPossible ? proseShare(text, scoring.shortParagraphChars) : 0;

  const subtopics = definition.subtopics
    .map((subtopic, index) => ({ id: subtopic.id, weight: subtopicWeight[index] }))
    .filter((item) => item.weight >= scoring.minSubtopicWeight)
    .sort((a, b) => b.weight - a.weight)
    .map((item) => item.id);

  const raw =
    Math.min(joint, scoring.jointCap) +
    Math.min(cuedJoint, scoring.cuedJointCap) +
    density * scoring.densityWeight +
    (titleJoint ? scoring.titleBonus : 0) +
    Math.min(pairWeight / 2, scoring.pairBonusCap) +
    Math.min(west, scoring.westCap) * scoring.westWeight +
    Math.min(subtopics.length, scoring.subtopicCap) * scoring.subtopicWeight -
    Math.min(distractor, scoring.distractorCap) * scoring.distractorWeight;
  const score = round(Math.max(0, Math.min(1, raw / scoring.scoreScale)));

  const lang = detectLanguage(title + '\n' + text.slice(0, 30_000), options.lang);
  const supported = (definition.languages as string[]).includes(lang);

  // A brief (a few sentences under a title naming both) cannot repeat the pair three times; but a
  // title that also names a third country ("Modi and Xi to meet at the summit in Russia") earns that
  // allowance only when the two act together in it or the text is mostly about them.
  const titleAboutPair =
    titleJoint &&
    (!(titleRoles & ROLE_BIT.other) ||
      titleActsTogether ||
      focus >= (scoring.briefMinFocusThirdCountry ?? 0));
  // A brief's allowance also needs a title about the two themselves, not the West acting on one of
  // them ("EU adopts new Russia sanctions package, lists Chinese firms").
  const brief =
    titleAboutPair &&
    (titleStrong || !(titleRoles & ROLE_BIT.west)) &&
    count <= (scoring.briefSentences ?? 0);
  const short = titleAboutPair && count <= (scoring.shortSentences ?? 0);
  const minJoint = brief
    ? (scoring.minJointSentencesBrief ?? scoring.minJointSentences)
    : short
      ? (scoring.minJointSentencesShort ?? scoring.minJointSentences)
      : scoring.minJointSentences;
  // Title-led: a short piece under a headline that says it all, whose lead (the dek and the first two
  // prose paragraphs) names one side at least and carries a relation or topic word. Its body need
  // not name the two together again ("Warships from the two navies began drills …").
  let titleLed = false;
  if (titleLedPossible && supported && distractor === 0 && prose >= scoring.minProseShare) {
    const dek = readLine(matchers, typeof options.lead === 'string' ? options.lead.slice(0, 1000) : '');
    const lead = leadParagraphs(text, ends, paragraph, roles, cue, scoring.shortParagraphChars);
    const leadRoles = lead.roles | dek.roles;
    const leadCue = lead.cue || dek.subtopic || dek.relation > 0;
    titleLed =
      Boolean(leadRoles & (CHINA | RUSSIA)) &&
      leadCue &&
      !(leadRoles & ROLE_BIT.distractor) &&
      (either === 0 || focus >= scoring.minFocus);
  }
  const related =
    titleLed ||
    (supported &&
      joint >= minJoint &&
      cuedJoint >= Math.min(minJoint, scoring.minCuedJointSentences) &&
      jointShare >= scoring.minJointShare &&
      cuedShare >= scoring.minCuedShare &&
      focus >= scoring.minFocus &&
      prose >= scoring.minProseShare &&
      score >= (brief ? (scoring.relatedScoreBrief ?? scoring.relatedScore) : scoring.relatedScore));

  const evidenceList: TopicEvidence[] = [...evidence]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([entry, hits]) => ({ term: entry.term, group: entry.group, count: hits }));

  return {
    verdict: { related, score, subtopics, evidence: evidenceList, version: definition.version },
    features: {
      lang,
      sentences: count,
      joint,
      cuedJoint: round(cuedJoint),
      either,
      jointShare: round(jointShare),
      cuedShare: round(cuedShare),
      density: round(density),
      other,
      focus: round(focus),
      prose: round(prose),
      titleJoint,
      titleStrong,
      titleLed,
      pairWeight,
      west,
      distractor,
      raw: round(raw),
    },
  };
}

let compiled: CompiledTopic | null = null;

/** The built-in topic definition, compiled on first use and kept. */
export function defaultTopic(): CompiledTopic {
  compiled ??= compileTopic(topicData);
  return compiled;
}

/** Is this text on the US–Russia–China triangle? Never throws on odd input. */
export function recognizeTopic(text: string, options: TopicOptions = {}): TopicVerdict {
  return analyzeTopic(defaultTopic(), text, options).verdict;
}

export const TOPIC_VERSION: string = topicData.version;
