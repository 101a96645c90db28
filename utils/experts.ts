/**
 * Experts in article text: which of the people named are analysts, scholars, think-tank staff or
 * authors (not the leaders and officials the story is about, not the byline), the role and
 * organisation the article gives them, and every sentence in which they are quoted or paraphrased.
 *
 * Patterns written for news prose, one pass of compiled regexes per sentence; see
 * `tests/fixtures/experts/` for what they are measured on.
 */
import type { Expert, Person, PersonKind, Statement } from './types';
import { classifyWord, foldName, NAME_RUN, rx, tokenizeRun } from './names';
import { OFFICIALS, bylineKeys, scanPeople, type Mention, type PersonRecord } from './people';
import { splitSentenceSpans, type SentenceSpan } from './sentences';

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

/** One author named in a byline, with the words that describe them there ("senior fellow at Y"). */
export interface BylineAuthor {
  name: string;
  id: string;
  /** Words after the name in the byline (shared by "X and Y, fellows at Z"), '' when none. */
  descriptor: string;
}

/** Words that make a byline or bio describe a newsroom's own journalist, not an outside author. */
const STAFF =
  /\b(?:staff|reporters?|correspondents?|journalists?|editors?|writers?|columnists?|bureau|desk|contributors?|contributing|news\s+service|wire\s+service|newsroom|producer|photographer)\b/i;
/** Words in a descriptor that are roles, not name words ("Associate Fellows at …"). */
const BYLINE_ROLE_WORD =
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
    const descriptor = (/^\s*(?:[,|:;(–—]|-\s)/.test(between) || !between.trim() ? between : '')
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
function bylineAffiliation(descriptor: string): Affiliation | null {
  const d = descriptor.replace(/\s+/g, ' ').trim();
  if (!d || STAFF.test(d)) return null;
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
const BYLINE_EXPERT_ROLE =
  /\b(?:scholar|professor|historian|economist|analyst|researcher|fellow|sinologist|political\s+scientist|former|retired)\b/i;

/** Sentences that carry the author's own stance: first person, or "should", "must", "need to". */
const FIRST_PERSON = rx(
  String.raw`(?<![\p{L}])(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me|[Ii]n\s+my\s+view)(?![\p{L}'’])`,
  'u',
);
const EVALUATIVE =
  /\b(?:should|must|ought\s+to|needs?\s+to|cannot\s+afford|it\s+is\s+time|is\s+a\s+mistake|would\s+be\s+(?:wise|a\s+mistake|wrong))\b/i;
const THESIS_MAX = 5;
const THESIS_FALLBACK = 3;

export interface FindPeopleResult {
  experts: ExpertCandidate[];
  people: Person[];
}

// ---------------------------------------------------------------------------------------------
// Word lists and patterns

const SPEECH_VERBS = `
  said says say told tells wrote writes argues argued argue believes believed notes noted cautions
  cautioned explains explained points_out pointed_out warns warned describes described adds added thinks
  thought suggests suggested contends contended maintains maintained insists insisted stresses stressed
  emphasizes emphasized emphasises emphasised observes observed predicts predicted expects expected
  estimates estimated agrees agreed disagrees disagreed questions questioned doubts doubted acknowledges
  acknowledged admits admitted concedes conceded concludes concluded calls called dismisses dismissed sees
  saw views viewed considers considered reckons reckoned asserts asserted claims claimed recalls recalled
  remarks remarked counters countered highlights highlighted underlines underlined assesses assessed
  testified commented comments replied responded answered speculates speculated fears feared worries
  worried put_it puts_it summed_up sums_up writing noting arguing adding warning explaining cautioning
  stressing suggesting pointing_out told_reporters characterizes characterized characterises characterised
  finds found expressed expresses stated states opined opines forecasts forecast projects projected judges
  judged emphasizes reiterated reiterates urged urges advised advises proposes proposed wonders wondered
  asks asked recommends recommended challenges challenged rejects rejected echoed echoes sounded cited
  cites elaborated elaborates continued continues went_on goes_on documented documents showed shown demonstrated offered offers as_saying quoted written
  points_to pointed_to reflected reflects quipped quips mused muses
`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.replace(/_/g, ' '));
const VERB_ALT = [...new Set(SPEECH_VERBS)]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, '\\s+'))
  .join('|');

const ADVERBS = String.raw`(?:also|further|however|recently|previously|then|later|now|still|has|had|have|long|repeatedly|similarly|likewise|earlier|once|even|too|would|will|may|might|could|firmly|strongly|openly|bluntly|often|has\s+long|had\s+long|herself|himself|however,|in\s+turn|for\s+(?:his|her)\s+part,?|\p{Ll}+ly)`;

/** After a name (and an optional appositive): a speech verb. */
const SUBJECT_VERB = rx(
  String.raw`^(?:\s*,[^,;]{0,250}?(?:,\s*(?:and\s+)?[^,;]{1,100}?){0,3},|\s*[—–][^—–]{1,250}[—–]|\s*\([^()]{1,160}\)|\s+(?:of|at|from|with)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+(?:(?:of|for|on|and|&|the)\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*){0,8})?\s+(?:${ADVERBS}\s+){0,3}(${VERB_ALT}|is\s+(?:\p{Ll}+\s+)?(?:skeptical|sceptical|convinced|confident|doubtful|optimistic|pessimistic|cautious|wary|unconvinced|adamant|of\s+the\s+view)|made\s+(?:\p{Ll}+\s+){1,3}(?:point|case|argument|observation|prediction|remark|comparison)|(?:takes|took|has|had|holds|held)\s+(?:a|an|the)\s+(?:\p{Ll}+\s+)?(?:view|position|line|stance)|remains\s+(?:skeptical|sceptical|convinced|unconvinced|doubtful|confident))\b`,
  'u',
);
/** The comma segment after a role appositive, when it is an organisation: ", Tokyo Foundation think-tank,". */
const NEXT_SEGMENT_ORG = rx(
  String.raw`^\s*,\s+(?:the\s+)?(\p{Lu}[^,;:()]{1,100}?)(?:\s+think[- ]tank)?\s*(?:[,;:()]|$)`,
  'u',
);
const FIRST_ORG_WINS = /\b(?:Center|Centre|Institute|Council|Foundation|Endowment|Society|Academy)\b/;
const PROGRAMME_WORD = /\b(?:Program|Programme|Project|Initiative|Desk|Department|Faculty|Chair)\b/i;
/** "a Yale researcher", "the Eurasia Group analyst": an organisation, then a role. */
const PRE_ORG_ROLE = rx(
  String.raw`^(?:an?|the)\s+(\p{Lu}[\p{L}\p{M}.&-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?\p{Lu}[\p{L}\p{M}.&-]*){0,5})\s+((?:(?:senior|chief|lead|principal|visiting|research)\s+)*(?:analyst|fellow|economist|researcher|scholar|expert|strategist|professor|historian|consultant|specialist))$`,
  'u',
);
/** Before a name that labels a transcript turn: nothing but a title. */
const TRANSCRIPT_LEFT = /^["“]?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Amb|Ambassador)\.?\s+)?$/;
/** "The author is …", "written by …", "the report's authors, …": the person wrote the analysis. */
const AUTHOR_BEFORE =
  /\b(?:(?:the|its|this\s+(?:article|report|brief|paper|study)['’]s)\s+(?:lead\s+|co-?)?authors?\s+(?:is|are|was|were)|(?:written|authored|co-?authored)\s+by)\s+(?:(?:the\s+)?[\w.-]+\s+){0,3}$/i;
/** After a name: its affiliation, then a colon and a quotation. */
const COLON_QUOTE = rx(
  String.raw`^(?:\s*,\s+(?:an?|the|who)\s[^:"“”;]{2,200}|\s+(?:at|of|from|with)\s+(?:the\s+)?\p{Lu}[^:"“”;]{2,200})\s*:\s*["“]`,
  'u',
);
/** ", said …" right after a name that stands as an appositive itself. */
const COMMA_VERB = rx(String.raw`^\s*,\s+(?:${ADVERBS}\s+){0,2}(${VERB_ALT})\b`, 'u');
/** Before a name (and its role words): "said", "according to", "in the words of". */
const VERB_BEFORE = rx(
  String.raw`(?:\b(${VERB_ALT})|\b([Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of|[Ii]n\s+the\s+view\s+of|per|as|[Ii]nterview(?:ed|s)?(?:\s+with)?|[Jj]oined\s+by))\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'’.-]+\s+){0,6}$`,
  'u',
);
const POSSESSIVE_VIEW = rx(
  String.raw`^['’]s?\s+(?:(?:own|latest|new|recent|forthcoming|recently\s+published|\p{Ll}+ly)\s+)?(view|views|argument|arguments|assessment|analysis|research|book|report|paper|article|study|words|conclusion|point|take|thesis|estimate|estimates|work|prediction|warning|comments?|remarks|reading|reckoning|calculation|data|findings|essay|testimony|judgment|judgement|opinion)\b`,
  'u',
);
const IN_VIEW_BEFORE = /\b(?:in|by)\s+$/i;
const TEAM_LED_BY =
  /\b(?:analysts|economists|strategists|researchers|scholars|experts|team)\s*,?\s+(?:led\s+by|including)\s+$/;
const TEAM_VERB = rx(
  String.raw`^\s*,\s+(?:${ADVERBS}\s+){0,2}(say|said|argue|argued|believe|believed|note|noted|warn|warned|project|projected|estimate|estimated|expect|expected|forecast|predict|predicted|write|wrote|see|saw|reckon|calculate|calculated|think|thought|suggest|suggested)\b`,
  'u',
);
const MEMBERSHIP_CUT =
  /\s+and\s+(?:also\s+)?(?:an?\s+)?(?:\p{Ll}+\s+)?(?:member|board\s+member|trustee|commissioner)\s+of\b/u;
const NATIONALITY_DESCRIPTOR = rx(
  String.raw`\b(at|with|for|of|from)\s+(\p{Lu}\p{Ll}+)\s+(think[- ]tank|firm|consultancy|company|research\s+(?:group|institute|firm)|institute|bank|lab|group|agency|nonprofit|outlet)\s+(?=\p{Lu})`,
  'gu',
);
const UNNAMED_SPOKESPERSON = /\b(?:an?|the)\s+spokes(?:man|woman|person)\s+(?:for|of|at)\b/i;
/** A role after an open dash, up to the next name: "Jane Doe – political analyst and commentator". */
const GUEST_DASH = /^\s+[–—]\s+([^–—()]{2,200})/u;
/**
 * Words that present the people who speak in the piece: a guest list, a panel, a host's "joined by"
 * or "joins me now", an interview. Read in the paragraph before the name (or right after it).
 */
const GUEST_FRAME =
  /(?:\bguests?\s*:|\b(?:with|our|my|studio|two|three|four)\s+guests?\b|\bpanel(?:ists?)?\b\s*:?|\b(?:joined\s+by|join(?:s|ed)?\s+(?:me|us)|with\s+(?:me|us)\s+(?:now|today|here)|in\s+conversation\s+with|discuss(?:es|ed)?\s+with|we(?:['’]ve|\s+have)\s+got)\b)/i;
const PRONOUN_BIO =
  /^(?:He|She)(?:\s+is|['’]s|\s+was|\s+has\s+been|\s+serves\s+as)\s+(?:also\s+|now\s+)?(.*)$/su;
/** The name ends its sentence, or only "joins me now" follows it. */
const END_OR_JOINS =
  /^(?:\s+(?:joins|joined)\s+(?:me|us)(?:\s+(?:now|today|here|again|from\s+\p{Lu}\S*))?)?[\s.!?"”’]*$/u;
const GUEST_FRAME_AFTER = /^\s+(?:joins|joined)\s+(?:me|us)\b/i;
/** After a name in a guest list: an appositive role (", the director of …", " – analyst …"). */
const GUEST_APPOSITIVE =
  /^(?:\s*,\s+(?:an?|the|who['’]s|who\s+is)\s|\s+[–—]\s+\S|\s*\.\s+(?:He|She)(?:\s+is|['’]s|\s+was)\s)/u;

const PRONOUN_VERB = rx(String.raw`\b([Hh]e|[Ss]he)\s+(?:${ADVERBS}\s+){0,2}(${VERB_ALT})\b`, 'u');
const VERB_PRONOUN = rx(String.raw`\b(${VERB_ALT})\s+(he|she)\b`, 'u');
const ANY_SPEECH_VERB = rx(String.raw`\b(?:${VERB_ALT})\b`, 'u');
const PRONOUN_START = /^["“‘]?(he|she|his|her)\b/i;
/** "In her view, …", "By his estimate, …": a follow-up in the speaker's voice. */
const PRONOUN_VIEW =
  /^(?:In|By|For|To)\s+(?:his|her)\s+(?:view|opinion|assessment|analysis|estimate|estimation|words|reading|telling|account|mind|judgment|judgement|calculation)\b/;
const QUOTE_MARK = /[“”«»"„]/;

const REPORT_WORD =
  /\b(?:report|study|survey|paper|poll|polling|analysis|research|findings|index|brief|white\s+paper|dataset)\b/i;
const REPORT_AUTHOR =
  /\b(?:(?:report|study|survey|paper|analysis|poll)['’]s\s+(?:lead\s+|co-?)?authors?|(?:lead\s+|co-?)?authors?\s+of\s+the\s+(?:report|study|survey|paper|analysis)|who\s+(?:co-?)?(?:wrote|authored|led)\s+the\s+(?:report|study|survey|paper|analysis)|co-?authored\s+the\s+(?:report|study|survey|paper|analysis))\b/i;
const ORG_DEFINITION = rx(
  String.raw`(\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+(?:(?:of|for|on|and|the|&)\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*){0,6}),\s+(?:an?|the)\s+(?:[\p{L}.-]+\s+){0,4}?(?:company|firm|think[- ]tank|consultancy|institute|organi[sz]ation|group|start-?up|nonprofit|non-profit|NGO|cent(?:er|re)|agency|outlet|publication|platform|foundation|university|lab|laboratory|consulting\s+firm|research\s+(?:house|firm|group|cent(?:er|re)))\b`,
  'gu',
);

const STRONG_EXPERT =
  /\b(?:analysts?|scholars?|academics?|professor|prof|lecturer|researchers?|(?:research|senior|visiting|nonresident|non-resident|distinguished|adjunct|postdoctoral)\s+fellow|fellow|experts?|specialists?|economists?|historians?|political\s+scientists?|scientists?|sinologists?|strategists?|consultants?|authors?|co-?authors?|watchers?|think[- ]tanks?|academician|commentator|pollster|sociologist|demographer|futurist|observer)\b/i;
const LEADERSHIP =
  /\b(?:director|head|founder|co-?founder|president|chair(?:man|woman|person)?|partner|dean|principal|managing\s+director|chief\s+(?:economist|analyst|strategist|executive)|editor-in-chief|editor|vice\s+president|programme\s+director|program\s+director)\b/i;
const ADVISER = /\b(?:adviser|advisor)\b/i;
const GOVERNMENT_ADVISER =
  /\b(?:to\s+(?:the\s+)?(?:president|prime\s+minister|premier|chancellor|kremlin|white\s+house|government|minister)|national\s+security|presidential|kremlin|white\s+house|government)\b/i;
const OFFICIAL_WORDS =
  /\b(?:spokes(?:person|man|woman|people)|press\s+secretary|minister|ministry|secretary|ambassador|envoy|senator|congress(?:man|woman)|lawmaker|legislator|representative|governor|mayor|officials?|diplomats?|deput(?:y|ies)|parliamentarian|mp|mep|commander|general|admiral|chief\s+of\s+staff|state\s+councilor|negotiator|aide|prosecutor|sen|rep|gov|gen|adm|col|colonel|sheriff|attach[eé]|consul|commissioner|councillor|councilor|chief\s+of\s+the\s+general\s+staff|defense\s+chief|army\s+chief|intelligence\s+chief)\b/i;
const LEADER_WORDS =
  /\b(?:(?:party|opposition|majority|minority)\s+leader|leader\s+of\s+the\s+(?:opposition|(?:\w+\s+){1,3}party)|president|vice\s+president|prime\s+minister|premier|chancellor|king|queen|emperor|supreme\s+leader|general\s+secretary|head\s+of\s+state|crown\s+prince|emir|sheikh|dictator|strongman|autocrat|president-elect)\b/i;
/** A past role: "former", "retired", "who was a senior White House adviser", "who served as …". */
const FORMER =
  /\b(?:former|ex-|retired|onetime|one-time|erstwhile|then-|who\s+(?:was|had\s+been)\s+(?:an?|the)\s|who\s+(?:previously\s+|once\s+)?served\s+as\b)/i;
const OTHER_ROLE =
  /\b(?:ceo|chief\s+executive|executive|businessman|businesswoman|entrepreneur|investor|trader|banker|farmer|resident|student|worker|soldier|veteran|journalist|reporter|correspondent|columnist|blogger|activist|lawyer|driver|owner|shopkeeper|vendor|tourist|fan|voter|pensioner|mother|father|son|daughter|wife|husband|citizen|refugee|protester|dissident|opposition\s+(?:leader|figure|politician)|politician|candidate|oligarch|tycoon|billionaire|influencer|critic|host|editor|presenter|anchor|desk|newsroom|propagandist|singer|actor|athlete|player|coach|priest|victim|witness|survivor|manager|employee|engineer|user|customer|buyer|seller|subscriber|forum\s+member)\b/i;
const COMPANY_ORG =
  /\b(?:gazprom|rosneft|lukoil|novatek|rosatom|sinopec|cnpc|petrochina|huawei|sberbank|vtb|rostec|rusal|norilsk|aeroflot|company|corporation|corp|inc|ltd|llc|plc|holdings?|motors|airlines|industries|metals|mining|steel|chemicals|bank\s+of\s+china)\b/i;
const THINK_TANK_ORG =
  /\b(?:center|centre|institute|council|foundation|endowment|university|college|school|academy|program|programme|project|initiative|forum|society|association|lab|laboratory|think[- ]tank|studies|research|policy|affairs|relations|chatham|brookings|carnegie|rand)\b/i;
const GOVERNMENT_ORG =
  /\b(?:committee|party|pentagon|ministry|department|government|administration|kremlin|white\s+house|pentagon|state\s+council|security\s+council|parliament|duma|congress|senate|cia|fbi|nsa|gru|fsb|svr|army|navy|air\s+force|military|armed\s+forces|central\s+bank|bank\s+of\s+russia|people['’]s\s+bank|embassy|consulate|foreign\s+office|politburo|communist\s+party|european\s+commission|nato|united\s+nations)\b/i;

/** Lowercase words that may stand between a role and a name ("senior fellow", "Kremlin spokesman"). */
const ROLE_VOCAB = new Set(
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

const ORG_CONNECTOR = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'la', 'für', 'the']);
const ORG_LEAD_ADJ = rx(
  String.raw`^(?:[\p{L}.]+-(?:based|linked|backed|funded|affiliated|owned|run|headquartered|registered|leaning|aligned|friendly|critical|oriented|focused|centric|connected)|state-run|independent|influential|prestigious|prominent|nonpartisan|bipartisan|conservative|liberal|progressive|hawkish|centrist|libertarian|government-funded|private|elite|leading|renowned|respected)\s+`,
  'iu',
);
const ORG_DESCRIPTOR = rx(
  String.raw`^(?:[\p{L}.]+-\p{Ll}+\s+)?(?:\p{Ll}+\s+){0,3}(?:firm|consultancy|company|think[- ]tank|organi[sz]ation|outlet|bank|lab|group|agency|start-?up|nonprofit|institute|publication|platform|network|fund)\s+(?=[\p{Lu}\p{N}])`,
  'u',
);
const APPOSITIVE_TAIL_VERB =
  /\s+(?:said|says|told|tells|added|adds|argued|argues|believes|believed|noted|notes|warned|warns|wrote|writes|explained|explains|cautioned|cautions)\b.*$/iu;
const PRE_APPOSITIVE = /(?:^|[,;:]\s*|["”]\s+|\b(?:and|but|while|whereas)\s+)([^,;:“”"]{3,160}),\s*$/u;
const APPOSITIVE_OPENER =
  /^(?:an?|one\s+of|the\s+[^\s,]+['’]s|who\s+(?:heads|leads|directs|runs|chairs|founded|co-founded|teaches|works|studies|researches|serves|advises|writes|edits|is|was|now))\s/i;
/** Between two coordinated subjects: " and ", ", a fellow at X, and ". */
const COORDINATED = /^(?:\s*,[^,;]{0,250}?,|\s*[—–][^—–]{1,250}[—–]|\s*\([^()]{1,160}\))?\s+and\s+$/u;
/** "the center's chief executive": the organisation named just before. */
const ANAPHORIC_ORG =
  /\bthe\s+(center|centre|institute|council|foundation|endowment|group|university|firm|company|think[- ]tank|programme|program|school|academy|bank|fund)['’]s\b/i;
/** "Joseph S. Nye Jr., a professor…": the suffix stands between the name and its appositive. */
const NAME_SUFFIX = /^,?\s+(?:Jr|Sr|II|III|IV)\b\.?/;
const BIO =
  /^\s+(?:is|was|has\s+been|serves\s+as|holds)\s+((?:an?|the|one\s+of)\s+(?:[^.;:()]|(?<=\b\p{Lu})\.){2,200}?|(?:director|head|founder|president|chair|professor|co-founder)\s+[^.;:()]{2,200}?)(?=(?<!\b\p{Lu})\.|[;:()]|,\s|$)/u;
const TITLE_CUT =
  /\b(?:book|novel|memoir|titled|entitled|called|the\s+forthcoming|bestseller|best-selling)\b/i;

const ROLE_ANY = rx(
  [STRONG_EXPERT, LEADERSHIP, OFFICIAL_WORDS, LEADER_WORDS, ADVISER].map((r) => r.source).join('|'),
  'i',
);

/** Surnames by which leaders are named alone ("Biden", "Putin"): their relatives are not experts by default. */
const OFFICIAL_SURNAMES = new Set(
  OFFICIALS.people.flatMap((o) => o.aliases.filter((a) => !/\s/.test(a))).map((n) => foldName(n)),
);

// ---------------------------------------------------------------------------------------------
// Helpers

const CAPITAL_ROLE_WORD =
  /\b(?:Senior|Chief|Lead|Principal|Nonresident|Non-resident|Visiting|Research|Managing|Analyst|Fellow|Economist|Director|Researcher|Scholar|Expert|Strategist|Professor|Historian|Consultant|Head|Founder|President|Partner)\b/g;

/** "… Peace Senior Fellow" → "… Peace senior fellow", so title-cased roles read like lowercase ones. */
function lowerRoleWords(left: string): string {
  return left.replace(CAPITAL_ROLE_WORD, (w) => w.toLowerCase());
}

/** Role words standing right before the name ("Kremlin spokesman", "senior fellow"), read backwards. */
function leftRoleWords(left: string): string {
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
function isOrgName(a: string): boolean {
  if (!rx(String.raw`^\p{Lu}`, 'u').test(a) || ROLE_ANY.test(a)) return false;
  const org = cleanOrganization(a);
  return (
    org !== null &&
    org.length >= a.replace(/^the\s+/i, '').length - 1 &&
    tokenizeRun(org).some((t) => classifyWord(t.word) === 'org')
  );
}

function isPlaceOnly(org: string): boolean {
  const toks = tokenizeRun(org);
  if (!toks.length) return true;
  return toks.every((t) => {
    const c = classifyWord(t.word);
    return c === 'place' || c === 'stop' || c === 'title' || c === 'initial';
  });
}

interface Affiliation {
  role: string | null;
  organization: string | null;
  /** Role words used for classification (appositive, title in the run, words before the name). */
  roleText: string;
}

// ---------------------------------------------------------------------------------------------
// Main

interface Ctx {
  sentences: SentenceSpan[];
  scan: ReturnType<typeof scanPeople>;
  personSurnames: Set<string>;
  definedOrgs: Map<string, string>;
  /** For each sentence, the organisation last named in a sentence about a report, up to that sentence. */
  reportOrgAt: (string | null)[];
}

/** The appositive after a name: ", a senior fellow at the X," → "a senior fellow at the X". */
function appositiveAfter(right: string): string | null {
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
function pronounBioAfter(mention: Mention, right: string, ctx: Ctx): string | null {
  const i = mention.sentence;
  if (!END_OR_JOINS.test(right) || i + 1 >= ctx.sentences.length) return null;
  if (ctx.sentences[i + 1].paragraph !== ctx.sentences[i].paragraph) return null;
  if (ctx.scan.bySentence[i].some((x) => x.personId !== mention.personId)) return null;
  const m = PRONOUN_BIO.exec(ctx.sentences[i + 1].text);
  return m ? appositiveAfter(` is ${m[1]}`) : null;
}

function organizationIn(
  appositive: string,
  ctx: Ctx,
  sentence: number,
): { org: string | null; role: string | null } {
  let text = appositive.replace(/^(?:who\s+(?:is|was|serves\s+as|works\s+as)\s+)/i, '');
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
    String.raw`\b(at|of|with|for|from|in|heads|leads|directs|runs|chairs|founded|co-founded|joined)\s+((?:the\s+)?(?:[\p{L}.]+-\p{Ll}+\s+)?(?:(?:\p{Ll}+\s+){0,3}(?:firm|consultancy|company|think[- ]tank|organi[sz]ation|outlet|bank|lab|group|agency|start-?up|nonprofit|institute|publication|platform|network|fund)\s+)?(?:[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.&'’-]*)(?:\s+(?:for\s+a|of|for|on|and|&|de|du|the)?\s*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}.&'’-]*)*)`,
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

function affiliationFor(p: PersonRecord, ctx: Ctx): Affiliation {
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
      .replace(rx(String.raw`^\s*\((?:\p{Lu}[\p{L}.]*\s?){1,3}\)(?=\s*,)`, 'u'), '');
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

type RoleClass = 'expert' | 'leader' | 'official' | 'other' | null;

function classifyRole(a: Affiliation): RoleClass {
  const t = a.roleText;
  if (!t.trim()) return null;
  const former = FORMER.test(t);
  const govOrg = (a.organization !== null && GOVERNMENT_ORG.test(a.organization)) || GOVERNMENT_ORG.test(t);
  const thinkTank = a.organization !== null && THINK_TANK_ORG.test(a.organization);
  const company =
    (/\b(?:ceo|chief\s+executive)\b/i.test(t) && !thinkTank) ||
    COMPANY_ORG.test(t) ||
    (a.organization !== null && COMPANY_ORG.test(a.organization));
  // Analyst roles win: "a researcher who also advises the foreign ministry" is an expert.
  if (STRONG_EXPERT.test(t)) return 'expert';
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

interface Attribution {
  via: string;
  /** Statement made by naming the person (not a pronoun). */
  named: boolean;
}

/** Whether this mention is the speaker of its sentence, and through which words. */
function speakerVia(mention: Mention, s: string, next: Mention | undefined): string | null {
  let right = s.slice(mention.end, mention.end + 420).replace(NAME_SUFFIX, '');
  const pv = POSSESSIVE_VIEW.exec(right);
  if (pv) return IN_VIEW_BEFORE.test(s.slice(0, mention.start)) ? `in ${pv[1]}` : pv[1].toLowerCase();
  // "Bobo Lo and Alexander Gabuev argue": the verb after the second name belongs to both.
  if (next && COORDINATED.test(s.slice(mention.end, next.start))) right = s.slice(next.end, next.end + 420);
  const sv = SUBJECT_VERB.exec(right);
  if (sv) return sv[1].toLowerCase().replace(/\s+/g, ' ');
  // "Alexander Gabuev at the Carnegie Endowment on China's trade: “…”": an affiliation, a colon, a quote.
  if (COLON_QUOTE.test(right)) return 'quote';
  const left = s.slice(Math.max(0, mention.start - 120), mention.start);
  // A transcript: "Vladimir Sotnikov: Yes, this is …" — the name labels the turn.
  if (mention.start === left.length && TRANSCRIPT_LEFT.test(left) && /^\s*:\s+\S/.test(right))
    return 'transcript';
  // "The author is Vassily Kashin of …", "written by Jane Doe"
  if (AUTHOR_BEFORE.test(left)) return 'author';
  // "Senior analyst at Kpler, Jane Xie, said …": the name is itself the appositive.
  if (/,\s*$/.test(left) && PRE_APPOSITIVE.test(left)) {
    const cv = COMMA_VERB.exec(right);
    if (cv) return cv[1].toLowerCase().replace(/\s+/g, ' ');
  }
  // "Rhodium analysts, led by Jane Doe, project that …": the team's verb is the leader's.
  if (TEAM_LED_BY.test(left)) {
    const tv = TEAM_VERB.exec(right);
    if (tv) return tv[1].toLowerCase();
  }
  const vb = VERB_BEFORE.exec(left);
  if (vb) {
    const verb = vb[1] ?? vb[2];
    const via = verb.toLowerCase().replace(/\s+/g, ' ');
    // Only role words, articles and capitalised words (titles, organisations) between verb and name.
    const words = vb[0].slice(verb.length).trim().split(/\s+/).filter(Boolean);
    const ok = words.every(
      (w) =>
        ROLE_VOCAB.has(w.toLowerCase().replace(/['’]s$/, '')) ||
        rx(String.raw`^\p{Lu}`, 'u').test(w) ||
        /^(?:the|a|an)$/i.test(w),
    );
    if (ok && via !== 'as' && !(via === 'per' && words.length)) return via;
  }
  return null;
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

/**
 * A byline author who writes as an outside expert: not staff by the byline or by a bio line, and an
 * expert's affiliation in a bio line in the text ("X is a senior fellow at Y") or in the byline.
 */
function authorAsExpert(id: string, aff: Affiliation | null, authors: BylineAuthor[]): Affiliation | null {
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
  return fromByline;
}

/**
 * The sentences of an opinion or analysis piece that carry its author's stance: the author's own
 * (not quoted, not attributed to someone else, not the bio line) in the first person or with
 * "should"/"must"; the first few of the body when none does.
 */
function thesisSentences(
  sentences: SentenceSpan[],
  skip: boolean[],
  named: Map<number, Map<string, Attribution>>,
  scan: ReturnType<typeof scanPeople>,
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

/** The last organisation whose name contains `head` ("center"), in this sentence before `before` or the one before. */
function previousOrgWith(head: string, ctx: Ctx, sentence: number, before: number): string | null {
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
function orgNamedIn(s: string, orgs: Set<string>, defined: Map<string, string>): string | null {
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

const MARKUP = /<\/?[a-zA-Z][^<>]{0,300}>/g;
const CAPTION =
  /^(?:photo|photos|image|picture|video|credit|credits|caption|file\s+photo|illustration|graphic|pictured|above|top|main\s+image|ap\s+photo|getty|reuters|afp|epa|tass|xinhua|sputnik)\b\s*[:|/-]?/i;
const CAPTION_ANYWHERE =
  /\((?:photo|image|picture)\s+(?:by|credit|courtesy)|\bphoto\s*:|\bgetty\s+images\b|\/\s*(?:reuters|afp|ap|getty|epa|tass|sputnik|xinhua)\s*$/i;
const RELATED_HEADER =
  /^(?:related(?:\s+(?:articles?|stories|coverage|content|reading|topics))?|read\s+more|more\s+from|more\s+on\s+this(?:\s+story)?|see\s+also|recommended(?:\s+for\s+you)?|(?:most\s+)?popular|most\s+read|trending(?:\s+now)?|you\s+may\s+also\s+like|further\s+reading|also\s+read|latest(?:\s+news)?|editor['’]s\s+picks|top\s+stories)\s*:?\s*$/i;
const INLINE_RELATED = /^(?:read\s+more|related|see\s+also|also\s+read|read\s+also|watch)\s*:/i;
const COMMENTS_HEADER =
  /^(?:\d+\s+)?(?:comments?|reader\s+comments|join\s+the\s+(?:conversation|discussion)|leave\s+a\s+(?:comment|reply)|discussion|conversation|responses?)\s*(?:\(\d+\))?\s*:?\s*$/i;

/** Sentences in captions, credits, "related articles" lists and comment sections. */
function skippedSentences(_text: string, sentences: SentenceSpan[]): boolean[] {
  const skip = new Array<boolean>(sentences.length).fill(false);
  let inList = false;
  let inComments = false;
  let para = -1;
  let paraSkip = false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.paragraph !== para) {
      para = s.paragraph;
      const t = s.text;
      const words = t.split(/\s+/).length;
      if (COMMENTS_HEADER.test(t)) inComments = true;
      if (RELATED_HEADER.test(t)) inList = true;
      else if (inList && words >= 15 && /[.!?]["”’]?$/.test(t)) inList = false;
      paraSkip =
        inComments || inList || CAPTION.test(t) || CAPTION_ANYWHERE.test(t) || INLINE_RELATED.test(t);
    }
    skip[i] = paraSkip;
  }
  return skip;
}
