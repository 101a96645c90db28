/**
 * Stage "role and organisation", organisation half: the organisation named in an appositive, before a
 * name ("Carnegie's X"), defined in the text ("FilterLabs, a company that …") or behind a report.
 */
import { classifyWord, foldName, NAME_RUN, rx, tokenizeRun } from '../names';
import { ROLE_ANY } from './role-lexicon';
import { type Ctx } from './context';

/** The comma segment after a role appositive, when it is an organisation: ", Tokyo Foundation think-tank,". */
export const NEXT_SEGMENT_ORG = rx(
  String.raw`^\s*,\s+(?:the\s+)?(\p{Lu}[^,;:()]{1,100}?)(?:\s+think[- ]tank)?\s*(?:[,;:()]|$)`,
  'u',
);

export const FIRST_ORG_WINS = /\b(?:Center|Centre|Institute|Council|Foundation|Endowment|Society|Academy)\b/;

export const PROGRAMME_WORD = /\b(?:Program|Programme|Project|Initiative|Desk|Department|Faculty|Chair)\b/i;

/** "a Yale researcher", "the Eurasia Group analyst": an organisation, then a role. */
export const PRE_ORG_ROLE = rx(
  String.raw`^(?:an?|the)\s+(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,5})\s+((?:(?:senior|chief|lead|principal|visiting|research)\s+)*(?:analyst|fellow|economist|researcher|scholar|expert|strategist|professor|historian|consultant|specialist))$`,
  'u',
);

export const MEMBERSHIP_CUT =
  /\s+and\s+(?:also\s+)?(?:an?\s+)?(?:\p{Ll}+\s+)?(?:member|board\s+member|trustee|commissioner)\s+of\b/u;

export const NATIONALITY_DESCRIPTOR = rx(
  String.raw`\b(at|with|for|of|from)\s+(\p{Lu}\p{Ll}+)\s+(think[- ]tank|firm|consultancy|company|research\s+(?:group|institute|firm)|institute|bank|lab|group|agency|nonprofit|outlet)\s+(?=\p{Lu})`,
  'gu',
);

export const REPORT_WORD =
  /\b(?:report|study|survey|paper|poll|polling|analysis|research|findings|index|brief|white\s+paper|dataset)\b/i;

export const REPORT_AUTHOR =
  /\b(?:(?:report|study|survey|paper|analysis|poll)['’]s\s+(?:lead\s+|co-?)?authors?|(?:lead\s+|co-?)?authors?\s+of\s+the\s+(?:report|study|survey|paper|analysis)|who\s+(?:co-?)?(?:wrote|authored|led)\s+the\s+(?:report|study|survey|paper|analysis)|co-?authored\s+the\s+(?:report|study|survey|paper|analysis))\b/i;

export const ORG_DEFINITION = rx(
  String.raw`(\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+(?:(?:of|for|on|and|the|&)\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*){0,6}),\s+(?:an?|the)\s+(?:[\p{L}.-]+\s+){0,4}?(?:company|firm|think[- ]tank|consultancy|institute|organi[sz]ation|group|start-?up|nonprofit|non-profit|NGO|cent(?:er|re)|agency|outlet|publication|platform|foundation|university|lab|laboratory|consulting\s+firm|research\s+(?:house|firm|group|cent(?:er|re)))\b`,
  'gu',
);

export const ORG_CONNECTOR = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'la', 'für', 'the']);

export const ORG_LEAD_ADJ = rx(
  String.raw`^(?:[\p{L}.]+-(?:based|linked|backed|funded|affiliated|owned|run|headquartered|registered|leaning|aligned|friendly|critical|oriented|focused|centric|connected)|state-run|independent|influential|prestigious|prominent|nonpartisan|bipartisan|conservative|liberal|progressive|hawkish|centrist|libertarian|government-funded|private|elite|leading|renowned|respected)\s+`,
  'iu',
);

export const ORG_DESCRIPTOR = rx(
  String.raw`^(?:[\p{L}.]+-\p{Ll}+\s+)?(?:\p{Ll}+\s+){0,3}(?:firm|consultancy|company|think[- ]tank|organi[sz]ation|outlet|bank|lab|group|agency|start-?up|nonprofit|institute|publication|journal|magazine|newsletter|platform|network|fund)\s+(?=[\p{Lu}\p{N}])`,
  'u',
);

/** "the center's chief executive": the organisation named just before. */
export const ANAPHORIC_ORG =
  /\bthe\s+(center|centre|institute|council|foundation|endowment|group|university|firm|company|think[- ]tank|programme|program|school|academy|bank|fund)['’]s\b/i;

export const TITLE_CUT =
  /\b(?:book|novel|memoir|titled|entitled|called|the\s+forthcoming|bestseller|best-selling)\b/i;

/** Cleans an organisation phrase from the text: drops "the", "Berlin-based", keeps the capitalised name. */
export function cleanOrganization(raw: string): string | null {
  let s = raw.trim().replace(/^the\s+/i, '');
  s = s.replace(ORG_DESCRIPTOR, '');
  for (let i = 0; i < 3; i++) {
    const m = ORG_LEAD_ADJ.exec(s);
    if (!m) break;
    s = s.slice(m[0].length).replace(/^the\s+/i, '');
  }
  const words = s.split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[,;:.)”"’]+$/u, '');
    const capital =
      rx(String.raw`^[\p{Lu}\p{N}]`, 'u').test(bare) || rx(String.raw`^(?:al|el)-\p{Lu}`, 'u').test(bare);
    if (capital) kept.push(bare);
    else if (
      (ORG_CONNECTOR.has(bare.toLowerCase()) || (bare === 'a' && kept[kept.length - 1] === 'for')) &&
      kept.length
    )
      kept.push(bare);
    else break;
    if (bare !== w) break; // punctuation ended the phrase
  }
  while (
    kept.length &&
    (ORG_CONNECTOR.has(kept[kept.length - 1].toLowerCase()) || kept[kept.length - 1] === 'a')
  )
    kept.pop();
  if (!kept.length) return null;
  let org = kept.join(' ').replace(/['’]s$/u, '');
  // "U.S." and other dotted acronyms at the end lose their final dot to the sentence.
  org = org.replace(/\.$/, '');
  return org || null;
}

/** A bare organisation name as an appositive: "Didi-Kirsten Tatlow, German Council on Foreign Relations." */
export function isOrgName(a: string): boolean {
  if (!rx(String.raw`^\p{Lu}`, 'u').test(a) || ROLE_ANY.test(a)) return false;
  const org = cleanOrganization(a);
  return (
    org !== null &&
    org.length >= a.replace(/^the\s+/i, '').length - 1 &&
    tokenizeRun(org).some((t) => classifyWord(t.word) === 'org')
  );
}

export function isPlaceOnly(org: string): boolean {
  const toks = tokenizeRun(org);
  if (!toks.length) return true;
  return toks.every((t) => {
    const c = classifyWord(t.word);
    return c === 'place' || c === 'stop' || c === 'title' || c === 'initial';
  });
}

export function organizationIn(
  appositive: string,
  ctx: Ctx,
  sentence: number,
): { org: string | null; role: string | null } {
  let text = appositive.replace(/^(?:who(?:\s+(?:is|was|serves\s+as|works\s+as)|['’]s)\s+)/i, '');
  text = text.replace(/^(?:an?|the)\s+/i, '');
  // "a professor at X and a member of the Y commission": the membership is not the affiliation.
  const cut = TITLE_CUT.exec(text) ?? MEMBERSHIP_CUT.exec(text);
  // "at German think-tank Merics": a nationality before the descriptor is not the organisation's name.
  const searchRegion = (cut ? text.slice(0, cut.index) : text).replace(
    NATIONALITY_DESCRIPTOR,
    (whole: string, prep: string, adj: string, descriptor: string) =>
      classifyWord(adj) === 'place' ? `${prep} ${descriptor} ` : whole,
  );
  const re = rx(
    String.raw`\b(at|of|with|for|from|in|heads|leads|directs|runs|chairs|founded|co-founded|joined)\s+((?:the\s+)?(?:[\p{L}.]+-\p{Ll}+\s+)?(?:(?:\p{Ll}+\s+){0,3}(?:firm|consultancy|company|think[- ]tank|organi[sz]ation|outlet|bank|lab|group|agency|start-?up|nonprofit|institute|publication|journal|magazine|newsletter|platform|network|fund)\s+)?(?:[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.&'’-]*)(?:\s+(?:for\s+a|of|for|on|and|&|de|du|the)?\s*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.&'’-]*)*)`,
    'gu',
  );
  re.lastIndex = 0;
  let best: { org: string; index: number; prep: string } | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(searchRegion))) {
    const prep = m[1].toLowerCase();
    const org = cleanOrganization(m[2]);
    if (!org || isPlaceOnly(org)) continue;
    const folded = foldName(org);
    const toks = tokenizeRun(org);
    const hasOrgWord = toks.some((t) => classifyWord(t.word) === 'org');
    const described = ORG_DESCRIPTOR.test(m[2].replace(/^the\s+/i, ''));
    const known = ctx.scan.orgs.has(folded) || ctx.definedOrgs.has(folded);
    if (ctx.personSurnames.has(folded) || ctx.scan.persons.has(folded)) continue;
    if (prep === 'in' && !hasOrgWord) continue; // "in Moscow", "in Foreign Affairs" handled by org words
    if (
      (prep === 'of' || prep === 'for' || prep === 'from') &&
      !hasOrgWord &&
      !known &&
      !described &&
      org.includes(' ')
    ) {
      // "professor of International Relations" is a field, "of Carnegie" an institution.
      if (!rx(String.raw`\p{Lu}{2}`, 'u').test(org)) continue;
    }
    // Fields of study written with capitals ("Political Science", "International Relations").
    if (
      /^(?:International\s+Relations|Political\s+Science|Economics|History|Law|Politics|Government|Sociology|Chinese\s+Studies|Russian\s+Studies)$/i.test(
        org,
      ) &&
      !known
    )
      continue;
    // "research director at the China Aerospace Studies Institute at Air University": a centre or
    // institute named first is where the person works; a programme named first belongs to the later one.
    if (best && FIRST_ORG_WINS.test(best.org) && !PROGRAMME_WORD.test(best.org)) {
      // Both are named: "China Aerospace Studies Institute, Air University".
      if (!best.org.includes(',')) best.org = `${best.org}, ${org}`;
      continue;
    }
    best = { org, index: m.index, prep };
  }
  if (!best) {
    // "one of the report's authors" → the organisation behind the report mentioned earlier.
    if (REPORT_AUTHOR.test(text) && ctx.reportOrgAt[sentence]) {
      return { org: ctx.reportOrgAt[sentence], role: text.trim() || null };
    }
    return { org: null, role: text.trim() || null };
  }
  let role = text.slice(0, best.index).trim();
  if (/^(?:heads|leads|directs|runs|chairs|founded|co-founded|joined)$/.test(best.prep)) {
    role =
      {
        heads: 'head',
        leads: 'head',
        directs: 'director',
        runs: 'head',
        chairs: 'chair',
        founded: 'founder',
        'co-founded': 'co-founder',
        joined: '',
      }[best.prep] ?? '';
  }
  role = role
    .replace(/^who\s+(?:is\s+|was\s+)?/i, '')
    .replace(/^(?:an?|the)\s+/i, '')
    .replace(/[,\s]+$/, '')
    .replace(/\s+(?:now|currently|and|who\s+is\s+now)$/i, '');
  return { org: best.org, role: role || null };
}

/** The last organisation whose name contains `head` ("center"), in this sentence before `before` or the one before. */
export function previousOrgWith(head: string, ctx: Ctx, sentence: number, before: number): string | null {
  const word = head.toLowerCase().replace(/[- ]/g, '');
  for (let i = sentence; i >= Math.max(0, sentence - 2); i--) {
    const s = i === sentence ? ctx.sentences[i].text.slice(0, before) : ctx.sentences[i].text;
    let found: string | null = null;
    NAME_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = NAME_RUN.exec(s)) && guard++ < 500) {
      // Organisation names run on through "for", "of", "on", "a", "the": "Center for a New American Security".
      const tail = s
        .slice(m.index)
        .match(
          rx(
            String.raw`^[\p{Lu}][\p{L}\p{M}.&'’-]*(?:\s+(?:(?:for|of|on|and|&|the|a)\s+)*[\p{Lu}][\p{L}\p{M}.&'’-]*)*`,
            'u',
          ),
        );
      const phrase = tail ? tail[0] : m[0];
      if (rx(`\\b${word}\\b`, 'i').test(phrase)) found = cleanOrganization(phrase);
      NAME_RUN.lastIndex = Math.max(NAME_RUN.lastIndex, m.index + phrase.length);
    }
    if (found) return found;
  }
  return null;
}

/** Organisation named in a sentence: a run with an organisation word, or one defined earlier. */
export function orgNamedIn(s: string, orgs: Set<string>, defined: Map<string, string>): string | null {
  let found: string | null = null;
  NAME_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = NAME_RUN.exec(s)) && guard++ < 500) {
    const f = foldName(m[0].replace(/['’]s$/u, ''));
    if (defined.has(f)) found = defined.get(f)!;
    else if (orgs.has(f) && !isPlaceOnly(m[0])) found = cleanOrganization(m[0]);
  }
  return found;
}
