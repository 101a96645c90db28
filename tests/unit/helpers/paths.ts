import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** `../shared` beside the checkout (optional: the original seed article and the full page corpus). */
export const sharedDir = resolve(repoDir, '..', 'shared');

/** Whether `../shared` (with the original seed article) sits beside the checkout. */
export const hasShared = existsSync(join(sharedDir, 'fixtures', 'seed-article.html'));

/**
 * Title for a suite that reads `../shared`: it says plainly when the suite is skipped because the
 * folder is absent (a fresh clone), so a skip is never mistaken for a pass.
 */
export function sharedSuite(title: string): string {
  return hasShared ? title : `${title} — SKIPPED: ../shared is not beside the checkout`;
}

/** A file in `../shared`; throws when the folder is missing (guard the caller with `hasShared`). */
export function sharedPath(...parts: string[]): string {
  if (!hasShared)
    throw new Error(
      `../shared is missing beside the checkout (looked for ${sharedDir}); these tests need it`,
    );
  return join(sharedDir, ...parts);
}

/** A file of the in-repo seed article (tests/fixtures/seed: our own words, invented people). */
export function seedPath(...parts: string[]): string {
  return join(repoDir, 'tests', 'fixtures', 'seed', ...parts);
}

/** The vendored Readability test pages (a subset of Mozilla Readability's suite, Apache-2.0). */
export const vendoredPagesDir = join(repoDir, 'tests', 'fixtures', 'readability-pages');

/** The full page corpus in `../shared`, when present. */
export const sharedPagesDir = join(sharedDir, 'corpus', 'readability-test-pages');
