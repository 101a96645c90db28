import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  hostListed,
  isSiteOff,
  loadSettings,
  normalizeHost,
  normalizeSettings,
  retentionCutoff,
  saveSettings,
  withSitePaused,
} from './settings';

describe('settings', () => {
  it('falls back field by field on damaged values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      normalizeSettings({
        cardDelayMs: -5,
        dwellMs: 12_000,
        scrollRatio: 'x',
        marksEnabled: false,
        __proto__: { evil: 1 },
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      dwellMs: 12_000,
      marksEnabled: false,
    });
  });

  it('normalises host names and matches subdomains', () => {
    expect(normalizeHost(' https://www.Example.com/path?q=1 ')).toBe('www.example.com');
    expect(normalizeHost('Example.com.')).toBe('example.com');
    expect(normalizeHost('news.example.org/section')).toBe('news.example.org');
    expect(normalizeHost('not a host')).toBeNull();
    expect(hostListed('world.example.com', ['example.com'])).toBe(true);
    expect(hostListed('badexample.com', ['example.com'])).toBe(false);
    expect(hostListed('www.example.com', ['www.example.com'])).toBe(true);
    const paused = withSitePaused(DEFAULT_SETTINGS, 'www.example.com', true);
    expect(paused.pausedSites).toEqual(['www.example.com']);
    expect(isSiteOff('www.example.com', paused)).toBe(true);
    expect(isSiteOff('example.com', paused)).toBe(false);
    expect(isSiteOff('news.example.com', { ...DEFAULT_SETTINGS, skipSites: ['example.com'] })).toBe(true);
    expect(withSitePaused(paused, 'www.example.com', false).pausedSites).toEqual([]);
  });

  it('turns retention days into a cutoff', () => {
    expect(retentionCutoff({ retentionDays: 0 }, 10)).toBeNull();
    expect(retentionCutoff({ retentionDays: 1 }, 86_400_000 * 3)).toBe(86_400_000 * 2);
  });

  it('round-trips through extension storage', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, skipSites: ['https://www.Example.com/'], retentionDays: 30 });
    expect(await loadSettings()).toMatchObject({ skipSites: ['www.example.com'], retentionDays: 30 });
  });
});
