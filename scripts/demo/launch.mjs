/**
 * What `npm start` runs, shared with the end-to-end test that checks it: the demo article's server
 * and the Chromium command line that opens it with the extension loaded.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DEMO_PATH = '/world/pipelines-payments-patience';

/** Serves the demo article on 127.0.0.1 (random port); resolves to `{ url, close() }`. */
export async function serveDemo() {
  const demo = readFileSync(join(here, 'pipeline-politics.html'));
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/world/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(demo);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}${DEMO_PATH}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Chromium's arguments: a fresh profile, only this extension, and the article as the start URL. */
export function chromiumArgs({ extensionDir, profileDir, url, extra = [] }) {
  return [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to run as root with its sandbox (containers, CI-like machines).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...extra,
    url,
  ];
}
