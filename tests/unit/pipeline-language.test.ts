/**
 * The analysis says which language it read the text in, and experts and stance are read in English
 * only: on a page in another language the topic is recognised but no expert is invented.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../utils/pipeline';

const topicDir = fileURLToPath(new URL('../fixtures/topic/', import.meta.url));
const read = (slug: string) => readFileSync(`${topicDir}${slug}.txt`, 'utf8');

describe('analysis language', () => {
  it.each([
    ['ru-sammit-putin-si', 'ru'],
    ['zh-xi-pu-huiwu', 'zh'],
    ['de-gipfel-putin-xi', 'de'],
    ['fr-sommet-poutine-xi', 'fr'],
    ['es-cumbre-putin-xi', 'es'],
  ])('%s: recognised in %s, experts not read', (slug, lang) => {
    const analysis = analyzeText(read(slug));
    expect(analysis.topic.related).toBe(true);
    expect(analysis.language).toBe(lang);
    expect(analysis.expertsLanguageSupported).toBe(false);
    // The fixtures name an analyst ("Igor Savchenko", "Claire Fontaine"): English-only rules must not run.
    expect(analysis.experts).toEqual([]);
    expect(analysis.people).toEqual([]);
    expect(analyzeText(read(slug), { expertsAlways: true }).experts).toEqual([]);
  });

  it('reads experts on an English page and says so', () => {
    const analysis = analyzeText(
      readFileSync(
        fileURLToPath(new URL('../fixtures/experts/chinese-scholars.txt', import.meta.url)),
        'utf8',
      ),
    );
    expect(analysis.topic.related).toBe(true);
    expect(analysis.language).toBe('en');
    expect(analysis.expertsLanguageSupported).toBe(true);
    expect(analysis.experts.length).toBeGreaterThan(0);
  });
});
