/**
 * The shared real pages (../shared/corpus/readability-test-pages: 130 pages from Mozilla
 * Readability's test suite, none on the topic) and the seed page go through the first three steps:
 * gate → extract → topic. Nothing may throw, no corpus page may be related, and the seed page must
 * be related with the subtopics a reader names. Needs ../shared beside the checkout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract';
import { quickLook } from '../../utils/gate';
import { analyzeTopic, defaultTopic, recognizeTopic } from '../../utils/topic';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const corpus = `${shared}corpus/readability-test-pages/`;
const seedHtml = `${shared}fixtures/seed-article.html`;
const seedGold = `${shared}fixtures/seed-article.gold.json`;

const missing = `../shared is missing (looked in ${shared}); these tests need the shared corpus beside the checkout`;

describe('shared corpus', () => {
  it('is present', () => {
    expect(existsSync(corpus), missing).toBe(true);
    expect(existsSync(seedHtml), missing).toBe(true);
  });

  it('every page goes through gate, extraction and topic without throwing, and none is related', () => {
    if (!existsSync(corpus)) throw new Error(missing);
    const slugs = readdirSync(corpus).filter((slug) => existsSync(`${corpus}${slug}/source.html`));
    expect(slugs.length).toBeGreaterThanOrEqual(130);
    const related: string[] = [];
    const agreement: Record<'title' | 'byline' | 'siteName', [number, number]> = {
      title: [0, 0],
      byline: [0, 0],
      siteName: [0, 0],
    };
    let gatePassed = 0;
    const started = performance.now();
    for (const slug of slugs) {
      const { document } = parseHTML(readFileSync(`${corpus}${slug}/source.html`, 'utf8'));
      const gate = quickLook(document, `https://${slug}.example/article`);
      if (gate.worth) gatePassed++;
      const article = extractArticle(document, `https://${slug}.example/article`);
      const verdict = recognizeTopic(article.text, { title: article.title, lang: article.lang });
      if (verdict.related) related.push(`${slug} (${verdict.score})`);

      const metadataFile = `${corpus}${slug}/expected-metadata.json`;
      if (existsSync(metadataFile)) {
        const expected = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, unknown>;
        for (const key of ['title', 'byline', 'siteName'] as const) {
          if (typeof expected[key] !== 'string' || !expected[key]) continue;
          agreement[key][1]++;
          const norm = (value: unknown) =>
            String(value ?? '')
              .replace(/\s+/g, ' ')
              .trim();
          if (norm(expected[key]) === norm(article[key])) agreement[key][0]++;
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `corpus: ${slugs.length} pages in ${seconds.toFixed(1)} s, gate passed ${gatePassed}, related ${related.length}; ` +
        `metadata agreement: ${Object.entries(agreement)
          .map(([key, [hit, total]]) => `${key} ${hit}/${total}`)
          .join(', ')}`,
    );
    expect(related).toEqual([]);
    // Agreement with Readability's own expected metadata is reported, and must stay high.
    for (const [hit, total] of Object.values(agreement))
      expect(hit / Math.max(1, total)).toBeGreaterThan(0.9);
  });
});

describe('seed page', () => {
  it('passes the gate and is related, with the subtopics a reader names', () => {
    if (!existsSync(seedHtml)) throw new Error(missing);
    const gold = JSON.parse(readFileSync(seedGold, 'utf8')) as { related: boolean; subtopics: string[] };
    const { document } = parseHTML(readFileSync(seedHtml, 'utf8'));
    expect(quickLook(document, 'https://eurasia-desk.example/2025/03/story')).toEqual({
      worth: true,
      reason: 'candidate',
    });
    const article = extractArticle(document, 'https://eurasia-desk.example/2025/03/story?utm_source=x');
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('Can the US pry Russia away from China?');
    expect(article.canonicalUrl).toBe(
      'https://eurasia-desk.example/2025/03/can-the-us-pry-russia-away-from-china',
    );
    expect(article.text).not.toContain('Martin Kowalski'); // a reader comment
    const { verdict } = analyzeTopic(defaultTopic(), article.text, {
      title: article.title,
      lang: article.lang,
    });
    expect(verdict.related).toBe(gold.related);
    expect(verdict.subtopics).toEqual(
      expect.arrayContaining(['sanctions', 'energy', 'diplomacy', 'military']),
    );
    const found = gold.subtopics.filter((id) => verdict.subtopics.includes(id));
    console.log(
      `seed: score ${verdict.score}, subtopics ${verdict.subtopics.join(', ')}; gold found ${found.length}/${gold.subtopics.length}`,
    );
  });
});
