/**
 * Stage "statements": which sentences each person said. A sentence belongs to a person only when the
 * text attributes it to them: a speech verb or a colon next to their name (`speakerVia`), a quotation
 * with them as its only person, a pronoun follow-up right after a sentence they said or that they open
 * ("He explains …"), or a quotation continued in the same paragraph. A neighbouring sentence that names
 * no one and has no pronoun ("Some experts question …") is nobody's.
 */
import { rx } from '../names';
import { THINK_TANK_ORG } from './role-lexicon';
import type { Statement } from '../types';
import type { Ctx } from './context';
import {
  ANY_SPEECH_VERB,
  PRONOUN_START,
  PRONOUN_VERB,
  PRONOUN_VIEW,
  QUOTE_MARK,
  VERB_PRONOUN,
  speakerVia,
  type Attribution,
} from './speech';

/** Statements by person and attributions by sentence, filled by the attribution rules. */
export class StatementBook {
  /** personId → sentence index → statement. */
  readonly bySpeaker = new Map<string, Map<number, Statement>>();
  /** sentence index → personId → how the sentence was attributed. */
  readonly bySentence = new Map<number, Map<string, Attribution>>();

  constructor(private readonly sentenceText: (i: number) => string) {}

  add(personId: string, i: number, via: string, isNamed: boolean): void {
    let m = this.bySpeaker.get(personId);
    if (!m) this.bySpeaker.set(personId, (m = new Map()));
    if (m.has(i)) return;
    const s = this.sentenceText(i);
    m.set(i, { text: s, sentenceIndex: i, kind: QUOTE_MARK.test(s) ? 'quote' : 'paraphrase', via });
    let n = this.bySentence.get(i);
    if (!n) this.bySentence.set(i, (n = new Map()));
    n.set(personId, { via, named: isNamed });
  }

  /** Replaces a person's statements (an author's thesis sentences). */
  set(personId: string, indices: number[], via: string): void {
    this.bySpeaker.set(
      personId,
      new Map(
        indices.map((i) => [
          i,
          { text: this.sentenceText(i), sentenceIndex: i, kind: 'paraphrase' as const, via },
        ]),
      ),
    );
  }

  count(personId: string): number {
    return this.bySpeaker.get(personId)?.size ?? 0;
  }

  /** Whether a statement names the person (not only a pronoun follow-up or a continued quotation). */
  hasNamed(personId: string): boolean {
    const own = this.bySpeaker.get(personId);
    return !!own && [...own.values()].some((st) => st.via !== 'pronoun' && st.via !== 'continuation');
  }

  of(personId: string): Statement[] {
    const own = this.bySpeaker.get(personId);
    return own ? [...own.values()].sort((a, b) => a.sentenceIndex - b.sentenceIndex) : [];
  }
}

const SUBJECT_LEAD = rx(String.raw`^(?:[\p{Lu}][\p{Ll}]+,\s*)?["“]?$`, 'u');

/** Runs the attribution rules over the text's sentences. */
export function attributeStatements(
  ctx: Ctx,
  skip: boolean[],
  sentenceText: (i: number) => string,
  /** Statements a page-shape detector already knows (a reviewed book's author), before follow-ups. */
  seeds: { personId: string; sentence: number; via: string }[] = [],
): StatementBook {
  const { sentences, scan } = ctx;
  const book = new StatementBook(sentenceText);
  for (const seed of seeds) book.add(seed.personId, seed.sentence, seed.via, true);
  // Named attributions first.
  for (let i = 0; i < sentences.length; i++) {
    const ms = scan.bySentence[i];
    if (!ms.length) continue;
    const s = sentences[i].text;
    for (let k = 0; k < ms.length; k++) {
      const via = speakerVia(ms[k], s, ms[k + 1]) ?? dashAfterQuotedSentence(ctx, i, ms[k].start);
      if (via) book.add(ms[k].personId, i, via, true);
    }
    // A quotation with a single person and a speech verb anywhere: that person speaks.
    if (QUOTE_MARK.test(s) && !book.bySentence.get(i)) {
      const ids = new Set(ms.map((x) => x.personId));
      if (ids.size === 1 && ANY_SPEECH_VERB.test(s)) book.add(ms[0].personId, i, 'quote', true);
    }
  }
  // "Jane Doe, director of X; and John Roe, analyst, Y: Today we see …": a paragraph labelled with its
  // speakers and their roles (a round-up or a transcript) belongs to them, to the paragraph's end.
  for (let i = 0; i < sentences.length; i++) {
    if (skip[i] || (i > 0 && sentences[i - 1].paragraph === sentences[i].paragraph)) continue;
    const ms = scan.bySentence[i];
    const s = sentences[i].text;
    if (!ms.length || !LABEL_LEFT.test(s.slice(0, ms[0].start))) continue;
    const colon = s.indexOf(':', ms[0].end);
    // Something must follow the label: 30 characters, or more sentences ("…: Not openly. Dual-use …").
    const more = i + 1 < sentences.length && sentences[i + 1].paragraph === sentences[i].paragraph;
    if (colon < 0 || colon - ms[0].end > 250 || (s.length - colon < 30 && !more)) continue;
    const label = s.slice(ms[0].end, colon);
    if (/[“"«]/.test(label) || /^\s*:/.test(s.slice(ms[0].end))) continue; // transcript turns: speakerVia
    const speakers = ms.filter(
      (m) => m.end <= colon && (m === ms[0] || /(?:;|\band)\s*$/.test(s.slice(0, m.start))),
    );
    if (!labelLooksLikeRoles(label, speakers.length)) continue;
    for (let k = i; k < sentences.length && sentences[k].paragraph === sentences[i].paragraph; k++)
      for (const m of speakers) book.add(m.personId, k, 'labelled', true);
  }
  // A round-up line's quotation may run over several sentences before "– Name": all of them are theirs.
  for (const [i, atts] of [...book.bySentence]) {
    for (const [id, att] of atts) {
      if (att.via !== 'quote-line') continue;
      for (
        let k = i - 1;
        k >= 0 && sentences[k].paragraph === sentences[i].paragraph && !scan.bySentence[k].length;
        k--
      )
        book.add(id, k, 'quote-line', true);
    }
  }
  // "…, where, he says, the two powers …": one person in the sentence and a pronoun speech verb.
  for (let i = 0; i < sentences.length; i++) {
    const ms = scan.bySentence[i];
    if (!ms.length || book.bySentence.get(i)?.has(ms[0].personId)) continue;
    if (!ms.every((x) => x.personId === ms[0].personId)) continue;
    const s = sentences[i].text;
    const pv = PRONOUN_VERB.exec(s) ?? VERB_PRONOUN.exec(s);
    if (pv && pv.index > ms[0].end) book.add(ms[0].personId, i, 'pronoun', false);
  }
  // Pronoun follow-ups and continued quotations.
  for (let i = 1; i < sentences.length; i++) {
    if (skip[i]) continue;
    const speaker = previousSpeaker(ctx, book, i);
    if (!speaker) continue;
    const s = sentences[i].text;
    const ms = scan.bySentence[i];
    const prevMentions = scan.bySentence[i - 1];
    const pv = PRONOUN_VERB.exec(s) ?? VERB_PRONOUN.exec(s) ?? PRONOUN_VIEW.exec(s);
    const firstOther = ms.find((x) => x.personId !== speaker);
    if (pv && (!firstOther || firstOther.start > pv.index)) {
      book.add(speaker, i, 'pronoun', false);
      continue;
    }
    if (PRONOUN_START.test(s)) {
      // "He sees …" refers to the last person named in the previous sentence.
      const lastPrev = prevMentions[prevMentions.length - 1];
      if ((!lastPrev || lastPrev.personId === speaker) && (!firstOther || firstOther.start > 3)) {
        book.add(speaker, i, 'pronoun', false);
        continue;
      }
    }
    if (
      /^["“]/.test(s) &&
      !ms.length &&
      QUOTE_MARK.test(sentences[i - 1].text) &&
      sentences[i - 1].paragraph === sentences[i].paragraph
    ) {
      book.add(speaker, i, 'continuation', false);
    }
  }
  return book;
}

/** "«…development.» – X, researcher at Y" split after the quotation: the dash opens the sentence. */
function dashAfterQuotedSentence(ctx: Ctx, i: number, start: number): string | null {
  const { sentences } = ctx;
  if (i === 0 || sentences[i - 1].paragraph !== sentences[i].paragraph) return null;
  if (!LEADING_DASH.test(sentences[i].text.slice(0, start))) return null;
  return /[»”"'’]\s*$/u.test(sentences[i - 1].text) ? 'quote-line' : null;
}

const LABEL_LEFT = /^[\s"“(]*(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?$/;
/** Role words in a speaker label: "Founding Director of Russia Matters", "Policy Analyst, RAND". */
const LABEL_ROLE =
  /\b(?:director|fellow|professor|analyst|researcher|scholar|economist|historian|head|president|chair|founder|lecturer|expert|adviser|advisor|editor|dean|associate|specialist)\b/i;

/** The words between a speaker's name and the colon are roles and organisations, not a clause. */
function labelLooksLikeRoles(label: string, speakers: number): boolean {
  // "Jane Roe (Adriatic Council on Foreign Relations): …": an organisation in brackets.
  if (speakers === 1 && /^\s*\([^()]{3,160}\)\s*$/.test(label)) return THINK_TANK_ORG.test(label);
  if (!speakers || !/^\s*,/.test(label) || !LABEL_ROLE.test(label)) return false;
  // A label names roles bare ("Director of X"); ", an expert on … and author of the book Zero Sum: The
  // Arc of …" is an appositive running into a title.
  if (/^\s*,\s+(?:an?|the)\s/i.test(label) || /\b(?:book|titled|entitled|report|study|paper)\b/i.test(label))
    return false;
  // No verb phrase: "X, who said last week that …:" is a sentence, not a label.
  return !/\b(?:said|says|told|wrote|is|was|are|were|has|had|will|would)\b/.test(label);
}

const LEADING_DASH = /^\s*(?:[–—]|--?)\s*(?:(?:Dr|Prof|Professor)\.?\s+)?$/u;

/**
 * The speaker of sentence `i - 1`: the last person attributed there, or the one person it introduces
 * as its subject ("Bobo Lo, a fellow at …, has spent decades …"). Never someone from further back.
 */
function previousSpeaker(ctx: Ctx, book: StatementBook, i: number): string | undefined {
  const prev = book.bySentence.get(i - 1);
  if (prev?.size) {
    const speakers = [...prev.keys()];
    return speakers[speakers.length - 1];
  }
  const prevMentions = ctx.scan.bySentence[i - 1];
  if (prevMentions.length && prevMentions.every((x) => x.personId === prevMentions[0].personId)) {
    const lead = ctx.sentences[i - 1].text.slice(0, prevMentions[0].start);
    if (SUBJECT_LEAD.test(lead)) return prevMentions[0].personId;
  }
  return undefined;
}
