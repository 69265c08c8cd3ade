// The npm package in Node: ESM and CommonJS entry points (`helpdesk-ai` and `helpdesk-ai/search`),
// KnowledgeBase and Engine, a worker_threads Worker, the browser entries through initSync with the
// wasm bytes (full and search modules), every method, every error code, the exports map, the
// published file list and the TypeScript types (tsc --strict; no `any`).
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

const searchEsm = await import('helpdesk-ai/search');
const searchCjs = require('helpdesk-ai/search');

test('ESM and CommonJS entry points load the same engine and agree', () => {
  assert.equal(esm.isReady(), true);
  assert.equal(cjs.isReady(), true);
  const a = esm.Engine.withDefaults();
  const b = cjs.Engine.withDefaults();
  assert.deepEqual(a.triage(TICKET, NOW), b.triage(TICKET, NOW));
  assert.deepEqual(a.search('reset pasword'), b.search('reset pasword'));
  assert.deepEqual(esm.VERDICTS, ['view', 'helpful', 'not_helpful', 'suggested', 'resolved', 'deflected']);
  assert.equal(require('helpdesk-ai/package.json').name, 'helpdesk-ai');
  assert.ok(a instanceof esm.KnowledgeBase, 'an Engine is a KnowledgeBase');
  a.free();
  b.free();
});

test('helpdesk-ai/search resolves (ESM and CommonJS) to KnowledgeBase, HelpdeskError and VERDICTS only', () => {
  assert.deepEqual(Object.keys(searchEsm).sort(), ['HelpdeskError', 'KnowledgeBase', 'VERDICTS']);
  assert.deepEqual(Object.keys(searchCjs).sort(), ['HelpdeskError', 'KnowledgeBase', 'VERDICTS']);
  // One package, one class each: an error from either entry point is the same HelpdeskError.
  assert.equal(searchEsm.KnowledgeBase, esm.KnowledgeBase);
  assert.equal(searchEsm.HelpdeskError, esm.HelpdeskError);
  assert.equal(searchCjs.KnowledgeBase, cjs.KnowledgeBase);
  assert.equal(searchEsm.VERDICTS, esm.VERDICTS);
  assert.ok(require.resolve('helpdesk-ai/search').endsWith('node-search.cjs'));
  assert.ok(import.meta.resolve('helpdesk-ai/search').endsWith('node-search.mjs'));
  const kb = searchCjs.KnowledgeBase.withDefaults();
  assert.equal(kb.search('reset pasword').hits[0].id, 'kb-reset-password-en');
  kb.free();
});

test('KnowledgeBase in Node (ESM and CommonJS): search, articles, feedback, stats, KB and index — the same answers as Engine', async () => {
  for (const { KnowledgeBase, Engine } of [esm, cjs]) {
    const kb = await KnowledgeBase.create();
    assert.ok(kb instanceof KnowledgeBase && !(kb instanceof Engine));
    assert.equal(typeof kb.triage, 'undefined', 'no triage on a KnowledgeBase');
    const engine = Engine.withDefaults();
    for (const q of ['reset pasword', 'сбросить пароль', 'wbhooks', 'куыуе зфыыцщкв', 'kak otmenit podpisku', 'export rep']) {
      const options = { limit: 5, lang: 'en', today: '2026-11-25' };
      assert.deepEqual(kb.search(q, options), engine.search(q, options), q);
    }
    assert.deepEqual(kb.article('kb-reset-password-en'), engine.article('kb-reset-password-en'));
    assert.deepEqual(kb.stats({ today: '2026-11-25' }), engine.stats({ today: '2026-11-25' }));
    const helpful = () => kb.stats().per_article.find((x) => x.id === 'kb-reset-password-en').effectiveness.helpful;
    const before = helpful();
    kb.recordFeedback('kb-reset-password-en', 'helpful');
    kb.recordUnanswered('how do I teleport my board');
    const stats = kb.stats();
    assert.equal(helpful(), before + 1);
    assert.deepEqual(stats.missing_topics[0], ['how do i teleport my board', 1]);
    // The KB moves between the two, counters and all (what the widget does when triage starts).
    engine.loadIndex(kb.exportIndex());
    assert.deepEqual(engine.stats(), kb.stats());
    assert.equal(engine.triage('cant login, password reset link expired', NOW).suggestions.length > 0, true);
    kb.free();
    kb.free();
    assert.throws(() => kb.search('x'), (e) => e.code === 'engine_freed' && /knowledge base was freed/.test(e.message));
    engine.free();
  }
});

test('article() comes from the core: the default KB, a KB from loadKb and one from loadIndex', () => {
  const fromFile = JSON.parse(readFileSync(join(ROOT, 'data/kb/articles.json'), 'utf8'));
  for (const Class of [esm.KnowledgeBase, esm.Engine]) {
    const kb = Class.withDefaults();
    const want = fromFile.find((a) => a.id === 'kb-2fa-lost-phone-en');
    const got = kb.article('kb-2fa-lost-phone-en');
    for (const key of ['id', 'title', 'lang', 'category', 'area', 'steps', 'symptoms', 'body', 'related']) assert.deepEqual(got[key], want[key], key);
    assert.equal(typeof got.effectiveness.views, 'number');
    assert.equal(kb.article('nope'), undefined);
    assert.equal(kb.article(''), undefined);
    // The counters are the live ones.
    const views = got.effectiveness.views;
    kb.recordFeedback('kb-2fa-lost-phone-en', 'view');
    assert.equal(kb.article('kb-2fa-lost-phone-en').effectiveness.views, views + 1);
    const custom = [
      { id: 'a1', title: 'Connect the coffee machine', lang: 'en', steps: ['Plug it in.', 'Press the big button.'] },
      { id: 'a2', title: 'Кофемашина не варит кофе', lang: 'ru', steps: ['Проверьте воду.'], body: 'Нет воды — нет кофе.' },
    ];
    kb.loadKb(custom);
    assert.equal(kb.article('a2').steps[0], 'Проверьте воду.');
    assert.equal(kb.article('kb-2fa-lost-phone-en'), undefined, 'the default KB is gone');
    const other = esm.KnowledgeBase.withDefaults();
    other.loadIndex(kb.exportIndex()); // no articles given: the index carries them
    assert.equal(other.article('a1').title, custom[0].title);
    assert.deepEqual(other.article('a1').steps, custom[0].steps);
    assert.equal(other.article('kb-2fa-lost-phone-en'), undefined);
    kb.free();
    other.free();
  }
});

test('the knowledge base learns from feedback: learn(), and recordFeedback with the query that found the article', () => {
  const custom = [
    { id: 'strike', lang: 'en', title: 'Strikethrough text in Markdown', body: 'Wrap the words in two tildes.' },
    { id: 'bold', lang: 'en', title: 'Bold text in Markdown', body: 'Wrap the words in two asterisks.' },
  ];
  for (const Class of [esm.KnowledgeBase, esm.Engine, searchCjs.KnowledgeBase]) {
    const kb = Class.withDefaults();
    kb.loadKb(custom);
    const top = (q) => kb.search(q).hits[0]?.id;
    assert.equal(top('a line through my words'), 'bold', 'before: no word in common, a coin toss');
    kb.learn('draw a line through words', 'strike');
    assert.equal(top('a line through my words'), 'strike');
    assert.deepEqual(kb.article('strike').learned_queries, [{ query: 'draw a line through words', count: 1 }]);
    // A "Yes" with the query that found it learns it too; a "No" or a view does not.
    kb.recordFeedback('bold', 'helpful', { query: 'make text heavier' });
    kb.recordFeedback('bold', 'not_helpful', { query: 'make text thinner' });
    kb.recordFeedback('bold', 'view', { query: 'make text italic' });
    assert.deepEqual(kb.article('bold').learned_queries.map((l) => l.query), ['make text heavier']);
    assert.equal(kb.article('bold').effectiveness.not_helpful, 1);
    // Kept in the index bytes.
    const other = esm.KnowledgeBase.withDefaults();
    other.loadIndex(kb.exportIndex());
    assert.equal(other.search('a line through my words').hits[0].id, 'strike');
    // Bad arguments are HelpdeskErrors; the knowledge base keeps working.
    assert.throws(() => kb.learn('x', 'no-such-article'), (e) => e.code === 'unknown_article');
    assert.throws(() => kb.learn(42, 'strike'), (e) => e.code === 'invalid_argument');
    assert.throws(() => kb.recordFeedback('strike', 'helpful', { query: 7 }), (e) => e.code === 'invalid_argument');
    assert.throws(() => kb.recordFeedback('strike', 'helpful', 'make it so'), (e) => e.code === 'invalid_argument');
    assert.equal(top('a line through my words'), 'strike');
    kb.free();
    other.free();
  }
});

test('the browser entries (search.js, index.js) work in Node through initSync with the wasm bytes', () => {
  // A child process: a module graph of its own, where nothing has loaded the wasm yet.
  const url = (f) => JSON.stringify(pathToFileURL(join(PKG, f)).href);
  const file = (f) => JSON.stringify(join(PKG, f));
  const script = `
    import { readFileSync } from 'node:fs';
    const search = await import(${url('search.js')});
    const out = { exports: Object.keys(search).sort() };
    try { search.KnowledgeBase.withDefaults(); } catch (e) { out.kbBefore = e.code; }
    try { search.KnowledgeBase.initSync('nope'); } catch (e) { out.kbBad = e.code; }
    search.KnowledgeBase.initSync(readFileSync(${file('wasm/helpdesk_ai_search_bg.wasm')}));
    const kb = search.KnowledgeBase.withDefaults();
    out.kbHit = kb.search('reset pasword').hits[0].id;
    out.kbTitle = kb.article('kb-reset-password-en').title;
    out.kbCreate = (await search.KnowledgeBase.create()).search('сбросить пароль').hits[0].id;

    const browser = await import(${url('index.js')});
    out.sameClass = browser.KnowledgeBase === search.KnowledgeBase;
    out.readyBefore = browser.isReady();
    try { browser.Engine.withDefaults(); } catch (e) { out.before = e.code; }
    try { browser.initSync('nope'); } catch (e) { out.bad = e.code; }
    browser.initSync(readFileSync(${file('wasm/helpdesk_ai_bg.wasm')}));
    await browser.init();
    const engine = browser.Engine.withDefaults();
    out.lang = engine.triage(${JSON.stringify(RU_TICKET)}).language.code;
    out.title = engine.article('kb-reset-password-en').title;
    const helpful = (x) => x.stats().per_article.find((a) => a.id === 'kb-reset-password-en').effectiveness.helpful;
    const before = helpful(engine);
    kb.recordFeedback('kb-reset-password-en', 'helpful');
    engine.loadIndex(kb.exportIndex());
    out.handedOver = helpful(engine) - before;
    console.log(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.deepEqual(out, {
    exports: ['HelpdeskError', 'KnowledgeBase', 'VERDICTS'],
    kbBefore: 'not_initialized',
    kbBad: 'invalid_argument',
    kbHit: 'kb-reset-password-en',
    kbTitle: 'Reset a forgotten password',
    kbCreate: 'kb-reset-password-ru',
    sameClass: true,
    readyBefore: false,
    before: 'not_initialized',
    bad: 'invalid_argument',
    lang: 'ru',
    title: 'Reset a forgotten password',
    handedOver: 1,
  });
});

test('the search module holds the knowledge base alone: SearchEngine, no Engine; sizes.json reports both', async () => {
  const glue = await import(pathToFileURL(join(PKG, 'wasm/helpdesk_ai_search.js')).href);
  assert.equal(typeof glue.SearchEngine, 'function');
  assert.equal(glue.Engine, undefined);
  const bytes = readFileSync(join(PKG, 'wasm/helpdesk_ai_search_bg.wasm'));
  const full = readFileSync(join(PKG, 'wasm/helpdesk_ai_bg.wasm'));
  assert.ok(bytes.length < full.length / 2, `search ${bytes.length} B vs full ${full.length} B`);
  const sizes = JSON.parse(readFileSync(join(PKG, '../sizes.json'), 'utf8'));
  assert.equal(sizes.search_wasm.raw, bytes.length);
  assert.equal(sizes.wasm.raw, full.length);
  assert.equal(sizes.goal.search_module.met, sizes.search_wasm.gzip < 400 * 1024);
  assert.equal(sizes.goal.full_engine.met, sizes.wasm.gzip < 400 * 1024);
  recordMetrics({ wasm_sizes: { search: sizes.search_wasm, full: sizes.wasm, goal_gzip: sizes.goal.limit_gzip } });
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
  other.loadIndex(bytes);
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

test('every failure is a HelpdeskError with a code, and the engine keeps working', async () => {
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

  // The KnowledgeBase's methods are the same code: the same codes.
  const kb = esm.KnowledgeBase.withDefaults();
  expectCode(() => kb.search(7), 'invalid_argument');
  expectCode(() => kb.search('x', { limit: -1 }), 'invalid_query');
  expectCode(() => kb.search('x', 'fast'), 'invalid_argument');
  expectCode(() => kb.article(5), 'invalid_argument');
  expectCode(() => kb.recordFeedback('nope', 'helpful'), 'unknown_article');
  expectCode(() => kb.recordFeedback('kb-reset-password-en', 'meh'), 'invalid_feedback');
  expectCode(() => kb.recordUnanswered(null), 'invalid_argument');
  expectCode(() => kb.stats('today'), 'invalid_argument');
  expectCode(() => kb.loadKb('[{"id": "x", "title": ""}]'), 'invalid_kb');
  expectCode(() => kb.loadKb({}), 'invalid_argument');
  expectCode(() => kb.loadIndex(new Uint8Array([1, 2, 3])), 'invalid_kb');
  expectCode(() => kb.loadIndex([1, 2, 3]), 'invalid_argument');
  expectCode(() => kb.search('x'.repeat(17 * 1024 * 1024)), 'input_too_large');
  assert.equal(kb.search('reset password').hits[0].id, 'kb-reset-password-en');
  assert.equal(kb.stats().articles, 52);
  kb.free();
  expectCode(() => kb.search('x'), 'engine_freed');
  // Creating either one with bad options is a coded error too.
  await assert.rejects(esm.KnowledgeBase.create('fast'), (e) => e instanceof HelpdeskError && e.code === 'invalid_argument');
  await assert.rejects(esm.Engine.create(7), (e) => e instanceof HelpdeskError && e.code === 'invalid_argument');
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
  assert.deepEqual(result.kbSearch, result.search);
  here.free();
});

test('the package: exports map, published files, and TypeScript types without `any` (tsc --strict)', () => {
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  for (const [entry, node, browser, types] of [['.', 'node', 'index', 'index'], ['./search', 'node-search', 'search', 'search']]) {
    const e = pkg.exports[entry];
    assert.deepEqual(e.types, { import: `./${types}.d.ts`, require: `./${types}.d.cts` });
    assert.deepEqual(e.node, { import: `./${node}.mjs`, require: `./${node}.cjs` });
    for (const c of ['browser', 'worker', 'default']) assert.equal(e[c], `./${browser}.js`, `${entry} ${c}`);
    assert.equal(Object.keys(e)[0], 'types', 'types first');
  }
  assert.equal(pkg.exports['./wasm/search'], './wasm/helpdesk_ai_search_bg.wasm');
  assert.equal(pkg.exports['./articles.json'], undefined);
  // helpdesk-ai/search never refers to the full module: the browser entry and what it imports.
  const graph = ['search.js', 'core.js', 'wasm/helpdesk_ai_search.js'].map((f) => readFileSync(join(PKG, f), 'utf8')).join('\n');
  assert.deepEqual([...new Set([...graph.matchAll(/new URL\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]))], ['helpdesk_ai_search_bg.wasm']);
  assert.doesNotMatch(graph, /\bimport\s*\(/, 'no dynamic imports');
  assert.deepEqual([...readFileSync(join(PKG, 'search.js'), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]), ['./wasm/helpdesk_ai_search.js', './core.js', './core.js']);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8' }))[0];
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['index.js', 'search.js', 'core.js', 'core.cjs', 'node.mjs', 'node.cjs', 'node-search.mjs', 'node-search.cjs', 'index.d.ts', 'index.d.cts',
    'search.d.ts', 'search.d.cts', 'wasm/helpdesk_ai.js', 'wasm/helpdesk_ai.cjs', 'wasm/helpdesk_ai_bg.wasm', 'wasm/helpdesk_ai_search.js',
    'wasm/helpdesk_ai_search_bg.wasm', 'widget/helpdesk-widget.js', 'README.md', 'package.json']) {
    assert.ok(files.includes(f), `${f} is published`);
  }
  assert.ok(!files.includes('articles.json'), 'no articles.json: article() asks the core');
  recordMetrics({ npm_package: { files: files.length, packed_bytes: packed.size, unpacked_bytes: packed.unpackedSize } });

  const dts = readFileSync(join(PKG, 'index.d.ts'), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  assert.doesNotMatch(dts, /\bany\b/, 'no `any` in the public types');
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  const quick = readme.split('## Quick start')[1].split('```js')[1].split('```')[0].trim().split('\n');
  assert.ok(quick.length <= 6, 'a quick start of six lines at most');
  assert.match(quick.join('\n'), /KnowledgeBase\.create\(\)[\s\S]*\.search\([\s\S]*Engine\.create\(\)[\s\S]*\.triage\(/, 'KnowledgeBase for search, Engine for triage');

  const tsc = join(ROOT, 'www/node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'www/tests/fixtures/tsconfig.json')], { encoding: 'utf8' });
});

test('the README quick start runs as written', async () => {
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  const code = readme.split('## Quick start')[1].split('```js')[1].split('```')[0];
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: join(ROOT, 'www'), encoding: 'utf8' });
  const [title, labels] = out.trim().split('\n');
  assert.match(labels, /^[a-z_]+ P[1-4] (auto|suggest|manual)$/);
  assert.equal(title, 'Reset a forgotten password');
  // The comments in the quick start say what it prints.
  assert.ok(code.includes(`// ${labels}`), `the quick start's comment should read “${labels}”`);
});
