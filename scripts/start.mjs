#!/usr/bin/env node
/**
 * npm start [-- --firefox]
 * Builds the extension, serves the demo article on 127.0.0.1 and opens a browser with the extension
 * loaded and the article open. Needs a display. Chromium is looked up in CHROMIUM_PATH, then the usual
 * places; Firefox in FIREFOX_PATH, then firefox-esr / firefox on PATH.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, serveDemo } from './demo/launch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const firefox = process.argv.includes('--firefox');

const build = spawnSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const demo = await serveDemo();
const url = demo.url;
console.log(`Demo article: ${url}`);

function which(names) {
  for (const n of names) {
    if (!n) continue;
    if (n.includes('/') && existsSync(n)) return n;
    const r = spawnSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

let child;
if (firefox) {
  const bin = which([process.env.FIREFOX_PATH, 'firefox-esr', 'firefox']);
  if (!bin) {
    console.error('Firefox not found: set FIREFOX_PATH.');
    process.exit(1);
  }
  child = spawn(
    'npx',
    ['web-ext', 'run', '--source-dir', '.output/firefox-mv3', '--firefox', bin, '--start-url', url],
    { cwd: root, stdio: 'inherit' },
  );
} else {
  const bin = which([
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    'chromium',
    'chromium-browser',
    'google-chrome',
  ]);
  if (!bin) {
    console.error('Chromium not found: set CHROMIUM_PATH.');
    process.exit(1);
  }
  const ext = join(root, '.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'triangle-lens-'));
  child = spawn(bin, chromiumArgs({ extensionDir: ext, profileDir: profile, url }), { stdio: 'inherit' });
}
child.on('exit', (code) => {
  void demo.close();
  process.exit(code ?? 0);
});
