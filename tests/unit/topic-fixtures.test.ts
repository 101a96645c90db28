/**
 * The labelled topic fixtures (tests/fixtures/topic/: our own articles, on and off the topic, with
 * the near misses the topic definition must reject). Each slug is a `.txt` (article text, first line
 * the headline), a `.html` (a whole page: extraction first) or both; `labels.json` says what a reader
 * would answer. To add one: write the file in your own words and add its label.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle, extractFromText } from '../../utils/extract';
import { quickLook } from '../../utils/gate';
import { analyzeTopic, defaultTopic } from '../../utils/topic';
import type { ExtractedArticle } from '../../utils/types';

interface Label {
  related: boolean;
  subtopics?: string[];
  lang?: string;
  note?: string;
}

const dir = fileURLToPath(new URL('../fixtures/topic/', import.meta.url));
const labels = JSON.parse(readFileSync(`${dir}labels.json`, 'utf8')) as Record<string, Label>;

interface Case {
  name: string;
  label: Label;
  article: ExtractedArticle;
  doc: Document;
}

function load(): Case[] {
  const cases: Case[] = [];
  for (const [slug, label] of Object.entries(labels)) {
    const txt = `${dir}${slug}.txt`;
    const html = `${dir}${slug}.html`;
    if (existsSync(txt)) {
      const article = extractFromText(readFileSync(txt, 'utf8'));
      const body = article.text
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('');
      const { document } = parseHTML(
        `<html><head><title>${article.title}</title></head><body><article><h1>${article.title}</h1>${body}</article></body></html>`,
      );
      cases.push({ name: `${slug}.txt`, label, article, doc: document });
    }
    if (existsSync(html)) {
      const { document } = parseHTML(readFileSync(html, 'utf8'));
      cases.push({ name: `${slug}.html`, label, article: extractArticle(document), doc: document });
    }
  }
  return cases;
}

const cases = load();
const tally = { tp: 0, fp: 0, fn: 0, tn: 0 };

describe('topic fixtures', () => {
  it('has every labelled slug on disk and enough of each kind', () => {
    for (const slug of Object.keys(labels)) {
      expect(existsSync(`${dir}${slug}.txt`) || existsSync(`${dir}${slug}.html`), slug).toBe(true);
    }
    expect(Object.values(labels).filter((l) => l.related).length).toBeGreaterThanOrEqual(12);
    expect(Object.values(labels).filter((l) => !l.related).length).toBeGreaterThanOrEqual(16);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { label, article, doc }) => {
    const { verdict, features } = analyzeTopic(defaultTopic(), article.text, {
      title: article.title,
      lang: article.lang,
    });
    if (verdict.related && label.related) tally.tp++;
    else if (verdict.related) tally.fp++;
    else if (label.related) tally.fn++;
    else tally.tn++;
    expect(verdict.related, JSON.stringify(features)).toBe(label.related);
    // The language comes from the text: a page that wrongly declares English gets the same answer.
    expect(features.lang).toBe(label.lang ?? 'en');
    if (label.lang) {
      const declaredEnglish = analyzeTopic(defaultTopic(), article.text, {
        title: article.title,
        lang: 'en',
      });
      expect(declaredEnglish.verdict.related).toBe(label.related);
    }
    if (label.related) {
      expect(verdict.subtopics).toEqual(expect.arrayContaining(label.subtopics ?? []));
      // The cheap first look must let every on-topic article through.
      expect(quickLook(doc, 'https://news.example.com/world/2025/story')).toEqual({
        worth: true,
        reason: 'candidate',
      });
    }
  });

  afterAll(() => {
    const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
    const recall = tally.tp / Math.max(1, tally.tp + tally.fn);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    console.log(
      `topic fixtures: ${cases.length} cases, tp=${tally.tp} fp=${tally.fp} fn=${tally.fn} tn=${tally.tn}, ` +
        `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} F1=${f1.toFixed(3)}`,
    );
  });
});
