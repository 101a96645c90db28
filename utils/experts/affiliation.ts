/**
 * Stage "role and organisation": the role and organisation the article gives a person, read around
 * each mention (appositive, words before the name, a bio sentence, a guest list with dashes).
 */
import { classifyWord, foldName, rx, tokenizeRun } from '../names';
import { type Mention, type PersonRecord } from '../people';
import { STRONG_EXPERT, OTHER_ROLE, ROLE_ANY, lowerRoleWords, leftRoleWords } from './role-lexicon';
import {
  cleanOrganization,
  isOrgName,
  isPlaceOnly,
  NEXT_SEGMENT_ORG,
  PRE_ORG_ROLE,
  ANAPHORIC_ORG,
  previousOrgWith,
  organizationIn,
} from './organization';
import { type Affiliation } from './role-class';
import { type Ctx } from './context';
import { NAME_SUFFIX, PRE_APPOSITIVE } from './speech';

export const UNNAMED_SPOKESPERSON = /\b(?:an?|the)\s+spokes(?:man|woman|person)\s+(?:for|of|at)\b/i;

/** A role after an open dash, up to the next name: "Jane Doe – political analyst and commentator". */
export const GUEST_DASH = /^\s+[–—]\s+([^–—()]{2,200})/u;

export const PRONOUN_BIO =
  /^(?:He|She)(?:\s+is|['’]s|\s+was|\s+has\s+been|\s+serves\s+as)\s+(?:also\s+|now\s+)?(.*)$/su;

/** The name ends its sentence, or only "joins me now" follows it. */
export const END_OR_JOINS =
  /^(?:\s+(?:joins|joined)\s+(?:me|us)(?:\s+(?:now|today|here|again|from\s+\p{Lu}\S*))?)?[\s.!?"”’]*$/u;

export const APPOSITIVE_TAIL_VERB =
  /\s+(?:said|says|told|tells|added|adds|argued|argues|believes|believed|noted|notes|warned|warns|wrote|writes|explained|explains|cautioned|cautions)\b.*$/iu;

export const APPOSITIVE_OPENER =
  /^(?:an?|one\s+of|the\s+[^\s,]+['’]s|who\s+(?:heads|leads|directs|runs|chairs|founded|co-founded|teaches|works|studies|researches|serves|advises|writes|edits|follows|covers|tracks|monitors|is|was|now))\s/i;

export const BIO =
  /^\s+(?:is|was|has\s+been|serves\s+as|holds)\s+((?:an?|the|one\s+of)\s+(?:[^.;:()]|(?<=\b\p{Lu})\.){2,200}?|(?:director|head|founder|president|chair|professor|co-founder|(?:senior|associate|assistant|visiting|distinguished|research|nonresident|non-resident)\s+(?:research\s+)?(?:fellow|professor|lecturer|analyst|researcher|scholar)|lecturer|fellow)\b[^.;:()]{2,200}?)(?=(?<!\b\p{Lu})\.|[;:()]|,\s|$)/u;

/**
 * A sentence that opens with a title run straight into the name, with no comma: "Head of the Centre
 * for Eurasian Studies at the Baltic Policy School Oleg Varnavin said …". The title's head word comes
 * first; after it only capitalised words and "of", "at", "for", "in", "on", "and", "the".
 */
export const OPENING_TITLE_RUN = rx(
  String.raw`^[\s"“‘(]*((?:(?:Senior|Chief|Deputy|Executive|Managing|Research|Associate|Assistant|Visiting|Former|Founding|Lead|Principal)\s+)*(?:Head|Director|Chair(?:man|woman)?|President|Founder|Co-founder|Dean|Professor|Fellow|Analyst|Economist|Researcher|Scholar|Editor(?:-in-[Cc]hief)?)(?:\s+(?:of|at|for|in|on|and|the|\p{Lu}[\p{L}\p{M}'’.&-]*))+?)\s+$`,
  'u',
);

/** The appositive after a name: ", a senior fellow at the X," → "a senior fellow at the X". */
export function appositiveAfter(right: string): string | null {
  const dash = /^\s*[—–]\s*([^—–]{2,260}?)\s*[—–]/u.exec(right);
  const m =
    dash ??
    /^['’]?s?\s*,\s+([^,;:()\u2013\u2014]{2,260}?)(?=\s*(?:[,;:()\u2013\u2014]|\s-\s|$))/u.exec(right);
  if (!m) {
    // A biography sentence: "Gabuev is director of the Carnegie Russia Eurasia Center."
    const bio = BIO.exec(right);
    return bio && ROLE_ANY.test(bio[1]) ? bio[1].replace(/\s+/g, ' ') : null;
  }
  let a = m[1].trim().replace(/\.$/, '');
  if (
    /^(?:and|but|or|which|that|said|says|told|who\s+said|according|as|while|when|if|in|on|at|after|before|because|since|adding|noting|arguing|saying|he|she|it|they|for|however|whose|where|n[ée]e|these|this|those|then|now|too|though|also)\b/i.test(
      a,
    )
  )
    return null;
  // A list of names ("X, Y and Z") or a quotation is not an appositive.
  if (/^[“"‘]/.test(a)) return null;
  if (rx(String.raw`^\p{Lu}`, 'u').test(a)) {
    const first = a.split(/\s+/)[0].replace(/['’]s$/, '');
    const cls = classifyWord(first);
    const looksRole =
      /^(?:Director|Head|Senior|Chief|Professor|Founder|President|Deputy|Former|Research|Associate|Assistant|Lead|Principal|Managing|Executive|Co-founder|Chair|Editor)\b/.test(
        a,
      );
    if (
      !looksRole &&
      cls === 'name' &&
      !ROLE_ANY.test(first) &&
      !/['’]s\b/.test(a.split(/\s+/)[0]) &&
      !isOrgName(a)
    )
      return null;
  }
  // Strip a trailing speech verb clause that the lookahead let through ("director of X said").
  a = a.replace(APPOSITIVE_TAIL_VERB, '').replace(/\s+/g, ' ');
  if (a.split(/\s+/).length > 30) return null;
  // An appositive names a role: "a senior fellow at X", "one of the report's authors", "who heads X".
  // "75", "for her part", "whose jaws dropped" or "née Fetter" are not roles.
  if (!ROLE_ANY.test(a) && !OTHER_ROLE.test(a) && !APPOSITIVE_OPENER.test(a) && !isOrgName(a)) return null;
  return a;
}

/**
 * "Jane Doe joins me now. She is the president of X.": the bio in the next sentence, when the name
 * ends its sentence and that sentence names no one else.
 */
export function pronounBioAfter(mention: Mention, right: string, ctx: Ctx): string | null {
  const i = mention.sentence;
  if (!END_OR_JOINS.test(right) || i + 1 >= ctx.sentences.length) return null;
  if (ctx.sentences[i + 1].paragraph !== ctx.sentences[i].paragraph) return null;
  if (ctx.scan.bySentence[i].some((x) => x.personId !== mention.personId)) return null;
  const m = PRONOUN_BIO.exec(ctx.sentences[i + 1].text);
  return m ? appositiveAfter(` is ${m[1]}`) : null;
}

export function affiliationFor(p: PersonRecord, ctx: Ctx): Affiliation {
  let role: string | null = null;
  let organization: string | null = null;
  const roleBits: string[] = [];
  for (const mention of p.mentions.slice(0, 50)) {
    const s = ctx.sentences[mention.sentence].text;
    // "Jane Doe – analyst at X John Roe – …": in a list with dashes the role ends at the next name.
    const nextAfter = ctx.scan.bySentence[mention.sentence].find((x) => x.start > mention.end);
    const dashEnd = nextAfter && /^\s+[–—]\s/u.test(s.slice(mention.end)) ? nextAfter.start : Infinity;
    const right = s
      .slice(mention.end, Math.min(mention.end + 400, dashEnd))
      .replace(NAME_SUFFIX, '')
      // "Jane Doe (JD), director of …": a short label for a transcript stands before the appositive.
      .replace(rx(String.raw`^\s*\((?:\p{Lu}[\p{L}.]*\s?){1,3}\)(?=\s*,)`, 'u'), '')
      // "Jane Doe (@JaneDoe @HerInstitute) is …": a short bracket (handles, a label) before the bio.
      .replace(/^\s*\([^()]{1,80}\)(?=\s+(?:is|was|has\s+been|serves\s+as|holds)\b)/u, '');
    const left = s.slice(Math.max(0, mention.start - 160), mention.start);
    if (mention.title) roleBits.push(mention.title);
    // "A spokesman for the embassy said, “…” “…,” Jane Doe said.": the unnamed spokesperson just before.
    const prevSentence = mention.sentence - 1;
    if (
      mention === p.mentions[0] &&
      prevSentence >= 0 &&
      ctx.sentences[prevSentence].paragraph === ctx.sentences[mention.sentence].paragraph &&
      !ctx.scan.bySentence[prevSentence].length &&
      UNNAMED_SPOKESPERSON.test(ctx.sentences[prevSentence].text) &&
      !/^\s*,/.test(right)
    )
      roleBits.push('spokesperson');
    // "Alicia Kearns MP", "Jane Doe MEP": a member of parliament.
    if (/^\s+(?:MP|MEP|MSP|MLA)\b/.test(right)) roleBits.push('mp');
    const leftWords = leftRoleWords(left);
    if (leftWords) roleBits.push(leftWords);
    if (/^\s*,/.test(right)) {
      const pre = PRE_APPOSITIVE.exec(left);
      if (pre && ROLE_ANY.test(pre[1])) {
        roleBits.push(pre[1]);
        // "Senior oil analyst at Kpler, Jane Xie, told …": the organisation is in the role before the name.
        const found = organizationIn(pre[1], ctx, mention.sentence);
        role ??= found.org ? found.role : pre[1].trim();
        if (!organization && found.org) organization = found.org;
        // "a Yale researcher, Jeffrey Sonnenfeld, said"
        const om = found.org ? null : PRE_ORG_ROLE.exec(lowerRoleWords(pre[1].trim()));
        const org = om ? cleanOrganization(om[1]) : null;
        if (!organization && org && !isPlaceOnly(org) && !ctx.scan.persons.has(foldName(org))) {
          organization = org;
          role = om![2];
        }
      }
    }
    if (!role && mention.start <= 200) {
      const opening = OPENING_TITLE_RUN.exec(s.slice(0, mention.start));
      if (opening && /\s(?:of|at|for)\s/.test(opening[1])) {
        roleBits.push(opening[1]);
        const found = organizationIn(opening[1], ctx, mention.sentence);
        role = found.org ? found.role : opening[1].trim();
        if (!organization && found.org) organization = found.org;
      }
    }
    // "Carnegie's Alexander Gabuev", "Brookings Institution's senior fellow Jane Doe"
    if (!organization) {
      const pm = rx(
        String.raw`(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|for|on|the|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,6})['’]s?\s+((?:[\p{Ll}-]+\s+){0,4})$`,
        'u',
      ).exec(left);
      if (pm) {
        const org = cleanOrganization(pm[1]);
        if (
          org &&
          !isPlaceOnly(org) &&
          !ctx.personSurnames.has(foldName(org)) &&
          !ctx.scan.persons.has(foldName(org))
        ) {
          organization = org;
          if (!role && pm[2].trim()) role = pm[2].trim();
        }
      }
    }
    // "JPMorgan analysts led by Natasha Kaneva", "Rhodium economists including Jane Doe"
    if (!organization) {
      const lm = rx(
        String.raw`(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,5})\s+((?:senior\s+|chief\s+)?(?:analysts|economists|strategists|researchers|scholars|experts))\s*,?\s+(?:led\s+by|including|such\s+as)\s+$`,
        'u',
      ).exec(left);
      if (lm) {
        const org = cleanOrganization(lm[1]);
        if (org && !isPlaceOnly(org) && !ctx.personSurnames.has(foldName(org))) {
          organization = org;
          role ??= lm[2].replace(/s$/, '');
          roleBits.push(lm[2]);
        }
      }
    }
    // "Eurasia Group analyst Jane Doe"
    if (!organization) {
      const om = rx(
        String.raw`(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,10})\s+((?:(?:senior|chief|lead|principal|nonresident|non-resident|visiting|research|managing)\s+)*(?:analyst|fellow|economist|director|researcher|scholar|expert|strategist|professor|historian|consultant|head|founder|president|partner))\s+$`,
        'u',
      ).exec(lowerRoleWords(left));
      if (om) {
        const org = cleanOrganization(om[1]);
        // "Kyrgyz President X" is a head of state; "Eurasia Group President X" heads an organisation.
        const strongOrg =
          org !== null &&
          (tokenizeRun(org).some((t) => classifyWord(t.word) === 'org') ||
            /^(?:analyst|fellow|economist|researcher|scholar|expert|strategist|professor|historian|consultant)/.test(
              om[2].replace(
                /^(?:(?:senior|chief|lead|principal|nonresident|non-resident|visiting|research|managing)\s+)*/,
                '',
              ),
            ));
        if (strongOrg && org && !isPlaceOnly(org) && !ctx.personSurnames.has(foldName(org))) {
          organization = org;
          role ??= om[2];
        }
      }
    }
    if (mention.full || !role || !organization) {
      const app = appositiveAfter(right) ?? pronounBioAfter(mention, right, ctx);
      if (app) {
        roleBits.push(app);
        const found = organizationIn(app, ctx, mention.sentence);
        if (!role && found.role && !(found.org === null && isOrgName(app))) role = found.role;
        if (!organization && found.org) organization = found.org;
        if (!organization) {
          const an = ANAPHORIC_ORG.exec(app);
          if (an) organization = previousOrgWith(an[1], ctx, mention.sentence, mention.start);
        }
        if (!organization && !found.org && isOrgName(app)) organization = cleanOrganization(app);
        if (!organization && !found.org) {
          // "Taisuke Abiru, Research Fellow, Tokyo Foundation think-tank, …": the organisation follows the role.
          const at = right.indexOf(app);
          const nm = at >= 0 ? NEXT_SEGMENT_ORG.exec(right.slice(at + app.length)) : null;
          const org = nm ? cleanOrganization(nm[1]) : null;
          if (
            org &&
            !isPlaceOnly(org) &&
            tokenizeRun(org).some((t) => classifyWord(t.word) === 'org') &&
            !ctx.scan.persons.has(foldName(org))
          )
            organization = org;
        }
      } else if (GUEST_DASH.test(right)) {
        // "Guests: Jane Doe – political analyst and commentator": a guest list with dashes.
        const roleTextHere = GUEST_DASH.exec(right)![1].trim();
        if (ROLE_ANY.test(roleTextHere) || OTHER_ROLE.test(roleTextHere)) {
          roleBits.push(roleTextHere);
          const found = organizationIn(roleTextHere, ctx, mention.sentence);
          // "Jane Doe — Senior Fellow, Kestrel Institute": the organisation is the last piece.
          const cut = found.org ? -1 : roleTextHere.lastIndexOf(', ');
          const last = cut > 0 ? cleanOrganization(roleTextHere.slice(cut + 2)) : null;
          if (
            last &&
            !isPlaceOnly(last) &&
            tokenizeRun(last).some((t) => classifyWord(t.word) === 'org') &&
            !ctx.scan.persons.has(foldName(last))
          ) {
            role ??= roleTextHere.slice(0, cut).trim();
            if (!organization) organization = last;
          }
          role ??= found.role;
          if (!organization && found.org) organization = found.org;
        }
      } else if (!organization && /^\s*\(/.test(right)) {
        // "Paul Saunders (Center for the National Interest)"
        const pm = /^\s*\(([^()]{2,120})\)/.exec(right);
        const org = pm ? cleanOrganization(pm[1]) : null;
        if (org && !isPlaceOnly(org) && tokenizeRun(org).some((t) => classifyWord(t.word) === 'org'))
          organization = org;
      } else if (!organization) {
        // "Hanna Notte of the James Martin Center", "Jane Doe at Rhodium Group"
        const om = rx(
          String.raw`^\s*,?\s+(?:of|at|with|from)\s+((?:the\s+)?[\p{Lu}][^,;:()]{1,120})`,
          'u',
        ).exec(right);
        if (om) {
          const org = cleanOrganization(om[1]);
          if (org && !isPlaceOnly(org) && !ctx.personSurnames.has(foldName(org))) organization = org;
        }
      }
    }
    if (!role && leftWords && ROLE_ANY.test(leftWords)) role = leftWords;
    if (!role && mention.title && !/^(?:dr|prof|mr|mrs|ms|miss|mx|sir|dame)$/.test(mention.title))
      role = mention.title;
    if (!role && leftWords && STRONG_EXPERT.test(leftWords)) {
      role =
        leftWords
          .split(/\s+/)
          .filter((w) => rx(String.raw`^\p{Ll}`, 'u').test(w))
          .join(' ') || null;
    }
  }
  return { role, organization, roleText: roleBits.join(' | ') };
}
