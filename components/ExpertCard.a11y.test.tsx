// @vitest-environment happy-dom
/**
 * axe-core on the card's own markup. In the page the card lives in a closed shadow root, which axe
 * (like any page script) cannot enter, so the e2e axe run covers the page around it and this test
 * covers the card: rendered here as the card controller renders it (a labelled dialog), with "More"
 * and "Show all" open. Colour contrast needs layout, which happy-dom does not do: that rule is off
 * here; the card's colours are fixed in components/card-styles.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { ExpertCard } from './ExpertCard';
import type { Expert } from '@/utils/types';

const expert: Expert = {
  id: 'mira-test',
  name: 'Mira Test',
  surfaceForms: ['Mira Test'],
  role: 'senior fellow',
  organization: 'Example Institute',
  mentions: 2,
  statements: Array.from({ length: 5 }, (_, i) => ({
    text: i === 0 ? '“It holds,” she said.' : `She said point ${i} still stands.`,
    sentenceIndex: i,
    kind: i === 0 ? ('quote' as const) : ('paraphrase' as const),
    via: 'said',
  })),
  stance: {
    label: 'durable',
    confidence: 0.8,
    axis: 'alignment-durability',
    evidence: [{ sentence: '“It holds,” she said.', cues: ['holds'], leans: 'durable', weight: 1 }],
  },
};

afterEach(cleanup);

async function seriousViolations(root: Element) {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
}

describe('ExpertCard accessibility', () => {
  for (const correction of [null, 'fragile' as const]) {
    it(`has no serious or critical axe violations, first view and "More" (correction: ${correction})`, async () => {
      const r = render(
        <div role="dialog" aria-labelledby="tl-card-title" tabIndex={-1}>
          <ExpertCard
            expert={expert}
            balance={{ durable: 1, fragile: 0, neutral: 2 }}
            correction={correction}
            onCorrect={() => undefined}
            onJump={() => undefined}
            onClose={() => undefined}
          />
        </div>,
      );
      expect(await seriousViolations(r.container)).toEqual([]);
      fireEvent.click(r.getByTestId('tl-card-more-toggle'));
      fireEvent.click(r.getByTestId('tl-card-all-quotes'));
      expect(await seriousViolations(r.container)).toEqual([]);
    });
  }
});
