// A tiny Vite app (www/vite-app) that imports the package is built by Vite here, then runs in
// headless Chromium: search, triage on the main thread, and the engine in a bundled module Worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, recordMetrics, ROOT, screenshot, startSite, watchErrors } from './helpers.mjs';

const APP = join(ROOT, 'www/vite-app');
let browser;
let site;

before(async () => {
  const vite = join(APP, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) throw new Error('www/vite-app has no node_modules: run `npm ci` in www/vite-app (scripts/test.sh does)');
  const t0 = Date.now();
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: APP, stdio: 'inherit' });
  recordMetrics({ vite_build_ms: Date.now() - t0 });
  browser = await launch();
  site = await startSite({ root: join(APP, 'dist') });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('Vite bundles the package: one wasm asset, and the app works in Chromium (main thread and Worker)', async () => {
  const assets = readdirSync(join(APP, 'dist/assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(', '));
  assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), 'the Worker is a chunk of its own');
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#q').pressSequentially('reset pasword');
  await page.waitForFunction(() => document.querySelector('#hits li')?.textContent === 'Reset a forgotten password');
  assert.equal(await page.locator('#hits li mark').first().textContent(), 'Reset');
  await page.locator('#ticket').fill('I was charged twice for my subscription, please refund');
  await page.waitForFunction(() => document.querySelector('#triage').textContent.startsWith('billing_issue'));
  await page.waitForFunction(() => document.querySelector('#worker').textContent.startsWith('worker: ru technical_issue'));
  await screenshot(page, 'vite-app');
  assert.deepEqual(errors, []);
  await page.close();
});
