// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadSeedFiles, seeds, type SeedCase } from './helpers/seeds';
import { findSentenceSegments, planHighlights } from '../../utils/highlight-plan';
import { applyMarks, MARK_TAG } from '../../utils/marks';

function loadSeed(seed: SeedCase): { doc: Document; text: string } {
  const { html, text } = loadSeedFiles(seed);
  return { doc: new DOMParser().parseFromString(html, 'text/html'), text };
}

for (const seed of seeds) {
  describe.skipIf(!seed.present)(`planHighlights + applyMarks on the ${seed.suite}`, () => {
    const [byline, commenter] = seed.targets.slice(-2).map((t) => t.id);

    it('marks every mention in the article body and none in byline or comments', () => {
      const { doc, text } = loadSeed(seed);
      const plan = planHighlights(doc.body, seed.targets, text);
      const ids = plan.map((p) => p.expertId);
      for (const [id, n] of Object.entries(seed.markCounts))
        expect(
          ids.filter((i) => i === id),
          id,
        ).toHaveLength(n);
      expect(ids).not.toContain(byline);
      expect(ids).not.toContain(commenter);
      // The split first mention spans <strong>First</strong> and " Surname".
      const first = plan.find((p) => p.expertId === seed.split.id)!;
      expect(first.segments).toHaveLength(2);
    });

    it('keeps links working and restores the DOM exactly on removal', () => {
      const { doc, text } = loadSeed(seed);
      const before = doc.body.innerHTML;
      const link = doc.querySelector(`a[href*="${seed.linked.id}"]`)!;
      const plan = planHighlights(doc.body, seed.targets, text);
      const applied = applyMarks(doc, plan, (id) => `Expert card: ${id}`);
      expect(doc.querySelectorAll(MARK_TAG).length).toBe(applied.marks.length);
      expect(link.querySelector(MARK_TAG)).not.toBeNull();
      expect(link.getAttribute('href')).toContain(seed.linked.id);
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
      const { doc, text } = loadSeed(seed);
      expect(planHighlights(doc.body, [], text)).toEqual([]);
      const applied = applyMarks(doc, planHighlights(doc.body, seed.targets, text), (id) => id);
      doc.querySelector('article')!.remove();
      expect(() => applied.remove()).not.toThrow();
    });

    it('finds a sentence of the extracted text in the page, across inline elements', () => {
      const { doc } = loadSeed(seed);
      const segs = findSentenceSegments(doc.body, seed.sentence)!;
      expect(segs.map((s) => s.node.data.slice(s.start, s.end)).join('')).toBe(seed.sentence);
      const split = findSentenceSegments(doc.body, seed.splitSentence)!;
      expect(split.length).toBeGreaterThan(1);
      expect(findSentenceSegments(doc.body, 'No such sentence appears anywhere in this page')).toBeNull();
    });
  });
}

describe('planHighlights on small pages', () => {
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
