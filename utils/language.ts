/**
 * The language a text is written in, from the text itself first and the page's declared `lang` only
 * when the text cannot tell (a `lang` attribute is often a site-wide default, and often wrong).
 *
 * Two cheap steps: the script (counted per character: Han, kana, Hangul, Cyrillic, Latin), then, for
 * Latin and Cyrillic text, stop-word profiles. Pure and bounded: at most `MAX_SCRIPT_CHARS` characters
 * and `MAX_WORDS` words are read.
 */

/** Stop words that tell the languages apart; a word listed for two languages is dropped. */
const STOP_WORDS: Record<string, string> = {
  en: 'the and of to is that with for was are this have from by which its has been were would their will',
  de: 'der die und das nicht mit ist von den sich auch eine dem auf wird für zu im des ein bei',
  fr: 'le les et des est une dans du pour qui pas sur au avec sont cette aux ses leur été',
  es: 'el los las del por una con para es como más pero sus fue ha entre sobre también',
  it: 'il della che di non per sono gli nel anche come alla dei delle è questo',
  pt: 'não uma com para são os da do mais mas foi pelo pela ao em há seu',
  nl: 'het een van niet zijn voor maar ook wordt dat op bij naar deze',
  pl: 'się nie że jest do na to jak przez oraz jego które został są być',
  ru: 'и в не на что с по это как но из о для так от он она они был была',
  uk: 'і та що не на це як від які його було також має',
};

const STOP_WORD_LANG = (() => {
  const map = new Map<string, string>();
  const clash = new Set<string>();
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const word of words.split(' ')) {
      if (map.has(word) && map.get(word) !== lang) clash.add(word);
      map.set(word, lang);
    }
  }
  for (const word of clash) map.delete(word);
  return map;
})();

const MAX_WORDS = 3000;
/** Below this share of the words read, the best-scoring language is noise. */
const MIN_STOP_WORD_SHARE = 0.08;
const MAX_SCRIPT_CHARS = 20_000;

/** Letters per script in the first MAX_SCRIPT_CHARS characters of a text. */
export interface ScriptCounts {
  latin: number;
  cyrillic: number;
  han: number;
  kana: number;
  hangul: number;
}

export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, cyrillic: 0, han: 0, kana: 0, hangul: 0 };
  const end = Math.min(text.length, MAX_SCRIPT_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) counts.latin++;
    } else if (c >= 0xc0 && c <= 0x24f) counts.latin++;
    else if (c >= 0x400 && c <= 0x4ff) counts.cyrillic++;
    else if (c >= 0x3040 && c <= 0x30ff) counts.kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) counts.han++;
    else if (c >= 0xac00 && c <= 0xd7af) counts.hangul++;
  }
  return counts;
}

/**
 * The dominant script: a Han, kana or Hangul character stands for about a word, so it counts three
 * letters. 'none' when there are too few letters to tell.
 */
export function dominantScript(counts: ScriptCounts): 'latin' | 'cyrillic' | 'cjk' | 'none' {
  const cjk = (counts.han + counts.kana + counts.hangul) * 3;
  const best = Math.max(counts.latin, counts.cyrillic, cjk);
  if (best < 6) return 'none';
  if (best === cjk) return 'cjk';
  return best === counts.cyrillic ? 'cyrillic' : 'latin';
}

/** The language of a text from its stop words; 'und' when it cannot tell. */
export function stopWordLanguage(text: string): string {
  const counts = new Map<string, number>();
  const words = /\p{L}+/gu;
  let seen = 0;
  for (let match = words.exec(text); match && seen < MAX_WORDS; match = words.exec(text), seen++) {
    const lang = STOP_WORD_LANG.get(match[0].toLowerCase());
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best = 'und';
  let bestCount = 2;
  for (const [lang, count] of counts) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  // In prose a quarter or more of the words are stop words; Lorem ipsum's "et" and "est" are not French.
  return bestCount >= seen * MIN_STOP_WORD_SHARE ? best : 'und';
}

const CYRILLIC_TAGS = new Set(['ru', 'uk', 'bg', 'sr', 'be', 'mk', 'kk']);
const CJK_TAGS = new Set(['zh', 'ja', 'ko']);

/** The primary subtag of a declared language ("en-GB", "zh_TW" → "en", "zh"); 'und' when none. */
export function primaryTag(declared: string | null | undefined): string {
  const tag = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(tag) ? tag : 'und';
}

/**
 * The language of a text: Chinese, Japanese or Korean from the script; for Cyrillic and Latin text
 * the stop words (Russian unless the text reads as Ukrainian); the declared language when the text
 * has too few words to tell, or when it agrees with the script.
 */
export function detectLanguage(text: string, declared?: string | null): string {
  const input = typeof text === 'string' ? text : '';
  const tag = primaryTag(declared);
  const counts = countScripts(input);
  const script = dominantScript(counts);
  if (script === 'cjk') {
    if (counts.hangul > counts.han + counts.kana) return 'ko';
    // Japanese writes kana between its Han characters; Chinese has none.
    return counts.kana * 5 > counts.han ? 'ja' : 'zh';
  }
  const guessed = script === 'none' ? 'und' : stopWordLanguage(input.slice(0, 30_000));
  if (guessed !== 'und') return guessed;
  if (script === 'cyrillic') return CYRILLIC_TAGS.has(tag) ? tag : 'ru';
  // A Latin-script text is not in a language written in another script, whatever the page says.
  if (script === 'latin' && (CYRILLIC_TAGS.has(tag) || CJK_TAGS.has(tag))) return 'und';
  return tag;
}
