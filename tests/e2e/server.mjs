/**
 * A tiny static server for the end-to-end tests and the benchmark. It listens on 127.0.0.1 only
 * (random port) and serves:
 *   /seed-article.html          tests/fixtures/seed/thaw-article.html (the in-repo seed article)
 *   /shared-seed-article.html   ../shared/fixtures/seed-article.html (only when ../shared is present)
 *   /e2e/<file>                 tests/fixtures/e2e/<file> (our own pages)
 *   /corpus/<slug>/             <slug>/source.html of the real pages: the full corpus in
 *                               ../shared/corpus/readability-test-pages when present, else the
 *                               vendored subset in tests/fixtures/readability-pages
 * Nothing here needs ../shared: a fresh clone serves its own fixtures.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'e2e');
export const seedFile = join(repoRoot, 'tests', 'fixtures', 'seed', 'thaw-article.html');
export const sharedSeedFile = join(sharedDir, 'fixtures', 'seed-article.html');
/** Whether ../shared (the original seed article and the full corpus) sits beside the checkout. */
export const hasShared = existsSync(sharedSeedFile);
export const vendoredCorpusDir = join(repoRoot, 'tests', 'fixtures', 'readability-pages');
const sharedCorpusDir = join(sharedDir, 'corpus', 'readability-test-pages');
/** The real pages served under /corpus/: the full shared corpus when present, else the vendored subset. */
export const corpusDir = existsSync(sharedCorpusDir) ? sharedCorpusDir : vendoredCorpusDir;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** Slugs of the real pages under /corpus/, sorted. */
export function listCorpus() {
  if (!existsSync(corpusDir)) throw new Error(`The real pages are missing: expected ${corpusDir}.`);
  return readdirSync(corpusDir)
    .filter((slug) => existsSync(join(corpusDir, slug, 'source.html')))
    .sort();
}

/** Resolves `rel` inside `base`, or null when it would escape it. */
function inside(base, rel) {
  const full = normalize(join(base, rel));
  return full === base || full.startsWith(base + sep) ? full : null;
}

function route(pathname) {
  if (pathname === '/seed-article.html') return seedFile;
  if (pathname === '/shared-seed-article.html') return hasShared ? sharedSeedFile : null;
  if (pathname.startsWith('/e2e/')) return inside(fixturesDir, pathname.slice(5));
  const m = /^\/corpus\/([^/]+)\/(.*)$/.exec(pathname);
  if (m) return inside(corpusDir, join(m[1], m[2] === '' ? 'source.html' : m[2]));
  return null;
}

/**
 * Starts the server. Resolves to { origin, url(path), close() }.
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function startServer(options = {}) {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = route(pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      options.log?.(`404 ${pathname}`);
      res.writeHead(pathname === '/favicon.ico' ? 204 : 404, { 'cache-control': 'no-store' }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
