import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** `../shared` beside the checkout; tests that need it fail loudly when it is missing. */
export function sharedPath(...parts: string[]): string {
  const dir = resolve(repoDir, '..', 'shared');
  if (!existsSync(dir))
    throw new Error(`../shared is missing beside the checkout (looked for ${dir}); these tests need it`);
  return join(dir, ...parts);
}
