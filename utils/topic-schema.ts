/**
 * Schema of the topic definition (`data/topic.v1.json`): concept groups and subtopics as terms per
 * language, and the scoring constants. The data is validated against it in a test and once when
 * `topic.ts` compiles it.
 */
import * as v from 'valibot';

export const TOPIC_LANGUAGES = ['en', 'ru', 'de', 'fr', 'es', 'zh'] as const;
export type TopicLanguage = (typeof TOPIC_LANGUAGES)[number];

/** How a concept group takes part in the verdict. */
export const GROUP_ROLES = [
  'china',
  'russia',
  'pair',
  'west',
  'relation',
  'other',
  'distractor',
  /**
   * Phrases that stand for two sides already named ("the two leaders", "both countries"): they name
   * China and Russia when the sentences just before name those two and no third side as often.
   */
  'anaphor',
  /**
   * Phrases that contain a country name but do not name the country ("Russian roulette", 北京时间
   * "Beijing time" in a dateline): they count for nothing, and being longer they win over the name.
   */
  'neutral',
] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/**
 * A term: letters, digits, spaces, hyphens, dots and apostrophes; a trailing `*` matches any
 * letters. Case-insensitive unless `caseSensitive`. Weight defaults to 1.
 */
const TermText = v.pipe(
  v.string(),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N} .'’-]*\*?$/u, 'term: letters, spaces, hyphens; * only at the end'),
);

export const TermSchema = v.union([
  TermText,
  v.strictObject({
    term: TermText,
    weight: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(5))),
    caseSensitive: v.optional(v.boolean()),
  }),
]);

const TermList = v.pipe(v.array(TermSchema), v.minLength(1));

/** Terms per language: English is required, the others optional (Chinese terms match inside runs of Han characters: no word boundaries). */
export const TermsByLanguageSchema = v.strictObject({
  en: TermList,
  ru: v.optional(TermList),
  de: v.optional(TermList),
  fr: v.optional(TermList),
  es: v.optional(TermList),
  zh: v.optional(TermList),
});

const Id = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/, 'id: kebab-case'));

export const GroupSchema = v.strictObject({
  id: Id,
  role: v.picklist(GROUP_ROLES),
  description: v.string(),
  terms: TermsByLanguageSchema,
});

export const SubtopicSchema = v.strictObject({
  id: Id,
  label: v.pipe(v.string(), v.minLength(1)),
  terms: TermsByLanguageSchema,
});

const NonNegative = v.pipe(v.number(), v.minValue(0));

export const ScoringSchema = v.strictObject({
  /** Only the first this-many characters of a text are read. */
  maxChars: v.pipe(v.number(), v.integer(), v.minValue(1000)),
  /** Matching stops after this many term hits. */
  maxMatches: v.pipe(v.number(), v.integer(), v.minValue(100)),
  /** Sentences either side of a joint sentence in which a relation cue still counts. */
  cueWindow: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
  /** Sentences naming both China and Russia needed before a text can be related. */
  minJointSentences: NonNegative,
  /** Of those, how many must carry a relation or subtopic cue nearby. */
  minCuedJointSentences: NonNegative,
  /** Share of joint sentences that carry a cue: both countries named side by side is not enough. */
  minCuedShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Points for cued joint sentences as a share of all sentences (lets a short brief count). */
  densityWeight: NonNegative,
  /** The share of cued joint sentences that earns the full density points. */
  densityFull: v.pipe(v.number(), v.minValue(0.01), v.maxValue(1)),
  /** Share of the sentences naming either country that name both. */
  minJointShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Share of country sentences that are about China or Russia rather than third countries. */
  minFocus: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Lines shorter than this are headline-like (menus, teasers, lists), not prose. */
  shortParagraphChars: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Share of the text in prose paragraphs; a headline list below it is never related. */
  minProseShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  jointCap: NonNegative,
  cuedJointCap: NonNegative,
  titleBonus: NonNegative,
  pairBonusCap: NonNegative,
  westWeight: NonNegative,
  westCap: NonNegative,
  subtopicWeight: NonNegative,
  subtopicCap: NonNegative,
  distractorWeight: NonNegative,
  distractorCap: NonNegative,
  /** A subtopic is reported when its weighted hits reach this. */
  minSubtopicWeight: NonNegative,
  /** Raw points that make a score of 1. */
  scoreScale: v.pipe(v.number(), v.minValue(1)),
  /** Score at or above which a text is related. */
  relatedScore: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /**
   * A text of at most this many sentences is a brief: it may be related with
   * `minJointSentencesBrief` joint sentences when its title names both countries.
   */
  briefSentences: v.optional(NonNegative),
  /**
   * A short piece (at most `shortSentences`) under a title that names both countries needs only
   * `minJointSentencesShort` joint sentences: an excerpt or a wire story cannot repeat the pair often.
   */
  shortSentences: v.optional(NonNegative),
  /** When the title also names a third country, the brief and short allowances need this focus. */
  briefMinFocusThirdCountry: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  minJointSentencesShort: v.optional(NonNegative),
  minJointSentencesBrief: v.optional(NonNegative),
  relatedScoreBrief: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /**
   * A piece of at most this many sentences under a headline that says it all (the pair in one term,
   * related by a cue, acting together) is related when its lead carries the story, however rarely its
   * body names the two together. 0 or absent: off.
   */
  titleLedSentences: v.optional(NonNegative),
});

export const TopicDefinitionSchema = v.pipe(
  v.strictObject({
    $comment: v.optional(v.string()),
    version: v.pipe(v.string(), v.regex(/^1\.\d+\.\d+$/, 'version: 1.x.y for topic.v1.json')),
    languages: v.pipe(v.array(v.picklist(TOPIC_LANGUAGES)), v.minLength(1)),
    groups: v.pipe(v.array(GroupSchema), v.minLength(1)),
    subtopics: v.pipe(v.array(SubtopicSchema), v.minLength(1)),
    scoring: ScoringSchema,
    /**
     * Words that join two names in a list ("China and Russia", "Russia, China"). A sentence that
     * names the two countries only side by side in such a list (threat lists, rankings, "both pose
     * challenges") counts as cued only with a relation cue in the same sentence, not a subtopic word.
     */
    coordinators: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(20)))),
    /**
     * Verbs of joint action that make a listed pair a relation when they follow it ("Russia, China
     * conduct air patrols", "Putin and Xi met"); a trailing `*` matches any letters. A list followed
     * by anything else ("China and Russia pose threats") stays a list.
     */
    jointVerbs: v.optional(
      v.array(v.pipe(v.string(), v.regex(/^[\p{Ll}\p{Lo}]+\*?$/u, 'jointVerbs: lower-case words'))),
    ),
  }),
  v.check(
    (topic) =>
      (['china', 'russia', 'relation'] as const).every((role) => topic.groups.some((g) => g.role === role)),
    'groups: china, russia and relation roles are required',
  ),
  v.check(
    (topic) => new Set(topic.groups.map((g) => g.id)).size === topic.groups.length,
    'groups: ids are unique',
  ),
  v.check(
    (topic) => new Set(topic.subtopics.map((s) => s.id)).size === topic.subtopics.length,
    'subtopics: ids are unique',
  ),
);

export type TopicTerm = v.InferOutput<typeof TermSchema>;
export type TopicGroup = v.InferOutput<typeof GroupSchema>;
export type TopicSubtopic = v.InferOutput<typeof SubtopicSchema>;
export type TopicScoring = v.InferOutput<typeof ScoringSchema>;
export type TopicDefinition = v.InferOutput<typeof TopicDefinitionSchema>;
