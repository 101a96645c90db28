/**
 * People named in article text: full names found by `NAME_RUN`, later one-word mentions ("Hecker",
 * "Dr. Gabuev", "Xi") resolved to them, and names from the officials list. Returns mentions per
 * sentence with their left context, so the expert step can read titles, appositives and speech verbs.
 */
import officialsData from './data/officials.json';
import {
  COMMON_FIRST_WORDS,
  rx,
  NAME_RUN,
  NOT_PERSON_PHRASES,
  classifyWord,
  foldName,
  foldWord,
  surnameKeys,
  tokenizeRun,
  type RunToken,
} from './names';
import type { SentenceSpan } from './sentences';

export interface OfficialEntry {
  name: string;
  aliases: string[];
  kind: 'leader' | 'official';
  role: string;
}

export interface OfficialsData {
  asOf: string;
  roleWords: { leader: string[]; official: string[] };
  people: OfficialEntry[];
}

export const OFFICIALS = officialsData as OfficialsData;

export interface Mention {
  personId: string;
  sentence: number;
  /** Offsets of the name (without title or possessive) inside the sentence text. */
  start: number;
  end: number;
  surface: string;
  /** A full name (two words or more) rather than a surname or alias. */
  full: boolean;
  possessive: boolean;
  /** Title words in the same run right before the name ("Dr", "President"), lowercased. */
  title: string | null;
}

export interface PersonRecord {
  id: string;
  name: string;
  surfaceForms: Set<string>;
  mentions: Mention[];
  official: OfficialEntry | null;
  firstSentence: number;
}

export interface PeopleScan {
  persons: Map<string, PersonRecord>;
  /** Mentions in each sentence, in text order. */
  bySentence: Mention[][];
  /** Folded names of organisations seen in the text (runs with an organisation word, acronyms). */
  orgs: Set<string>;
}

const officialByKey = new Map<string, OfficialEntry>();
const officialAlias = new Map<string, OfficialEntry>();
for (const o of OFFICIALS.people) {
  officialByKey.set(foldName(o.name), o);
  for (const a of o.aliases) {
    if (a.includes(' ')) officialByKey.set(foldName(a), o);
    else officialAlias.set(foldName(a), o);
  }
}

/** Words before a run that mean it names a work or a thing, not a person. */
const TITLE_CONTEXT =
  /\b(?:book|books|novel|memoir|titled|entitled|film|documentary|series|operation|exercise|exercises|doctrine|programme|program|slogan|hashtag|campaign|dubbed|called|named|journal|magazine|newspaper|outlet|ship|vessel|carrier|missile|missiles|drill|drills|bridge|festival|forum|plan|strategy)\s+["“‘]?$/i;
const THE_BEFORE = rx(String.raw`(?:^|[^\p{L}])(?:the|a|an|this|that|its|their|our|his|her)\s+["“‘]?$`, 'iu');
/** A dotted title right before a run: "Mr. ", "Dr. ", "Prof. ", "Amb. ". */
const HONORIFIC_BEFORE = /(?:^|[^A-Za-z])(Mr|Mrs|Ms|Mx|Dr|Prof|Amb|Sen|Rep|Gov|Gen|Adm|Col|Lt)\.[ \u00a0]$/;
/** Months that are also given names ("June Dreyer", "April Ryan"), read as names only beside a speech verb or role. */
const MONTH_GIVEN_NAMES = new Set(['april', 'may', 'june', 'august']);
const MONTH_NOT_NAME_BEFORE =
  /\b(?:in|on|since|by|until|till|from|through|during|of|early|late|mid|last|next|this|that|each|every|between|and|or|to|before|after)[ \u00a0]$/i;
const SAID_WORDS = String.raw`(?:said|says|told|tells|added|adds|noted|notes|argued|argues|wrote|writes|explained|explains|warned|warns|believes|thinks|observed|cautioned|according\s+to|asked)`;
const MONTH_NAME_VERB_BEFORE = new RegExp(String.raw`\b${SAID_WORDS}[ \u00a0]$`, 'i');
const MONTH_NAME_VERB_AFTER = new RegExp(
  String.raw`^(?:[ \u00a0]+(?:also|has|had)?[ \u00a0]*)${SAID_WORDS}\b`,
  'i',
);
const MONTH_NAME_ROLE_AFTER =
  /^\s*,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:professor|analyst|fellow|scholar|researcher|expert|economist|historian|director|correspondent|specialist|lecturer|author)\b/i;
const ORG_JOIN = /^\s+(?:of|for|on|de|du|des|la|&)\s+(?:the\s+)?$/;
/** A token read as part of a name: a name word, or a title word that ends a name ("Bishop"). */
function isNameToken(t: RunToken): boolean {
  return t.forcedName === true || classifyWord(t.word) === 'name';
}

function tokenClass(t: RunToken): ReturnType<typeof classifyWord> {
  return t.forcedName ? 'name' : classifyWord(t.word);
}

const BARE_INITIAL = rx(String.raw`^\p{Lu}$`, 'u');

const TITLE_CASE_WORD = rx(String.raw`^[\p{Lu}\p{N}"“‘(]`, 'u');

interface Candidate {
  sentence: number;
  start: number;
  end: number;
  tokens: RunToken[];
  possessive: boolean;
  title: string | null;
  /** Whether this single word may also be an ordinary sentence-opening word. */
  weakOpener: boolean;
}

/** Words that make a bracket an organisation's name (experts/role-lexicon.ts has the full list). */
const ORG_IN_BRACKETS =
  /\b(?:center|centre|institute|council|foundation|endowment|university|college|school|academy|forum|society|association|think[- ]tank)\b/i;

/** Role words that make the rest of a "Name — …" line a description (not a headline's words). */
const LABEL_ROLE_WORD =
  /\b(?:fellow|director|professor|lecturer|analyst|researcher|scholar|economist|historian|editor|chair|president|head|dean|adviser|advisor|founder|expert|specialist)\b/i;

/**
 * A line that names someone and describes them: "Jane Roe (Adriatic Council on Foreign Relations)",
 * "Jane Roe — Senior Fellow, Kestrel Institute" (a round-up's or an event's speaker line), "Jane Roe
 * @janeroe · 3h" (a post's header), not a headline, though most of its words are capitalised.
 */
function nameWithOrgLine(text: string): boolean {
  const t = text.trim();
  // "Jane Roe @janeroe · 3h": a post's header.
  if (/^[^\s@]+(?:\s[^\s@]+){1,3}\s+@[A-Za-z0-9_]{2,30}(?![\w@])/.test(t)) return true;
  const bracket = /^\S+(?:\s\S+){1,3}\s\(([^()]{3,160})\)$/.exec(t);
  if (bracket) return ORG_IN_BRACKETS.test(bracket[1]);
  const dash = /^[^\s,—–|(]+(?:\s[^\s,—–|(]+){1,3}\s*(?:[—–|,]|\s-)\s*(.{3,200})$/u.exec(t);
  return !!dash && LABEL_ROLE_WORD.test(dash[1]) && !/[.!?]$/.test(t);
}

function isTitleCaseLine(text: string): boolean {
  if (text.length > 400) return false;
  const words = text.split(/\s+/).filter((w) => rx(String.raw`\p{L}`, 'u').test(w));
  if (words.length < 4) return false;
  let caps = 0;
  for (const w of words) if (TITLE_CASE_WORD.test(w)) caps++;
  // Headlines rarely end with a full stop; body sentences full of organisation names often do.
  return caps / words.length >= (/[.]["”’]?$/u.test(text) ? 0.9 : 0.7);
}

/** Lowercase words of the text, to tell "Still, …" from a surname at the start of a sentence. */
function lowercaseVocabulary(text: string): Set<string> {
  const set = new Set<string>();
  const re = /\b[a-z][a-z'’-]*/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) && n < 2_000_000) {
    set.add(m[0]);
    n++;
  }
  return set;
}

function pushSegments(
  sentence: number,
  sentenceText: string,
  runStart: number,
  tokens: RunToken[],
  firstInSentence: boolean,
  vocabulary: Set<string>,
  orgs: Set<string>,
  out: Candidate[],
  initialTitle: string | null = null,
): void {
  let title: string | null = initialTitle;
  let segment: RunToken[] = [];
  let segmentIsFirst = firstInSentence;
  const flush = () => {
    if (segment.length) handleSegment(segment, title, segmentIsFirst);
    segment = [];
    segmentIsFirst = false;
  };
  const handleSegment = (seg: RunToken[], segTitle: string | null, atStart: boolean) => {
    const classes = seg.map(tokenClass);
    // Leading openers ("The", "However") are not part of the name.
    let first = 0;
    while (first < seg.length - 1 && classes[first] === 'stop') first++;
    const segText = sentenceText.slice(runStart + seg[first].start, runStart + seg[seg.length - 1].end);
    const folded = foldName(segText);
    if (classes.includes('org') || NOT_PERSON_PHRASES.has(folded)) {
      orgs.add(folded);
      return;
    }
    // Split further at stop words and places: "Russian President" is handled by titles, "Moscow" here.
    let part: RunToken[] = [];
    let partFirst = atStart;
    const emit = () => {
      // "Paul Haenle Paul Haenle holds …": a name heading line run into its bio is two mentions.
      const half = part.length / 2;
      if (
        part.length >= 4 &&
        Number.isInteger(half) &&
        part.slice(0, half).every((t, k) => t.word === part[half + k].word)
      ) {
        const second = part.slice(half);
        part = part.slice(0, half);
        emit();
        part = second;
        partFirst = false;
      }
      // "Xian H", "Li W": a name cut short by a bare trailing letter (no dot) is a broken credit or
      // a truncated author list, never a name to mark.
      const lastTok = part[part.length - 1];
      if (part.length >= 2 && lastTok && BARE_INITIAL.test(lastTok.word) && !lastTok.text.endsWith('.')) {
        part = [];
        partFirst = false;
        return;
      }
      const nameWords = part.filter(isNameToken);
      if (nameWords.length >= 1 && part.length <= 5) {
        // Trim leading/trailing initials that do not belong to a name ("U.S." handled as place).
        let weakOpener = false;
        let toks = part;
        if (partFirst && toks.length >= 1 && vocabulary.has(toks[0].word.toLowerCase())) {
          if (toks.length >= 2 && isNameToken(toks[0])) {
            toks = toks.slice(1);
          } else weakOpener = true;
        }
        let named = toks.filter(isNameToken);
        // "Feminist Glenn Fleishman", "Enter Stuart R. Kaplan": a common word in front of a full name.
        if (
          named.length >= 3 &&
          toks[0] === named[0] &&
          COMMON_FIRST_WORDS.has(named[0].word.toLowerCase())
        ) {
          toks = toks.slice(1);
          named = named.slice(1);
        }
        const last = toks[toks.length - 1];
        // "Whole Foods", "Building Twenty", "Simple Dollar": every word also occurs in lowercase in the
        // text, or the first is a verb form, so these are things, not people.
        const commonWords =
          named.length >= 2 &&
          (named.every((t) => vocabulary.has(t.word.toLowerCase())) ||
            COMMON_FIRST_WORDS.has(named[0].word.toLowerCase()) ||
            (/ing$/.test(named[0].word) && named[0].word.length > 5) ||
            (/ed$/.test(named[0].word) && vocabulary.has(named[0].word.toLowerCase())));
        if (commonWords) orgs.add(foldName(toks.map((t) => t.text).join(' ')));
        else if (named.length) {
          out.push({
            sentence,
            start: runStart + toks[0].start,
            end: runStart + last.end,
            tokens: toks,
            possessive: last.possessive,
            title: segTitle,
            weakOpener,
          });
        }
      }
      part = [];
      partFirst = false;
    };
    for (let i = 0; i < seg.length; i++) {
      const c = classes[i];
      if (c === 'name' || c === 'initial') part.push(seg[i]);
      else emit();
    }
    emit();
  };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const cls = classifyWord(tok.word);
    // A title word that ends a run after a name is a surname: "Bill Bishop", "Stephen King".
    // Not for abbreviations after a name: "Alicia Kearns MP".
    if (
      cls === 'title' &&
      k === tokens.length - 1 &&
      k > 0 &&
      isNameToken(tokens[k - 1]) &&
      !/^(?:MP|MEP|MSP|MLA|CEO|CFO)$/.test(tok.word)
    )
      tok.forcedName = true;
    if (cls === 'title' && !tok.possessive && !tok.forcedName) {
      flush();
      title = title ? `${title} ${tok.word.toLowerCase()}` : tok.word.toLowerCase();
      segmentIsFirst = false;
      continue;
    }
    segment.push(tok);
    if (tok.possessive) {
      flush();
      title = null;
    }
  }
  flush();
}

/**
 * Finds people in sentences. `sentences` come from `splitSentenceSpans`; `skip` marks sentences that
 * belong to captions, credits or lists (no new people are taken from them).
 */
/**
 * "… at the Bank of Finland Iikka Korhonen": where a run that names an organisation (ending in a
 * word of one of `kinds`) goes on with a full two-word name; -1 when it does not.
 */
function nameAfterOrg(tokens: RunToken[], kinds = ['place', 'org']): number {
  const i = tokens.length - 2;
  if (i < 1 || !kinds.includes(classifyWord(tokens[i - 1].word))) return -1;
  return tokens.slice(i).every((x) => classifyWord(x.word) === 'name') ? i : -1;
}

export function scanPeople(text: string, sentences: SentenceSpan[], skip: boolean[] = []): PeopleScan {
  const vocabulary = lowercaseVocabulary(text);
  const orgs = new Set<string>();
  const candidates: Candidate[] = [];
  for (let si = 0; si < sentences.length; si++) {
    if (skip[si]) continue;
    const s = sentences[si].text;
    // A headline stands alone; "Sudha David-Wilp, German Marshall Fund. She believes: …" does not.
    const alone =
      (si === 0 || sentences[si - 1].paragraph !== sentences[si].paragraph) &&
      (si + 1 >= sentences.length || sentences[si + 1].paragraph !== sentences[si].paragraph);
    const titleCase = alone && isTitleCaseLine(s);
    // A speaker line ("Jane Roe — Senior Fellow, Kestrel Institute") names one person: its first.
    const labelLine = titleCase && nameWithOrgLine(s);
    if (titleCase && !labelLine) continue;
    const before0 = candidates.length;
    NAME_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    let prevOrgEnd = -1;
    let prevOrgStart = 0;
    while ((m = NAME_RUN.exec(s)) && guard++ < 5000) {
      if (labelLine && candidates.length > before0) break;
      const runStart = m.index;
      const before = s.slice(Math.max(0, runStart - 40), runStart);
      const tokens = tokenizeRun(m[0]);
      if (!tokens.length) continue;
      // "Shanghai Academy of Social Sciences": a run joined to an organisation by "of"/"for" is part of it.
      if (prevOrgEnd >= 0 && ORG_JOIN.test(s.slice(prevOrgEnd, runStart))) {
        // "… for International Peace Senior Fellow Eric Green": a title inside the run ends the name.
        let cut = tokens.findIndex((t, k) => k > 0 && classifyWord(t.word) === 'title');
        if (cut < 0) cut = nameAfterOrg(tokens);
        const orgEnd = cut > 0 ? runStart + tokens[cut - 1].end : runStart + m[0].length;
        orgs.add(foldName(s.slice(prevOrgStart, orgEnd)));
        prevOrgEnd = -1;
        if (cut > 0) {
          const rest = tokens.slice(cut);
          pushSegments(si, s, runStart, rest, false, vocabulary, orgs, candidates);
        }
        continue;
      }
      prevOrgEnd = -1;
      if (tokens.some((t) => classifyWord(t.word) === 'org') && !tokens.some((t) => t.possessive)) {
        prevOrgStart = runStart;
        prevOrgEnd = runStart + m[0].length;
      }
      if (TITLE_CONTEXT.test(before)) continue;
      // A run in quotation marks on its own ("“Zero Sum”") is a title or a term.
      if (/["“‘]$/u.test(before) && /^["”’]/u.test(s.slice(runStart + m[0].length))) continue;
      let toks = tokens;
      if (THE_BEFORE.test(before)) {
        // "the Kremlin's Dmitry Peskov": only the part up to the possessive belongs to "the"; "… at
        // the Baltic Policy School Oleg Varnavin": an organisation's name, then a full name.
        const possessive = toks.findIndex((t) => t.possessive);
        // (After "the", only an organisation word: "the U.S. Flag Code" is not "U.S." and a person.)
        const cut = possessive >= 0 ? possessive + 1 : nameAfterOrg(toks, ['org']);
        if (cut <= 0) {
          orgs.add(foldName(m[0]));
          continue;
        }
        if (possessive < 0) orgs.add(foldName(m[0].slice(0, toks[cut - 1].end)));
        toks = toks.slice(cut);
        if (!toks.length) continue;
      }
      // "said June Dreyer", "April Ryan, a correspondent at …": a month that is a given name.
      if (
        toks.length === 2 &&
        MONTH_GIVEN_NAMES.has(foldWord(toks[0].word)) &&
        !toks[0].possessive &&
        classifyWord(toks[1].word) === 'name' &&
        !officialAlias.has(foldWord(toks[1].word)) &&
        !MONTH_NOT_NAME_BEFORE.test(before)
      ) {
        const after = s.slice(runStart + m[0].length, runStart + m[0].length + 160);
        if (
          MONTH_NAME_VERB_BEFORE.test(before) ||
          MONTH_NAME_VERB_AFTER.test(after) ||
          MONTH_NAME_ROLE_AFTER.test(after)
        )
          toks[0].forcedName = true;
      }
      const firstInSentence = /^[\s"“‘'(«—–-]*$/u.test(s.slice(0, runStart));
      // "Mr. Korolev", "Dr. Lo": the abbreviation's dot ends the run, so its title is read here.
      const hon = toks === tokens ? HONORIFIC_BEFORE.exec(before) : null;
      pushSegments(
        si,
        s,
        runStart,
        toks,
        firstInSentence && toks === tokens,
        vocabulary,
        orgs,
        candidates,
        hon ? hon[1].toLowerCase() : null,
      );
    }
  }

  const persons = new Map<string, PersonRecord>();
  const bySurname = new Map<string, PersonRecord[]>();
  const bySentence: Mention[][] = sentences.map(() => []);
  const addPerson = (
    id: string,
    name: string,
    sentence: number,
    official: OfficialEntry | null,
    keys: string[],
  ) => {
    let p = persons.get(id);
    if (!p) {
      p = { id, name, surfaceForms: new Set(), mentions: [], official, firstSentence: sentence };
      persons.set(id, p);
      for (const k of keys) {
        const list = bySurname.get(k) ?? [];
        list.push(p);
        bySurname.set(k, list);
      }
    }
    return p;
  };
  const addMention = (p: PersonRecord, c: Candidate, full: boolean) => {
    const surface = sentences[c.sentence].text.slice(c.start, c.end);
    p.surfaceForms.add(surface);
    const mention: Mention = {
      personId: p.id,
      sentence: c.sentence,
      start: c.start,
      end: c.end,
      surface,
      full,
      possessive: c.possessive,
      title: c.title,
    };
    p.mentions.push(mention);
    bySentence[c.sentence].push(mention);
  };

  // Full names first, so that surnames before and after them resolve.
  const singles: Candidate[] = [];
  for (const c of candidates) {
    const nameCount = c.tokens.filter(isNameToken).length;
    if (nameCount < 2 || c.tokens.length > 4) {
      if (nameCount === 1) singles.push(c);
      continue;
    }
    const name = sentences[c.sentence].text.slice(c.start, c.end);
    const key = foldName(name);
    const official = officialByKey.get(key) ?? null;
    const canonical = official ? official.name : name;
    const id = foldName(canonical);
    const keys = surnameKeys(c.tokens);
    if (official) for (const a of official.aliases) if (!a.includes(' ')) keys.push(foldName(a));
    addMention(addPerson(id, canonical, c.sentence, official, keys), c, true);
  }
  for (const c of singles) {
    const tok = c.tokens.find(isNameToken)!;
    // Initials around one word ("J. Smith" with the first name dropped) still name one surname.
    const keyCandidates = [foldWord(tok.text), foldWord(tok.word)];
    let target: PersonRecord | undefined;
    for (const k of keyCandidates) {
      const list = bySurname.get(k);
      if (!list) continue;
      // The person most recently introduced before this sentence; else the first one.
      target = list.reduce<PersonRecord | undefined>(
        (best, p) =>
          p.firstSentence <= c.sentence && (!best || p.firstSentence >= best.firstSentence) ? p : best,
        undefined,
      );
      target ??= list[0];
      if (target) break;
    }
    if (!target) {
      const official = officialAlias.get(foldWord(tok.word));
      if (official) {
        const id = foldName(official.name);
        target = addPerson(id, official.name, c.sentence, official, [foldWord(tok.word)]);
      } else if (
        c.title &&
        !c.weakOpener &&
        /\b(?:dr|prof|professor|mr|mrs|ms|miss|doctor|amb|ambassador)\b/.test(c.title)
      ) {
        const id = foldName(tok.word);
        target = addPerson(id, tok.word, c.sentence, null, [id]);
      } else if (loneSurnameSpeaks(c, tok, sentences, orgs)) {
        // "Koffler remarked that …" with "…," she said" after it: a surname the excerpt never gives in full.
        const id = foldName(tok.word);
        target = addPerson(id, tok.word, c.sentence, null, [id]);
      }
    }
    if (target) addMention(target, c, false);
  }
  for (const list of bySentence) list.sort((a, b) => a.start - b.start);
  for (const p of persons.values()) p.mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  return { persons, bySentence, orgs };
}

const LONE_SURNAME_VERB =
  /^\s+(?:also\s+)?(?:remarked|said|says|argued|argues|noted|notes|wrote|writes|believes|explained|explains|warned|warns|added|told|cautioned|observed|contends|contended|predicted|predicts)\s+that\b/;
const GENDERED_SPEECH =
  /\b(?:he|she)\s+(?:also\s+)?(?:said|says|added|adds|noted|argued|wrote|explained|continued|told|warned)\b/;

/**
 * A one-word name with no full form in the text that speaks like a person: a speech verb and "that" right
 * after it and a "he said"/"she said" in the same or one of the next two sentences. Companies and places do not
 * take a gendered pronoun.
 */
function loneSurnameSpeaks(
  c: Candidate,
  tok: RunToken,
  sentences: SentenceSpan[],
  orgs: Set<string>,
): boolean {
  if (c.tokens.length !== 1 || c.weakOpener || c.possessive || c.title) return false;
  if (tok.word.length < 3 || tok.word === tok.word.toUpperCase() || orgs.has(foldWord(tok.word)))
    return false;
  const s = sentences[c.sentence].text;
  if (!LONE_SURNAME_VERB.test(s.slice(c.end, c.end + 40))) return false;
  for (let k = c.sentence; k <= c.sentence + 2 && k < sentences.length; k++) {
    const t = k === c.sentence ? s.slice(c.end) : sentences[k].text;
    if (GENDERED_SPEECH.test(t)) return true;
  }
  return false;
}

/** Names in a byline ("By Dana Whitfield and Lee Chen, staff writers") as folded full names and surnames. */
export function bylineKeys(byline: string | null | undefined): Set<string> {
  const keys = new Set<string>();
  if (!byline) return keys;
  const text = byline.slice(0, 500);
  NAME_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RUN.exec(text))) {
    const toks = tokenizeRun(m[0]).filter(
      (t) => classifyWord(t.word) === 'name' || classifyWord(t.word) === 'initial',
    );
    if (toks.filter((t) => classifyWord(t.word) === 'name').length >= 2) {
      keys.add(foldName(toks.map((t) => t.text).join(' ')));
    }
  }
  return keys;
}
