/**
 * Stage "expert or not": the class of a person from the role and organisation the article gives them.
 */
import {
  STRONG_EXPERT,
  LEADERSHIP,
  ADVISER,
  GOVERNMENT_ADVISER,
  OFFICIAL_WORDS,
  LEADER_WORDS,
  FORMER,
  OTHER_ROLE,
  COMPANY_ORG,
  THINK_TANK_ORG,
  GOVERNMENT_ORG,
} from './role-lexicon';

const ACADEMIC_ORG = /\b(?:school|university|college|academy\s+of\s+sciences|faculty)\b/i;
/**
 * A specialist publication ("military journal", "defence weekly", "a China-focused newsletter"): its
 * editor is quoted as a commentator, and its subject is not an employer (not a government body).
 */
const SPECIALIST_PUBLICATION =
  /\b(?:military|defen[cs]e|security|strategic|foreign[- ]policy|foreign\s+affairs|geopolitical|energy|arms[- ]control|nuclear|(?:china|russia|asia|eurasia)[- ]focused|academic|scholarly|peer-reviewed)\s+(?:journal|magazine|review|weekly|quarterly|publication|newsletter|bulletin|yearbook)\b/i;

export interface Affiliation {
  role: string | null;
  organization: string | null;
  /** Role words used for classification (appositive, title in the run, words before the name). */
  roleText: string;
}

export type RoleClass = 'expert' | 'leader' | 'official' | 'other' | null;

export function classifyRole(a: Affiliation): RoleClass {
  const t = a.roleText;
  if (!t.trim()) return null;
  const former = FORMER.test(t);
  // "School of Government", "Department of War Studies at King's College": a university's unit is
  // academic, not a government body.
  const academicOrg = a.organization !== null && ACADEMIC_ORG.test(a.organization);
  const govOrg =
    !academicOrg &&
    ((a.organization !== null && GOVERNMENT_ORG.test(a.organization)) || GOVERNMENT_ORG.test(t));
  const thinkTank = a.organization !== null && THINK_TANK_ORG.test(a.organization);
  const company =
    (/\b(?:ceo|chief\s+executive)\b/i.test(t) && !thinkTank) ||
    COMPANY_ORG.test(t) ||
    (a.organization !== null && COMPANY_ORG.test(a.organization));
  // Analyst roles win: "a researcher who also advises the foreign ministry" is an expert.
  if (STRONG_EXPERT.test(t)) return 'expert';
  if (LEADERSHIP.test(t) && SPECIALIST_PUBLICATION.test(t)) return 'expert';
  if (ADVISER.test(t) && !GOVERNMENT_ADVISER.test(t)) return 'expert';
  // "president of the Council on Foreign Relations", "director of the Stimson Center's China program".
  if (LEADERSHIP.test(t) && a.organization !== null && !govOrg && !company) return 'expert';
  if (LEADERSHIP.test(t) && company) return 'other';
  if (LEADER_WORDS.test(t)) return 'leader';
  if (
    OFFICIAL_WORDS.test(t) ||
    (ADVISER.test(t) && GOVERNMENT_ADVISER.test(t)) ||
    (LEADERSHIP.test(t) && govOrg) ||
    govOrg
  )
    return former ? 'expert' : 'official';
  if (company || OTHER_ROLE.test(t)) return 'other';
  if (
    /\b(?:democrat|republican|conservative|labour|tory|peer|member\s+of\s+(?:parliament|congress))\b/i.test(t)
  )
    return 'official';
  return null;
}
