/**
 * Role and organisation vocabulary: the words that say a person is an analyst, an official, a leader
 * or someone else, and the kinds of organisation (research body, government, company).
 */
import { foldName, rx } from '../names';
import { OFFICIALS } from '../people';

/** Words that make a byline or bio describe a newsroom's own journalist, not an outside author. */
export const STAFF =
  /\b(?:staff|reporters?|correspondents?|journalists?|editors?|writers?|columnists?|bureau|desk|contributors?|contributing|news\s+service|wire\s+service|newsroom|producer|photographer)\b/i;

export const STRONG_EXPERT =
  /\b(?:analysts?|scholars?|academics?|professor|prof|lecturer|researchers?|(?:research|senior|visiting|nonresident|non-resident|distinguished|adjunct|postdoctoral)\s+fellow|fellow|experts?|specialists?|economists?|historians?|political\s+scientists?|scientists?|sinologists?|strategists?|consultants?|authors?|co-?authors?|watchers?|think[- ]tanks?|academician|commentator|pollster|sociologist|demographer|futurist|observer)\b/i;

export const LEADERSHIP =
  /\b(?:director|head|founder|co-?founder|president|chair(?:man|woman|person)?|partner|dean|principal|managing\s+director|chief\s+(?:economist|analyst|strategist|executive)|editor-in-chief|editor|vice\s+president|programme\s+director|program\s+director)\b/i;

export const ADVISER = /\b(?:adviser|advisor)\b/i;

export const GOVERNMENT_ADVISER =
  /\b(?:to\s+(?:the\s+)?(?:president|prime\s+minister|premier|chancellor|kremlin|white\s+house|government|minister)|national\s+security|presidential|kremlin|white\s+house|government)\b/i;

export const OFFICIAL_WORDS =
  /\b(?:spokes(?:person|man|woman|people)|press\s+secretary|minister|ministry|secretary|ambassador|envoy|senator|congress(?:man|woman)|lawmaker|legislator|representative|governor|mayor|officials?|diplomats?|deput(?:y|ies)|parliamentarian|mp|mep|commander|general|admiral|chief\s+of\s+staff|state\s+councilor|negotiator|aide|prosecutor|sen|rep|gov|gen|adm|col|colonel|sheriff|attach[eé]|consul|commissioner|councillor|councilor|chief\s+of\s+the\s+general\s+staff|defense\s+chief|army\s+chief|intelligence\s+chief)\b/i;

export const LEADER_WORDS =
  /\b(?:(?:party|opposition|majority|minority)\s+leader|leader\s+of\s+the\s+(?:opposition|(?:\w+\s+){1,3}party)|president|vice\s+president|prime\s+minister|premier|chancellor|king|queen|emperor|supreme\s+leader|general\s+secretary|head\s+of\s+state|crown\s+prince|emir|sheikh|dictator|strongman|autocrat|president-elect)\b/i;

/** A past role: "former", "retired", "who was a senior White House adviser", "who served as …". */
export const FORMER =
  /\b(?:former|ex-|retired|onetime|one-time|erstwhile|then-|who\s+(?:was|had\s+been)\s+(?:an?|the)\s|who\s+(?:previously\s+|once\s+)?served\s+as\b)/i;

export const OTHER_ROLE =
  /\b(?:ceo|chief\s+executive|executive|businessman|businesswoman|entrepreneur|investor|trader|banker|farmer|resident|student|worker|soldier|veteran|journalist|reporter|correspondent|columnist|blogger|activist|lawyer|driver|owner|shopkeeper|vendor|tourist|fan|voter|pensioner|mother|father|son|daughter|wife|husband|citizen|refugee|protester|dissident|opposition\s+(?:leader|figure|politician)|politician|candidate|oligarch|tycoon|billionaire|influencer|critic|host|editor|presenter|anchor|desk|newsroom|propagandist|singer|actor|athlete|player|coach|priest|victim|witness|survivor|manager|employee|engineer|user|customer|buyer|seller|subscriber|forum\s+member)\b/i;

export const COMPANY_ORG =
  /\b(?:gazprom|rosneft|lukoil|novatek|rosatom|sinopec|cnpc|petrochina|huawei|sberbank|vtb|rostec|rusal|norilsk|aeroflot|company|corporation|corp|inc|ltd|llc|plc|holdings?|motors|airlines|industries|metals|mining|steel|chemicals|bank\s+of\s+china)\b/i;

export const THINK_TANK_ORG =
  /\b(?:center|centre|institute|council|foundation|endowment|university|college|school|academy|program|programme|project|initiative|forum|society|association|lab|laboratory|think[- ]tank|studies|research|policy|affairs|relations|chatham|brookings|carnegie|rand)\b/i;

export const GOVERNMENT_ORG =
  /\b(?:committee|party|pentagon|ministry|department|government|administration|kremlin|white\s+house|pentagon|state\s+council|security\s+council|parliament|duma|congress|senate|cia|fbi|nsa|gru|fsb|svr|army|navy|air\s+force|military|armed\s+forces|central\s+bank|bank\s+of\s+russia|people['’]s\s+bank|embassy|consulate|foreign\s+office|politburo|communist\s+party|european\s+commission|nato|united\s+nations)\b/i;

/** Lowercase words that may stand between a role and a name ("senior fellow", "Kremlin spokesman"). */
export const ROLE_VOCAB = new Set(
  `senior chief lead leading principal deputy foreign defense defence former then acting vice prime press state
  of political scientist economist expert analyst analysts fellow director researcher scholar
  historian professor official officials ambassador envoy adviser advisor president premier leader lawmaker
  senator general commander spokesman spokeswoman spokesperson secretary minister ministry security national
  trade finance economy top veteran longtime long-time prominent independent retired ex- nonresident visiting
  research associate assistant adjunct emeritus sinologist strategist consultant author co-author journalist
  reporter correspondent editor columnist commentator military intelligence policy affairs studies relations
  china russia russian chinese us u.s. american european energy markets market sanctions security-policy
  international global regional think-tank think tank watcher kremlin-watcher china-watcher observer co-founder
  founder head chair chairman economics politics history law government to for in`.split(/\s+/),
);

export const ROLE_ANY = rx(
  [STRONG_EXPERT, LEADERSHIP, OFFICIAL_WORDS, LEADER_WORDS, ADVISER].map((r) => r.source).join('|'),
  'i',
);

/** Surnames by which leaders are named alone ("Biden", "Putin"): their relatives are not experts by default. */
export const OFFICIAL_SURNAMES = new Set(
  OFFICIALS.people.flatMap((o) => o.aliases.filter((a) => !/\s/.test(a))).map((n) => foldName(n)),
);

export const CAPITAL_ROLE_WORD =
  /\b(?:Senior|Chief|Lead|Principal|Nonresident|Non-resident|Visiting|Research|Managing|Analyst|Fellow|Economist|Director|Researcher|Scholar|Expert|Strategist|Professor|Historian|Consultant|Head|Founder|President|Partner)\b/g;

/** "… Peace Senior Fellow" → "… Peace senior fellow", so title-cased roles read like lowercase ones. */
export function lowerRoleWords(left: string): string {
  return left.replace(CAPITAL_ROLE_WORD, (w) => w.toLowerCase());
}

/** Role words standing right before the name ("Kremlin spokesman", "senior fellow"), read backwards. */
export function leftRoleWords(left: string): string {
  const words = left.trimEnd().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < 6; i--) {
    const w = words[i];
    if (!w) break;
    if (
      /[,;:.!?)"”“]$/.test(w) &&
      !rx(String.raw`^(?:\p{Lu}\.)+$`, 'u').test(w) &&
      !/^(?:Dr|Prof|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Adm|Col|Lt|Amb)\.$/.test(w)
    )
      break;
    const lw = w.toLowerCase().replace(/['’]s$/, '');
    if (ROLE_VOCAB.has(lw) || OTHER_ROLE.test(lw) || rx(String.raw`^\p{Lu}`, 'u').test(w)) out.unshift(w);
    else break;
  }
  // Do not keep a trailing "of the"/"at" chain that is not a role.
  return out.join(' ');
}
