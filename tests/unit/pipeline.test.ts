import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { analyzeHtml, analyzeText } from '../../utils/pipeline';
import { sharedPath } from './helpers/paths';

interface Gold {
  subtopics: string[];
  experts: { name: string; organization: string | null; stance: string }[];
  not_experts: string[];
}

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const gold = JSON.parse(readFileSync(sharedPath('fixtures', 'seed-article.gold.json'), 'utf8')) as Gold;

describe('the whole pipeline on the seed page', () => {
  const html = readFileSync(sharedPath('fixtures', 'seed-article.html'), 'utf8');
  const a = analyzeHtml(html, parse, { url: 'https://eurasia-desk.example/2025/03/x?utm_source=feed' });

  it('extracts the article with its metadata', () => {
    expect(a.isArticle).toBe(true);
    expect(a.article?.title).toBe('Can the US pry Russia away from China?');
    expect(a.article?.byline).toContain('Dana Whitfield');
    expect(a.article?.siteName).toBe('The Eurasia Desk');
    expect(a.article?.canonicalUrl).toBe(
      'https://eurasia-desk.example/2025/03/can-the-us-pry-russia-away-from-china',
    );
    expect(a.article?.text).not.toContain('Martin Kowalski');
  });

  it('is on the topic, with the gold subtopics among its own', () => {
    expect(a.topic.related).toBe(true);
    for (const s of ['sanctions', 'energy', 'diplomacy', 'military']) expect(a.topic.subtopics).toContain(s);
    expect(a.topic.evidence.length).toBeGreaterThan(0);
  });

  it('finds exactly the four experts, with organisations and stance', () => {
    expect(a.experts.map((e) => e.name).sort()).toEqual(gold.experts.map((e) => e.name).sort());
    for (const g of gold.experts) {
      const e = a.experts.find((x) => x.name === g.name)!;
      expect(e.organization, g.name).toBe(g.organization);
      expect(e.stance.label, g.name).toBe(g.stance);
      if (e.stance.label !== 'neutral') expect(e.stance.evidence.length, g.name).toBeGreaterThan(0);
      expect(e.statements.length, g.name).toBeGreaterThan(0);
    }
    const hecker = a.experts.find((e) => e.name === 'Charles Hecker')!;
    expect(hecker.surfaceForms).toContain('Hecker');
    expect(hecker.mentions).toBe(2);
  });

  it('does not make experts of leaders, the byline or commenters', () => {
    const names = a.experts.map((e) => e.name);
    for (const n of gold.not_experts) expect(names).not.toContain(n);
  });
});

describe('the pipeline on text and on pages off the topic', () => {
  it('reads the seed text the same way', () => {
    const a = analyzeText(readFileSync(sharedPath('fixtures', 'seed-article.txt'), 'utf8'));
    expect(a.topic.related).toBe(true);
    expect(a.experts.map((e) => e.name).sort()).toEqual(
      ['Alexander Gabuev', 'Ali Wyne', 'Charles Hecker', 'Vasily Gatov'].sort(),
    );
  });

  it('stops after the topic verdict on an off-topic page', () => {
    const a = analyzeHtml(
      '<html><body><article><h1>Dumplings</h1><p>Fold the dough, steam for eight minutes, and serve with vinegar. A Chinese classic that Russian cooks also love as pelmeni.</p></article></body></html>',
      parse,
    );
    expect(a.topic.related).toBe(false);
    expect(a.experts).toEqual([]);
    expect(a.timings.people).toBeUndefined();
  });

  it('does not throw on broken input', () => {
    for (const html of [
      '',
      '<frameset><frame src="a"></frameset>',
      '<?xml version="1.0"?><feed/>',
      '<p>'.repeat(5000),
    ]) {
      expect(() => analyzeHtml(html, parse)).not.toThrow();
    }
  });
});
