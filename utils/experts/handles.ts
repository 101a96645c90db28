/**
 * Social-media handles quoted in articles ("@MiraSolvang, a Russia analyst at …, wrote on X") read as
 * the names they spell ("Mira Solvang"), so the person is found like any other. The text keeps its
 * length (offsets stay valid): a handle is replaced only when its name fits in the same characters.
 */

const HANDLE = /(?<![\p{L}\p{N}_@.])@([A-Za-z][A-Za-z0-9_]{2,30})(?![\p{L}\p{N}_])/gu;
const CAMEL_PART = /[A-Z][a-z]+/g;
/** Right after a handle: an appositive that presents a person. */
const PRESENTED = /^\s*,\s+(?:an?|the|who)\s/;

/** The name a handle spells: "MiraSolvang" or "jonas_eberlein" → two or three capitalised words. */
export function handleName(handle: string): string | null {
  let words: string[];
  if (handle.includes('_')) words = handle.split('_').filter(Boolean);
  else {
    words = handle.match(CAMEL_PART) ?? [];
    if (words.join('') !== handle) return null;
  }
  if (words.length < 2 || words.length > 3) return null;
  if (!words.every((w) => /^[A-Za-z]{2,}$/.test(w) && !(w === w.toUpperCase()))) return null;
  return words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/** The text with every person-like handle replaced by its name, right-aligned in the same length. */
export function unfoldHandles(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(HANDLE, (whole: string, handle: string, at: number) => {
    const name = handleName(handle);
    if (!name || name.length > whole.length) return whole;
    // Only a handle presented as a person ("@X, a fellow at …", "@X, who …") or one whose name the
    // text also writes out; "@Uber_Sydney stop …" is a company's account.
    const after = text.slice(at + whole.length, at + whole.length + 12);
    if (!PRESENTED.test(after) && !text.includes(name)) return whole;
    return ' '.repeat(whole.length - name.length) + name;
  });
}
