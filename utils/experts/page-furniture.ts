/**
 * Page furniture around the article text: captions and photo credits, "related articles" lists and
 * comment sections. No person is taken from these sentences.
 */
import { type SentenceSpan } from '../sentences';

export const MARKUP = /<\/?[a-zA-Z][^<>]{0,300}>/g;

export const CAPTION =
  /^(?:photo|photos|image|picture|video|credit|credits|caption|file\s+photo|illustration|graphic|pictured|above|top|main\s+image|ap\s+photo|getty|reuters|afp|epa|tass|xinhua|sputnik)\b\s*[:|/-]?/i;

export const CAPTION_ANYWHERE =
  /\((?:photo|image|picture)\s+(?:by|credit|courtesy)|\bphoto\s*:|\bgetty\s+images\b|\/\s*(?:reuters|afp|ap|getty|epa|tass|sputnik|xinhua)\s*$/i;

export const RELATED_HEADER =
  /^(?:related(?:\s+(?:articles?|stories|coverage|content|reading|topics))?|read\s+more|more\s+from|more\s+on\s+this(?:\s+story)?|see\s+also|recommended(?:\s+for\s+you)?|(?:most\s+)?popular|most\s+read|trending(?:\s+now)?|you\s+may\s+also\s+like|further\s+reading|also\s+read|latest(?:\s+news)?|editor['’]s\s+picks|top\s+stories)\s*:?\s*$/i;

export const INLINE_RELATED = /^(?:read\s+more|related|see\s+also|also\s+read|read\s+also|watch)\s*:/i;

export const COMMENTS_HEADER =
  /^(?:\d+\s+)?(?:comments?|reader\s+comments|join\s+the\s+(?:conversation|discussion)|leave\s+a\s+(?:comment|reply)|discussion|conversation|responses?)\s*(?:\(\d+\))?\s*:?\s*$/i;

/** Sentences in captions, credits, "related articles" lists and comment sections. */
export function skippedSentences(_text: string, sentences: SentenceSpan[]): boolean[] {
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

/** A photo credit inside running text: "(Photo: X/AP)", "Photo: X/Reuters", "(Image courtesy of X)". */
const INLINE_CREDIT =
  /\((?:photo|image|picture|video)s?(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*:?\s*[^()\n]{1,80}\)|\b(?:photo|image|picture)s?\s*(?:by|credit)?\s*:\s*[^.\n:]{1,80}?\/\s*(?:AP|Reuters|AFP|Getty(?:\s+Images)?|EPA(?:-EFE)?|TASS|Xinhua|Sputnik|Bloomberg|Shutterstock|Alamy)\b/gi;

/** Photo credits inside running text blanked out, same length, so no one is read from them. */
export function blankCredits(text: string): string {
  return text.replace(INLINE_CREDIT, (m) => ' '.repeat(m.length));
}
