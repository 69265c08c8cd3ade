// Shared by the browser and package tests: paths, servers, Chromium, screenshots, measurements.
// The tests build nothing: scripts/build-npm.sh makes target/npm/helpdesk-ai and target/www first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { startSite, startStubEndpoint } from '../server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = join(ROOT, 'target/npm/helpdesk-ai');
export const SITE = join(ROOT, 'target/www');
export const SHOTS = join(ROOT, 'target/screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// One file per test file (they may run in parallel): metrics-widget.json, metrics-fuzz.json …
const METRICS = join(SHOTS, `metrics-${basename(process.argv[1] || 'tests', '.test.mjs')}.json`);

export function requireBuilt() {
  for (const p of [join(PKG, 'wasm/helpdesk_ai_bg.wasm'), join(SITE, 'index.html')]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run scripts/build-npm.sh first`);
  }
}

export { startSite, startStubEndpoint };

export async function launch() {
  requireBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Fails the test on any uncaught page error or console error (the page must be clean). */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Merges measurements into target/screenshots/metrics-<test file>.json. */
export function recordMetrics(values) {
  mkdirSync(SHOTS, { recursive: true });
  let all = {};
  try {
    all = JSON.parse(readFileSync(METRICS, 'utf8'));
  } catch {
    all = {};
  }
  Object.assign(all, values);
  writeFileSync(METRICS, JSON.stringify(all, null, 2) + '\n');
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The widget's shadow-DOM parts, as Playwright locators (CSS locators pierce open shadow roots). */
export function widget(page) {
  const root = page.locator('helpdesk-widget');
  return {
    root,
    launcher: root.locator('button.launcher'),
    input: root.locator('input[role="combobox"]'),
    listbox: root.locator('ul[role="listbox"]'),
    options: root.locator('[role="option"]'),
    article: root.locator('article.view-article'),
    contact: root.locator('form.view-contact'),
  };
}

/** Types `text` one key at a time, waiting for the widget to render results after each key. */
export async function typeAndWait(page, input, text) {
  const seen = [];
  for (const ch of text) {
    const before = await page.evaluate(() => document.querySelector('helpdesk-widget').metrics.keystrokes.length);
    await input.pressSequentially(ch);
    await page.waitForFunction((n) => document.querySelector('helpdesk-widget').metrics.keystrokes.length > n, before);
    seen.push(await firstOptionId(page));
  }
  return seen;
}

export function firstOptionId(page) {
  return page.evaluate(() => {
    const o = document.querySelector('helpdesk-widget').shadowRoot.querySelector('[role="option"]');
    return o ? o.dataset.id : null;
  });
}
