/**
 * Experts in article text: which of the people named are analysts, scholars, think-tank staff or
 * authors (not the leaders and officials the story is about, not the byline), the role and
 * organisation the article gives them, and every sentence in which they are quoted or paraphrased.
 *
 * Patterns written for news prose, one pass of compiled regexes per sentence; see
 * `tests/fixtures/experts/` for what they are measured on.
 */
import { foldName, rx } from './names';
import { bylineKeys, scanPeople } from './people';
import { splitSentenceSpans } from './sentences';
import { type Expert, type Person, type PersonKind, type Statement } from './types';
import { GOVERNMENT_ORG, OFFICIAL_SURNAMES } from './experts/role-lexicon';
import {
  cleanOrganization,
  isPlaceOnly,
  REPORT_WORD,
  ORG_DEFINITION,
  orgNamedIn,
} from './experts/organization';
import { type Affiliation, classifyRole } from './experts/role-class';
import { type Ctx } from './experts/context';
import {
  PRONOUN_VERB,
  VERB_PRONOUN,
  ANY_SPEECH_VERB,
  PRONOUN_START,
  PRONOUN_VIEW,
  QUOTE_MARK,
  type Attribution,
  speakerVia,
} from './experts/speech';
import { affiliationFor } from './experts/affiliation';
import { GUEST_FRAME, GUEST_FRAME_AFTER, GUEST_APPOSITIVE } from './experts/guests';
import { parseByline, authorAsExpert, thesisSentences } from './experts/author-block';
import { MARKUP, skippedSentences } from './experts/page-furniture';
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
}

export interface FindPeopleResult {
  experts: ExpertCandidate[];
  people: Person[];
}

/** Finds the experts (and every other person) in article text. */
export function findPeople(rawText: string, opts: FindPeopleOptions = {}): FindPeopleResult {
  const original = typeof rawText === 'string' ? rawText : '';
  // Markup that shows as text ("<img onerror=…>") is blanked out, same length, so offsets still match.
  const text = original.replace(MARKUP, (m) => ' '.repeat(m.length));
  const sentences = splitSentenceSpans(text);
  const skip = skippedSentences(text, sentences);
  const scan = scanPeople(text, sentences, skip);
  const sentenceText = (i: number) => original.slice(sentences[i].start, sentences[i].end);

  const personSurnames = new Set<string>();
  for (const p of scan.persons.values()) {
    for (const f of p.surfaceForms) personSurnames.add(foldName(f));
  }
  // Organisations defined in the text ("FilterLabs, a U.S.-based company that …") and the one behind
  // the latest report mentioned.
  const definedOrgs = new Map<string, string>();
  const reportOrgAt: (string | null)[] = [];
  let reportOrg: string | null = null;
  for (let i = 0; i < sentences.length; i++) {
    reportOrgAt.push(reportOrg);
    if (skip[i]) continue;
    const s = sentences[i].text;
    ORG_DEFINITION.lastIndex = 0;
    let m: RegExpExecArray | null;
    let orgHere: string | null = null;
    while ((m = ORG_DEFINITION.exec(s))) {
      const org = cleanOrganization(m[1]);
      if (org && !isPlaceOnly(org) && !scan.persons.has(foldName(org))) {
        definedOrgs.set(foldName(org), org);
        orgHere ??= org;
      }
    }
    if (REPORT_WORD.test(s)) {
      if (!orgHere) orgHere = orgNamedIn(s, scan.orgs, definedOrgs);
      if (orgHere) reportOrg = orgHere;
    }
    reportOrgAt[i] = reportOrg ?? reportOrgAt[i];
  }
  // The organisation valid *before* a sentence is read from the previous entry; keep the running value.
  const ctx: Ctx = { sentences, scan, personSurnames, definedOrgs, reportOrgAt };

  // Statements: named attributions first.
  const statements = new Map<string, Map<number, Statement>>();
  const named = new Map<number, Map<string, Attribution>>();
  const add = (personId: string, i: number, via: string, isNamed: boolean) => {
    let m = statements.get(personId);
    if (!m) statements.set(personId, (m = new Map()));
    if (m.has(i)) return;
    const s = sentenceText(i);
    m.set(i, { text: s, sentenceIndex: i, kind: QUOTE_MARK.test(s) ? 'quote' : 'paraphrase', via });
    let n = named.get(i);
    if (!n) named.set(i, (n = new Map()));
    n.set(personId, { via, named: isNamed });
  };
  for (let i = 0; i < sentences.length; i++) {
    const ms = scan.bySentence[i];
    if (!ms.length) continue;
    const s = sentences[i].text;
    for (let k = 0; k < ms.length; k++) {
      const via = speakerVia(ms[k], s, ms[k + 1]);
      if (via) add(ms[k].personId, i, via, true);
    }
    // A quotation with a single person and a speech verb anywhere: that person speaks.
    if (QUOTE_MARK.test(s) && !named.get(i)) {
      const ids = new Set(ms.map((x) => x.personId));
      if (ids.size === 1 && ANY_SPEECH_VERB.test(s)) add(ms[0].personId, i, 'quote', true);
    }
  }
  // People presented as the piece's guests or interviewees, in the sentence that presents them.
  const introduced = new Map<string, number>();
  for (let i = 0; i < sentences.length; i++) {
    if (skip[i]) continue;
    const s = sentences[i].text;
    for (const mention of scan.bySentence[i]) {
      if (introduced.has(mention.personId) || !mention.full) continue;
      const nextText =
        i + 1 < sentences.length && sentences[i + 1].paragraph === sentences[i].paragraph
          ? ` ${sentences[i + 1].text}`
          : '';
      const right = s.slice(mention.end, mention.end + 200) + nextText;
      let prefix = s.slice(0, mention.start);
      for (let k = i - 1; k >= 0 && k >= i - 3 && sentences[k].paragraph === sentences[i].paragraph; k--)
        prefix = `${sentences[k].text} ${prefix}`;
      const framed =
        (GUEST_FRAME.test(prefix.slice(-600)) && GUEST_APPOSITIVE.test(right)) ||
        GUEST_FRAME_AFTER.test(right);
      if (framed) introduced.set(mention.personId, i);
    }
  }
  // "…, where, he says, the two powers …": one person in the sentence and a pronoun speech verb.
  for (let i = 0; i < sentences.length; i++) {
    const ms = scan.bySentence[i];
    if (!ms.length || named.get(i)?.has(ms[0].personId)) continue;
    if (!ms.every((x) => x.personId === ms[0].personId)) continue;
    const s = sentences[i].text;
    const pv = PRONOUN_VERB.exec(s) ?? VERB_PRONOUN.exec(s);
    if (pv && pv.index > ms[0].end) add(ms[0].personId, i, 'pronoun', false);
  }
  // Pronoun follow-ups and continued quotations.
  for (let i = 1; i < sentences.length; i++) {
    if (skip[i]) continue;
    const prev = named.get(i - 1);
    const s = sentences[i].text;
    const ms = scan.bySentence[i];
    const prevMentions = scan.bySentence[i - 1];
    // The speaker of the previous sentence: the last person attributed there, or the one person it
    // introduces as its subject ("Bobo Lo, a fellow at …, has spent decades …").
    let speaker: string | undefined;
    if (prev?.size) {
      const speakers = [...prev.keys()];
      speaker = speakers[speakers.length - 1];
    } else if (prevMentions.length && prevMentions.every((x) => x.personId === prevMentions[0].personId)) {
      const lead = sentences[i - 1].text.slice(0, prevMentions[0].start);
      if (rx(String.raw`^(?:[\p{Lu}][\p{Ll}]+,\s*)?["“]?$`, 'u').test(lead))
        speaker = prevMentions[0].personId;
    }
    if (!speaker) continue;
    const pv = PRONOUN_VERB.exec(s) ?? VERB_PRONOUN.exec(s) ?? PRONOUN_VIEW.exec(s);
    const firstOther = ms.find((x) => x.personId !== speaker);
    if (pv && (!firstOther || firstOther.start > pv.index)) {
      add(speaker, i, 'pronoun', false);
      continue;
    }
    if (PRONOUN_START.test(s)) {
      // "He sees …" refers to the last person named in the previous sentence.
      const lastPrev = prevMentions[prevMentions.length - 1];
      if ((!lastPrev || lastPrev.personId === speaker) && (!firstOther || firstOther.start > 3)) {
        add(speaker, i, 'pronoun', false);
        continue;
      }
    }
    if (
      /^["“]/.test(s) &&
      !ms.length &&
      QUOTE_MARK.test(sentences[i - 1].text) &&
      sentences[i - 1].paragraph === sentences[i].paragraph
    ) {
      add(speaker, i, 'continuation', false);
    }
  }

  // Classification.
  const byline = bylineKeys(opts.byline);
  const authors = parseByline(opts.byline);
  for (const a of authors) byline.add(a.id);
  /** Byline authors who write as outside experts, with the affiliation that says so. */
  const authorAffiliation = new Map<string, Affiliation>();
  const people: Person[] = [];
  const experts: ExpertCandidate[] = [];
  const ordered = [...scan.persons.values()].sort((a, b) => a.firstSentence - b.firstSentence);
  for (const p of ordered) {
    const aff = affiliationFor(p, ctx);
    const own = statements.get(p.id);
    let kind: PersonKind;
    const surname = p.name.split(/\s+/).pop() ?? '';
    if (
      byline.has(p.id) ||
      [...byline].some((b) => b.endsWith(`-${foldName(surname)}`) && p.name.split(/\s+/).length === 1)
    ) {
      kind = 'byline';
      const outside = byline.has(p.id) ? authorAsExpert(p.id, aff, authors) : null;
      if (outside) {
        kind = 'expert';
        authorAffiliation.set(p.id, outside);
      }
    } else if (p.official) kind = p.official.kind;
    else {
      let rc = classifyRole(aff);
      // Relatives of leaders ("Hunter Biden") are not experts unless the article says so.
      const affiliated = aff.organization !== null && !GOVERNMENT_ORG.test(aff.organization);
      if (rc === null && !affiliated && OFFICIAL_SURNAMES.has(foldName(surname))) rc = 'other';
      const namedStatement =
        own && [...own.values()].some((st) => st.via !== 'pronoun' && st.via !== 'continuation');
      // A guest or interviewee with an expert's role speaks in the piece even without a speech verb;
      // the sentence that presents them stands for their words when nothing else does.
      if (rc === 'expert' && !own?.size && introduced.has(p.id)) {
        add(p.id, introduced.get(p.id)!, 'guest', true);
      }
      const ownNow = statements.get(p.id);
      if (rc === 'expert' || (rc === null && ownNow && (namedStatement || affiliated))) {
        kind = ownNow?.size ? 'expert' : 'other';
      } else kind = rc ?? 'other';
    }
    people.push({ name: p.name, kind });
    if (kind !== 'expert') continue;
    const shown = authorAffiliation.get(p.id) ?? aff;
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
    const thesis = thesisSentences(sentences, skip, named, scan, new Set(authorAffiliation.keys()));
    for (const id of authorAffiliation.keys()) {
      statements.set(
        id,
        new Map(
          thesis.map((i) => [
            i,
            { text: sentenceText(i), sentenceIndex: i, kind: 'paraphrase' as const, via: 'author' },
          ]),
        ),
      );
    }
  }
  // An unattributed sentence next to an expert's ("Some experts question …") is not theirs: cards list
  // only the sentences the expert said (the seed page's sentence before Gabuev's was shown as his).
  for (const e of experts) {
    const own = statements.get(e.id);
    e.statements = own ? [...own.values()].sort((a, b) => a.sentenceIndex - b.sentenceIndex) : [];
  }
  return { experts, people };
}
