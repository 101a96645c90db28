import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findArticleRoot } from './article-root';

const page = `<html><body><nav><p>Home World Markets and other sections of this site</p></nav>
<div id="wrap"><div id="story"><p>The first paragraph of the story talks about pipelines and payments.</p>
<div class="inner"><p>The second paragraph of the story turns to the question of sanctions.</p></div></div>
<aside><p>Most read: something else entirely that was not in the article</p></aside></div></body></html>`;
const text =
  'The first paragraph of the story talks about pipelines and payments.\n\nThe second paragraph of the story turns to the question of sanctions.';

describe('findArticleRoot', () => {
  it('returns the common ancestor of the paragraphs found in the extracted text', () => {
    const { document } = parseHTML(page);
    expect(findArticleRoot(document as unknown as Document, text).id).toBe('story');
  });
  it('falls back to <article>, <main> or <body>', () => {
    const { document } = parseHTML(page);
    expect(findArticleRoot(document as unknown as Document, null).tagName).toBe('BODY');
    expect(findArticleRoot(document as unknown as Document, 'nothing matches this text at all').tagName).toBe(
      'BODY',
    );
    const withArticle = parseHTML(
      '<html><body><main><article><p>x</p></article></main></body></html>',
    ).document;
    expect(findArticleRoot(withArticle as unknown as Document, '').tagName).toBe('ARTICLE');
  });
});
