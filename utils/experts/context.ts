/**
 * What the expert stages share about one text: its sentences, the people scan and the organisations
 * it defines.
 */
import { foldName } from '../names';
import { scanPeople, type PeopleScan } from '../people';
import { splitSentenceSpans } from '../sentences';
import { unfoldHandles } from './handles';
import { blankCredits, MARKUP, skippedSentences } from './page-furniture';
import { cleanOrganization, isPlaceOnly, ORG_DEFINITION, orgNamedIn, REPORT_WORD } from './organization';
import type { SentenceSpan } from '../sentences';

export interface Ctx {
  sentences: SentenceSpan[];
  scan: PeopleScan;
  personSurnames: Set<string>;
  definedOrgs: Map<string, string>;
  /** For each sentence, the organisation last named in a sentence about a report, up to that sentence. */
  reportOrgAt: (string | null)[];
}

/**
 * The context of one text: organisations defined in it ("FilterLabs, a U.S.-based company that …")
 * and, for each sentence, the organisation behind the latest report mentioned before it.
 */
export function buildContext(sentences: SentenceSpan[], skip: boolean[], scan: PeopleScan): Ctx {
  const personSurnames = new Set<string>();
  for (const p of scan.persons.values()) {
    for (const f of p.surfaceForms) personSurnames.add(foldName(f));
  }
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
  return { sentences, scan, personSurnames, definedOrgs, reportOrgAt };
}

/** A text read for the expert stages: sentences, page furniture to skip, people, context. */
export interface ReadText {
  /** The text as given (statements quote it). */
  original: string;
  /** The same length with markup blanked and handles read as names (what the stages read). */
  text: string;
  sentences: SentenceSpan[];
  skip: boolean[];
  scan: PeopleScan;
  ctx: Ctx;
}

/** First stage, candidate names: splits the text, skips page furniture and finds the people named. */
export function readText(rawText: unknown): ReadText {
  const original = typeof rawText === 'string' ? rawText : '';
  // Markup that shows as text ("<img onerror=…>") is blanked out, same length, so offsets still match;
  // handles ("@MiraSolvang") read as the names they spell, also same length; photo credits in running
  // text ("(Photo: X/AP)") blanked.
  const text = blankCredits(unfoldHandles(original.replace(MARKUP, (m) => ' '.repeat(m.length))));
  const sentences = splitSentenceSpans(text);
  const skip = skippedSentences(text, sentences);
  const scan = scanPeople(text, sentences, skip);
  return { original, text, sentences, skip, scan, ctx: buildContext(sentences, skip, scan) };
}
