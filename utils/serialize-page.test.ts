import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { serializePage, type SerializeOptions } from './serialize-page';
import { analyzeHtml } from './pipeline';

const pagesDir = join(__dirname, '..', 'tests', 'fixtures', 'readability-pages');
const seedFile = join(__dirname, '..', 'tests', 'fixtures', 'seed', 'thaw-article.html');

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** The reference: the whole document's outerHTML once scripts (but JSON-LD), styles and templates are removed. */
function expected(doc: Document): string {
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const el of [...root.querySelectorAll('script, style, template')]) {
    const json =
      el.tagName === 'SCRIPT' && el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json';
    if (!json) el.remove();
  }
  return root.outerHTML;
}

/** A clock that advances one millisecond per reading, and a pause that counts. */
function slow(sliceMs = 5): SerializeOptions & { pauses: () => number } {
  let t = 0;
  let pauses = 0;
  return {
    sliceMs,
    now: () => t++,
    pause: async () => {
      pauses++;
    },
    pauses: () => pauses,
  };
}

describe('serializePage', () => {
  it('writes the same HTML as the browser would for the page without its scripts and styles', async () => {
    const doc = parse(
      '<!doctype html><html lang="en"><head><title>A &amp; B</title><style>p{}</style>' +
        '<script>var x = "</p>";</script><script type="application/ld+json">{"headline":"A"}</script></head>' +
        '<body class="x"><!-- a comment --><p>One &lt; two &amp; three&nbsp;four</p><template><p>t</p></template>' +
        '<div><img src="a.png" alt="a"><br><span data-x="1">s</span></div></body></html>',
    );
    const html = await serializePage(doc, slow());
    expect(html).toBe(expected(doc));
    expect(html).toContain('application/ld+json');
    expect(html).not.toContain('var x');
    expect(html).not.toContain('p{}');
  });

  it('opens big elements and yields between slices, with the same result', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<li><a href="/${i}">item ${i} &amp; more</a></li>`);
    const doc = parse(
      `<html><head><title>t</title></head><body><main><div><ul>${rows.join('')}</ul>` +
        `<script>alert(1)</script></div></main></body></html>`,
    );
    const opts = slow(5);
    const html = await serializePage(doc, opts);
    expect(html).toBe(expected(doc));
    expect(opts.pauses()).toBeGreaterThan(10);
  });

  it('gives up (null) past the character cap', async () => {
    const doc = parse(`<html><body><p>${'x'.repeat(5000)}</p></body></html>`);
    expect(await serializePage(doc, { ...slow(), maxChars: 1000 })).toBeNull();
  });

  it.each(
    existsSync(pagesDir)
      ? readdirSync(pagesDir).filter((d) => existsSync(join(pagesDir, d, 'source.html')))
      : [],
  )('real page %s: same as the whole page with scripts and styles removed', async (slug) => {
    const doc = parse(readFileSync(join(pagesDir, slug, 'source.html'), 'utf8'));
    expect(await serializePage(doc, slow(3))).toBe(expected(doc));
  });

  it('the seed article analyses the same from the sliced HTML as from the whole page', async () => {
    const source = readFileSync(seedFile, 'utf8');
    const whole = analyzeHtml(source, parse);
    const sliced = analyzeHtml((await serializePage(parse(source), slow(2))) ?? '', parse);
    expect(sliced.topic.related).toBe(true);
    expect(sliced.article?.title).toBe(whole.article?.title);
    expect(sliced.article?.text).toBe(whole.article?.text);
    expect(sliced.experts.map((e) => [e.name, e.organization, e.stance.label])).toEqual(
      whole.experts.map((e) => [e.name, e.organization, e.stance.label]),
    );
  });
});
