/**
 * Page shape "author block in the text": who wrote an essay, analysis or journal article when the
 * page says so in its text rather than in a byline field, and book reviews.
 *
 * - an author line near the top: "Essay by X, University of Y", "By X for the Z Center", "Analysis
 *   by X and Y, fellows at Z";
 * - an author block near the top: the name alone on a line, then a short line with role and
 *   institution ("Senior Research Fellow, Nordic Institute of Asian Affairs");
 * - a journal article's author line: "X (University of Y) and Z (Institute of W)";
 * - a bio at the end of the text: "X is a senior lecturer at Y University." for a person the text
 *   does not otherwise name;
 * - a book review: the bibliographic line ("Title. By X. Some Press, 2025. 312 pages.") names the
 *   book's author, the expert the review discusses; "Reviewed by Y" names the reviewer, the byline.
 *
 * And the round-up, whose name-and-role lines look like author blocks but each has an answer under it.
 */
import { foldName, NAME_RUN } from '../names';
import { parseByline, type BylineAuthor } from './author-block';
import type { Ctx } from './context';
import { ROLE_ANY, THINK_TANK_ORG } from './role-lexicon';

export interface AuthorLines {
  /** Authors named in the text, with the words that describe them. */
  authors: BylineAuthor[];
  /** The reviewer of a book review (a byline in all but name). */
  reviewers: Set<string>;
  /** Authors of the book a review discusses, with the sentence that cites the book. */
  bookAuthors: Map<string, number>;
}

/** How many paragraphs from the top an author line or block may stand. */
const TOP_PARAGRAPHS = 6;
/** How many paragraphs from the end an author bio may stand. */
const END_PARAGRAPHS = 3;

const AUTHOR_LINE =
  /^(?:(?:an?\s+)?(?:essay|analysis|commentary|opinion|article|op-ed|column|paper|policy\s+brief|brief|text|written|words|report)\s+)?by\s+(\S.{2,300})$/i;
const ESSAY_WORD =
  /^(?:an?\s+)?(?:essay|article|analysis|commentary|op-ed|paper|column|opinion|policy\s+brief)\b/i;
/** "Author: X", "Authors: X and Y". */
const AUTHOR_LABEL = /^(?:authors?|written\s+by|text)\s*:\s*(\S.{2,200})$/i;
/** A short line that ends with the author: "Article in The Australian by Dr Jane Roe", "May 14, 2022 by X". */
const BY_AT_END =
  /^(?=(?:\S+\s+){1,10}\S+$)[^.!?]{0,120}?\bby\s+((?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}\S*(?:\s+\p{Lu}\S*){1,3})$/u;
/** A verb in a line that should only name and describe. */
const VERB_IN_LINE = /\b(?:said|says|is|was|are|were|has|have|had|will|would|told|argues?|wrote)\b/;
/** Marks of an essay or paper written by its author: an abstract, "this article", "my research". */
const ANALYSIS_MARK =
  /^abstract\b|\b(?:this|the\s+present)\s+(?:article|paper|essay|chapter|study|commentary)\s+(?:examines|explores|analy[sz]es|argues|assesses|investigates|considers|discusses|traces|shows|finds|compares)\b|\bmy\s+research\s+(?:finds|shows|suggests)\b/i;

/** Whether the text reads as an essay or paper by its author (not a news report quoting people). */
function readsAsAnalysis(ctx: Ctx, skip: boolean[]): boolean {
  for (let i = 0; i < ctx.sentences.length && i < 60; i++) {
    if (skip[i]) continue;
    const s = ctx.sentences[i].text;
    if (ANALYSIS_MARK.test(s)) return true;
  }
  // First person alone is not enough: blog posts are written in it too.
  return false;
}

const REVIEWER_LINE = /^(?:reviewed|review)\s+by\s+(\S.{2,120})$/i;
const BOOK_CITATION =
  /\b(?:(?:University\s+)?Press|Publishers|Publishing|Books|Verlag)\b|\b\d{2,4}\s*(?:pages|pp\.?)|\bpp\.\s*\d|\bISBN\b/;
const JOURNAL_AUTHOR = /([\p{Lu}][^(),;]{2,60}?)\s*\(([^()]{3,160})\)/gu;
const END_BIO =
  /^\s+(?:is|was|has\s+been|serves\s+as)\s+(?:an?|the)\s+[^.]{0,120}?\b(?:at|of|with)\s+(?:the\s+)?\p{Lu}/u;

const QUESTION_LINE = /^\s*(?:Q|Question)\s*[:.]/;

/**
 * A paragraph that only names someone and describes them: "Jane Roe, senior researcher, Nordic
 * Institute of X", "Jane Roe (Adriatic Council on Foreign Relations)". Returns the person's id.
 */
function labelParagraph(ctx: Ctx, i: number, text: string): string | null {
  const ms = ctx.scan.bySentence[i];
  if (!ms.length || !ms[0].full || ms[0].start > 4 || text.length > 300) return null;
  if (ms.some((m) => m.personId !== ms[0].personId)) return null;
  const rest = text.slice(ms[0].end).trim();
  if (/^\([^()]{3,160}\)$/.test(rest)) return THINK_TANK_ORG.test(rest) ? ms[0].personId : null;
  const described = rest.replace(/^[,|–—-]\s*/, '');
  if (described === rest || /[.!?:]["”’]?$/.test(described) || VERB_IN_LINE.test(described)) return null;
  return ROLE_ANY.test(described) && THINK_TANK_ORG.test(described) ? ms[0].personId : null;
}

/**
 * Page shape "round-up": two or more paragraphs that each only name and describe someone, each
 * followed by paragraphs of text, are the people asked and their answers ("Five experts weigh in").
 * Returns every answer sentence with its speaker (up to the next such label, at most 6 paragraphs).
 */
export function findRoundup(ctx: Ctx, skip: boolean[]): { personId: string; sentence: number }[] {
  const paragraphs = paragraphStarts(ctx);
  const labels: { p: number; id: string }[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const i = paragraphs[p];
    if (skip[i]) continue;
    const id = labelParagraph(ctx, i, paragraphText(ctx, i).trim());
    if (id) labels.push({ p, id });
  }
  // Labels with answers under them (an author block's lines stand one after another).
  const answered = labels.filter((l, k) => {
    const next = labels[k + 1]?.p ?? paragraphs.length;
    return next > l.p + 1 && l.p + 1 < paragraphs.length;
  });
  if (answered.length < 2) return [];
  const out: { personId: string; sentence: number }[] = [];
  for (const l of answered) {
    const next = labels.find((x) => x.p > l.p)?.p ?? paragraphs.length;
    const end = Math.min(next, l.p + 1 + 6);
    const from = paragraphs[l.p + 1];
    const to = end < paragraphs.length ? paragraphs[end] : ctx.sentences.length;
    for (let k = from; k < to; k++) {
      const first = k === 0 || ctx.sentences[k - 1].paragraph !== ctx.sentences[k].paragraph;
      // The answer ends where a paragraph opens with someone else or with the next question.
      if (
        first &&
        k > from &&
        (ctx.scan.bySentence[k].some((m) => m.personId !== l.id) || QUESTION_LINE.test(ctx.sentences[k].text))
      )
        break;
      if (!skip[k]) out.push({ personId: l.id, sentence: k });
    }
  }
  return out;
}

/** A post's number at the start of a paragraph: "1/", "2/7", "3)" in a thread. */
const POST_NUMBER = /^\s*\d{1,2}\s*(?:\/\s*\d{0,2}|\))\s+\S/;
/** What may follow the name on a post's header line: a handle, a time ("· 3h"), a check mark. */
const POST_HEADER_REST = /^(?:\s*@[A-Za-z0-9_]{2,30})(?:\s*[·•|]\s*[\w ,:.]{1,24})?\s*[✓✔]?\s*$/u;

/**
 * Page shape "social thread": a line with a person's name and handle ("Jane Roe @janeroe · 3h"),
 * then their posts. The posts under it are theirs when they are numbered ("1/", "2/") or when the
 * same header stands over several posts; up to the next header line.
 */
export function findThread(ctx: Ctx, skip: boolean[]): { personId: string; sentence: number }[] {
  const paragraphs = paragraphStarts(ctx);
  const headers: { p: number; id: string }[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const i = paragraphs[p];
    const ms = ctx.scan.bySentence[i];
    if (skip[i] || !ms.length || !ms[0].full || ms[0].start > 2) continue;
    const text = paragraphText(ctx, i);
    if (POST_HEADER_REST.test(text.slice(ms[0].end))) headers.push({ p, id: ms[0].personId });
  }
  const out: { personId: string; sentence: number }[] = [];
  for (let h = 0; h < headers.length; h++) {
    const { p, id } = headers[h];
    const end = headers[h + 1]?.p ?? paragraphs.length;
    const repeated = headers.filter((x) => x.id === id).length > 1;
    for (let q = p + 1; q < end && q < p + 1 + 25; q++) {
      const i = paragraphs[q];
      // Numbered posts, or the posts under a header that stands over several of them.
      if (!repeated && !POST_NUMBER.test(ctx.sentences[i].text)) break;
      const to = q + 1 < paragraphs.length ? paragraphs[q + 1] : ctx.sentences.length;
      for (let k = i; k < to; k++) if (!skip[k]) out.push({ personId: id, sentence: k });
      if (repeated) break; // one post per header when each post has its own
    }
  }
  return out;
}

export function findAuthorLines(
  ctx: Ctx,
  skip: boolean[],
  /** People who are not authors (the people a round-up asks). */
  notAuthors: ReadonlySet<string> = new Set(),
): AuthorLines {
  const out: AuthorLines = { authors: [], reviewers: new Set(), bookAuthors: new Map() };
  const paragraphs = paragraphStarts(ctx);
  const analysis = readsAsAnalysis(ctx, skip);
  const seen = new Set<string>(notAuthors);
  const addAuthor = (a: BylineAuthor) => {
    if (seen.has(a.id)) {
      // "By X and Y" at the top, their bios at the end: the bio describes the author already named.
      const known = out.authors.find((x) => x.id === a.id);
      if (known && !known.descriptor && a.descriptor) known.descriptor = a.descriptor;
      return;
    }
    seen.add(a.id);
    out.authors.push(a);
  };
  /** Sentences of the lines near the top that only say who wrote the piece ("By X", "X" alone). */
  const authorLineSentences = new Set<number>();
  for (let p = 0; p < paragraphs.length && p < TOP_PARAGRAPHS; p++) {
    const i = paragraphs[p];
    if (skip[i]) continue;
    const text = paragraphText(ctx, i).trim();
    if (text.length > 400) continue;
    const reviewer = REVIEWER_LINE.exec(text);
    if (reviewer) {
      for (const a of parseByline(reviewer[1])) out.reviewers.add(a.id);
      continue;
    }
    if (BOOK_CITATION.test(text) && /\b[Bb]y\s+\p{Lu}/u.test(text)) {
      // "Frozen Frontier. By Jane Doe. Some Press, 2025.": the book's author, not the page's.
      const by = /\bby\s+(.{2,200})$/iu.exec(text);
      for (const a of parseByline(by ? by[1].split(/\.\s/)[0] : '')) {
        const person = ctx.scan.persons.get(a.id);
        if (person) out.bookAuthors.set(a.id, i);
      }
      continue;
    }
    const line = AUTHOR_LINE.exec(text) ?? AUTHOR_LABEL.exec(text) ?? BY_AT_END.exec(text);
    const named = ctx.scan.bySentence[i];
    if (line || (named.length === 1 && named[0].full && text.length <= named[0].end + 1))
      authorLineSentences.add(i);
    if (line) {
      // "Essay by X", "Author: X", "Article in The Daily by X": the line itself says X wrote the piece.
      const says = ESSAY_WORD.test(text) || AUTHOR_LABEL.test(text);
      for (const a of parseByline(line[1])) addAuthor({ ...a, writesAnalysis: analysis || says });
      continue;
    }
    const journal = journalAuthors(text);
    if (journal.length) {
      for (const a of journal) addAuthor(a);
      continue;
    }
    // The name alone, then a short role-and-institution line (or, on an essay, nothing more).
    const ms = ctx.scan.bySentence[i];
    // "Eirini Roe Ph.D Candidate, Department of …, University of …": the name runs into its descriptor.
    if (ms.length >= 1 && ms[0].full && ms[0].start <= 1 && p > 0 && text.length <= 300) {
      const rest = text.slice(ms[0].end).replace(/^[\s,|–—-]+/, '');
      if (
        rest &&
        !/[.!?]["”’]?$/.test(rest) &&
        !VERB_IN_LINE.test(rest) &&
        ROLE_ANY.test(rest) &&
        THINK_TANK_ORG.test(rest)
      ) {
        addAuthor({
          name: text.slice(ms[0].start, ms[0].end),
          id: ms[0].personId,
          descriptor: rest,
          writesAnalysis: analysis,
        });
        continue;
      }
    }
    const next = paragraphs[p + 1];
    if (
      ms.length === 1 &&
      ms[0].full &&
      text.length <= ms[0].end + 1 &&
      next !== undefined &&
      ctx.scan.bySentence[next].length === 0
    ) {
      const block = paragraphText(ctx, next).trim();
      const name = ctx.sentences[i].text.slice(ms[0].start, ms[0].end);
      if (
        block.length <= 200 &&
        !/[.!?]["”’]?$/.test(block) &&
        (ROLE_ANY.test(block) || THINK_TANK_ORG.test(block))
      ) {
        addAuthor({ name, id: ms[0].personId, descriptor: block, writesAnalysis: analysis });
      } else if (analysis && p <= 3) {
        addAuthor({ name, id: ms[0].personId, descriptor: '', writesAnalysis: true });
      }
    }
  }
  // A bio at the end for someone the body never names (an author line at the top aside), one a
  // sentence: "X is a professor at Y. Z is a research fellow at W."
  const endFrom = paragraphs[Math.max(0, paragraphs.length - END_PARAGRAPHS)] ?? ctx.sentences.length;
  for (let i = endFrom; i < ctx.sentences.length; i++) {
    if (skip[i]) continue;
    const first = ctx.scan.bySentence[i][0];
    if (!first || !first.full || first.start > 2) continue;
    const s = ctx.sentences[i].text;
    const person = ctx.scan.persons.get(first.personId);
    if (!person || person.mentions.some((m) => m.sentence < i && !authorLineSentences.has(m.sentence)))
      continue;
    const m = END_BIO.exec(s.slice(first.end));
    if (!m || !ROLE_ANY.test(s.slice(first.end))) continue;
    const descriptor = s
      .slice(first.end)
      .replace(/^\s+(?:is|was|has\s+been|serves\s+as)\s+(?:an?|the)\s+/, '')
      .replace(/[.]\s*$/, '');
    addAuthor({ name: s.slice(first.start, first.end), id: first.personId, descriptor });
  }
  return out;
}

/** "X (University of Y) and Z (Institute of W)": every name with its affiliation, or none. */
function journalAuthors(text: string): BylineAuthor[] {
  const out: BylineAuthor[] = [];
  let rest = text;
  JOURNAL_AUTHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JOURNAL_AUTHOR.exec(text))) {
    const name = m[1].replace(/^(?:and|&)\s+/i, '').trim();
    NAME_RUN.lastIndex = 0;
    const run = NAME_RUN.exec(name);
    if (!run || run[0] !== name || name.split(/\s+/).length < 2 || name.split(/\s+/).length > 4) return [];
    out.push({ name, id: foldName(name), descriptor: m[2].trim() });
    rest = rest.replace(m[0], '');
  }
  // Nothing but the names, their affiliations and the words that join them.
  return out.length && /^[\s,;&]*(?:(?:and|&)[\s,;]*)*$/i.test(rest) ? out : [];
}

function paragraphStarts(ctx: Ctx): number[] {
  const out: number[] = [];
  ctx.sentences.forEach((s, i) => {
    if (i === 0 || ctx.sentences[i - 1].paragraph !== s.paragraph) out.push(i);
  });
  return out;
}

function paragraphText(ctx: Ctx, i: number): string {
  let t = ctx.sentences[i].text;
  for (
    let k = i + 1;
    k < ctx.sentences.length && ctx.sentences[k].paragraph === ctx.sentences[i].paragraph;
    k++
  )
    t += ` ${ctx.sentences[k].text}`;
  return t;
}
