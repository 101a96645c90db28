import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

// Each spec file launches its own Chromium with a fresh profile (tests/e2e/support/chromium.ts).
export default defineConfig({
  testDir: '.',
  testMatch: /chromium.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: resolve(root, '.tmp', 'e2e', 'chromium-results'),
  reporter: [['list'], ['json', { outputFile: resolve(root, '.tmp', 'e2e', 'chromium.json') }]],
});
