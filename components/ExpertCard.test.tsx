// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { ExpertCard } from './ExpertCard';
import { splitByCues } from './CueSentence';
import type { Expert } from '@/utils/types';

const expert: Expert = {
  id: 'mira-test',
  name: 'Mira <img src=x onerror="window.__pwned=1">Test',
  surfaceForms: ['Mira Test'],
  role: 'senior fellow',
  organization: 'Example Institute',
  mentions: 2,
  statements: [
    { text: 'She said the bond is hard to break.', sentenceIndex: 3, kind: 'paraphrase', via: 'said' },
    { text: '“It holds,” she said.', sentenceIndex: 4, kind: 'quote', via: 'said' },
  ],
  stance: {
    label: 'durable',
    confidence: 0.72,
    axis: 'alignment-durability',
    evidence: [
      {
        sentence: 'She said the bond is hard to break.',
        cues: ['hard to break'],
        leans: 'durable',
        weight: 1,
      },
    ],
  },
};

afterEach(cleanup);

function setup(overrides: Partial<Parameters<typeof ExpertCard>[0]> = {}) {
  const props = {
    expert,
    balance: { durable: 1, fragile: 2, neutral: 0 },
    correction: null,
    onCorrect: vi.fn(),
    onJump: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  return { props, ...render(<ExpertCard {...props} />) };
}

/** Opens the "More" part of the card. */
function more(r: ReturnType<typeof setup>) {
  fireEvent.click(r.getByTestId('tl-card-more-toggle'));
}

const QUOTE_MARKS = /["“”„«»‘’]/;

describe('ExpertCard', () => {
  it('renders names from the page as inert text', () => {
    const { container, getByTestId } = setup();
    expect(container.querySelector('img')).toBeNull();
    expect(getByTestId('tl-card-name').textContent).toBe(expert.name);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('first view: who, role, label with its meaning and a word for how clear, one line of evidence', () => {
    const r = setup();
    expect(r.getByTestId('tl-card-org').textContent).toBe('senior fellow, Example Institute');
    expect(r.getByTestId('tl-card-stance').textContent).toContain('Durable');
    expect(r.getByTestId('tl-card-meaning').textContent).toMatch(/alignment as lasting/);
    expect(r.getByTestId('tl-card-confidence').textContent).toMatch(/^Likely: /);
    expect(r.container.textContent).not.toMatch(/%/);
    expect(r.getByTestId('tl-card-lead').querySelector('mark.tl-cue')?.textContent).toBe('hard to break');
    // The rest is one step away.
    expect(r.queryByTestId('tl-card-more')).toBeNull();
    expect(r.getByTestId('tl-card-more-toggle').getAttribute('aria-expanded')).toBe('false');
    more(r);
    expect(r.getByTestId('tl-card-more-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(r.getByTestId('tl-card-balance').textContent).toContain('1 durable · 2 fragile · 0 neutral');
  });

  it('renders nothing from the reader’s other articles', () => {
    const r = setup();
    more(r);
    expect(r.container.textContent).not.toMatch(/other article|you read|history|first time/i);
    expect(r.container.querySelectorAll('a')).toHaveLength(0);
  });

  it('never puts quotation marks around a paraphrase, and never doubles a quote’s own marks', () => {
    const r = setup();
    more(r);
    const items = Array.from(r.getByTestId('tl-card-evidence').querySelectorAll('li'));
    const para = items.find((li) => li.textContent!.includes('hard to break'))!;
    expect(para.textContent).not.toMatch(QUOTE_MARKS);
    expect(para.textContent).toContain('paraphrased by the article');
    const quote = items.find((li) => li.textContent!.includes('It holds'))!;
    expect(quote.textContent).toContain('“It holds,” she said.');
    expect(quote.textContent).not.toMatch(/““|””/);
    expect(r.getByTestId('tl-card-lead').textContent).not.toMatch(QUOTE_MARKS);
  });

  it('"Said here (3 of 5)" has a way to see all five', () => {
    const statements = Array.from({ length: 5 }, (_, i) => ({
      text: `Sentence number ${i + 1} by her.`,
      sentenceIndex: i,
      kind: 'paraphrase' as const,
      via: 'said',
    }));
    const r = setup({ expert: { ...expert, statements } });
    more(r);
    expect(r.container.textContent).toContain('Said here (3 of 5)');
    fireEvent.click(r.getByTestId('tl-card-all-quotes'));
    expect(r.container.textContent).toContain('Said here (5 of 5)');
    expect(r.getByTestId('tl-card-evidence').querySelectorAll('li')).toHaveLength(5);
  });

  it('lets the reader correct the label, shows the correction and undoes it', () => {
    const r = setup();
    more(r);
    fireEvent.change(r.container.querySelector('select')!, { target: { value: 'fragile' } });
    expect(r.props.onCorrect).toHaveBeenCalledWith('fragile');
    cleanup();
    const corrected = setup({ correction: 'fragile' });
    expect(corrected.getByTestId('tl-card-stance').textContent).toContain('Fragile');
    expect(corrected.getByTestId('tl-card-confidence').textContent).toContain('Your label');
    more(corrected);
    fireEvent.change(corrected.container.querySelector('select')!, { target: { value: '' } });
    expect(corrected.props.onCorrect).toHaveBeenCalledWith(null);
  });

  it('shows a guest presented by the piece as presented, not as something they said', () => {
    const guest: Expert = {
      ...expert,
      statements: [
        {
          text: 'Guests: Mira Test, a senior fellow at Example Institute.',
          sentenceIndex: 1,
          kind: 'paraphrase',
          via: 'guest',
        },
      ],
      stance: { ...expert.stance, label: 'neutral', evidence: [] },
    };
    const r = setup({ expert: guest });
    expect(r.container.textContent).toContain('none of their words are quoted');
    more(r);
    expect(r.queryByTestId('tl-card-evidence')).toBeNull();
    expect(r.getByTestId('tl-card-presented').textContent).toContain('Guests: Mira Test');
    expect(r.container.textContent).not.toContain('Said here');
  });

  it('jumps to a statement and closes', () => {
    const r = setup();
    more(r);
    fireEvent.click(r.getAllByText('Jump to it')[1]);
    expect(r.props.onJump).toHaveBeenCalledWith('“It holds,” she said.');
    fireEvent.click(r.getByLabelText('Close card'));
    expect(r.props.onClose).toHaveBeenCalled();
  });

  it('fills gaps from the data file and says so, with the source', () => {
    const r = setup({
      expert: {
        ...expert,
        organization: null,
        known: {
          id: 'mira-test',
          name: 'Mira Test',
          aliases: [],
          organization: { value: 'Data Org', source: 'https://example.org/profile', asOf: '2025' },
        },
      },
    });
    more(r);
    const known = r.getByTestId('tl-card-known');
    expect(known.textContent).toContain('not this article');
    expect(known.textContent).toContain('Data Org');
    expect(known.querySelector('a')!.getAttribute('href')).toBe('https://example.org/profile');
  });
});

describe('splitByCues', () => {
  it('splits around cues, case-insensitively, ignoring overlaps and missing cues', () => {
    expect(splitByCues('Deep Mistrust remains', ['mistrust', 'deep mistrust', 'absent'])).toEqual([
      { text: 'Deep Mistrust', cue: true },
      { text: ' remains', cue: false },
    ]);
  });
});
