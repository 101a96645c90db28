// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedPath } from './helpers/paths';
import { findSentenceSegments, planHighlights } from '../../utils/highlight-plan';
import { applyMarks, MARK_TAG } from '../../utils/marks';

function loadSeed(): { doc: Document; text: string } {
  const html = readFileSync(sharedPath('fixtures', 'seed-article.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const text = readFileSync(sharedPath('fixtures', 'seed-article.txt'), 'utf8');
  return { doc, text };
}

const seedTargets = [
  { id: 'charles-hecker', surfaceForms: ['Charles Hecker', 'Hecker'] },
  { id: 'vasily-gatov', surfaceForms: ['Vasily Gatov', 'Gatov'] },
  { id: 'alexander-gabuev', surfaceForms: ['Alexander Gabuev', 'Gabuev'] },
  { id: 'ali-wyne', surfaceForms: ['Ali Wyne', 'Wyne'] },
  { id: 'dana-whitfield', surfaceForms: ['Dana Whitfield'] },
  { id: 'martin-kowalski', surfaceForms: ['Martin Kowalski'] },
];

describe('planHighlights + applyMarks on the seed page', () => {
  it('marks every mention in the article body and none in byline or comments', () => {
    const { doc, text } = loadSeed();
    const plan = planHighlights(doc.body, seedTargets, text);
    const ids = plan.map((p) => p.expertId);
    expect(ids.filter((i) => i === 'charles-hecker')).toHaveLength(2);
    expect(ids.filter((i) => i === 'vasily-gatov')).toHaveLength(2);
    expect(ids.filter((i) => i === 'alexander-gabuev')).toHaveLength(1);
    expect(ids.filter((i) => i === 'ali-wyne')).toHaveLength(1);
    expect(ids).not.toContain('dana-whitfield');
    expect(ids).not.toContain('martin-kowalski');
    // The split first mention spans <strong>Charles</strong> and " Hecker".
    const first = plan.find((p) => p.expertId === 'charles-hecker')!;
    expect(first.segments).toHaveLength(2);
  });

  it('keeps links working and restores the DOM exactly on removal', () => {
    const { doc, text } = loadSeed();
    const before = doc.body.innerHTML;
    const link = doc.querySelector('a[href*="alexander-gabuev"]')!;
    const plan = planHighlights(doc.body, seedTargets, text);
    const applied = applyMarks(doc, plan, (id) => `Expert card: ${id}`);
    expect(doc.querySelectorAll(MARK_TAG).length).toBe(applied.marks.length);
    expect(link.querySelector(MARK_TAG)).not.toBeNull();
    expect(link.getAttribute('href')).toContain('alexander-gabuev');
    // A name inside a link stays part of the link: no tab stop, role or label of its own.
    const inLink = applied.heads.filter((h) => h.closest('a'));
    expect(inLink.length).toBeGreaterThan(0);
    for (const h of inLink) {
      expect([h.getAttribute('tabindex'), h.getAttribute('role'), h.getAttribute('aria-label')]).toEqual([
        null,
        null,
        null,
      ]);
    }
    const plain = applied.heads.filter((h) => !h.closest('a'));
    expect(
      plain.every((h) => h.getAttribute('tabindex') === '0' && h.getAttribute('role') === 'button'),
    ).toBe(true);
    // Every mark names its mention, so a split name can show one focus ring.
    expect(applied.marks.every((m) => m.hasAttribute('data-tl-mention'))).toBe(true);
    applied.remove();
    expect(doc.querySelectorAll(MARK_TAG).length).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('does nothing without targets and survives a page that removed the marked nodes', () => {
    const { doc, text } = loadSeed();
    expect(planHighlights(doc.body, [], text)).toEqual([]);
    const applied = applyMarks(doc, planHighlights(doc.body, seedTargets, text), (id) => id);
    doc.querySelector('article')!.remove();
    expect(() => applied.remove()).not.toThrow();
  });

  it('matches possessives and names with regex metacharacters as plain text', () => {
    const doc = new DOMParser().parseFromString(
      '<article><p>Researchers at the institute said this. O\u2019Hanlon\u2019s view, said Michael O\u2019Hanlon, is firm (a+b).</p></article>',
      'text/html',
    );
    const plan = planHighlights(
      doc.body,
      [
        { id: 'michael-o-hanlon', surfaceForms: ["Michael O'Hanlon", "O'Hanlon"] },
        { id: 'x', surfaceForms: ['(a+b)'] },
      ],
      null,
    );
    expect(plan.map((p) => p.text)).toEqual(['O\u2019Hanlon', 'Michael O\u2019Hanlon', '(a+b)']);
  });
});

describe('findSentenceSegments (jump to what they said)', () => {
  it('finds a sentence of the extracted text in the page, across inline elements', () => {
    const { doc } = loadSeed();
    const sentence = 'Gatov also notes that China’s economic presence in Russia is still relatively small';
    const segs = findSentenceSegments(doc.body, sentence)!;
    expect(segs.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(sentence);
    const split = findSentenceSegments(
      doc.body,
      'Charles Hecker, an expert on Western-Russian economic ties',
    )!;
    expect(split.length).toBeGreaterThan(1);
    expect(findSentenceSegments(doc.body, 'No such sentence appears anywhere in this page')).toBeNull();
  });
});
