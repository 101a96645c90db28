import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoDir, seedPath } from './helpers/paths';

function analyze(files: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...files], {
    cwd: repoDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return {
    status: r.status,
    lines: r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  };
}

describe('npm run analyze', () => {
  it('prints one JSON line per file with the contract fields, and an error line for a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-analyze-'));
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    const missing = join(dir, 'missing.html');
    const { status, lines } = analyze([
      seedPath('thaw-article.html'),
      missing,
      seedPath('thaw-article.txt'),
      empty,
    ]);
    expect(lines).toHaveLength(4);
    const [html, bad, txt, blank] = lines;
    for (const key of [
      'file',
      'isArticle',
      'title',
      'byline',
      'siteName',
      'lang',
      'wordCount',
      'topic',
      'experts',
      'people',
    ]) {
      expect(html).toHaveProperty(key);
    }
    expect(html.topic.related).toBe(true);
    expect(html.experts).toHaveLength(4);
    const e = html.experts[0];
    expect(Object.keys(e)).toEqual(
      expect.arrayContaining(['name', 'role', 'organization', 'stance', 'mentions']),
    );
    expect(['durable', 'fragile', 'neutral']).toContain(e.stance.label);
    expect(typeof e.stance.confidence).toBe('number');
    expect(bad).toEqual({ file: missing, error: expect.any(String) });
    expect(txt.topic.related).toBe(true);
    expect(blank.topic.related).toBe(false);
    expect(status).toBe(1);
  });
});
