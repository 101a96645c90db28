import { describe, expect, it } from 'vitest';
import { DOMParser, parseHTML } from 'linkedom';
import { blockText, extractArticle, extractFromText, MAX_TEXT_CHARS } from './extract';

const prose = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story carries enough ordinary words to look like real prose, with a clause, another clause and a full stop at the end of it.</p>`,
  ).join('');

const articleHtml = `<!doctype html><html lang="en-GB"><head>
<title>Story title | Example News</title>
<meta property="og:title" content="Story title">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jo Writer">
<meta name="description" content="A short summary.">
<link rel="canonical" href="/world/story/?utm_source=feed#top">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-01-02T03:04:05Z"}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Story title</h1><p class="byline">By Jo Writer</p>${prose(8)}<ul><li>First point of a list.</li><li>Second point.</li></ul><blockquote>A quoted line.</blockquote></article>
<aside class="sidebar"><p>Most read elsewhere</p></aside></body></html>`;

describe('extractArticle', () => {
  it('reads the article and its metadata', () => {
    const { document } = parseHTML(articleHtml);
    const article = extractArticle(document, 'https://news.example.com/world/story?fbclid=1');
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('Story title');
    expect(article.siteName).toBe('Example News');
    expect(article.byline).toBe('Jo Writer');
    expect(article.lang).toBe('en-GB');
    expect(article.publishedTime).toBe('2025-01-02T03:04:05Z');
    expect(article.canonicalUrl).toBe('https://news.example.com/world/story');
    expect(article.excerpt).toBe('A short summary.');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(10);
    expect(article.text).toContain('Paragraph 1 of the story');
    expect(article.text).toContain('\n\nFirst point of a list.\n\nSecond point.');
    expect(article.text).not.toContain('Most read elsewhere');
    expect(article.text).not.toMatch(/^By Jo Writer/);
    expect(article.wordCount).toBeGreaterThan(150);
  });

  it('never changes the live document', () => {
    const { document } = parseHTML(articleHtml);
    const before = document.documentElement.outerHTML;
    extractArticle(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('falls back to og:url, then the given URL, for the canonical URL', () => {
    const og = parseHTML(
      `<html><head><meta property="og:url" content="https://ex.example/a/?utm_medium=x"></head><body>${prose(3)}</body></html>`,
    ).document;
    expect(extractArticle(og).canonicalUrl).toBe('https://ex.example/a');
    const none = parseHTML(`<html><body>${prose(3)}</body></html>`).document;
    expect(extractArticle(none, 'https://ex.example/b/#x').canonicalUrl).toBe('https://ex.example/b');
    expect(extractArticle(none).canonicalUrl).toBeNull();
  });

  it('takes the published time from <time datetime> when nothing else has it', () => {
    const { document } = parseHTML(
      `<html><body><article><time datetime="2024-05-06">6 May</time>${prose(6)}</article></body></html>`,
    );
    expect(extractArticle(document).publishedTime).toBe('2024-05-06');
  });

  it('returns isArticle false and empty text on broken input, without throwing', () => {
    const xml = new DOMParser().parseFromString(
      '<root><p>text</p></root>',
      'text/xml',
    ) as unknown as Document;
    const frames = parseHTML(
      '<html><head><title>F</title></head><frameset><frame src="a"></frameset></html>',
    ).document;
    const empty = parseHTML('').document;
    for (const doc of [xml, frames, empty, {} as Document, null as unknown as Document]) {
      const article = extractArticle(doc);
      expect(article.isArticle).toBe(false);
      expect(article.text).toBe('');
    }
  });

  it('gives up on a 100,000-element page', () => {
    const { document } = parseHTML(`<html><body>${'<div><span>x</span></div>'.repeat(50_000)}</body></html>`);
    const article = extractArticle(document);
    expect(article.isArticle).toBe(false);
  });

  it('caps the text of a 5 MB page', () => {
    const paragraph = `<p>${'word '.repeat(1000)}</p>`;
    const html = `<html><body><article>${paragraph.repeat(1000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const { document } = parseHTML(html);
    const article = extractArticle(document);
    expect(article.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });
});

describe('blockText', () => {
  it('puts block elements on their own paragraphs and keeps inline text together', () => {
    const { document } = parseHTML(
      '<div><h2>Head</h2><p>One <b>bold</b> <a href="#">link</a>.</p><div>Two<br>lines</div><script>x()</script><table><tr><td>A</td><td>B</td></tr></table></div>',
    );
    expect(blockText(document.querySelector('div')!)).toBe('Head\n\nOne bold link.\n\nTwo lines\n\nA\n\nB');
  });

  it('survives very deep nesting', () => {
    const { document } = parseHTML(
      `<html><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`,
    );
    expect(blockText(document.body)).toBe('deep');
  });
});

describe('extractFromText', () => {
  it('takes a headline-like first line as the title', () => {
    const article = extractFromText(
      'Can Moscow and Beijing stay close?\n\nFirst paragraph.\n\nSecond paragraph.\n',
    );
    expect(article.title).toBe('Can Moscow and Beijing stay close?');
    expect(article.text).toBe('First paragraph.\n\nSecond paragraph.');
    expect(article.wordCount).toBe(4);
    expect(article.isArticle).toBe(true);
  });

  it('reads a "By …" line under the title as the byline, in the same block or the next', () => {
    const joined = extractFromText(
      'Moscow leans on Beijing\nBy Jane Roe\n\nFirst paragraph here.\n\nSecond one.',
    );
    expect(joined.title).toBe('Moscow leans on Beijing');
    expect(joined.byline).toBe('Jane Roe');
    expect(joined.text).toBe('First paragraph here.\n\nSecond one.');
    const apart = extractFromText(
      'Moscow leans on Beijing\n\nBY JANE ROE and JOHN DOE\n\nFirst paragraph.\n\nMore.',
    );
    expect(apart.byline).toBe('JANE ROE and JOHN DOE');
    expect(apart.text).toBe('First paragraph.\n\nMore.');
    // A sentence that starts with "By" is text.
    const sentence = extractFromText(
      'Moscow leans on Beijing\n\nBy the end of the year, trade rose.\n\nMore.',
    );
    expect(sentence.byline).toBeNull();
    expect(sentence.text.startsWith('By the end')).toBe(true);
  });

  it('does not take a sentence as the title', () => {
    const article = extractFromText('This opening line is a sentence.\n\nMore text follows.');
    expect(article.title).toBe('');
    expect(article.text.startsWith('This opening line')).toBe(true);
  });

  it('keeps hard-wrapped prose together and normalises line endings', () => {
    const article = extractFromText('Title line\r\n\r\nwrapped line one\r\nwrapped line two\r\n\r\nnext');
    expect(article.text).toBe('wrapped line one wrapped line two\n\nnext');
  });

  it('handles empty and odd input', () => {
    expect(extractFromText('').isArticle).toBe(false);
    expect(extractFromText(undefined as unknown as string).text).toBe('');
  });
});
