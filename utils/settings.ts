/**
 * The reader's settings, kept in extension storage (`local:settings`) and read by the background, the
 * popup and the options page. This is the one module in utils/ that touches extension storage
 * (through @wxt-dev/storage); the plain-data helpers live in `settings-core.ts`.
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings-core';

export * from './settings-core';

/** The key @wxt-dev/storage keeps the settings under in `browser.storage.local`. */
export const SETTINGS_STORAGE_KEY = 'settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Current settings, normalised. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(next: Settings): Promise<void> {
  await settingsItem.setValue(normalizeSettings(next));
}

/** Call `cb` with normalised settings whenever they change; returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(normalizeSettings(value)));
}
