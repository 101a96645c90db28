/**
 * Finds the live element holding the article: the closest common ancestor of the paragraphs whose
 * opening words occur in the extracted text; the <article>/<main> element or <body> when that fails.
 */
const KEY_CHARS = 48;
const MIN_KEY = 24;
const MAX_HITS = 400;

export function findArticleRoot(doc: Document, articleText: string | null | undefined): Element {
  const fallback =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  if (!articleText) return fallback;
  const hay = articleText.replace(/\s+/g, ' ').toLowerCase();
  const hits: Element[] = [];
  const paras = doc.querySelectorAll('p');
  for (let i = 0; i < paras.length && hits.length < MAX_HITS; i++) {
    const key = (paras[i].textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, KEY_CHARS);
    if (key.length >= MIN_KEY && hay.includes(key)) hits.push(paras[i]);
  }
  if (hits.length === 0) return fallback;
  let common: Element | null = hits[0].parentElement;
  for (const el of hits) {
    while (common && !common.contains(el)) common = common.parentElement;
  }
  return common ?? fallback;
}
