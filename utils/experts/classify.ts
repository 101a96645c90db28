/**
 * Stage "expert or not": the kind of each person named (expert, leader, official, byline, other) from
 * the officials list, the byline, the role and organisation the article gives them and whether they
 * say anything, with the reason, so that a reader can ask why someone is or is not marked.
 */
import { foldName } from '../names';
import type { PersonRecord } from '../people';
import type { PersonKind } from '../types';
import type { StatementBook } from './attribution';
import { authorAsExpert, type BylineAuthor } from './author-block';
import { classifyRole, type Affiliation } from './role-class';
import { GOVERNMENT_ORG, OFFICIAL_SURNAMES } from './role-lexicon';

/** Why a person got their kind: the stage that decided and a short reason in words. */
export interface PersonDecision {
  kind: PersonKind;
  /** The stage that decided: "officials-list", "byline", "author-block", "role", "statements", a shape. */
  stage: string;
  reason: string;
  /** For a byline author writing as an outside expert: the affiliation that says so. */
  authorAffiliation?: Affiliation;
}

export interface BylineInfo {
  /** Folded names (and surnames) in the byline. */
  keys: Set<string>;
  authors: BylineAuthor[];
}

/** What the page-shape detectors found. */
export interface PageShapes {
  /** Guests, speakers and interviewees presented by the page, with the sentence that presents them. */
  introduced: Map<string, number>;
  /** Interviewers of a Q&A page. */
  interviewers: Set<string>;
  /** Authors of the book a review discusses. */
  bookAuthors: Map<string, number>;
}

/** Decides one person's kind; may add their presenting sentence as a 'guest' statement. */
export function decidePerson(
  p: PersonRecord,
  aff: Affiliation,
  book: StatementBook,
  byline: BylineInfo,
  shapes: PageShapes,
): PersonDecision {
  const { introduced } = shapes;
  const surname = p.name.split(/\s+/).pop() ?? '';
  const inByline =
    byline.keys.has(p.id) ||
    [...byline.keys].some((b) => b.endsWith(`-${foldName(surname)}`) && p.name.split(/\s+/).length === 1);
  if (inByline) {
    const outside = byline.keys.has(p.id) ? authorAsExpert(p.id, aff, byline.authors) : null;
    if (outside)
      return {
        kind: 'expert',
        stage: 'author-block',
        reason: 'byline author with an expert affiliation',
        authorAffiliation: outside,
      };
    return { kind: 'byline', stage: 'byline', reason: 'named in the byline (the journalist)' };
  }
  if (shapes.interviewers.has(p.id))
    return { kind: 'other', stage: 'qa-interview', reason: 'asks the questions in a Q&A (the interviewer)' };
  if (p.official)
    return { kind: p.official.kind, stage: 'officials-list', reason: `listed: ${p.official.role}` };
  const rc = classifyRole(aff);
  if (shapes.bookAuthors.has(p.id) && rc !== 'leader' && rc !== 'official')
    return { kind: 'expert', stage: 'book-review', reason: 'author of the book the review discusses' };
  // Relatives of leaders ("Hunter Biden") are not experts unless the article says so.
  const affiliated = aff.organization !== null && !GOVERNMENT_ORG.test(aff.organization);
  if (rc === null && !affiliated && OFFICIAL_SURNAMES.has(foldName(surname))) {
    return { kind: 'other', stage: 'role', reason: "shares a leader's surname and has no affiliation" };
  }
  const namedStatement = book.hasNamed(p.id);
  // A guest or interviewee with an expert's role speaks in the piece even without a speech verb;
  // the sentence that presents them stands for their words when nothing else does.
  if (rc === 'expert' && !book.count(p.id) && introduced.has(p.id)) {
    book.add(p.id, introduced.get(p.id)!, 'guest', true);
    return {
      kind: 'expert',
      stage: 'guests',
      reason: `presented as a guest or speaker, expert role "${aff.roleText.slice(0, 80)}"`,
    };
  }
  const said = book.count(p.id) > 0;
  const roleWords = aff.roleText ? `role "${aff.roleText.slice(0, 80)}"` : 'no role given';
  if (rc === 'expert') {
    return said
      ? { kind: 'expert', stage: 'role', reason: `expert ${roleWords}; says something here` }
      : { kind: 'other', stage: 'statements', reason: `expert ${roleWords} but no sentence attributed` };
  }
  if (rc === null) {
    if (said && (namedStatement || affiliated))
      return {
        kind: 'expert',
        stage: 'statements',
        reason: affiliated ? 'speaks, with a non-government organisation' : 'speaks, named',
      };
    return {
      kind: 'other',
      stage: 'role',
      reason: said ? 'only pronoun follow-ups and no role' : 'no role and nothing said',
    };
  }
  rc satisfies PersonKind;
  return { kind: rc, stage: 'role', reason: `${rc} ${roleWords}` };
}
