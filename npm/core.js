// helpdesk-ai — the JavaScript face of the wasm core. A thin layer: it turns arguments into the
// JSON the core reads, parses the JSON the core writes, and turns every failure into a
// HelpdeskError with a code. No triage or search logic lives here.
//
// This file has no imports and ends with one `export { … }` statement: scripts/build-npm.sh
// turns that statement into `module.exports = { … }` to make the CommonJS build (core.cjs).

/** Every error this package throws. `code` is stable; `message` is for people. */
class HelpdeskError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'HelpdeskError';
    this.code = code;
  }
}

/** The verdicts `recordFeedback` accepts. */
const VERDICTS = Object.freeze(['view', 'helpful', 'not_helpful', 'suggested', 'resolved', 'deflected']);

/** The label strings of each triage head (DESIGN.md). */
const LABELS = Object.freeze({
  category: Object.freeze(['technical_issue', 'account_issue', 'billing_issue', 'feature_request', 'general_inquiry', 'feedback_complaint']),
  area: Object.freeze(['authentication', 'core_product', 'integration', 'mobile_app', 'billing_system', 'reporting']),
  priority: Object.freeze(['P1', 'P2', 'P3', 'P4']),
  complexity: Object.freeze(['L1', 'L2', 'L3', 'L4']),
});

/** One ticket, query or message: at most this many UTF-16 units of JSON (the CLI's 16 MiB line limit). */
const MAX_ITEM = 16 * 1024 * 1024;
/** A knowledge base, a model or a training set: at most this many bytes / UTF-16 units. */
const MAX_BULK = 64 * 1024 * 1024;

// The two wasm modules and what each gives once instantiated: `search` (helpdesk_ai_search_bg.wasm,
// the knowledge base alone: `{SearchEngine}`) and `full` (helpdesk_ai_bg.wasm, the whole desk:
// `{Engine, SearchEngine}`). Each entry point says how to load them; Node loads `full` on import
// and has no `search` of its own (the full module's SearchEngine serves KnowledgeBase there).
const modules = {
  full: { what: 'helpdesk-ai wasm', classes: null, loading: null, load: null, loadSync: null },
  search: { what: 'helpdesk-ai search wasm', classes: null, loading: null, load: null, loadSync: null },
};

/** Internal: each entry point (browser, Node ESM, Node CJS) tells the core how to load the wasm. */
function _configure(options) {
  for (const name of ['full', 'search']) {
    const given = options[name];
    if (!given) continue;
    const m = modules[name];
    if (given.classes && !m.classes) m.classes = given.classes;
    if (given.load && !m.load) m.load = given.load;
    if (given.loadSync && !m.loadSync) m.loadSync = given.loadSync;
  }
}

function loadModule(m, source) {
  if (m.classes) return Promise.resolve();
  if (!m.loading) {
    if (!m.load) return Promise.reject(new HelpdeskError('wasm_load_failed', `no loader for the ${m.what} in this environment`));
    m.loading = Promise.resolve()
      .then(() => m.load(source))
      .then((classes) => {
        m.classes = classes;
      })
      .catch((e) => {
        m.loading = null;
        throw new HelpdeskError('wasm_load_failed', `could not load the ${m.what}: ${messageOf(e)}`, { cause: e });
      });
  }
  return m.loading;
}

function loadModuleSync(m, source) {
  if (m.classes) return;
  if (!m.loadSync) throw new HelpdeskError('wasm_load_failed', `no synchronous loader for the ${m.what} in this environment`);
  if (!(source instanceof WebAssembly.Module) && !isArrayBuffer(source) && !ArrayBuffer.isView(source)) {
    throw argError(`initSync needs the wasm bytes or a WebAssembly.Module, got ${describe(source)}`);
  }
  try {
    m.classes = m.loadSync(source);
  } catch (e) {
    throw new HelpdeskError('wasm_load_failed', `could not load the ${m.what}: ${messageOf(e)}`, { cause: e });
  }
}

/**
 * Loads and instantiates the full wasm module (the one `Engine` needs) once; later calls return
 * the same promise. In browsers and workers it fetches `helpdesk_ai_bg.wasm` next to this file
 * unless `source` says otherwise (a URL, a Response, the bytes or a compiled WebAssembly.Module).
 * In Node it is already loaded.
 */
function init(source) {
  return loadModule(modules.full, source);
}

/** Instantiates the full wasm module synchronously from its bytes or a compiled WebAssembly.Module. */
function initSync(source) {
  loadModuleSync(modules.full, source);
}

/** Whether the full wasm module is ready, i.e. `Engine.withDefaults()` works synchronously. */
function isReady() {
  return modules.full.classes !== null;
}

// The raw wasm-bindgen class an instance wraps. KnowledgeBase: the search module's SearchEngine,
// else the full module's (Node, or a page that loaded the full module first). Engine: the full one.
const RAW_CLASS = Symbol('helpdesk-ai raw class');

function searchClass() {
  const m = modules.search.classes || modules.full.classes;
  return m ? m.SearchEngine : null;
}

function engineClass() {
  return modules.full.classes ? modules.full.classes.Engine : null;
}

function messageOf(e) {
  try {
    return e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
  } catch {
    return 'an unreadable error';
  }
}

/** Runs `fn`; an exception that is not a HelpdeskError becomes `invalid_argument`. */
function guard(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HelpdeskError) throw e;
    throw argError(`unreadable argument: ${messageOf(e)}`);
  }
}

// Errors the core throws are "code: message"; anything else (a trap) is a bug → `internal`.
function translate(e, fallbackCode) {
  if (e instanceof HelpdeskError) return e;
  const text = messageOf(e);
  if (e instanceof WebAssembly.RuntimeError) {
    return new HelpdeskError('internal', `the wasm core trapped (a bug; please report it): ${text}`, { cause: e });
  }
  const m = /^([a-z][a-z0-9_]*): ([\s\S]*)$/.exec(text);
  if (m) return new HelpdeskError(m[1], m[2], { cause: e });
  if (/recursive use of an object|null pointer passed to rust/.test(text)) {
    return new HelpdeskError('engine_unusable', text, { cause: e });
  }
  return new HelpdeskError(fallbackCode || 'internal', text, { cause: e });
}

function argError(message) {
  return new HelpdeskError('invalid_argument', message);
}

function checkString(value, what, max) {
  if (typeof value !== 'string') throw argError(`${what} must be a string, got ${describe(value)}`);
  if (value.length > max) throw new HelpdeskError('input_too_large', `${what} is ${value.length} characters; the limit is ${max}`);
  return value;
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function toJson(value, what, max) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw argError(`${what} cannot be written as JSON: ${messageOf(e)}`);
  }
  if (typeof text !== 'string') throw argError(`${what} cannot be written as JSON`);
  if (text.length > max) throw new HelpdeskError('input_too_large', `${what} is ${text.length} characters of JSON; the limit is ${max}`);
  return text;
}

// A ticket is an object {id?, subject?, message} (or {text}); a bare string is its message.
function ticketJson(ticket, extra) {
  let value;
  if (typeof ticket === 'string') value = { message: ticket };
  else if (isPlainObject(ticket)) value = ticket;
  else throw argError(`a ticket must be an object {id?, subject?, message} or a string, got ${describe(ticket)}`);
  if (extra) value = Object.assign({}, value, extra);
  return toJson(value, 'the ticket', MAX_ITEM);
}

function toBytes(bytes, what, max) {
  // ArrayBuffer.isView and the ArrayBuffer constructor's checks read internal slots, so an
  // object merely dressed as a typed array (a borrowed prototype) is refused.
  let view;
  if (ArrayBuffer.isView(bytes)) view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  else if (isArrayBuffer(bytes)) view = new Uint8Array(bytes);
  else throw argError(`${what} must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`);
  if (view.byteLength > max) throw new HelpdeskError('input_too_large', `${what} is ${view.byteLength} bytes; the limit is ${max}`);
  return view;
}

function isArrayBuffer(value) {
  try {
    Reflect.apply(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get, value, []);
    return true;
  } catch {
    return false;
  }
}

// Results are JSON text; an `{"error": {…}}` object means the core refused the input.
function parseResult(text, code) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new HelpdeskError('internal', `the core returned unreadable JSON: ${messageOf(e)}`);
  }
  if (value && typeof value === 'object' && value.error && typeof value.error === 'object' && !Array.isArray(value.error)) {
    const message = typeof value.error.message === 'string' ? value.error.message : 'rejected';
    throw new HelpdeskError(code, message);
  }
  return value;
}

function nowText(options) {
  if (options !== undefined && options !== null && !isPlainObject(options)) throw argError('options must be an object');
  const now = options && options.now !== undefined && options.now !== null ? options.now : new Date();
  if (typeof now === 'string') return checkString(now, 'options.now', 64);
  const date = typeof now === 'number' ? new Date(now) : now;
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) throw argError('options.now must be an RFC 3339 string, a Date or epoch milliseconds');
  return date.toISOString();
}

function jsonOrText(value, what) {
  if (typeof value === 'string') return checkString(value, what, MAX_BULK);
  if (isPlainObject(value)) return toJson(value, what, MAX_BULK);
  throw argError(`${what} must be an object or its JSON text, got ${describe(value)}`);
}

const SEARCH_OPTIONS = {
  limit: 'limit', prefix: 'prefix', lang: 'lang', audience: 'audience', tier: 'tier', version: 'version',
  category: 'category', area: 'area', onlyCategory: 'only_category', today: 'today',
};

function searchLine(query, options) {
  checkString(query, 'the query', MAX_ITEM);
  if (options !== undefined && options !== null && !isPlainObject(options)) {
    throw argError(`search options must be an object, got ${describe(options)}`);
  }
  const line = { q: query };
  if (options) {
    for (const key of Object.keys(SEARCH_OPTIONS)) {
      if (options[key] !== undefined && options[key] !== null) line[SEARCH_OPTIONS[key]] = options[key];
    }
  }
  return toJson(line, 'the query', MAX_ITEM);
}

const dispose = typeof Symbol === 'function' && Symbol.dispose;

function wasmOption(options) {
  if (options !== undefined && options !== null && !isPlainObject(options)) throw argError(`options must be an object, got ${describe(options)}`);
  return options ? options.wasm : undefined;
}

/**
 * The knowledge base: search as you type, articles, feedback counters and their report, loading
 * and saving the index. In browsers, workers and bundlers it needs only the small search wasm;
 * in Node it runs on the full module. Every method is synchronous; every failure is a
 * HelpdeskError, after which the instance keeps working.
 */
class KnowledgeBase {
  /**
   * Loads the wasm it needs once — in browsers the search module, `helpdesk_ai_search_bg.wasm`
   * next to this package's files, or `options.wasm` — and returns one with the default KB.
   */
  static async create(options) {
    const source = guard(() => wasmOption(options));
    if (source !== undefined || !searchClass()) {
      await loadModule(modules.search.load ? modules.search : modules.full, source);
    }
    return new KnowledgeBase();
  }

  /** A knowledge base with the embedded default articles; the wasm must be loaded. */
  static withDefaults() {
    return new KnowledgeBase();
  }

  /** Instantiates the search wasm synchronously from its bytes or a compiled WebAssembly.Module. */
  static initSync(source) {
    loadModuleSync(modules.search.loadSync ? modules.search : modules.full, source);
  }

  static [RAW_CLASS]() {
    return searchClass();
  }

  /** Same as `withDefaults()` of the class. */
  constructor() {
    const target = new.target || KnowledgeBase;
    const Raw = target[RAW_CLASS]();
    if (!Raw) {
      throw new HelpdeskError('not_initialized', `the wasm module is not loaded yet: use \`await ${target.name}.create()\``);
    }
    try {
      this._raw = new Raw();
    } catch (e) {
      throw translate(e);
    }
  }

  // Reads the arguments (any exception there — a throwing getter, a hostile Proxy — is the
  // caller's `invalid_argument`), then calls the core (its errors keep their codes).
  _run(prepare, call, code) {
    if (!this._raw) throw new HelpdeskError('engine_freed', `this ${this instanceof Engine ? 'engine' : 'knowledge base'} was freed`);
    const input = guard(prepare);
    try {
      return call(this._raw, input);
    } catch (e) {
      throw translate(e, code);
    }
  }

  /** Searches the knowledge base; `options.prefix` (default true) treats the last word as still typed. */
  search(query, options) {
    return parseResult(this._run(() => searchLine(query, options), (r, line) => r.searchLineJson(line)), 'invalid_query');
  }

  /** The article with this id as the core holds it (title, symptoms, steps, body, counters …); `undefined` if none. */
  article(id) {
    const article = parseResult(this._run(() => checkString(id, 'the article id', MAX_ITEM), (r, key) => r.articleJson(key)), 'invalid_argument');
    return article === null ? undefined : article;
  }

  /**
   * Counts a verdict on an article; the counters feed the ranking and `stats()`. With
   * `options.query` — what the user searched for before opening it — a verdict that it answered
   * (`helpful`, `resolved`, `deflected`) also teaches the knowledge base that query (see `learn`).
   */
  recordFeedback(articleId, verdict, options) {
    this._run(
      () => {
        if (options !== undefined && options !== null && !isPlainObject(options)) throw argError('options must be an object');
        const query = options && options.query !== undefined && options.query !== null ? checkString(options.query, 'options.query', MAX_ITEM) : undefined;
        return [checkString(articleId, 'the article id', MAX_ITEM), checkString(verdict, 'the verdict', 64), query];
      },
      (r, [id, v, q]) => r.recordFeedback(id, v, q),
    );
  }

  /**
   * Learns that `query` was answered by the article: its words become the article's own, so the
   * next person who asks that way finds it (up to 64 distinct queries per article, repeats
   * counted; kept in `exportIndex()`).
   */
  learn(query, articleId) {
    this._run(
      () => [checkString(query, 'the query', MAX_ITEM), checkString(articleId, 'the article id', MAX_ITEM)],
      (r, [q, id]) => r.learn(q, id),
      'unknown_article',
    );
  }

  /** Remembers a query nothing answered: `stats().missing_topics`. */
  recordUnanswered(query) {
    this._run(() => checkString(query, 'the query', MAX_ITEM), (r, q) => r.recordUnanswered(q));
  }

  /** The feedback report: deflection rate, per-article effectiveness and advice, missing topics. */
  stats(options) {
    const prepare = () => {
      if (options !== undefined && options !== null && !isPlainObject(options)) throw argError('options must be an object');
      return options && options.today !== undefined && options.today !== null ? checkString(options.today, 'options.today', 64) : undefined;
    };
    return parseResult(this._run(prepare, (r, today) => r.kbStatsJson(today)), 'invalid_argument');
  }

  /** Replaces the knowledge base with articles (an array, or its JSON text); a bad article keeps the old KB. */
  loadKb(articles) {
    const prepare = () => {
      if (typeof articles === 'string') return checkString(articles, 'the articles', MAX_BULK);
      if (Array.isArray(articles)) return toJson(articles, 'the articles', MAX_BULK);
      throw argError(`articles must be an array or its JSON text, got ${describe(articles)}`);
    };
    this._run(prepare, (r, text) => r.loadKb(text), 'invalid_kb');
  }

  /** Replaces the knowledge base with bytes from `exportIndex()` (index, articles and counters). */
  loadIndex(bytes) {
    this._run(() => toBytes(bytes, 'the index', MAX_BULK), (r, view) => r.loadKbBytes(view), 'invalid_kb');
  }

  /** The knowledge base with its index and feedback counters, as bytes for `loadIndex`. */
  exportIndex() {
    return this._run(() => null, (r) => r.kbBytes());
  }

  /** Frees the wasm memory this instance holds; calling it again is harmless. */
  free() {
    if (this._raw) {
      const raw = this._raw;
      this._raw = null;
      raw.free();
    }
  }
}
if (dispose) KnowledgeBase.prototype[dispose] = KnowledgeBase.prototype.free;

/**
 * The whole support desk: everything a KnowledgeBase does, plus the triage model, the analyser,
 * the priority rules and routing. It needs the full wasm module.
 */
class Engine extends KnowledgeBase {
  /** Loads the full wasm if needed (see `init`) and returns an engine with the embedded defaults. */
  static async create(options) {
    await init(guard(() => wasmOption(options)));
    return new Engine();
  }

  /** An engine with the embedded model, knowledge base and rules; the full wasm must be loaded. */
  static withDefaults() {
    return new Engine();
  }

  /** Same as `initSync`: the full wasm module, synchronously. */
  static initSync(source) {
    initSync(source);
  }

  static [RAW_CLASS]() {
    return engineClass();
  }

  /**
   * Language, category, area, priority, complexity, decision, rules, sentiment, entities, KB
   * suggestions and routing (team, agent, SLA, escalation, auto-reply). Routing's clock is the
   * ticket's `created_at`, else `options.now` (an RFC 3339 string, a Date or epoch milliseconds),
   * else the current time — the core itself never reads the clock.
   */
  triage(ticket, options) {
    const out = this._run(() => [ticketJson(ticket), nowText(options)], (r, [line, now]) => r.triageJson(line, now));
    return parseResult(out, /^\{"error":\{"line":1,"message":"now: /.test(out) ? 'invalid_argument' : 'invalid_ticket');
  }

  /** The analysis without classification: text details, entities, PII redaction, keywords, sentiment. */
  analyze(ticket) {
    return parseResult(this._run(() => ticketJson(ticket), (r, line) => r.analyzeJson(line)), 'invalid_ticket');
  }

  /** Every head of the loaded model (the default one: the ticket heads and `intent`). */
  classify(ticket) {
    return parseResult(this._run(() => ticketJson(ticket), (r, line) => r.classifyJson(line)), 'invalid_ticket');
  }

  /** Sentiment through a conversation: timeline, trend, critical moments, alert. */
  conversation(conversation) {
    const prepare = () => {
      const value = Array.isArray(conversation) ? { messages: conversation } : conversation;
      if (!isPlainObject(value)) throw argError(`a conversation must be {messages: [...]} or an array of messages, got ${describe(conversation)}`);
      return toJson(value, 'the conversation', MAX_ITEM);
    };
    return parseResult(this._run(prepare, (r, line) => r.conversationJson(line)), 'invalid_conversation');
  }

  /** Articles that may answer a ticket before it is filed (deflection): the ticket is triaged first. */
  suggestForTicket(ticket, options) {
    const prepare = () => {
      if (options !== undefined && options !== null && !isPlainObject(options)) throw argError('options must be an object');
      const limit = options && options.limit !== undefined ? options.limit : undefined;
      if (limit !== undefined && (typeof limit !== 'number' || !Number.isFinite(limit))) throw argError('options.limit must be a number');
      return ticketJson(ticket, limit === undefined ? undefined : { limit });
    };
    return parseResult(this._run(prepare, (r, line) => r.suggestJson(line)), 'invalid_ticket');
  }

  /** Loads a model from `helpdesk train` or `train()`; triage uses it when it has the ticket heads. */
  loadModel(bytes) {
    this._run(() => toBytes(bytes, 'the model', MAX_BULK), (r, view) => r.loadModel(view), 'invalid_model');
  }

  /** Trains a model on labelled examples (objects or JSON Lines text) and returns its bytes. */
  train(examples) {
    const prepare = () => {
      if (typeof examples === 'string') return checkString(examples, 'the examples', MAX_BULK);
      if (!Array.isArray(examples)) throw argError(`examples must be an array or JSON Lines text, got ${describe(examples)}`);
      const lines = [];
      let size = 0;
      for (const e of examples) {
        const line = toJson(e, 'an example', MAX_ITEM);
        size += line.length + 1;
        if (size > MAX_BULK) throw new HelpdeskError('input_too_large', `the examples exceed ${MAX_BULK} characters of JSON`);
        lines.push(line);
      }
      return lines.join('\n');
    };
    return this._run(prepare, (r, text) => r.trainJsonl(text), 'train_failed');
  }

  /** Replaces the roster of agents routing chooses from (see data/routing/roster.sample.json). */
  loadRoster(roster) {
    this._run(() => jsonOrText(roster, 'the roster'), (r, text) => r.loadRoster(text), 'invalid_roster');
  }

  /** Replaces the routing rules, SLA targets, teams and templates (see data/routing/rules.json). */
  loadRoutingRules(rules) {
    this._run(() => jsonOrText(rules, 'the routing rules'), (r, text) => r.loadRoutingRules(text), 'invalid_rules');
  }
}

export { KnowledgeBase, Engine, HelpdeskError, VERDICTS, LABELS, init, initSync, isReady, _configure };
