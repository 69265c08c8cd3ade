// Fuzzes the bindings: random and hostile strings, values and bytes at every method — of the
// package's Engine and KnowledgeBase, and of the raw wasm-bindgen Engine and SearchEngine under them
// (SearchEngine of the full module and of the small search module). Nothing may trap (a Rust panic in
// wasm is `RuntimeError: unreachable` and would poison the instance): every failure must be a coded
// error, and afterwards the same engine must still answer correctly. Deterministic (seeded).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, HelpdeskError, KnowledgeBase } from 'helpdesk-ai';
import { pathToFileURL } from 'node:url';
import { PKG, ROOT, recordMetrics, requireBuilt } from './helpers.mjs';

requireBuilt();
const require = createRequire(import.meta.url);
const SEED = Number(process.env.FUZZ_SEED || 20261125);
const BUDGET_MS = Number(process.env.FUZZ_MS || 12000);

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['reset', 'password', 'пароль', 'сбросить', 'error', '401', 'ошибка', 'API', 'refund', '2FA', 'vebhuki', 'зфыыцщкв',
  'https://x.io/a?b=c', 'user@mail.ru', '+7 916 123-45-67', '4111 1111 1111 1111', 'INV-20931', '$49', '1С', 'iPhone 13',
  '<b>', '</p>', '&amp;', '<script>alert(1)</script>', '"', '\\', '\u0000', '\u200b', '\u202e', '😀', '👩‍💻', 'é', 'ё', 'Ё',
  '\ud800', '\udfff', '\r\n', '\t', '  ', '!!!', '???', 'NaN', 'null', '{', '}', '[', ']', ':', ',', '"message"', '"q"'];

function json(v) {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

// Values that fight back: throwing getters and traps, revoked proxies, borrowed prototypes.
function hostile(random) {
  const boom = () => {
    throw new Error('boom');
  };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const items = [
    Object.defineProperty({}, 'message', { get: boom, enumerable: true }),
    new Proxy({}, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom }),
    new Proxy([], { get: boom }),
    revocable.proxy,
    Object.setPrototypeOf({ length: 3 }, Uint8Array.prototype),
    Object.setPrototypeOf({}, ArrayBuffer.prototype),
    { toJSON: boom },
    { toJSON: () => undefined },
  ];
  return items[Math.floor(random() * items.length)];
}

function makeFuzzer(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chars = () => {
    let s = '';
    const n = int(40);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.5) s += String.fromCharCode(32 + int(95));
      else if (r < 0.7) s += String.fromCharCode(0x400 + int(0x60));
      else if (r < 0.8) s += String.fromCharCode(int(0x10000)); // any UTF-16 unit, lone surrogates included
      else if (r < 0.9) s += String.fromCodePoint(0x1f300 + int(0x300));
      else s += String.fromCharCode(int(32));
    }
    return s;
  };
  const text = () => {
    const r = random();
    if (r < 0.35) return Array.from({ length: 1 + int(12) }, () => pick(WORDS)).join(pick([' ', '', '\n', ', ']));
    if (r < 0.7) return chars();
    if (r < 0.8) return pick(WORDS).repeat(1 + int(3000)); // long
    if (r < 0.86) return '['.repeat(int(5000)) + ']'.repeat(int(5000)); // deep nesting
    if (r < 0.92) return '{"message":'.repeat(int(300));
    return '';
  };
  const value = (depth = 0) => {
    const r = random();
    if (r < 0.3) return text();
    if (r < 0.4) return pick([0, -1, 1e308, -0, NaN, Infinity, 2 ** 53 + 1, 0.5, 42]);
    if (r < 0.45) return pick([true, false, null, undefined]);
    if (r < 0.55 && depth < 3) return Array.from({ length: int(4) }, () => value(depth + 1));
    if (r < 0.75 && depth < 3) {
      const o = {};
      const keys = ['id', 'subject', 'message', 'text', 'body', 'q', 'limit', 'lang', 'messages', 'sender', 'created_at', 'tier', 'channel', 'vip', 'category', 'intent', 'title', 'steps', 'agents', '__proto__', 'constructor', chars()];
      for (let i = int(5); i > 0; i--) Object.defineProperty(o, pick(keys), { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      return o;
    }
    if (r < 0.8) return pick([10n, Symbol('s'), () => 1, new Date(NaN), new Uint8Array(3), new Map(), hostile(random)]);
    return text();
  };
  const ticket = () => {
    const r = random();
    if (r < 0.5) return { id: pick(['T-1', 7, null, undefined, {}]), subject: pick([text(), undefined, 5]), message: pick([text(), text(), null, [], 3]), created_at: pick([undefined, undefined, text(), 1e12, -5, '2026-11-25T10:00:00Z']), tier: pick([undefined, 'premium', text()]), channel: pick([undefined, 'chat', 9]), vip: pick([undefined, true, 'yes']), failed_attempts: pick([undefined, 3, -1, 1e9]) };
    return value();
  };
  const bytes = (valid) => {
    const r = random();
    if (r < 0.3 || !valid) return Uint8Array.from({ length: int(3000) }, () => int(256));
    const b = Uint8Array.from(valid);
    if (r < 0.55) return b.subarray(0, int(b.length));
    for (let i = 1 + int(8); i > 0; i--) b[int(b.length)] = int(256);
    if (r < 0.8) return b;
    b.set(Uint8Array.from({ length: 8 }, () => int(256)), int(Math.max(1, b.length - 8)));
    return b;
  };
  return { int, pick, text, value, ticket, bytes };
}

const WRAPPER_CODES = new Set(['invalid_argument', 'invalid_ticket', 'invalid_conversation', 'invalid_query', 'invalid_kb', 'invalid_model',
  'invalid_feedback', 'unknown_article', 'train_failed', 'invalid_roster', 'invalid_rules', 'input_too_large']);


/**
 * Calls the raw wasm bindings in turn for `budgetMs` (and at least 20 rounds): each call returns
 * JSON text (or nothing) or throws a coded "code: message" error — never a trap. Returns the
 * number of calls made.
 */
function fuzzRawBindings(calls, budgetMs) {
  const started = Date.now();
  let n = 0;
  while (Date.now() - started < budgetMs || n < calls.length * 20) {
    const i = n % calls.length;
    n += 1;
    try {
      const out = calls[i]();
      if (typeof out === 'string') JSON.parse(out); // every result is JSON text
    } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `binding #${i} trapped: ${e && e.stack}`);
      assert.match(String(e && e.message), /^[a-z_]+: /, `binding #${i} threw an uncoded error`);
    }
  }
  return n;
}

test('the package Engine: random and hostile inputs at every method never trap, and the engine keeps working', () => {
  const random = rng(SEED);
  const f = makeFuzzer(random);
  const engine = Engine.withDefaults();
  const reference = Engine.withDefaults();
  const now = { now: '2026-11-25T10:00:00Z' };
  const ticket = { subject: 'Login', message: 'cant login since yesterday, error 401 on https://api.example.com/v2/users!!' };
  const expectedTriage = reference.triage(ticket, now);
  const validIndex = engine.exportIndex();
  const validModel = readFileSync(join(ROOT, 'data/model/default.bin'));
  const calls = {
    triage: () => engine.triage(f.ticket(), f.pick([undefined, now, { now: f.value() }])),
    analyze: () => engine.analyze(f.ticket()),
    classify: () => engine.classify(f.ticket()),
    conversation: () => engine.conversation(f.pick([f.value(), { messages: Array.from({ length: f.int(5) }, () => ({ sender: f.pick(['customer', 'agent', 'bot', f.text()]), text: f.text(), at: f.value() })) }])),
    search: () => engine.search(f.pick([f.text(), f.text(), f.value()]), f.pick([undefined, { limit: f.value(), prefix: f.value(), lang: f.value(), onlyCategory: f.value(), today: f.value() }, f.value()])),
    suggestForTicket: () => engine.suggestForTicket(f.ticket(), f.pick([undefined, { limit: f.value() }])),
    article: () => engine.article(f.value()),
    recordFeedback: () => engine.recordFeedback(f.pick([f.text(), 'kb-reset-password-en', f.value()]), f.pick(['helpful', 'view', f.text(), f.value()])),
    recordUnanswered: () => engine.recordUnanswered(f.pick([f.text(), f.value()])),
    stats: () => engine.stats(f.pick([undefined, { today: f.value() }, f.value()])),
    loadKb: () => engine.loadKb(f.pick([f.text(), f.value(), json(f.value()), [{ id: f.text(), title: f.text(), steps: f.value() }]])),
    loadIndex: () => engine.loadIndex(f.pick([f.bytes(validIndex), f.bytes(validIndex), f.value()])),
    loadModel: () => engine.loadModel(f.pick([f.bytes(validModel), f.bytes(validModel), f.value()])),
    train: () => engine.train(f.pick([f.text(), [f.value(), { message: f.text(), category: f.pick(['account_issue', f.text()]) }], f.value()])),
    loadRoster: () => engine.loadRoster(f.pick([f.text(), f.value(), { agents: [{ id: f.text(), name: f.text(), team: f.value(), seniority: f.value() }] }])),
    loadRoutingRules: () => engine.loadRoutingRules(f.pick([f.text(), f.value(), '{}'])),
  };
  const names = Object.keys(calls);
  const counts = Object.fromEntries(names.map((n) => [n, { ok: 0, errors: 0 }]));
  const started = Date.now();
  let n = 0;
  while (Date.now() - started < BUDGET_MS || n < names.length * 20) {
    const name = names[n % names.length];
    n += 1;
    try {
      calls[name]();
      counts[name].ok += 1;
    } catch (e) {
      assert.ok(e instanceof HelpdeskError, `${name} threw a non-HelpdeskError: ${e && e.stack}`);
      assert.ok(WRAPPER_CODES.has(e.code), `${name} → ${e.code}: ${e.message}`);
      counts[name].errors += 1;
    }
  }
  // Still alive and still right: put the defaults back where fuzzing replaced them.
  engine.loadIndex(validIndex);
  engine.loadModel(validModel);
  engine.loadRoutingRules(readFileSync(join(ROOT, 'data/routing/rules.json'), 'utf8'));
  const again = Engine.withDefaults();
  assert.equal(engine.search('reset pasword').hits[0].id, 'kb-reset-password-en');
  assert.deepEqual(again.triage(ticket, now), expectedTriage);
  assert.equal(engine.triage(ticket, now).category.label, expectedTriage.category.label);
  recordMetrics({ fuzz_package_calls: n });
  for (const name of names) assert.ok(counts[name].ok + counts[name].errors > 0, name);
  engine.free();
  again.free();
  reference.free();
});

test('the raw wasm-bindgen Engine: any string or bytes at every binding gives a coded error or a result, never a trap', () => {
  const { Engine: Raw } = require(join(PKG, 'wasm/helpdesk_ai.cjs'));
  const random = rng(SEED + 1);
  const f = makeFuzzer(random);
  const raw = new Raw();
  const validIndex = raw.kbBytes();
  const str = () => f.pick([f.text(), json(f.ticket()), json(f.value())]);
  const calls = [
    () => raw.triageJson(str(), f.pick([undefined, f.text(), '2026-11-25T10:00:00Z'])),
    () => raw.analyzeJson(str()),
    () => raw.classifyJson(str()),
    () => raw.conversationJson(str()),
    () => raw.suggestJson(str()),
    () => raw.searchJson(f.text(), f.pick([0, 1, 5, 100, 1000, 2 ** 31, -1, 2 ** 32 + 3, 1e300, NaN])),
    () => raw.searchLineJson(str()),
    () => raw.kbStatsJson(f.pick([undefined, f.text(), '2026-02-30'])),
    () => raw.recordUnanswered(f.text()),
    () => raw.recordFeedback(f.text(), f.text()),
    () => raw.recordFeedback(f.pick(['kb-reset-password-en', f.text()]), f.pick(['helpful', 'deflected', f.text()]), f.pick([undefined, f.text()])),
    () => raw.articleJson(f.pick([f.text(), 'kb-reset-password-en'])),
    () => raw.kbBytes(),
    () => raw.loadKb(str()),
    () => raw.loadKbBytes(f.bytes(validIndex)),
    () => raw.loadModel(f.bytes(null)),
    () => raw.trainJsonl([str(), str()].join('\n')),
    () => raw.loadRoster(str()),
    () => raw.loadRoutingRules(str()),
    // learn(query, id), where the core has it
    ...(typeof raw.learn === 'function' ? [() => raw.learn(f.text(), f.pick(['kb-reset-password-en', f.text()]))] : []),
  ];
  const n = fuzzRawBindings(calls, BUDGET_MS / 2);
  raw.loadKb(readFileSync(join(ROOT, 'data/kb/articles.json'), 'utf8'));
  assert.equal(JSON.parse(raw.searchJson('reset password', 3)).hits[0].id, 'kb-reset-password-en');
  recordMetrics({ fuzz_raw_calls: n });
  raw.free();
});

test('the package KnowledgeBase: random and hostile inputs at every method never trap, and it keeps working', () => {
  const random = rng(SEED + 2);
  const f = makeFuzzer(random);
  const kb = KnowledgeBase.withDefaults();
  const reference = KnowledgeBase.withDefaults();
  const validIndex = kb.exportIndex();
  const calls = {
    search: () => kb.search(f.pick([f.text(), f.text(), f.value()]), f.pick([undefined, { limit: f.value(), prefix: f.value(), lang: f.value(), onlyCategory: f.value(), today: f.value() }, f.value()])),
    article: () => kb.article(f.pick([f.value(), f.text(), 'kb-reset-password-en'])),
    recordFeedback: () => kb.recordFeedback(f.pick([f.text(), 'kb-reset-password-en', f.value()]), f.pick(['helpful', 'view', f.text(), f.value()])),
    recordUnanswered: () => kb.recordUnanswered(f.pick([f.text(), f.value()])),
    stats: () => kb.stats(f.pick([undefined, { today: f.value() }, f.value()])),
    loadKb: () => kb.loadKb(f.pick([f.text(), f.value(), json(f.value()), [{ id: f.text(), title: f.text(), steps: f.value(), learned_queries: f.value() }]])),
    loadIndex: () => kb.loadIndex(f.pick([f.bytes(validIndex), f.bytes(validIndex), f.value()])),
    exportIndex: () => kb.exportIndex(),
  };
  const names = Object.keys(calls);
  const counts = Object.fromEntries(names.map((n) => [n, { ok: 0, errors: 0 }]));
  const started = Date.now();
  let n = 0;
  while (Date.now() - started < BUDGET_MS / 2 || n < names.length * 20) {
    const name = names[n % names.length];
    n += 1;
    try {
      calls[name]();
      counts[name].ok += 1;
    } catch (e) {
      assert.ok(e instanceof HelpdeskError, `${name} threw a non-HelpdeskError: ${e && e.stack}`);
      assert.ok(WRAPPER_CODES.has(e.code), `${name} → ${e.code}: ${e.message}`);
      counts[name].errors += 1;
    }
  }
  kb.loadIndex(validIndex);
  assert.deepEqual(kb.search('reset pasword'), reference.search('reset pasword'));
  assert.equal(kb.article('kb-reset-password-en').title, 'Reset a forgotten password');
  recordMetrics({ fuzz_knowledge_base_calls: n });
  for (const name of names) assert.ok(counts[name].ok + counts[name].errors > 0, name);
  kb.free();
  reference.free();
});

// Both SearchEngines: the full module's (what Node's KnowledgeBase runs on) and the small search
// module's (what browsers run), loaded here through its web glue with initSync.
const searchGlue = await import(pathToFileURL(join(PKG, 'wasm/helpdesk_ai_search.js')).href);
searchGlue.initSync({ module: readFileSync(join(PKG, 'wasm/helpdesk_ai_search_bg.wasm')) });
for (const [name, SearchEngine, seed] of [
  ['the full module', require(join(PKG, 'wasm/helpdesk_ai.cjs')).SearchEngine, SEED + 3],
  ['the search module', searchGlue.SearchEngine, SEED + 4],
]) {
  test(`the raw SearchEngine of ${name}: any string or bytes at every binding gives a coded error or a result, never a trap`, () => {
    const random = rng(seed);
    const f = makeFuzzer(random);
    const raw = new SearchEngine();
    const validIndex = raw.kbBytes();
    const str = () => f.pick([f.text(), json(f.value()), json({ q: f.text(), limit: f.value(), prefix: f.value(), lang: f.value(), today: f.value() })]);
    const calls = [
      () => raw.searchJson(f.text(), f.pick([0, 1, 5, 100, 1000, 2 ** 31, -1, 2 ** 32 + 3, 1e300, NaN])),
      () => raw.searchLineJson(str()),
      () => raw.articleJson(f.pick([f.text(), 'kb-reset-password-en', 'kb-reset-password-ru'])),
      () => raw.kbStatsJson(f.pick([undefined, f.text(), '2026-02-30', '2026-11-25'])),
      () => raw.recordUnanswered(f.text()),
      () => raw.recordFeedback(f.pick([f.text(), 'kb-reset-password-en']), f.pick(['helpful', 'view', f.text()]), f.pick([undefined, f.text()])),
      () => raw.loadKb(f.pick([str(), json([{ id: f.text(), title: f.text(), body: f.text(), learned_queries: [{ query: f.text(), count: f.pick([0, 1, 2 ** 32]) }] }])])),
      () => raw.loadKbBytes(f.bytes(validIndex)),
      () => raw.kbBytes(),
      ...(typeof raw.learn === 'function' ? [() => raw.learn(f.text(), f.pick(['kb-reset-password-en', f.text()]))] : []),
    ];
    const n = fuzzRawBindings(calls, BUDGET_MS / 4);
    raw.loadKbBytes(validIndex);
    assert.equal(JSON.parse(raw.searchJson('reset password', 3)).hits[0].id, 'kb-reset-password-en');
    assert.equal(JSON.parse(raw.articleJson('kb-reset-password-ru')).lang, 'ru');
    recordMetrics({ [`fuzz_raw_search_engine_${name.split(' ').at(-2)}_calls`]: n });
    raw.free();
  });
}
