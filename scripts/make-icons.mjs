#!/usr/bin/env node
/**
 * Renders the toolbar icon (public/icon/<size>.png) from the SVG below with headless Chromium.
 * Run after changing the design: `node scripts/make-icons.mjs` (CHROMIUM_PATH to pick the browser).
 */
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Three points (the triangle's capitals) joined, seen through a lens.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <polygon points="64,14 114,100 14,100" fill="#ede9fe" stroke="#7c3aed" stroke-width="9" stroke-linejoin="round"/>
  <circle cx="64" cy="14" r="11" fill="#7c3aed"/><circle cx="114" cy="100" r="11" fill="#7c3aed"/><circle cx="14" cy="100" r="11" fill="#7c3aed"/>
  <circle cx="60" cy="70" r="19" fill="#fff" stroke="#1f2937" stroke-width="8"/>
  <line x1="74" y1="84" x2="92" y2="102" stroke="#1f2937" stroke-width="10" stroke-linecap="round"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: join(root, 'public', 'icon', `${size}.png`), omitBackground: true });
}
await browser.close();
