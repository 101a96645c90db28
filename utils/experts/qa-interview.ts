/**
 * Page shape "Q&A interview": the interviewee is the expert, the interviewer is not. The interviewer is
 * the person whose turns ("Jane Doe: …?") are all questions while someone else answers, or the one the
 * introduction names as asking ("Jane Doe spoke with X", "Interview by Jane Doe", "X talked to Jane Doe").
 */
import { rx } from '../names';
import type { Ctx } from './context';

/** "X spoke with", "X talked to", "X interviewed", "X sat down with": X asks the questions. */
const ASKS_AFTER =
  /^\s+(?:spoke|speaks|talked|talks|sat\s+down|chatted|met)\s+(?:with|to)\b|^\s+interview(?:s|ed)\b/i;
/** "Interview by X", "Interviewed by X", "Questions by X", "Interviewer: X", "Moderator: X", "Moderated by X". */
const ASKS_BEFORE = rx(
  String.raw`(?:\b[Ii]nterview(?:ed)?\s+by|\b[Qq]uestions\s+by|\b[Ii]nterviewer\s*:|\b[Mm]oderat(?:or|ed\s+by)\s*:?|\b[Hh]ost(?:ed\s+by)?\s*:)\s*$`,
  'u',
);
/** A turn label: the name opens its paragraph and a colon follows. */
const TURN_LEFT = /^[\s"“]*(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?$/;

/** Person ids of the interviewers of a Q&A page (empty on other pages). */
export function findInterviewers(ctx: Ctx, skip: boolean[]): Set<string> {
  const { sentences, scan } = ctx;
  const asks = new Set<string>();
  const turns = new Map<string, { questions: number; answers: number }>();
  for (let i = 0; i < sentences.length; i++) {
    if (skip[i]) continue;
    const s = sentences[i].text;
    for (const m of scan.bySentence[i]) {
      if (ASKS_AFTER.test(s.slice(m.end, m.end + 40))) asks.add(m.personId);
      if (ASKS_BEFORE.test(s.slice(Math.max(0, m.start - 40), m.start))) asks.add(m.personId);
    }
    const first = scan.bySentence[i][0];
    const paragraphStart = i === 0 || sentences[i - 1].paragraph !== sentences[i].paragraph;
    if (!first || !paragraphStart || !TURN_LEFT.test(s.slice(0, first.start))) continue;
    if (!/^\s*:\s+\S/.test(s.slice(first.end))) continue;
    // The turn runs to the end of its paragraph.
    let last = i;
    while (last + 1 < sentences.length && sentences[last + 1].paragraph === sentences[i].paragraph) last++;
    const t = turns.get(first.personId) ?? { questions: 0, answers: 0 };
    if (/\?["”’)]?\s*$/.test(sentences[last].text)) t.questions++;
    else t.answers++;
    turns.set(first.personId, t);
  }
  const answered = [...turns.values()].some((t) => t.answers > 0);
  for (const [id, t] of turns) if (answered && t.questions > 0 && t.answers === 0) asks.add(id);
  // A person who answers in turns is never the interviewer, whatever the introduction says.
  for (const [id, t] of turns) if (t.answers > t.questions) asks.delete(id);
  return asks;
}
