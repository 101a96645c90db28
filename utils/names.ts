/**
 * Person-name recognition helpers for news text: a compiled pattern for runs of capitalised words
 * (hyphens, diacritics, apostrophes, particles such as "von der", "al-"), word lists that stop
 * organisations, places, months and sentence openers from becoming people, and East Asian name
 * order ("Xi Jinping": the family name comes first).
 */

/**
 * Folds a name to an id: lowercase, diacritics stripped (NFD), every run of other characters turned
 * into one hyphen, no hyphens at the ends. "Jakub Jakóbowski" → "jakub-jakobowski".
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łđøæœßþı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
};

/** Folds one word for the word lists below: lowercase, no diacritics, no possessive. */
export function foldWord(word: string): string {
  return foldName(word.replace(/['’]s$/u, ''));
}

// Unicode property classes (\p{L}) cost V8 several milliseconds each to compile; the names we read
// are written in Latin script (with diacritics), so the patterns below are written with \p{…} for
// readability and compiled with explicit Latin (plus Greek/Cyrillic letter) ranges by `rx`.
const LATIN_UPPER = String.raw`A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100\u0102\u0104\u0106\u0108\u010A\u010C\u010E\u0110\u0112\u0114\u0116\u0118\u011A\u011C\u011E\u0120\u0122\u0124\u0126\u0128\u012A\u012C\u012E\u0130\u0132\u0134\u0136\u0139\u013B\u013D\u013F\u0141\u0143\u0145\u0147\u014A\u014C\u014E\u0150\u0152\u0154\u0156\u0158\u015A\u015C\u015E\u0160\u0162\u0164\u0166\u0168\u016A\u016C\u016E\u0170\u0172\u0174\u0176\u0178\u0179\u017B\u017D\u0181\u0182\u0184\u0186\u0187\u0189-\u018B\u018E-\u0191\u0193\u0194\u0196-\u0198\u019C\u019D\u019F\u01A0\u01A2\u01A4\u01A6\u01A7\u01A9\u01AC\u01AE\u01AF\u01B1-\u01B3\u01B5\u01B7\u01B8\u01BC\u01C4\u01C7\u01CA\u01CD\u01CF\u01D1\u01D3\u01D5\u01D7\u01D9\u01DB\u01DE\u01E0\u01E2\u01E4\u01E6\u01E8\u01EA\u01EC\u01EE\u01F1\u01F4\u01F6-\u01F8\u01FA\u01FC\u01FE\u0200\u0202\u0204\u0206\u0208\u020A\u020C\u020E\u0210\u0212\u0214\u0216\u0218\u021A\u021C\u021E\u0220\u0222\u0224\u0226\u0228\u022A\u022C\u022E\u0230\u0232\u023A\u023B\u023D\u023E\u0241\u0243-\u0246\u0248\u024A\u024C\u024E\u1E00\u1E02\u1E04\u1E06\u1E08\u1E0A\u1E0C\u1E0E\u1E10\u1E12\u1E14\u1E16\u1E18\u1E1A\u1E1C\u1E1E\u1E20\u1E22\u1E24\u1E26\u1E28\u1E2A\u1E2C\u1E2E\u1E30\u1E32\u1E34\u1E36\u1E38\u1E3A\u1E3C\u1E3E\u1E40\u1E42\u1E44\u1E46\u1E48\u1E4A\u1E4C\u1E4E\u1E50\u1E52\u1E54\u1E56\u1E58\u1E5A\u1E5C\u1E5E\u1E60\u1E62\u1E64\u1E66\u1E68\u1E6A\u1E6C\u1E6E\u1E70\u1E72\u1E74\u1E76\u1E78\u1E7A\u1E7C\u1E7E\u1E80\u1E82\u1E84\u1E86\u1E88\u1E8A\u1E8C\u1E8E\u1E90\u1E92\u1E94\u1E9E\u1EA0\u1EA2\u1EA4\u1EA6\u1EA8\u1EAA\u1EAC\u1EAE\u1EB0\u1EB2\u1EB4\u1EB6\u1EB8\u1EBA\u1EBC\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1EC8\u1ECA\u1ECC\u1ECE\u1ED0\u1ED2\u1ED4\u1ED6\u1ED8\u1EDA\u1EDC\u1EDE\u1EE0\u1EE2\u1EE4\u1EE6\u1EE8\u1EEA\u1EEC\u1EEE\u1EF0\u1EF2\u1EF4\u1EF6\u1EF8\u1EFA\u1EFC\u1EFE`;
const LATIN_LOWER = String.raw`a-z\u00DF-\u00F6\u00F8-\u00FF\u0101\u0103\u0105\u0107\u0109\u010B\u010D\u010F\u0111\u0113\u0115\u0117\u0119\u011B\u011D\u011F\u0121\u0123\u0125\u0127\u0129\u012B\u012D\u012F\u0131\u0133\u0135\u0137\u0138\u013A\u013C\u013E\u0140\u0142\u0144\u0146\u0148\u0149\u014B\u014D\u014F\u0151\u0153\u0155\u0157\u0159\u015B\u015D\u015F\u0161\u0163\u0165\u0167\u0169\u016B\u016D\u016F\u0171\u0173\u0175\u0177\u017A\u017C\u017E-\u0180\u0183\u0185\u0188\u018C\u018D\u0192\u0195\u0199-\u019B\u019E\u01A1\u01A3\u01A5\u01A8\u01AA\u01AB\u01AD\u01B0\u01B4\u01B6\u01B9\u01BA\u01BD-\u01BF\u01C6\u01C9\u01CC\u01CE\u01D0\u01D2\u01D4\u01D6\u01D8\u01DA\u01DC\u01DD\u01DF\u01E1\u01E3\u01E5\u01E7\u01E9\u01EB\u01ED\u01EF\u01F0\u01F3\u01F5\u01F9\u01FB\u01FD\u01FF\u0201\u0203\u0205\u0207\u0209\u020B\u020D\u020F\u0211\u0213\u0215\u0217\u0219\u021B\u021D\u021F\u0221\u0223\u0225\u0227\u0229\u022B\u022D\u022F\u0231\u0233-\u0239\u023C\u023F\u0240\u0242\u0247\u0249\u024B\u024D\u024F\u1E01\u1E03\u1E05\u1E07\u1E09\u1E0B\u1E0D\u1E0F\u1E11\u1E13\u1E15\u1E17\u1E19\u1E1B\u1E1D\u1E1F\u1E21\u1E23\u1E25\u1E27\u1E29\u1E2B\u1E2D\u1E2F\u1E31\u1E33\u1E35\u1E37\u1E39\u1E3B\u1E3D\u1E3F\u1E41\u1E43\u1E45\u1E47\u1E49\u1E4B\u1E4D\u1E4F\u1E51\u1E53\u1E55\u1E57\u1E59\u1E5B\u1E5D\u1E5F\u1E61\u1E63\u1E65\u1E67\u1E69\u1E6B\u1E6D\u1E6F\u1E71\u1E73\u1E75\u1E77\u1E79\u1E7B\u1E7D\u1E7F\u1E81\u1E83\u1E85\u1E87\u1E89\u1E8B\u1E8D\u1E8F\u1E91\u1E93\u1E95-\u1E9D\u1E9F\u1EA1\u1EA3\u1EA5\u1EA7\u1EA9\u1EAB\u1EAD\u1EAF\u1EB1\u1EB3\u1EB5\u1EB7\u1EB9\u1EBB\u1EBD\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1EC9\u1ECB\u1ECD\u1ECF\u1ED1\u1ED3\u1ED5\u1ED7\u1ED9\u1EDB\u1EDD\u1EDF\u1EE1\u1EE3\u1EE5\u1EE7\u1EE9\u1EEB\u1EED\u1EEF\u1EF1\u1EF3\u1EF5\u1EF7\u1EF9\u1EFB\u1EFD\u1EFF`;
const LETTERS = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0370-\u03FF\u0400-\u052F`;
const CLASS: Record<string, string> = {
  Lu: LATIN_UPPER,
  Ll: LATIN_LOWER,
  L: LETTERS,
  M: String.raw`\u0300-\u036F`,
  N: '0-9',
};
const rxCache = new Map<string, RegExp>();

/**
 * Compiles a pattern written with `\p{L}`, `\p{Lu}`, `\p{Ll}`, `\p{M}`, `\p{N}` into one with explicit
 * ranges (fast to compile), memoised by source and flags. Stateful ('g'/'y') patterns are shared:
 * reset `lastIndex` before use.
 */
export function rx(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = rxCache.get(key);
  if (!re) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') {
        const m = /^\\p\{(Lu|Ll|L|M|N)\}/.exec(source.slice(i, i + 6));
        if (m) {
          out += inClass ? CLASS[m[1]] : `[${CLASS[m[1]]}]`;
          i += m[0].length - 1;
          continue;
        }
        out += source.slice(i, i + 2);
        i++;
        continue;
      }
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']' && inClass) inClass = false;
      out += c;
    }
    re = new RegExp(out, flags);
    rxCache.set(key, re);
  }
  return re;
}

const CAP_WORD = String.raw`\p{Lu}(?:[\p{Ll}\p{Lu}\p{M}]|['’](?=\p{L}))*(?:-\p{L}(?:[\p{L}\p{M}]|['’](?=\p{L}))*)*`;
const ARABIC_PREFIX = String.raw`(?:al|el|ad|ar|as|ash|az|an)[-‑]`;
const INITIAL = String.raw`\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)*`;
const PARTICLE = String.raw`(?:von|van|der|den|de|da|di|du|del|della|dos|das|la|le|bin|ibn|bint|ter|zu|y)`;
const NAME_TOKEN = String.raw`(?:${ARABIC_PREFIX})?(?:${INITIAL}|${CAP_WORD})`;

/**
 * A run of capitalised words, with lowercase name particles allowed between them. Tokens are
 * separated by one space; anything else (comma, "of", a lowercase word) ends the run.
 */
export const NAME_RUN = rx(
  String.raw`(?<![\p{L}\p{M}\p{N}'’-])${NAME_TOKEN}(?:[ \u00a0](?:${PARTICLE}[ \u00a0])*${NAME_TOKEN})*`,
  'gu',
);

/** Splits a run into tokens; particles stay attached to the token that follows them. */
const TOKEN_IN_RUN = rx(String.raw`(?:${PARTICLE}[ \u00a0])*${NAME_TOKEN}`, 'gu');

const LEADING_PARTICLES = rx(String.raw`^(?:${PARTICLE}[ \u00a0])+`, 'u');

export interface RunToken {
  /** The token as written, with particles in front ("von der Leyen") and without a possessive. */
  text: string;
  /** Offset of `text` inside the run. */
  start: number;
  end: number;
  /** The bare capitalised word ("Leyen"), possessive removed. */
  word: string;
  possessive: boolean;
  /** Set by the caller when a title word is read as a surname ("Bill Bishop"). */
  forcedName?: boolean;
}

export function tokenizeRun(run: string): RunToken[] {
  const out: RunToken[] = [];
  TOKEN_IN_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_IN_RUN.exec(run))) {
    let text = m[0];
    let possessive = false;
    const pm = /['’]s?$/u.exec(text);
    if (pm && (pm[0].length === 2 || /s['’]$/u.test(text))) {
      // "Gabuev's" / "Sachs'" — but not "O'" style names (those need letters after the apostrophe).
      text = text.slice(0, text.length - pm[0].length);
      possessive = true;
    }
    const word = text.replace(LEADING_PARTICLES, '');
    out.push({ text, start: m.index, end: m.index + text.length, word, possessive });
  }
  return out;
}

const list = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that open sentences or clauses and never start a name. */
export const STOP_WORDS = list(`
  a an the this that these those it its he she they we i you his her their our my your him them us
  and but or nor yet so if as at by for from in into of on onto to with without within about above after
  against along amid among around before behind below beneath beside besides between beyond despite
  during except inside like near off outside over past per since than through throughout till toward
  towards under unlike until upon via versus vs however meanwhile moreover furthermore nevertheless
  nonetheless instead indeed still also even while when whenever where whereas whether which who whom
  whose why how what although though because unless once then there here now today yesterday tomorrow
  tonight last next earlier later recently already perhaps maybe many most much more some several few
  both each every all any another other others such no not only just both either neither one two three
  four five six seven eight nine ten first second third new old is are was were be been being has have
  had do does did will would shall should can could may might must let lets says said asked according
  speaking writing asked told added noted argued yes no okay well oh thus hence overall ultimately
  similarly likewise finally first firstly secondly notably specifically importantly interestingly
  ironically unsurprisingly predictably clearly certainly obviously surely really actually apparently
  reportedly allegedly initially originally eventually again always never often sometimes usually
  analysts analyst experts expert officials official observers critics scholars researchers diplomats
  sources people leaders others many some few reporters journalists editor editors readers read watch
  listen subscribe sign share follow click see related popular latest trending more advertisement
  photo photos image images video videos credit credits caption getty reuters afp ap epa tass xinhua
  file handout pool courtesy illustration graphic chart map source sources note update updated
  exclusive analysis opinion comment comments commentary explainer interview review podcast newsletter
  breaking live watch home news world politics business economy tech science sport sports culture
  jr sr ii iii iv guest guests presenter presenters moderator panelists panellists host hosts interviewer
`);

/** Titles and role words that can stand before a name; they are not part of the name. */
export const TITLE_WORDS = list(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam mister doctor
  president presidents vice premier chancellor minister ministers secretary secretary-general
  spokesperson spokesman spokeswoman spokespeople ambassador envoy senator sen rep representative
  congressman congresswoman governor gov mayor king queen prince princess emperor sheikh emir
  pope cardinal bishop archbishop patriarch rabbi imam ayatollah chairman chairwoman chair chief
  general gen admiral adm colonel col major maj captain capt lieutenant lt sergeant sgt commander cmdr
  commenter reader user detective constable trooper sheriff attorney-general solicitor-general governor-general
  marshal director deputy head leader founder ceo cfo coo executive justice judge attorney
  counselor councillor councilor adviser advisor aide officer agent inspector superintendent
  analyst analysts scholar economist historian researcher fellow expert author co-author journalist
  reporter correspondent editor columnist writer commentator sinologist strategist consultant
  lawmaker lawmakers deputies mp mep speaker whip candidate nominee democrat republican
  crown supreme grand foreign defense defence finance interior trade prime state deputy acting former
  late then-president then-secretary then-minister incumbent outgoing incoming presidential
`);

/** Words that mark a run as an organisation (the whole run, not a person in it). */
export const ORG_WORDS = list(`
  center centre institute institution university universität université universidad college school
  academy council endowment foundation fund group company corporation corp inc ltd llc plc co gmbh ag
  bank banks association society forum program programme project initiative lab labs laboratory
  network service services agency office ministry department bureau commission committee board
  authority administration organization organisation federation union league alliance party front
  movement coalition congress parliament duma senate assembly court tribunal army navy force forces
  guard command corps fleet police times post journal herald tribune gazette gazeta news press
  review monthly weekly daily magazine radio television tv channel broadcasting media wire agency
  telegraph guardian chronicle
  affairs policy relations studies research analytics economics consulting consultancy advisory
  advisors advisers partners associates capital holdings industries energy oil gas petroleum
  airlines motors systems technologies technology international global house palace kremlin
  museum library archive archives hospital clinic church mosque temple stream pipeline exchange
  market markets securities investments management strategies intelligence security strategic
  watch monitor observatory studio studios club team trust bloc treaty summit conference dialogue
  initiative doctrine plan act law accord accords agreement pact declaration charter protocol
  index report survey census poll strategy review assessment
  metals mining minerals resources steel chemicals logistics shipping communications telecom
`);

/** Multi-word names that look like two capitalised words but are not people. */
export const NOT_PERSON_PHRASES = list(`
  goldman-sachs morgan-stanley lockheed-martin dow-jones al-jazeera le-monde le-figaro deutsche-welle
  novaya-gazeta ria-novosti russia-today wells-fargo general-motors general-electric pew-research
  boston-consulting bain-company mckinsey-company ernst-young price-waterhouse standard-chartered
  credit-suisse societe-generale bnp-paribas raiffeisen-bank sberbank-cib morgan-chase jp-morgan
  wood-mackenzie fitch-ratings carnegie-politika sberbank-cib renaissance-capital human-rights-watch
  amnesty-international voice-america radio-liberty radio-free-europe rosneft-gazprom power-siberia nord-stream belt-road xi-jinping-thought cold-war
`);

/**
 * Common English words that start brand, blog, product and title names ("Whole Foods", "Simple Dollar",
 * "Smart Projects", "Iron Trapdoor"). A two-word name whose first word is one of these is not a person.
 * Words that are also given names (Will, Mark, Rose, Grace, Frank, Rush …) are deliberately absent.
 */
export const COMMON_FIRST_WORDS = list(`
  whole simple smart dark iron red blue green black white yellow orange purple pink grey gray golden silver
  coarse cooked raw fresh angry happy sad great good bad best better big small large huge tiny
  tall short high low deep wide open closed free full empty hot cold warm cool wild quiet loud
  fast slow quick early late old ancient modern future past present final total real true false
  super mega ultra extra prime premium pure clean clear bright brave bold royal noble sacred holy secret
  hidden lost found broken perfect extraordinary ordinary special general common public private social
  digital virtual online mobile global local urban rural northern southern eastern western central inner
  outer upper lower front back top bottom middle side first second third last next new old
  stack phantom building block house home street road city town world earth planet sky
  sea ocean river mountain forest garden field farm market store shop bank money dollar euro pound
  fire water air wind storm ice snow rain light shadow night day morning evening
  enter exit read write watch listen learn play start stop join follow share click subscribe download
  haunted hunted wanted united fried baked roasted grilled smoked crispy
  feminist liberal conservative progressive radical critical daily weekly monthly annual
  data team club group project program system network service app web net code game games film movie
  book books story stories news times post journal review magazine guide guides tips tricks
  slime armor armour sandstone mutton trapdoor aether minimalist
`);

/** Capitalised words that are places, peoples or other common nouns, never a given name or surname. */
export const NON_NAME_WORDS = list(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan new year 
  festival parade games olympics olympic cup prize award nobel victory
  god allah jesus christ bible koran quran
  america american americans us usa u-s united states state states kingdom nations republic
  people peoples federation union european europe eu e-u u-n un uk u-k britain british england english
  scotland wales ireland irish france french germany german germans italy italian spain spanish
  portugal poland polish hungary hungarian czech slovakia romania bulgaria greece greek turkey turkish
  turkiye türkiye cyprus austria switzerland swiss netherlands dutch belgium denmark danish sweden
  swedish norway norwegian finland finnish iceland estonia latvia lithuania baltic baltics belarus
  belarusian moldova ukraine ukrainian ukrainians russia russian russians soviet ussr sino moscow
  kremlin kyiv kiev kharkiv odesa odessa crimea donbas donetsk luhansk zaporizhzhia kherson
  mariupol bakhmut avdiivka kursk belgorod siberia siberian arctic amur vladivostok khabarovsk
  petersburg st saint novosibirsk yekaterinburg kazan chechnya chechen georgia georgian armenia
  armenian azerbaijan kazakhstan kazakh uzbekistan kyrgyzstan tajikistan turkmenistan mongolia
  mongolian china chinese beijing shanghai shenzhen guangzhou wuhan tianjin chongqing hong kong
  macau macao taiwan taiwanese taipei tibet tibetan xinjiang uyghur uighur harbin heilongjiang
  manchuria yunnan sichuan japan japanese tokyo osaka korea korean koreas seoul pyongyang north
  south east west eastern western northern southern central middle far near asia asian asia-pacific
  indo-pacific pacific atlantic indian india delhi mumbai pakistan pakistani islamabad afghanistan
  afghan kabul iran iranian tehran iraq iraqi baghdad syria syrian damascus israel israeli gaza
  palestinian lebanon jordan egypt egyptian cairo saudi arabia arabian arab arabs emirates uae dubai
  abu dhabi qatar doha yemen houthi houthis oman kuwait bahrain africa african nigeria kenya ethiopia
  sudan libya algeria morocco tunisia sahel mali niger congo angola mozambique zimbabwe pretoria
  brazil brazilian argentina chile mexico mexican venezuela venezuelan cuba cuban colombia peru
  canada canadian canadians ottawa australia australian canberra zealand vietnam vietnamese hanoi
  thailand thai bangkok indonesia indonesian jakarta malaysia singapore philippines philippine manila
  myanmar burma cambodia laos bangladesh sri lanka nepal maldives washington london paris berlin
  brussels rome madrid warsaw budapest prague vienna geneva davos munich helsinki stockholm oslo
  riga vilnius tallinn minsk tbilisi yerevan baku astana almaty tashkent ankara istanbul athens
  lisbon amsterdam hague york jersey california texas florida alaska hawaii virginia boston chicago
  angeles francisco diego seattle pentagon capitol downing whitehall elysee zhongnanhai
  square street wall road avenue river sea ocean gulf strait straits bay island islands
  mountain mountains valley region regions province oblast krai district county city town
  village peninsula continent hemisphere border borders frontier
  christians muslim muslims jewish jews islamic catholic orthodox buddhist hindu
  democrats democrat republicans republican gop conservative conservatives liberal liberals labour
  communist communists socialist bolshevik bolsheviks nazi nazis maga brics sco nato g7 g20 opec
  un-security west's east's north's south's
  war wars peace treaty cold world global greater grand great big little high low great-power
  internet web online twitter x facebook meta instagram telegram tiktok youtube google apple
  microsoft amazon nvidia huawei tesla boeing airbus gazprom rosneft lukoil novatek rosatom
  sberbank vtb wagner
  covid coronavirus ai artificial intelligence
  sir his her
  kyrgyz kyrgyzstani tajik uzbek turkmen kazakhstani azerbaijani azeri moldovan serbia serbian serb serbs
  croatia croatian slovak slovenian slovenia romanian bulgarian estonian latvian lithuanian emirati qatari
  kuwaiti omani yemeni lebanese jordanian iraqi libyan algerian moroccan tunisian ethiopian nigerian kenyan
  ghanaian senegalese argentine argentinian chilean colombian peruvian bolivian ecuadorian bangladeshi
  nepali sri-lankan filipino malaysian singaporean burmese cambodian laotian austrian belgian icelandic
  scottish welsh portuguese cypriot maltese tatar tatarstan buryat yakut dagestan dagestani ossetian
  abkhaz abkhazia transnistria transnistrian crimean bashkir kalmyk chukotka kamchatka sakhalin kuril
  kurils primorye yakutia
`);

const CHINESE_SURNAMES = list(`
  xi wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song
  zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding
  wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui
  kang mao qiu qin gu hou shao meng long wan duan qian yin yi chang huo ge lei niu wen qi mo ou pang
  bao geng hong lai lan lian lou miao ni nie ning rao ruan sheng tao tong wei xiang yan zhan zhuo
`);
const KOREAN_SURNAMES = list(
  'kim lee park moon yoon choi jung chung kang cho jang lim han shin oh seo kwon hwang ahn song ryu',
);
const VIETNAMESE_SURNAMES = list('nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly');

const PINYIN_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|iao|ian|uai|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)';
const PINYIN_WORD = rx(`^(?:${PINYIN_SYLLABLE}){1,3}$`);

/** True for a word that can be read as one to three pinyin syllables ("Jinping", "Yujun", "Qinduo"). */
export function isPinyin(word: string): boolean {
  const w = foldName(word).replace(/-/g, '');
  return w.length > 0 && w.length <= 12 && PINYIN_WORD.test(w);
}

/**
 * True when a multi-word name is written family name first: a Chinese family name followed by a
 * pinyin given name ("Xi Jinping", "Wang Yi"), a Korean one followed by short or hyphenated given
 * names ("Kim Jong Un", "Lee Jae-myung"), or a Vietnamese one followed by two short words.
 */
export function isFamilyNameFirst(words: string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const first = foldWord(words[0]);
  const rest = words.slice(1);
  if (CHINESE_SURNAMES.has(first) && rest.every((w) => isPinyin(w)) && words.length === 2) return true;
  if (
    KOREAN_SURNAMES.has(first) &&
    rest.every((w) => w.length <= 4 || rx(String.raw`^\p{Lu}\p{Ll}+-\p{Ll}+$`, 'u').test(w)) &&
    rest.some((w) => w.includes('-') || words.length === 3 || isPinyin(w))
  )
    return true;
  if (VIETNAMESE_SURNAMES.has(first) && words.length === 3 && rest.every((w) => w.length <= 5)) return true;
  return false;
}

/**
 * The keys under which a later one-word mention refers to this full name: the surname (last word,
 * with its particles: "von der Leyen", "Leyen"), or, for family-name-first names, the family name —
 * and, when both words read as pinyin ("Yun Sun"), either word, since the order is not certain.
 */
export function surnameKeys(tokens: RunToken[]): string[] {
  const words = tokens.map((t) => t.word);
  const keys = new Set<string>();
  if (isFamilyNameFirst(words)) {
    keys.add(foldWord(words[0]));
    if (words.length === 2 && isPinyin(words[1])) keys.add(foldWord(words[1]));
  } else {
    const last = tokens[tokens.length - 1];
    keys.add(foldWord(last.word));
    if (last.text !== last.word) keys.add(foldWord(last.text));
    // "al-Assad" → "Assad"
    const bare = last.word.replace(rx(`^${ARABIC_PREFIX}`, 'u'), '');
    if (bare !== last.word) keys.add(foldWord(bare));
    // "Yun Sun": both words read as pinyin and the order is uncertain, so either word may come back.
    if (
      words.length === 2 &&
      isPinyin(words[0]) &&
      isPinyin(words[1]) &&
      CHINESE_SURNAMES.has(foldWord(words[1]))
    ) {
      keys.add(foldWord(words[0]));
    }
  }
  return [...keys];
}

/** What one capitalised word is, for splitting runs. */
export type WordClass = 'title' | 'stop' | 'org' | 'place' | 'initial' | 'name';

const classCache = new Map<string, WordClass>();

/** What one capitalised word is (memoised: the same words come back on every page). */
export function classifyWord(word: string): WordClass {
  let c = classCache.get(word);
  if (c === undefined) {
    if (classCache.size > 20_000) classCache.clear();
    c = classifyWordUncached(word);
    classCache.set(word, c);
  }
  return c;
}

function classifyWordUncached(word: string): WordClass {
  if (rx(String.raw`^\p{Lu}\.(?:\s?\p{Lu}\.)*$`, 'u').test(word)) {
    return /^(?:U\.S|U\.N|U\.K|E\.U|D\.C)\./.test(word) ? 'place' : 'initial';
  }
  const f = foldWord(word);
  if (!f) return 'stop';
  if (/['’](?:ve|ll|re|d|m|t)$/iu.test(word)) return 'stop'; // I've, We'll, Don't
  if (TITLE_WORDS.has(f)) return 'title';
  // Attorney-General, Secretary-General, Vice-President, Lieutenant-General
  if (f.includes('-') && f.split('-').every((p) => TITLE_WORDS.has(p) || p === 'general' || p === 'elect'))
    return 'title';
  if (STOP_WORDS.has(f)) return 'stop';
  if (ORG_WORDS.has(f)) return 'org';
  // "UN", "UK", "EU" are places; "Un" (Kim Jong Un) is a name.
  if (NON_NAME_WORDS.has(f) && !(f.length <= 2 && word !== word.toUpperCase())) return 'place';
  // Hyphenated words built from places or "-based" adjectives: "Sino-Russian", "Berlin-based".
  if (f.includes('-')) {
    const parts = f.split('-');
    if (
      /^(?:based|backed|funded|linked|owned|run|affiliated|led|born|made|era|style|type|like|friendly|leaning|aligned|headquartered|centric)$/.test(
        parts[parts.length - 1],
      )
    )
      return 'place';
    if (parts.every((p) => NON_NAME_WORDS.has(p) || STOP_WORDS.has(p) || p.length <= 1)) return 'place';
  }
  // All-capital acronyms (NATO, CSIS, IISS) are organisations, not names.
  if (
    word.length >= 2 &&
    rx(String.raw`^[\p{Lu}\d&.-]+$`, 'u').test(word) &&
    !rx(String.raw`^\p{Lu}\.$`, 'u').test(word)
  )
    return 'org';
  // CamelCase single words (FilterLabs, PetroChina) are brands, not names — but McFaul, MacArthur,
  // DiCarlo, LeBlanc, DeSantis, O'Hanlon are names.
  if (
    rx(String.raw`^\p{Lu}\p{Ll}+\p{Lu}`, 'u').test(word) &&
    !rx(String.raw`^(?:Mc|Mac|Di|De|Da|Le|La|Van|Von|Du|Fitz)\p{Lu}`, 'u').test(word)
  )
    return 'org';
  return 'name';
}
