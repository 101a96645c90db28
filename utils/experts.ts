/**
 * Experts in article text: which of the people named are analysts, scholars, think-tank staff or
 * authors (not the leaders and officials the story is about, not the byline), the role and
 * organisation the article gives them, and every sentence in which they are quoted or paraphrased.
 *
 * Patterns written for news prose, one pass of compiled regexes per sentence; see
 * `tests/fixtures/experts/` for what they are measured on.
 */
import { foldName } from './names';
import { bylineKeys } from './people';
import type { Expert, Person, PersonTrace } from './types';
import { affiliationFor } from './experts/affiliation';
import { attributeStatements } from './experts/attribution';
import { authorAsExpert, parseByline, thesisSentences } from './experts/author-block';
import { decidePerson, type BylineInfo, type PageShapes, type PersonDecision } from './experts/classify';
import { readText } from './experts/context';
import { findIntroducedGuests } from './experts/guests';
import { findSpeakerBios } from './experts/speaker-bios';
import { findInterviewers } from './experts/qa-interview';
import { findAuthorLines, findRoundup, findThread } from './experts/author-lines';
import type { Ctx } from './experts/context';
import type { Affiliation } from './experts/role-class';
export { parseByline, type BylineAuthor } from './experts/author-block';
export { cleanOrganization } from './experts/organization';

/** What the expert step returns; stance and known facts are added later in the pipeline. */
export type ExpertCandidate = Omit<Expert, 'stance' | 'known'>;

export interface FindPeopleOptions {
  /**
   * The article's byline. People named in it are the journalists, never experts, unless the page is
   * an analysis or opinion piece by outside authors: a byline with an affiliation ("By X, senior
   * fellow at Y") or an author bio line in the text ("X is a senior fellow at Y", "The author is …").
   * Staff ("staff writer", "reporter", "correspondent", "editor") always stay journalists.
   */
  byline?: string | null;
  /** The article's title (not used for names: headlines name the leaders, not the experts). */
  title?: string;
  /** The site's name (accepted for callers that have it; not used for names). */
  siteName?: string | null;
  /** Also return, for every person, which stage decided their kind and why (`analyze --trace`). */
  trace?: boolean;
}

export interface FindPeopleResult {
  experts: ExpertCandidate[];
  people: Person[];
  /** With `trace`: one entry per person, in order of first mention. */
  trace?: PersonTrace[];
}

/** Finds the experts (and every other person) in article text. */
export function findPeople(rawText: string, opts: FindPeopleOptions = {}): FindPeopleResult {
  const { original, text, sentences, skip, scan, ctx } = readText(rawText);
  const sentenceText = (i: number) => original.slice(sentences[i].start, sentences[i].end);
  const roundup = [
    ...findRoundup(ctx, skip).map((r) => ({ ...r, via: 'roundup' })),
    ...findThread(ctx, skip).map((r) => ({ ...r, via: 'thread' })),
  ];
  const speakers = findSpeakerBios(ctx, skip);
  // The people a round-up asks or an event presents are not the page's authors.
  const lines = findAuthorLines(ctx, skip, new Set([...roundup.map((r) => r.personId), ...speakers.keys()]));
  const book = attributeStatements(ctx, skip, sentenceText, [
    ...bookSeeds(ctx, skip, lines.bookAuthors),
    ...roundup,
  ]);
  const introduced = findIntroducedGuests(ctx, skip);
  for (const [id, i] of speakers) if (!introduced.has(id)) introduced.set(id, i);

  const keys = bylineKeys(opts.byline);
  const authors = parseByline(opts.byline);
  for (const a of lines.authors) if (!authors.some((b) => b.id === a.id)) authors.push(a);
  for (const a of authors) keys.add(a.id);
  for (const id of lines.reviewers) keys.add(id);
  const byline: BylineInfo = { keys, authors };
  const shapes: PageShapes = {
    introduced,
    interviewers: findInterviewers(ctx, skip),
    bookAuthors: lines.bookAuthors,
  };
  /** Byline authors who write as outside experts, with the affiliation that says so. */
  const authorAffiliation = new Map<string, Affiliation>();
  const people: Person[] = [];
  const experts: ExpertCandidate[] = [];
  const trace: PersonTrace[] = [];
  const ordered = [...scan.persons.values()].sort((a, b) => a.firstSentence - b.firstSentence);
  for (const p of ordered) {
    const aff = affiliationFor(p, ctx);
    const decision = decidePerson(p, aff, book, byline, shapes);
    people.push({ name: p.name, kind: decision.kind });
    const shown = decision.authorAffiliation ?? aff;
    if (opts.trace) trace.push(traceOf(p.name, decision, shown, book.count(p.id)));
    if (decision.kind !== 'expert') continue;
    if (decision.authorAffiliation) authorAffiliation.set(p.id, decision.authorAffiliation);
    experts.push({
      id: p.id,
      name: p.name,
      surfaceForms: [...p.surfaceForms],
      role: shown.role,
      organization: shown.organization,
      statements: [],
      mentions: p.mentions.length,
    });
  }
  // Outside authors named only in the byline ("By X, senior fellow at Y").
  for (const a of authors) {
    if (scan.persons.has(a.id) || people.some((p) => foldName(p.name) === a.id)) continue;
    const outside = authorAsExpert(a.id, null, authors);
    people.push({ name: a.name, kind: outside ? 'expert' : 'byline' });
    const decision: PersonDecision = outside
      ? { kind: 'expert', stage: 'author-block', reason: 'byline author with an expert affiliation' }
      : { kind: 'byline', stage: 'byline', reason: 'named only in the byline' };
    if (opts.trace) trace.push(traceOf(a.name, decision, outside, 0));
    if (!outside) continue;
    authorAffiliation.set(a.id, outside);
    experts.push({
      id: a.id,
      name: a.name,
      surfaceForms: [a.name],
      role: outside.role,
      organization: outside.organization,
      statements: [],
      mentions: 0,
    });
  }
  // Their statements are the piece's thesis: the sentences where the author takes a stance.
  if (authorAffiliation.size) {
    const thesis = thesisSentences(sentences, skip, book.bySentence, scan, new Set(authorAffiliation.keys()));
    for (const id of authorAffiliation.keys()) book.set(id, thesis, 'author');
  }
  for (const e of experts) {
    e.statements = book.of(e.id);
    // A name read from a handle is marked as the page writes it ("@MiraSolvang").
    for (const m of scan.persons.get(e.id)?.mentions ?? []) {
      const at = sentences[m.sentence].start + m.start;
      const end = sentences[m.sentence].start + m.end;
      const written = original.slice(at, end).trim();
      if (written !== text.slice(at, end).trim()) {
        const from = original.lastIndexOf('@', end);
        const form = from >= 0 && from < end && from >= at - 1 ? original.slice(from, end).trim() : written;
        if (form && !e.surfaceForms.includes(form)) e.surfaceForms.push(form);
      }
    }
  }
  return opts.trace ? { experts, people, trace } : { experts, people };
}

function traceOf(name: string, d: PersonDecision, aff: Affiliation | null, statements: number): PersonTrace {
  return {
    name,
    kind: d.kind,
    stage: d.stage,
    reason: d.reason,
    role: aff?.role ?? null,
    organization: aff?.organization ?? null,
    statements,
  };
}

/** A reviewed book's author speaks through the book: every sentence of the review that names them. */
function bookSeeds(
  ctx: Ctx,
  skip: boolean[],
  bookAuthors: Map<string, number>,
): { personId: string; sentence: number; via: string }[] {
  const seeds: { personId: string; sentence: number; via: string }[] = [];
  for (const [id, citation] of bookAuthors) {
    const person = ctx.scan.persons.get(id);
    for (const m of person?.mentions ?? []) {
      if (m.sentence !== citation && !skip[m.sentence] && !seeds.some((x) => x.sentence === m.sentence))
        seeds.push({ personId: id, sentence: m.sentence, via: 'book' });
    }
  }
  return seeds;
}
