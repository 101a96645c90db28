// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm, type SettingsStore } from './OptionsForm';
import { PrivacyNote } from './PrivacyNote';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

afterEach(cleanup);

function fakeStore(initial: Partial<Settings> = {}) {
  let saved: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const store: SettingsStore & { saved: () => Settings } = {
    load: async () => saved,
    save: vi.fn(async (s: Settings) => {
      saved = s;
    }),
    prune: vi.fn(async () => ({ removed: 4 })),
    saved: () => saved,
  };
  return store;
}

describe('OptionsForm', () => {
  it('edits every setting and saves normalised values', async () => {
    const store = fakeStore({ pausedSites: ['paused.example'] });
    render(<OptionsForm store={store} />);
    fireEvent.click(await screen.findByLabelText('Mark expert names in articles'));
    fireEvent.input(screen.getByLabelText('Wait before a card opens (seconds)'), {
      target: { value: '0.6' },
    });
    fireEvent.input(screen.getByLabelText('After it has been visible for (seconds)'), {
      target: { value: '12' },
    });
    fireEvent.input(screen.getByLabelText('Or after scrolling through (percent of the article)'), {
      target: { value: '75' },
    });
    fireEvent.input(screen.getByLabelText('Sites to skip (one per line)'), {
      target: { value: 'https://www.Skip.example/path\nnot a host\nother.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Resume on paused.example' }));
    fireEvent.change(screen.getByLabelText('Keep articles for'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(screen.getByTestId('options-status').textContent).toContain('Settings saved. 4 articles'),
    );
    expect(store.saved()).toEqual({
      ...DEFAULT_SETTINGS,
      marksEnabled: false,
      cardDelayMs: 600,
      dwellMs: 12_000,
      scrollRatio: 0.75,
      skipSites: ['www.skip.example', 'other.example'],
      pausedSites: [],
      retentionDays: 90,
    });
    expect(store.prune).toHaveBeenCalledOnce();
  });

  it('names an out-of-range value and its range instead of clamping it, and saves nothing', async () => {
    const store = fakeStore();
    render(<OptionsForm store={store} />);
    const delay = await screen.findByLabelText('Wait before a card opens (seconds)');
    fireEvent.input(delay, { target: { value: '9' } });
    fireEvent.input(screen.getByLabelText('After it has been visible for (seconds)'), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByTestId('options-error').textContent).toContain('Not saved'));
    expect(screen.getByTestId('cardDelayMs-error').textContent).toBe(
      '9 is outside the range: enter a number from 0 to 5.',
    );
    expect(screen.getByTestId('dwellMs-error').textContent).toBe('Enter a number from 1 to 600.');
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('options-status').textContent).not.toContain('Settings saved');
    expect(store.save).not.toHaveBeenCalled();
    // Corrected, it saves.
    fireEvent.input(delay, { target: { value: '1.5' } });
    fireEvent.input(screen.getByLabelText('After it has been visible for (seconds)'), {
      target: { value: '20' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe('Settings saved.'));
    expect(store.saved()).toMatchObject({ cardDelayMs: 1500, dwellMs: 20_000 });
  });

  it('keeps forever by default and does not prune', async () => {
    const store = fakeStore();
    render(<OptionsForm store={store} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByTestId('options-status').textContent).toBe('Settings saved.'));
    expect(store.prune).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Keep articles for') as HTMLSelectElement).value).toBe('0');
  });

  it('states plainly that nothing leaves the machine', () => {
    render(<PrivacyNote />);
    expect(screen.getByRole('region', { name: 'What is stored, and where' }).textContent).toContain(
      'Nothing leaves your machine',
    );
    // It points to the retention setting by name, not by a direction on the page.
    expect(screen.getByRole('region').textContent).not.toMatch(/\bbelow\b|\babove\b/);
    expect(screen.getByRole('region').textContent).toContain('under “History”');
  });
});
