/**
 * Stage "statements" (attribution): whether a mention is the speaker of its sentence, and through
 * which words (a speech verb after or before the name, "according to", a colon and a quotation, a
 * transcript turn, "the author is …").
 */
import { rx } from '../names';
import { type Mention } from '../people';
import { ROLE_VOCAB } from './role-lexicon';

export const SPEECH_VERBS = `
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
  points_to pointed_to reflected reflects quipped quips mused muses posted tweeted
  recommend suggest contend predict conclude caution stress maintain assert observe emphasize emphasise
  lead_the_conversation leads_the_conversation led_the_conversation
`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.replace(/_/g, ' '));

export const VERB_ALT = [...new Set(SPEECH_VERBS)]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, '\\s+'))
  .join('|');

export const ADVERBS = String.raw`(?:also|further|however|recently|previously|then|later|now|still|has|had|have|long|repeatedly|similarly|likewise|earlier|once|even|too|would|will|may|might|could|firmly|strongly|openly|bluntly|often|has\s+long|had\s+long|herself|himself|however,|in\s+turn|for\s+(?:his|her)\s+part,?|\p{Ll}+ly)`;

/** After a name (and an optional appositive): a speech verb. */
export const SUBJECT_VERB = rx(
  String.raw`^(?:\s*,[^,;]{0,250}?(?:,\s*(?:and\s+)?[^,;]{1,100}?){0,3},|\s*[—–][^—–]{1,250}[—–]|\s*\([^()]{1,160}\)|\s+(?:of|at|from|with)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+(?:(?:of|for|on|and|&|the)\s+)?\p{Lu}[\p{L}\p{M}.&'’-]*){0,8})?\s+(?:${ADVERBS}\s+){0,3}(${VERB_ALT}|is\s+(?:\p{Ll}+\s+)?(?:skeptical|sceptical|convinced|confident|doubtful|optimistic|pessimistic|cautious|wary|unconvinced|adamant|of\s+the\s+view)|made\s+(?:\p{Ll}+\s+){1,3}(?:point|case|argument|observation|prediction|remark|comparison)|(?:takes|took|has|had|holds|held)\s+(?:a|an|the)\s+(?:\p{Ll}+\s+)?(?:view|position|line|stance)|remains\s+(?:skeptical|sceptical|convinced|unconvinced|doubtful|confident))\b`,
  'u',
);

/** Before a name that labels a transcript turn: nothing but a title. */
export const TRANSCRIPT_LEFT = /^["“]?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Amb|Ambassador)\.?\s+)?$/;

/** A quotation closed, then a dash and the name: "«…» – X, researcher at Y" (a quote round-up). */
export const DASH_AFTER_QUOTE = /[»”"'’]\s*(?:[–—]|--?)\s*(?:(?:Dr|Prof|Professor)\.?\s+)?$/u;

/** "The author is …", "written by …", "the report's authors, …": the person wrote the analysis. */
export const AUTHOR_BEFORE =
  /\b(?:(?:the|its|this\s+(?:article|report|brief|paper|study)['’]s)\s+(?:lead\s+|co-?)?authors?\s+(?:is|are|was|were)|(?:written|authored|co-?authored)\s+by)\s+(?:(?:the\s+)?[\w.-]+\s+){0,3}$/i;

/** After a name: its affiliation, then a colon and a quotation. */
export const COLON_QUOTE = rx(
  String.raw`^(?:\s*,\s+(?:an?|the|who)\s[^:"“”;]{2,200}|\s+(?:at|of|from|with)\s+(?:the\s+)?\p{Lu}[^:"“”;]{2,200})\s*:\s*["“]`,
  'u',
);

/** ", said …" right after a name that stands as an appositive itself. */
export const COMMA_VERB = rx(String.raw`^\s*,\s+(?:${ADVERBS}\s+){0,2}(${VERB_ALT})\b`, 'u');

/** Before a name (and its role words): "said", "according to", "in the words of". */
export const VERB_BEFORE = rx(
  String.raw`(?:\b(${VERB_ALT})|\b([Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of|[Ii]n\s+the\s+view\s+of|per|as|[Ii]nterview(?:ed|s)?(?:\s+with)?|[Jj]oined\s+by))\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'’.-]+\s+){0,6}$`,
  'u',
);

export const POSSESSIVE_VIEW = rx(
  String.raw`^['’]s?\s+(?:(?:own|latest|new|recent|forthcoming|recently\s+published|\p{Ll}+ly)\s+)?(view|views|argument|arguments|assessment|analysis|research|book|report|paper|article|study|words|conclusion|point|take|thesis|estimate|estimates|work|prediction|warning|comments?|remarks|reading|reckoning|calculation|data|findings|essay|testimony|judgment|judgement|opinion)\b`,
  'u',
);

export const IN_VIEW_BEFORE = /\b(?:in|by)\s+$/i;

export const TEAM_LED_BY =
  /\b(?:analysts|economists|strategists|researchers|scholars|experts|team)\s*,?\s+(?:led\s+by|including)\s+$/;

export const TEAM_VERB = rx(
  String.raw`^\s*,\s+(?:${ADVERBS}\s+){0,2}(say|said|argue|argued|believe|believed|note|noted|warn|warned|project|projected|estimate|estimated|expect|expected|forecast|predict|predicted|write|wrote|see|saw|reckon|calculate|calculated|think|thought|suggest|suggested)\b`,
  'u',
);

export const PRONOUN_VERB = rx(String.raw`\b([Hh]e|[Ss]he)\s+(?:${ADVERBS}\s+){0,2}(${VERB_ALT})\b`, 'u');

export const VERB_PRONOUN = rx(String.raw`\b(${VERB_ALT})\s+(he|she)\b`, 'u');

export const ANY_SPEECH_VERB = rx(String.raw`\b(?:${VERB_ALT})\b`, 'u');

export const PRONOUN_START = /^["“‘]?(he|she|his|her)\b/i;

/** "In her view, …", "By his estimate, …": a follow-up in the speaker's voice. */
export const PRONOUN_VIEW =
  /^(?:In|By|For|To)\s+(?:his|her)\s+(?:view|opinion|assessment|analysis|estimate|estimation|words|reading|telling|account|mind|judgment|judgement|calculation)\b/;

export const QUOTE_MARK = /[“”«»"„]/;

export const PRE_APPOSITIVE = /(?:^|[,;:]\s*|["”]\s+|\b(?:and|but|while|whereas)\s+)([^,;:“”"]{3,160}),\s*$/u;

/** Between two coordinated subjects: " and ", ", a fellow at X, and ". */
export const COORDINATED = /^(?:\s*,[^,;]{0,250}?,|\s*[—–][^—–]{1,250}[—–]|\s*\([^()]{1,160}\))?\s+and\s+$/u;

/** "Joseph S. Nye Jr., a professor…": the suffix stands between the name and its appositive. */
export const NAME_SUFFIX = /^,?\s+(?:Jr|Sr|II|III|IV)\b\.?/;

export interface Attribution {
  via: string;
  /** Statement made by naming the person (not a pronoun). */
  named: boolean;
}

/** Whether this mention is the speaker of its sentence, and through which words. */
export function speakerVia(mention: Mention, s: string, next: Mention | undefined): string | null {
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
  // "«The summit changed little.» – Jane Doe, researcher at X": a round-up line.
  if (DASH_AFTER_QUOTE.test(left)) return 'quote-line';
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
