/**
 * Reads the settings straight from extension storage (the key @wxt-dev/storage writes), so the lens
 * stage does not carry the storage library.
 */
import { normalizeSettings, type Settings } from '@/utils/settings-core';

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get('settings');
  return normalizeSettings(got.settings);
}
