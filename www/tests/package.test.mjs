// The npm package in Node: ESM and CommonJS entry points, a worker_threads Worker, the browser
// entry through initSync, every method, every error code, the exports map, the published file
// list and the TypeScript types (tsc --strict; no `any`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, ROOT, recordMetrics, requireBuilt } from './helpers.mjs';

requireBuilt();
const require = createRequire(import.meta.url);
const esm = await import('helpdesk-ai');
const cjs = require('helpdesk-ai');
const TICKET = { id: 'T-1', subject: 'Login', message: 'cant login since yesterday, error 401 on https://api.example.com/v2/users!!' };
const NOW = { now: '2026-11-25T10:00:00Z' };
const RU_TICKET = { subject: 'Ошибка 502', message: 'С утра все запросы к API возвращают 502, интеграция с amoCRM стоит, срочно!' };

test('ESM and CommonJS entry points load the same engine and agree', () => {
  assert.equal(esm.isReady(), true);
  assert.equal(cjs.isReady(), true);
  const a = esm.Engine.withDefaults();
  const b = cjs.Engine.withDefaults();
  assert.deepEqual(a.triage(TICKET, NOW), b.triage(TICKET, NOW));
  assert.deepEqual(a.search('reset pasword'), b.search('reset pasword'));
  assert.deepEqual(esm.VERDICTS, ['view', 'helpful', 'not_helpful', 'suggested', 'resolved', 'deflected']);
  assert.equal(require('helpdesk-ai/package.json').name, 'helpdesk-ai');
  a.free();
  b.free();
});

test('the browser entry (index.js) works in Node through initSync with the wasm bytes', () => {
  // A child process: a module graph of its own, where nothing has loaded the wasm yet.
  const script = `
    import { readFileSync } from 'node:fs';
    const browser = await import(${JSON.stringify(pathToFileURL(join(PKG, 'index.js')).href)});
    const out = { readyBefore: browser.isReady() };
    try { browser.Engine.withDefaults(); } catch (e) { out.before = e.code; }
    try { browser.initSync('nope'); } catch (e) { out.bad = e.code; }
    const articles = JSON.parse(readFileSync(${JSON.stringify(join(PKG, 'articles.json'))}, 'utf8'));
    browser.initSync(readFileSync(${JSON.stringify(join(PKG, 'wasm/helpdesk_ai_bg.wasm'))}), { articles });
    await browser.init();
    const engine = browser.Engine.withDefaults();
    out.lang = engine.triage(${JSON.stringify(RU_TICKET)}).language.code;
    out.title = engine.article('kb-reset-password-en').title;
    console.log(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.deepEqual(out, { readyBefore: false, before: 'not_initialized', bad: 'invalid_argument', lang: 'ru', title: 'Reset a forgotten password' });
});

test('triage, analyze, classify, conversation: full results with UTF-16 spans', () => {
  const engine = esm.Engine.withDefaults();
  const t = engine.triage(TICKET, NOW);
  assert.equal(t.id, 'T-1');
  assert.ok(t.suggestions.length > 0 && typeof t.suggestions[0].title === 'string');
  assert.equal(typeof t.routing.team, 'string');
  assert.match(t.routing.sla.first_response_due, /^\d{4}-\d\d-\d\dT/);
  assert.ok(t.routing.reasons.length > 0);
  // The clock: a Date or epoch ms work as well as RFC 3339; without one it is the current time.
  assert.deepEqual(engine.triage(TICKET, { now: new Date(NOW.now) }), t);
  assert.deepEqual(engine.triage(TICKET, { now: Date.parse(NOW.now) }), t);
  assert.deepEqual(engine.triage({ ...TICKET, created_at: NOW.now }, { now: '2030-01-01T00:00:00Z' }).routing.sla, t.routing.sla);
  assert.ok(engine.triage(TICKET).routing.sla.first_response_due);
  assert.equal(t.language.code, 'en');
  for (const head of ['category', 'area', 'priority', 'complexity']) {
    assert.equal(typeof t[head].label, 'string');
    assert.ok(t[head].confidence > 0 && t[head].confidence <= 1);
    assert.ok(Array.isArray(t[head].alternatives));
  }
  assert.ok(esm.LABELS.category.includes(t.category.label));
  assert.ok(['auto', 'suggest', 'manual'].includes(t.decision));
  const url = t.entities.find((e) => e.kind === 'url');
  assert.equal(TICKET.message.slice(url.span.start_utf16, url.span.end_utf16), 'https://api.example.com/v2/users');
  // A bare string is the message; Russian and emoji keep JS offsets right.
  const ru = engine.triage('😀 Ошибка 502 в Chrome с утра');
  const status = ru.entities.find((e) => e.kind === 'http_status');
  assert.equal('😀 Ошибка 502 в Chrome с утра'.slice(status.span.start_utf16, status.span.end_utf16), status.text);
  const a = engine.analyze({ message: 'my card 4111 1111 1111 1111, call +7 916 123-45-67' });
  assert.deepEqual(a.redaction.masked.map((m) => m.kind).sort(), ['card_number', 'phone']);
  const c = engine.classify({ text: 'hello there!' });
  assert.equal(c.intent.label, 'greeting');
  const conv = engine.conversation({ messages: [{ sender: 'customer', text: 'hi, small question' }, { sender: 'customer', text: 'STILL BROKEN!!! this is unacceptable' }] });
  assert.equal(conv.timeline.length, 2);
  assert.ok(['red', 'yellow', 'green', 'none'].includes(conv.alert));
  engine.free();
});

test('search, suggestions, articles, feedback, unanswered queries and stats', () => {
  const engine = esm.Engine.withDefaults();
  const r = engine.search('reset pasword', { limit: 3, lang: 'en', today: '2026-11-25' });
  assert.equal(r.q, 'reset pasword');
  assert.equal(r.hits.length, 3);
  const hit = r.hits[0];
  assert.equal(hit.id, 'kb-reset-password-en');
  assert.deepEqual(hit.title_highlights.map(([s, e]) => hit.title.slice(s, e)), ['Reset', 'password']);
  assert.ok(hit.matched.includes('pasword→password'));
  assert.equal(engine.search('сбросить пароль').hits[0].id, 'kb-reset-password-ru');
  assert.equal(engine.search('refund', { onlyCategory: 'billing_issue' }).hits.every((h) => h.id.includes('refund') || h.id.includes('card') || h.id.includes('plan') || h.id.includes('vat') || h.id.includes('sla') || h.id.includes('subscription') || h.id.includes('trial')), true);
  const s = engine.suggestForTicket({ subject: '2FA', message: 'I lost my phone with the authenticator app' }, { limit: 2 });
  assert.equal(s.suggestions.length, 2);
  assert.equal(s.suggestions[0].id, 'kb-2fa-lost-phone-en');
  assert.equal(engine.article('kb-2fa-lost-phone-en').steps.length > 0, true);
  assert.equal(engine.article('nope'), undefined);
  const before = engine.stats().per_article.find((x) => x.id === 'kb-reset-password-en').effectiveness;
  engine.recordFeedback('kb-reset-password-en', 'helpful');
  engine.recordFeedback('kb-reset-password-en', 'deflected');
  const after = engine.stats({ today: '2026-11-25' }).per_article.find((x) => x.id === 'kb-reset-password-en').effectiveness;
  assert.equal(after.helpful, before.helpful + 1);
  assert.equal(after.deflected, before.deflected + 1);
  engine.recordUnanswered('how do I teleport my board');
  assert.deepEqual(engine.stats().missing_topics[0], ['how do i teleport my board', 1]);
  engine.free();
});

test('loadKb, exportIndex/loadIndex, train/loadModel', () => {
  const engine = esm.Engine.withDefaults();
  const kb = [
    { id: 'a1', title: 'Connect the coffee machine', lang: 'en', tags: ['coffee'], steps: ['Plug it in.', 'Press the big button.'], body: 'Espresso needs power.' },
    { id: 'a2', title: 'Кофемашина не варит кофе', lang: 'ru', steps: ['Проверьте воду.'], body: 'Нет воды — нет кофе.' },
  ];
  engine.loadKb(kb);
  assert.equal(engine.search('cofee').hits[0].id, 'a1');
  assert.equal(engine.article('a2').steps[0], 'Проверьте воду.');
  engine.recordFeedback('a1', 'helpful');
  const bytes = engine.exportIndex();
  assert.ok(bytes instanceof Uint8Array && bytes.length > 0);
  const other = esm.Engine.withDefaults();
  other.loadIndex(bytes, kb);
  assert.equal(other.search('кофемашина').hits[0].id, 'a2');
  assert.equal(other.stats().per_article.find((x) => x.id === 'a1').effectiveness.helpful, 1);
  assert.equal(other.article('a1').title, kb[0].title);
  engine.loadKb(JSON.stringify(kb)); // JSON text works too
  assert.equal(engine.article('a1').title, kb[0].title);

  const lines = readFileSync(join(ROOT, 'data/corpus/en/train-01.jsonl'), 'utf8').trim().split('\n').slice(0, 60);
  const t0 = performance.now();
  const model = engine.train(lines.map((l) => JSON.parse(l)));
  const trainMs = performance.now() - t0;
  assert.ok(model instanceof Uint8Array && model.length > 1000);
  assert.deepEqual(engine.train(lines.join('\n')), model, 'training is deterministic');
  other.loadModel(model);
  assert.ok(esm.LABELS.category.includes(other.triage('cant login, password incorrect').category.label));
  recordMetrics({ node_train_60_examples_ms: Math.round(trainMs) });
  engine.free();
  other.free();
});

test('routing: a roster names agents, custom rules are checked', () => {
  const engine = esm.Engine.withDefaults();
  const roster = JSON.parse(readFileSync(join(ROOT, 'data/routing/roster.sample.json'), 'utf8'));
  const ticket = { subject: 'Charged twice', message: 'You billed my card twice this month, please refund.', tier: 'premium' };
  assert.equal(engine.triage(ticket, NOW).routing.agent, null);
  engine.loadRoster(roster);
  const routed = engine.triage(ticket, NOW).routing;
  assert.ok(routed.agent === null || roster.agents.some((a) => a.id === routed.agent.id));
  assert.ok(routed.agent || routed.fallback_agents.length || routed.queue);
  engine.loadRoster(JSON.stringify(roster)); // text works too
  engine.loadRoutingRules(readFileSync(join(ROOT, 'data/routing/rules.json'), 'utf8'));
  engine.free();
});

test('every failure is a HelpdeskError with a code, and the engine keeps working', () => {
  const { Engine, HelpdeskError } = esm;
  const engine = Engine.withDefaults();
  const expectCode = (fn, code) => assert.throws(fn, (e) => {
    assert.ok(e instanceof HelpdeskError, `${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'HelpdeskError');
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.length > 0);
    return true;
  });
  expectCode(() => engine.triage({ message: 5 }), 'invalid_ticket');
  expectCode(() => engine.triage({ subject: '', message: '' }), 'invalid_ticket');
  expectCode(() => engine.triage(42), 'invalid_argument');
  expectCode(() => engine.triage(null), 'invalid_argument');
  expectCode(() => engine.triage({ message: 10n }), 'invalid_argument');
  const circular = { message: 'x' };
  circular.self = circular;
  expectCode(() => engine.triage(circular), 'invalid_argument');
  expectCode(() => engine.triage(TICKET, { now: 'yesterday-ish' }), 'invalid_argument');
  expectCode(() => engine.triage(TICKET, { now: new Date('nope') }), 'invalid_argument');
  expectCode(() => engine.loadRoster({ agents: 'nobody' }), 'invalid_roster');
  expectCode(() => engine.loadRoster(7), 'invalid_argument');
  expectCode(() => engine.loadRoutingRules('{"teams": 1}'), 'invalid_rules');
  expectCode(() => engine.conversation({ messages: 'no' }), 'invalid_conversation');
  expectCode(() => engine.conversation({ messages: [{ sender: 'alien', text: 'x' }] }), 'invalid_conversation');
  expectCode(() => engine.search(7), 'invalid_argument');
  expectCode(() => engine.search('x', { limit: -1 }), 'invalid_query');
  expectCode(() => engine.search('x', 'fast'), 'invalid_argument');
  expectCode(() => engine.recordFeedback('nope', 'helpful'), 'unknown_article');
  expectCode(() => engine.recordFeedback('kb-reset-password-en', 'meh'), 'invalid_feedback');
  expectCode(() => engine.loadKb('[{"id": "x", "title": ""}]'), 'invalid_kb');
  expectCode(() => engine.loadKb('not json'), 'invalid_kb');
  expectCode(() => engine.loadKb({}), 'invalid_argument');
  expectCode(() => engine.loadIndex(new Uint8Array([1, 2, 3])), 'invalid_kb');
  expectCode(() => engine.loadIndex('bytes'), 'invalid_argument');
  expectCode(() => engine.loadModel(new Uint8Array(100)), 'invalid_model');
  expectCode(() => engine.train('{"message": "no labels"}'), 'train_failed');
  expectCode(() => engine.train([{ message: 'x', category: 'nope' }]), 'train_failed');
  expectCode(() => engine.triage('x'.repeat(17 * 1024 * 1024)), 'input_too_large');
  // The bad calls changed nothing.
  assert.equal(engine.search('reset password').hits[0].id, 'kb-reset-password-en');
  assert.equal(engine.stats().articles, 52);
  engine.free();
  engine.free(); // twice is harmless
  expectCode(() => engine.triage(TICKET), 'engine_freed');
});

test('works inside a node:worker_threads Worker', async () => {
  const workerData = { ticket: RU_TICKET, query: 'вебхуки', now: NOW.now };
  const result = await new Promise((resolve, reject) => {
    const w = new Worker(new URL('./fixtures/worker.mjs', import.meta.url), { workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const here = esm.Engine.withDefaults();
  assert.deepEqual(result.triage, here.triage(RU_TICKET, NOW));
  assert.deepEqual(result.search, here.search('вебхуки', { limit: 3 }));
  here.free();
});

test('the package: exports map, published files, and TypeScript types without `any` (tsc --strict)', () => {
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].node.import.default, './node.mjs');
  assert.equal(pkg.exports['.'].node.require.default, './node.cjs');
  assert.equal(pkg.exports['.'].default, './index.js');
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8' }))[0];
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['index.js', 'core.js', 'core.cjs', 'node.mjs', 'node.cjs', 'index.d.ts', 'index.d.cts', 'wasm/helpdesk_ai.js', 'wasm/helpdesk_ai.cjs', 'wasm/helpdesk_ai_bg.wasm', 'articles.json', 'widget/helpdesk-widget.js', 'README.md', 'package.json']) {
    assert.ok(files.includes(f), `${f} is published`);
  }
  recordMetrics({ npm_package: { files: files.length, packed_bytes: packed.size, unpacked_bytes: packed.unpackedSize } });

  const dts = readFileSync(join(PKG, 'index.d.ts'), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  assert.doesNotMatch(dts, /\bany\b/, 'no `any` in the public types');
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  const quick = readme.split('## Quick start')[1].split('```js')[1].split('```')[0].trim().split('\n');
  assert.equal(quick.length, 5, 'a 5-line quick start');

  const tsc = join(ROOT, 'www/node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'www/tests/fixtures/tsconfig.json')], { encoding: 'utf8' });
});

test('the README quick start runs as written', async () => {
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  const code = readme.split('## Quick start')[1].split('```js')[1].split('```')[0];
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: join(ROOT, 'www'), encoding: 'utf8' });
  const [labels, title] = out.trim().split('\n');
  assert.match(labels, /^[a-z_]+ P[1-4] (auto|suggest|manual)$/);
  assert.equal(title, 'Reset a forgotten password');
  // The comments in the quick start say what it prints.
  assert.ok(code.includes(`// ${labels}`), `the quick start's comment should read “${labels}”`);
});
