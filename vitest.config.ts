import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // Says whether the suites that read ../shared run or are skipped.
    globalSetup: ['tests/unit/helpers/shared-notice.ts'],
  },
});
