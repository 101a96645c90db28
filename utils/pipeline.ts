/**
 * The whole pipeline for one page: extract → topic → people and experts → stance → known facts.
 * Pure: a Document (or text) in, plain data out. Runs in Chrome's offscreen document, in Firefox's
 * background page, in Vitest and in the Node `analyze` command.
 */
import type { Analysis, Expert, ExtractedArticle, TopicVerdict } from './types';
import { extractArticle, extractFromText } from './extract';
import { analyzeTopic, defaultTopic } from './topic';
import { findPeople } from './experts';
import { labelStance } from './stance';
import { findKnownExpert } from './known-experts';

export interface AnalyzeOptions {
  /** The page's address, when the Document does not know it (DOMParser, files on disk). */
  url?: string;
  /** Find experts even when the page is not on the topic (the analyze command's --all-experts). */
  expertsAlways?: boolean;
  /** Return which stage decided each person's kind and why (the analyze command's --trace). */
  trace?: boolean;
}

/**
 * Languages the expert and stance rules are written for. 'und' (too few words to tell) is read as
 * English, as before languages were detected.
 */
const EXPERT_LANGUAGES = new Set(['en', 'und']);

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function analyzeDocument(doc: Document, opts: AnalyzeOptions = {}): Analysis {
  const timings: Record<string, number> = {};
  const t = now();
  const article = extractArticle(doc, opts.url);
  timings.extract = now() - t;
  return analyzeArticle(article, opts, timings);
}

export function analyzeText(text: string, opts: AnalyzeOptions = {}): Analysis {
  const timings: Record<string, number> = {};
  const t = now();
  const article = extractFromText(text);
  timings.extract = now() - t;
  return analyzeArticle(article, opts, timings);
}

/** Parses serialised HTML with the given parser (DOMParser in a browser, linkedom in Node). */
export function analyzeHtml(
  html: string,
  parse: (html: string) => Document,
  opts: AnalyzeOptions = {},
): Analysis {
  const t = now();
  const doc = parse(html);
  const parseMs = now() - t;
  const result = analyzeDocument(doc, opts);
  result.timings.parse = parseMs;
  return result;
}

function analyzeArticle(
  article: ExtractedArticle,
  opts: AnalyzeOptions,
  timings: Record<string, number>,
): Analysis {
  let t = now();
  const read = analyzeTopic(defaultTopic(), article.text, {
    title: article.title,
    lead: article.excerpt,
    lang: article.lang,
  });
  const topic: TopicVerdict = read.verdict;
  const language = read.features.lang;
  const expertsLanguageSupported = EXPERT_LANGUAGES.has(language);
  timings.topic = now() - t;
  // Experts and stance are read in English only: on other languages their rules would find garbage.
  if ((!topic.related && !opts.expertsAlways) || !expertsLanguageSupported) {
    return {
      isArticle: article.isArticle,
      article,
      topic,
      experts: [],
      people: [],
      timings,
      language,
      expertsLanguageSupported,
    };
  }
  t = now();
  const found = findPeople(article.text, {
    byline: article.byline,
    title: article.title,
    siteName: article.siteName,
    trace: opts.trace,
  });
  timings.people = now() - t;
  t = now();
  const experts: Expert[] = mergeKnownSpellings(
    found.experts.map((candidate) => {
      const known = findKnownExpert(candidate.name);
      const stance = labelStance(candidate.statements);
      return known ? { ...candidate, stance, known } : { ...candidate, stance };
    }),
  );
  timings.stance = now() - t;
  const result: Analysis = {
    isArticle: article.isArticle,
    article,
    topic,
    experts,
    people: found.people,
    timings,
    language,
    expertsLanguageSupported,
  };
  if (found.trace) result.trace = found.trace;
  return result;
}

/**
 * Two spellings of one person in the same article ("Gabuev", "Gabuyev") become one expert when the
 * known-experts data links them; the first spelling met wins, mentions and statements add up.
 */
function mergeKnownSpellings(experts: Expert[]): Expert[] {
  const byKnown = new Map<string, Expert>();
  const out: Expert[] = [];
  for (const e of experts) {
    const key = e.known?.id;
    const prior = key ? byKnown.get(key) : undefined;
    if (!prior) {
      if (key) byKnown.set(key, e);
      out.push(e);
      continue;
    }
    prior.surfaceForms = [...new Set([...prior.surfaceForms, ...e.surfaceForms])];
    prior.mentions += e.mentions;
    prior.statements = [...prior.statements, ...e.statements].sort(
      (a, b) => a.sentenceIndex - b.sentenceIndex,
    );
    prior.role ??= e.role;
    prior.organization ??= e.organization;
    prior.stance = labelStance(prior.statements);
  }
  return out;
}
