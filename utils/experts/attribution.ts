/**
 * Stage "statements": which sentences each person said. A sentence belongs to a person only when the
 * text attributes it to them: a speech verb or a colon next to their name (`speakerVia`), a quotation
 * with them as its only person, a pronoun follow-up right after a sentence they said or that they open
 * ("He explains …"), or a quotation continued in the same paragraph. A neighbouring sentence that names
 * no one and has no pronoun ("Some experts question …") is nobody's.
 */
import { rx } from '../names';
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
      const via = speakerVia(ms[k], s, ms[k + 1]);
      if (via) book.add(ms[k].personId, i, via, true);
    }
    // A quotation with a single person and a speech verb anywhere: that person speaks.
    if (QUOTE_MARK.test(s) && !book.bySentence.get(i)) {
      const ids = new Set(ms.map((x) => x.personId));
      if (ids.size === 1 && ANY_SPEECH_VERB.test(s)) book.add(ms[0].personId, i, 'quote', true);
    }
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
