/** A sentence with its cue phrases highlighted, rendered strictly as text. */
export function splitByCues(sentence: string, cues: string[]): { text: string; cue: boolean }[] {
  const ranges: [number, number][] = [];
  const lower = sentence.toLowerCase();
  for (const cue of cues) {
    if (!cue) continue;
    const at = lower.indexOf(cue.toLowerCase());
    if (at >= 0) ranges.push([at, at + cue.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: { text: string; cue: boolean }[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s < pos) continue;
    if (s > pos) parts.push({ text: sentence.slice(pos, s), cue: false });
    parts.push({ text: sentence.slice(s, e), cue: true });
    pos = e;
  }
  if (pos < sentence.length) parts.push({ text: sentence.slice(pos), cue: false });
  return parts;
}

export function CueSentence({ sentence, cues }: { sentence: string; cues: string[] }) {
  return (
    <>
      {splitByCues(sentence, cues).map((p, i) =>
        p.cue ? (
          <mark key={i} class="tl-cue">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
