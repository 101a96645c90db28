#!/usr/bin/env node
/**
 * Runs the end-to-end suites against the built extension: Chromium (Playwright,
 * tests/e2e/chromium*.spec.ts) then Firefox (puppeteer-core over BiDi, tests/e2e/firefox.test.mjs).
 * Prints each suite's count and a combined last line `N passed, N failed`; exits non-zero on any
 * failure, including a missing browser or build.
 *
 *   node scripts/e2e.mjs [chromium|firefox]...     (default: both)
 *   CHROMIUM_PATH=… FIREFOX_PATH=… TL_OUTPUT_DIR=…  (override the browsers / the build directory)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = join(root, '.tmp', 'e2e');
const buildDir = process.env.TL_OUTPUT_DIR || join(root, '.output');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox'];

mkdirSync(out, { recursive: true });
if (!existsSync(join(root, '..', 'shared', 'fixtures', 'seed-article.html'))) {
  console.log(
    'Note: ../shared is not beside the checkout: the tests of the original seed article are SKIPPED ' +
      '(the in-repo seed article and the vendored pages are tested).',
  );
}

/** Returns a reason the suite cannot run, or null. */
function missing(browserPath, envName, build) {
  if (!existsSync(browserPath)) {
    return `browser not found at ${browserPath} (install it, or set ${envName})`;
  }
  if (!existsSync(join(buildDir, build, 'manifest.json'))) {
    return `no build at ${join(buildDir, build)} (run \`npm run build\` first)`;
  }
  return null;
}

function runChromium() {
  const why = missing(chromiumPath, 'CHROMIUM_PATH', 'chrome-mv3');
  if (why) return { passed: 0, failed: 1, note: `cannot run: ${why}` };
  const report = join(out, 'chromium.json');
  rmSync(report, { force: true });
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, 'test', '-c', join(root, 'tests', 'e2e', 'playwright.config.ts')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (!existsSync(report))
    return { passed: 0, failed: 1, note: `Playwright ended (${run.status}) without a report` };
  const { stats, errors } = JSON.parse(readFileSync(report, 'utf8'));
  const failed = stats.unexpected + (errors?.length ? 1 : 0);
  const note = errors?.length ? `${errors.length} error(s) outside tests` : '';
  return { passed: stats.expected + stats.flaky, failed: failed || (run.status ? 1 : 0), note };
}

function runFirefox() {
  const why = missing(firefoxPath, 'FIREFOX_PATH', 'firefox-mv3');
  if (why) return { passed: 0, failed: 1, note: `cannot run: ${why}` };
  const tap = join(out, 'firefox.tap');
  rmSync(tap, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      join(root, 'tests', 'e2e', 'firefox.test.mjs'),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (!existsSync(tap))
    return { passed: 0, failed: 1, note: `node --test ended (${run.status}) without a report` };
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  return { passed: count('pass'), failed: failed || (run.status ? 1 : 0), note: '' };
}

const suites = { chromium: ['Chromium', runChromium], firefox: ['Firefox', runFirefox] };
let passed = 0;
let failed = 0;
const lines = [];
for (const key of wanted) {
  const suite = suites[key];
  if (!suite) {
    console.error(`unknown suite "${key}" (use chromium and/or firefox)`);
    process.exit(2);
  }
  const [label, run] = suite;
  console.log(`\n=== ${label} ===`);
  const result = run();
  passed += result.passed;
  failed += result.failed;
  lines.push(
    `${label}: ${result.passed} passed, ${result.failed} failed${result.note ? ` (${result.note})` : ''}`,
  );
}
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
