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
    seen: {
      count: 2,
      latest: { title: 'Earlier piece', url: 'https://news.example/a', readAt: Date.UTC(2026, 0, 5) },
    },
    correction: null,
    onCorrect: vi.fn(),
    onJump: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  return { props, ...render(<ExpertCard {...props} />) };
}

describe('ExpertCard', () => {
  it('renders names from the page as inert text', () => {
    const { container, getByTestId } = setup();
    expect(container.querySelector('img')).toBeNull();
    expect(getByTestId('tl-card-name').textContent).toBe(expert.name);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('shows role, organisation, stance with highlighted cues, history and balance', () => {
    const { getByTestId, container } = setup();
    expect(getByTestId('tl-card-org').textContent).toBe('senior fellow, Example Institute');
    expect(getByTestId('tl-card-stance').textContent).toContain('Durable');
    expect(getByTestId('tl-card-stance').textContent).toContain('72% confidence');
    expect(container.querySelector('mark.tl-cue')?.textContent).toBe('hard to break');
    expect(getByTestId('tl-card-history').textContent).toContain('Quoted in 2 other articles');
    expect(container.textContent).toContain('1 durable · 2 fragile · 0 neutral');
  });

  it('lets the reader correct the label, shows the correction and undoes it', () => {
    const { container, props } = setup();
    fireEvent.change(container.querySelector('select')!, { target: { value: 'fragile' } });
    expect(props.onCorrect).toHaveBeenCalledWith('fragile');
    cleanup();
    const corrected = setup({ correction: 'fragile' });
    expect(corrected.getByTestId('tl-card-stance').textContent).toContain('your label');
    fireEvent.click(corrected.getByText('Undo'));
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
    const { queryByTestId, getByTestId, container } = setup({ expert: guest });
    expect(queryByTestId('tl-card-evidence')).toBeNull();
    expect(getByTestId('tl-card-presented').textContent).toContain('Guests: Mira Test');
    expect(container.textContent).toContain('none of their words are quoted');
    expect(container.textContent).not.toContain('Said here');
  });

  it('jumps to a statement and closes', () => {
    const { getAllByText, getByLabelText, props } = setup();
    fireEvent.click(getAllByText('Jump to it')[1]);
    expect(props.onJump).toHaveBeenCalledWith('“It holds,” she said.');
    fireEvent.click(getByLabelText('Close card'));
    expect(props.onClose).toHaveBeenCalled();
  });

  it('fills gaps from the data file and says so, with the source', () => {
    const { getByTestId } = setup({
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
    const known = getByTestId('tl-card-known');
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
