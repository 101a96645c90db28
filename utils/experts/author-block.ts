/**
 * Page shape "author block": the byline's authors, whether they write as outside experts (an
 * affiliation in the byline or a bio line), and the sentences that carry their thesis.
 */
import { classifyWord, foldName, NAME_RUN, rx, tokenizeRun } from '../names';
import type { PeopleScan } from '../people';
import { type SentenceSpan } from '../sentences';
import { THINK_TANK_ORG, GOVERNMENT_ORG, ROLE_ANY, STAFF } from './role-lexicon';
import { cleanOrganization, isOrgName } from './organization';
import { type Affiliation, classifyRole } from './role-class';
import { QUOTE_MARK, type Attribution } from './speech';

/** One author named in a byline, with the words that describe them there ("senior fellow at Y"). */
export interface BylineAuthor {
  name: string;
  id: string;
  /** Words after the name in the byline (shared by "X and Y, fellows at Z"), '' when none. */
  descriptor: string;
  /**
   * Named as the author of an essay, paper or analysis in the text itself ("Author: X", X's name above
   * an abstract or a first-person essay): an outside author even when no affiliation is given.
   */
  writesAnalysis?: boolean;
}

/** Words in a descriptor that are roles, not name words ("Associate Fellows at …"). */
export const BYLINE_ROLE_WORD =
  /^(?:senior|associate|assistant|research|nonresident|non-resident|visiting|distinguished|adjunct|fellows?|directors?|professors?|analysts?|economists?|researchers?|scholars?|editors?|writers?|reporters?|correspondents?|staff|chief|head|president|chair|founder|co-founder|lecturer|dean|partner|principal|managing|deputy|former)$/i;

/**
 * The authors named in a byline and what it says about them: "By Jane Doe and John Roe, senior
 * fellows at the X Institute" → two authors sharing that descriptor.
 */
export function parseByline(byline: string | null | undefined): BylineAuthor[] {
  if (typeof byline !== 'string' || !byline.trim()) return [];
  const text = byline.slice(0, 500).replace(/^\s*(?:by|von|par|de)\s+/i, '');
  const found: { name: string; start: number; end: number }[] = [];
  NAME_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RUN.exec(text))) {
    const toks = tokenizeRun(m[0]);
    if (toks.some((t) => BYLINE_ROLE_WORD.test(t.word))) continue;
    const kept = toks.filter((t) => classifyWord(t.word) === 'name' || classifyWord(t.word) === 'initial');
    if (kept.filter((t) => classifyWord(t.word) === 'name').length < 2) continue;
    // Stop at the first author list's end: names after a role phrase belong to the organisation.
    if (
      found.length &&
      /[^\s,&|]/.test(text.slice(found[found.length - 1].end, m.index).replace(/\band\b/gi, ''))
    )
      break;
    found.push({ name: kept.map((t) => t.text).join(' '), start: m.index, end: m.index + m[0].length });
  }
  const authors: BylineAuthor[] = found.map((f, i) => {
    const next = found[i + 1];
    const between = text.slice(f.end, next ? next.start : text.length);
    // A descriptor is set off from the name ("Jane Doe, senior fellow …", "Jane Doe | Director …");
    // "Kelli Miller WebMD Health News" runs a desk name on without one.
    // "By Jane Doe for the X Center": the organisation she writes for.
    const descriptor = (/^\s*(?:[,|:;(–—]|-\s|for\s)/.test(between) || !between.trim() ? between : '')
      .replace(/^[\s,|:;–—-]+/, '')
      .replace(/[\s,|:;–—-]*(?:and|&)?[\s,|:;–—-]*$/i, '')
      .trim();
    return { name: f.name, id: foldName(f.name), descriptor };
  });
  // "X and Y, fellows at Z": the last descriptor is everyone's when the others have none.
  const shared = authors.length ? authors[authors.length - 1].descriptor : '';
  for (const a of authors) if (!a.descriptor) a.descriptor = shared;
  return authors;
}

/** Role and organisation from a byline descriptor ("Senior Fellow at the X Institute", "Director, Y"). */
export function bylineAffiliation(descriptor: string): Affiliation | null {
  const d = descriptor.replace(/\s+/g, ' ').trim();
  if (!d || STAFF.test(d)) return null;
  // "for the X Center", "University of Y": only an organisation, which must be a research body.
  const forOrg = /^for\s+(?:the\s+)?(\S.*)$/i.exec(d);
  if (forOrg || isOrgName(d)) {
    const organization = cleanOrganization(forOrg ? forOrg[1] : d);
    const research =
      organization !== null && THINK_TANK_ORG.test(organization) && !GOVERNMENT_ORG.test(organization);
    return research ? { role: null, organization, roleText: d } : null;
  }
  // "Role of Unit, Org, Parent": the first segment is the role, the first later segment that is only
  // an organisation's name is the organisation; otherwise "Role at Org" inside the first segment.
  const segments = d.split(/\s*[,|;]\s*|\s+[–—-]\s+/).filter(Boolean);
  let roleRaw = segments[0];
  let orgRaw: string | null = null;
  for (const seg of segments.slice(1)) {
    if (isOrgName(seg) || (THINK_TANK_ORG.test(seg) && !ROLE_ANY.test(seg))) {
      orgRaw = seg;
      break;
    }
  }
  if (!orgRaw) {
    // "at" first: "Professor and Director of X Program at Y University" is at Y.
    const m =
      /^(.{2,120}?)\s+at\s+(?:the\s+)?(.{2,120})$/i.exec(roleRaw) ??
      /^(.{2,120}?)\s+(?:of|with|for)\s+(?:the\s+)?(.{2,120})$/i.exec(roleRaw);
    if (m) [roleRaw, orgRaw] = [m[1], m[2]];
  }
  // As written ("Senior Fellow"), one person's role ("Associate Fellows" → "Associate Fellow").
  const role = roleRaw
    .replace(/^(?:an?|the)\s+/i, '')
    .replace(/\b(fellow|director|professor|analyst|economist|researcher|scholar|lecturer)s\b/gi, '$1')
    .trim();
  const organization = orgRaw ? cleanOrganization(orgRaw) : null;
  const aff: Affiliation = { role: role || null, organization, roleText: `${role} ${orgRaw ?? ''}`.trim() };
  const kind = classifyRole(aff);
  // "By X, senior fellow at Y": the byline alone makes an expert with an organisation, or with a
  // scholar's role or a former office ("Independent Scholar", "Former Ambassador to Russia").
  if (!organization) return kind === 'expert' && BYLINE_EXPERT_ROLE.test(role) ? aff : null;
  if (kind === 'expert') return aff;
  // "Deputy Secretary-General, Center for … Studies": a research body's officer.
  const researchBody = THINK_TANK_ORG.test(organization) && !GOVERNMENT_ORG.test(organization);
  return researchBody && kind !== 'leader' ? aff : null;
}

/** Byline roles that make an outside expert without an organisation. */
export const BYLINE_EXPERT_ROLE =
  /\b(?:scholar|professor|historian|economist|analyst|researcher|fellow|sinologist|political\s+scientist|former|retired)\b/i;

/** Sentences that carry the author's own stance: first person, or "should", "must", "need to". */
export const FIRST_PERSON = rx(
  String.raw`(?<![\p{L}])(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me|[Ii]n\s+my\s+view)(?![\p{L}'’])`,
  'u',
);

export const EVALUATIVE =
  /\b(?:should|must|ought\s+to|needs?\s+to|cannot\s+afford|it\s+is\s+time|is\s+a\s+mistake|would\s+be\s+(?:wise|a\s+mistake|wrong))\b/i;

export const THESIS_MAX = 5;

export const THESIS_FALLBACK = 3;

/**
 * A byline author who writes as an outside expert: not staff by the byline or by a bio line, and an
 * expert's affiliation in a bio line in the text ("X is a senior fellow at Y") or in the byline.
 */
export function authorAsExpert(
  id: string,
  aff: Affiliation | null,
  authors: BylineAuthor[],
): Affiliation | null {
  const descriptor = authors.find((a) => a.id === id)?.descriptor ?? '';
  if (STAFF.test(descriptor) || (aff && STAFF.test(aff.roleText))) return null;
  const fromByline = bylineAffiliation(descriptor);
  if (aff && (aff.organization || aff.role) && classifyRole(aff) === 'expert') {
    return {
      role: aff.role ?? fromByline?.role ?? null,
      organization: aff.organization ?? fromByline?.organization ?? null,
      roleText: aff.roleText,
    };
  }
  if (fromByline) return fromByline;
  const author = authors.find((a) => a.id === id);
  if (author?.writesAnalysis && !(aff && STAFF.test(aff.roleText)))
    return { role: aff?.role ?? null, organization: aff?.organization ?? null, roleText: 'author' };
  return null;
}

/**
 * The sentences of an opinion or analysis piece that carry its author's stance: the author's own
 * (not quoted, not attributed to someone else, not the bio line) in the first person or with
 * "should"/"must"; the first few of the body when none does.
 */
export function thesisSentences(
  sentences: SentenceSpan[],
  skip: boolean[],
  named: Map<number, Map<string, Attribution>>,
  scan: PeopleScan,
  authorIds: Set<string>,
): number[] {
  const own: number[] = [];
  const body: number[] = [];
  for (let i = 0; i < sentences.length && own.length < THESIS_MAX; i++) {
    const s = sentences[i].text;
    if (skip[i] || QUOTE_MARK.test(s) || named.get(i)?.size) continue;
    if (scan.bySentence[i].some((m) => authorIds.has(m.personId))) continue;
    if (s.split(/\s+/).length < 5 || !/[.!?]["”’)]?\s*$/.test(s)) continue;
    if (FIRST_PERSON.test(s) || EVALUATIVE.test(s)) own.push(i);
    else if (body.length < THESIS_FALLBACK) body.push(i);
  }
  return own.length >= 2
    ? own
    : [...new Set([...own, ...body])].sort((a, b) => a - b).slice(0, THESIS_FALLBACK);
}
