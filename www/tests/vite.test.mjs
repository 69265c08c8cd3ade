// A tiny Vite app (www/vite-app) that imports the package is built by Vite here, then runs in
// headless Chromium: search on the page with `helpdesk-ai/search` (the page's bundle carries only
// the small wasm), triage with `helpdesk-ai`'s Engine in a bundled module Worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

test('Vite bundles the package: the page carries only the search wasm, the Worker the full one, and the app works in Chromium', async () => {
  const assets = readdirSync(join(APP, 'dist/assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  const searchWasm = wasm.filter((f) => f.startsWith('helpdesk_ai_search_bg'));
  const fullWasm = wasm.filter((f) => f.startsWith('helpdesk_ai_bg'));
  assert.equal(wasm.length, 2, assets.join(', '));
  assert.equal(searchWasm.length, 1, assets.join(', '));
  assert.equal(fullWasm.length, 1, assets.join(', '));
  const workerChunk = assets.find((f) => /^worker-.*\.js$/.test(f));
  assert.ok(workerChunk, 'the Worker is a chunk of its own');
  // The page's own JavaScript refers to the search wasm and never to the full one.
  const pageJs = assets.filter((f) => f.endsWith('.js') && f !== workerChunk).map((f) => readFileSync(join(APP, 'dist/assets', f), 'utf8')).join('\n');
  assert.ok(pageJs.includes(searchWasm[0]), 'the page loads the search wasm');
  assert.ok(!pageJs.includes(fullWasm[0]), 'the page bundle never names the full wasm');
  assert.ok(readFileSync(join(APP, 'dist/assets', workerChunk), 'utf8').includes(fullWasm[0]), 'the Worker loads the full wasm');

  const page = await browser.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && fetched.push(r.url().split('/').pop()));
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#q').pressSequentially('reset pasword');
  await page.waitForFunction(() => document.querySelector('#hits li')?.textContent === 'Reset a forgotten password');
  assert.equal(await page.locator('#hits li mark').first().textContent(), 'Reset');
  await page.locator('#ticket').fill('I was charged twice for my subscription, please refund');
  await page.waitForFunction(() => document.querySelector('#triage').textContent.startsWith('billing_issue'));
  await page.waitForFunction(() => document.querySelector('#worker').textContent.startsWith('worker: ru technical_issue'));
  assert.ok(fetched.includes(searchWasm[0]), `fetched: ${fetched.join(', ')}`);
  recordMetrics({ vite_wasm_fetched: fetched });
  await screenshot(page, 'vite-app');
  assert.deepEqual(errors, []);
  await page.close();
});
