/**
 * Plain data shapes that flow through the pipeline. Every step in `utils/` takes a Document or
 * a string and returns one of these; nothing here touches extension APIs, so the same code runs in
 * the content script, in the offscreen document / background page, in Vitest and in Node.
 */

/** Result of the cheap first look that runs on every page. */
export interface GateResult {
  /** Worth a full analysis (looks like an article and mentions both sides of the triangle). */
  worth: boolean;
  /** Short machine-readable reason, e.g. "not-readerable", "no-topic-terms", "skipped-host". */
  reason: string;
}

/** What Readability (plus our metadata readers) gives back for a page. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  /** Canonical URL with tracking parameters removed; null when unknown. */
  canonicalUrl: string | null;
  excerpt: string | null;
  /** Readable text, paragraphs separated by blank lines ("\n\n"). */
  text: string;
  wordCount: number;
  /** True when Readability found an article (false: the text is a fallback). */
  isArticle: boolean;
}

export interface TopicEvidence {
  /** The term as written in the topic definition. */
  term: string;
  /** Concept group it belongs to (e.g. "china", "russia", "relation", "sanctions"). */
  group: string;
  count: number;
}

export interface TopicVerdict {
  related: boolean;
  /** 0..1, higher is more clearly on topic. */
  score: number;
  /** Subtopic ids from the topic definition, strongest first. */
  subtopics: string[];
  evidence: TopicEvidence[];
  /** Version of the topic definition that produced this verdict. */
  version: string;
}

/** Why a named person is or is not an expert. */
export type PersonKind =
  | 'expert'
  | 'leader' // heads of state/government and the politicians the story is about
  | 'official' // serving officials, ministers, spokespeople
  | 'byline' // the journalist(s) who wrote the piece
  | 'other'; // anyone else named (not quoted as an analyst)

export interface Person {
  name: string;
  kind: PersonKind;
}

/** Why a person is or is not an expert: the stage that decided, for `analyze --trace`. */
export interface PersonTrace {
  name: string;
  kind: PersonKind;
  /** "officials-list", "byline", "author-block", "role", "statements" or a page-shape detector. */
  stage: string;
  reason: string;
  role: string | null;
  organization: string | null;
  /** Sentences attributed to them. */
  statements: number;
}

/** One thing an expert said (quoted or paraphrased) in the article. */
export interface Statement {
  /** The sentence as it stands in the article text. */
  text: string;
  /** Index of the sentence in the article (for ordering and jumping to it). */
  sentenceIndex: number;
  /** 'quote' when there are quotation marks; 'paraphrase' for "believes", "notes", pronoun follow-ups. */
  kind: 'quote' | 'paraphrase';
  /** How the sentence was attributed: the speech verb or "pronoun" / "according to". */
  via: string;
}

/** A piece of evidence for a stance label: a sentence and the cue phrases in it that counted. */
export interface StanceEvidence {
  sentence: string;
  /** Cue phrases exactly as they appear in `sentence`. */
  cues: string[];
  /** Which label this evidence pushes toward. */
  leans: StanceLabel;
  /** Signed contribution after negation/hedge handling (positive = toward `leans`). */
  weight: number;
}

export type StanceLabel = 'durable' | 'fragile' | 'neutral';

export interface Stance {
  label: StanceLabel;
  /** 0..1 */
  confidence: number;
  evidence: StanceEvidence[];
  /** Axis id from the stance data (e.g. "alignment-durability"). */
  axis: string;
}

/** A fact from the known-experts data file, with where it came from. */
export interface KnownFact {
  value: string;
  source: string;
  /** ISO date (or year) the fact was true/checked. */
  asOf: string;
}

export interface KnownExpert {
  id: string;
  name: string;
  aliases: string[];
  role?: KnownFact;
  organization?: KnownFact;
}

export interface Expert {
  /** Stable id: folded name (lowercase ascii, hyphens). */
  id: string;
  name: string;
  /** Every surface form to mark in the page: full name, surname, titled forms, as found. */
  surfaceForms: string[];
  /** Role as the article states it (null when it says none). */
  role: string | null;
  /** Organisation as the article states it (null when it says none). */
  organization: string | null;
  statements: Statement[];
  stance: Stance;
  /** Number of mentions in the article text. */
  mentions: number;
  /** Facts from the known-experts data file that fill gaps the article leaves (shown as such). */
  known?: KnownExpert;
}

/** The full result for one page. */
export interface Analysis {
  isArticle: boolean;
  article: ExtractedArticle | null;
  topic: TopicVerdict;
  experts: Expert[];
  people: Person[];
  /** Only when asked for (`analyze --trace`): which stage decided each person's kind, and why. */
  trace?: PersonTrace[];
  /** Milliseconds spent per step, for benchmarks. */
  timings: Record<string, number>;
  /**
   * The language the text is written in, read from the text itself (the page's `lang` only when the
   * text cannot tell): a primary subtag such as "en", "ru", "zh", or "und". Absent in analyses made
   * before it existed.
   */
  language?: string;
  /**
   * Whether experts and stance are read for this language (English only). When false and the topic
   * is related, `experts` and `people` are empty by design: say "recognised; experts are read in
   * English only" rather than "no experts found".
   */
  expertsLanguageSupported?: boolean;
}
