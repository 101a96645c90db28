import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Fixed add-on id and UUID so Firefox keeps the same moz-extension:// origin across installs (tests).
export const GECKO_ID = 'triangle-lens@triangle-lens.dev';

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Triangle Lens',
    description:
      'Finds the experts quoted in news on the US–Russia–China triangle, marks them in place and shows who they are and where they stand. Everything stays on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'scripting', ...(browser === 'chrome' ? ['offscreen'] : [])],
    // Where the background may inject the lens and card stages (unlisted scripts, run with
    // scripting.executeScript: WXT no longer derives this from runtime-registered content scripts).
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Triangle Lens' },
    // Stage 1, the gate, on every page; the lens and card stages are injected only where needed.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['gate.js'], run_at: 'document_idle' }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
