/**
 * The floor every content script stands on: a reference extension whose content script does nothing
 * but one plain TreeWalker pass over the page's text. Loaded beside Triangle Lens in the same browser,
 * its cost is traced in the same page loads, so "extension time / one TreeWalker pass" compares two
 * content scripts under the same conditions (isolated world, cold code, the page's own state).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WALKER = `(() => {
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  while (walker.nextNode()) chars += walker.currentNode.nodeValue.length;
  document.documentElement.dataset.tlReferenceChars = String(chars);
})();
`;

/** Writes the reference extension to a fresh temporary folder; returns its folder and its id. */
export function writeReferenceExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'tl-reference-ext-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'TreeWalker reference (bench only)',
      version: '1.0.0',
      content_scripts: [
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['content-scripts/reference.js'],
          run_at: 'document_idle',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'content-scripts', 'reference.js'), WALKER);
  return { dir, id: unpackedExtensionId(dir) };
}

/** Chromium's id for an unpacked extension: sha256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
