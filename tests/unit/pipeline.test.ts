import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeHtml, analyzeText } from '../../utils/pipeline';
import { loadSeedFiles, seeds } from './helpers/seeds';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

for (const seed of seeds) {
  describe.skipIf(!seed.present)(`the whole pipeline on the ${seed.suite}`, () => {
    const { html, text } = seed.present ? loadSeedFiles(seed) : { html: '', text: '' };
    const gold = seed.present ? seed.gold() : null;
    const a = analyzeHtml(html, parse, { url: seed.url });

    it('extracts the article with its metadata', () => {
      expect(a.isArticle).toBe(true);
      expect(a.article?.title).toBe(seed.title);
      expect(a.article?.byline).toContain(seed.byline);
      expect(a.article?.siteName).toBe(seed.siteName);
      expect(a.article?.canonicalUrl).toBe(seed.canonicalUrl);
      expect(a.article?.text).not.toContain(seed.commenter);
    });

    it('is on the topic, with the gold subtopics among its own', () => {
      expect(a.topic.related).toBe(true);
      for (const s of ['sanctions', 'energy', 'diplomacy', 'military'])
        expect(a.topic.subtopics).toContain(s);
      expect(a.topic.evidence.length).toBeGreaterThan(0);
    });

    it('finds exactly the four experts, with organisations and stance', () => {
      expect(a.experts.map((e) => e.name).sort()).toEqual(gold!.experts.map((e) => e.name).sort());
      for (const g of gold!.experts) {
        const e = a.experts.find((x) => x.name === g.name)!;
        expect(e.organization, g.name).toBe(g.organization);
        expect(e.stance.label, g.name).toBe(g.stance);
        if (e.stance.label !== 'neutral') expect(e.stance.evidence.length, g.name).toBeGreaterThan(0);
        expect(e.statements.length, g.name).toBeGreaterThan(0);
      }
      const split = a.experts.find((e) => e.name === seed.split.name)!;
      expect(split.surfaceForms).toContain(seed.split.surname);
      expect(split.mentions).toBe(seed.split.mentions);
    });

    it('does not make experts of leaders, the byline or commenters', () => {
      const names = a.experts.map((e) => e.name);
      for (const n of gold!.not_experts) expect(names).not.toContain(n);
    });

    it('reads the text version the same way', () => {
      const t = analyzeText(text);
      expect(t.topic.related).toBe(true);
      expect(t.experts.map((e) => e.name).sort()).toEqual(gold!.experts.map((e) => e.name).sort());
      for (const g of gold!.experts) {
        const e = t.experts.find((x) => x.name === g.name)!;
        expect(e.organization, g.name).toBe(g.organization);
        expect(e.stance.label, g.name).toBe(g.stance);
      }
    });
  });
}

describe('the pipeline on text and on pages off the topic', () => {
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
