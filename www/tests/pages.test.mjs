// The demo pages in headless Chromium: the triage playground (every field, explanations, entity
// highlights, routing) and the live dashboard of the session's tickets (charts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, SITE, startSite, watchErrors } from './helpers.mjs';

let browser;
let site;

before(async () => {
  browser = await launch();
  site = await startSite({ root: SITE });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const TICKET = {
  subject: 'API down since yesterday',
  message: 'Since yesterday every POST to /v2/deals returns HTTP 500 in Chrome 120 on Windows 11. Invoice INV-20931, $49. Call me at +1 415 555 0199 or dana@example.com. This is blocking our whole sales team!!',
};

test('the triage playground shows every field with explanations and highlights the entities', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}playground.html?lang=en`);
  await page.locator('#subject').fill(TICKET.subject);
  await page.locator('#message').fill(TICKET.message);
  await page.locator('[data-field="decision"]').waitFor();
  const triage = await page.evaluate(async (t) => {
    const { connectEngine } = await import('./pkg/widget/engine-client.js');
    return connectEngine().call('triage', t);
  }, TICKET);
  for (const head of ['category', 'area', 'priority', 'complexity']) {
    const card = page.locator(`.head[data-head="${head}"]`);
    assert.equal(await card.locator('.label').textContent(), triage[head].label);
    assert.ok((await card.locator('.because li').count()) > 0, `${head} explains itself`);
  }
  assert.equal(await page.locator('[data-field="decision"]').textContent(), triage.decision);
  assert.match(await page.locator('.explain').first().textContent(), /confidence/);
  // Every entity is highlighted at its UTF-16 span, and listed.
  const marks = await page.locator('.hl mark[data-kind]').evaluateAll((ms) => ms.map((m) => [m.dataset.kind, m.textContent]));
  for (const e of triage.entities) assert.ok(marks.some(([k, t]) => k === e.kind && t === e.text), `${e.kind} “${e.text}” highlighted`);
  assert.ok(marks.some(([k]) => k === 'endpoint') && marks.some(([k]) => k === 'email') && marks.some(([k]) => k === 'money'));
  assert.equal(await page.locator('#entities tr').count(), triage.entities.length + 1);
  // Sentiment, keywords, redaction, suggestions and routing are there too.
  assert.equal(await page.locator('[data-field="sentiment"]').textContent(), triage.sentiment.label);
  const text = await page.locator('#out').textContent();
  for (const s of ['Keywords', 'Concepts', 'Redaction', 'Articles that may answer it', 'Routing', triage.routing.team_name]) assert.ok(text.includes(s), s);
  assert.match(text, /\[EMAIL\]|\[PHONE\]|email|phone/i);
  await screenshot(page, 'playground');
  await page.locator('#add').click();
  assert.deepEqual(errors, []);

  // The dashboard in the same tab (same session) shows the ticket, then the samples.
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.goto(`${site.url}dashboard.html?lang=en`);
  await page.waitForFunction(() => document.body.dataset.tickets === '1');
  assert.equal(await page.locator('#k-count').textContent(), '1');
  await page.locator('#samples').click();
  const { SAMPLE_TICKETS } = await import('../demo/samples.js');
  await page.waitForFunction((n) => document.body.dataset.tickets === String(n), SAMPLE_TICKETS.length + 1, { timeout: 60000 });
  const total = SAMPLE_TICKETS.length + 1;
  for (const chart of ['category', 'priority', 'sentiment']) {
    const counts = await page.locator(`svg[data-chart="${chart}"] [data-count]`).evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
    assert.equal(counts.reduce((a, b) => a + b, 0), total, `${chart} chart adds up`);
  }
  // Live: a ticket triaged in another tab of the session appears without a reload.
  const other = await context.newPage();
  await other.goto(`${site.url}dashboard.html?lang=en`);
  await other.locator('#q-message').fill('Не могу войти в аккаунт, пароль не подходит');
  await other.locator('#quick button[type="submit"]').click();
  await page.waitForFunction((n) => document.body.dataset.tickets === String(n), total + 1);
  await page.locator('#latest').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'dashboard');
  assert.deepEqual(errors, []);
  await context.close();
});
