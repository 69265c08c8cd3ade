// A module Worker that holds the helpdesk-ai engines, so the page never waits on the wasm: the
// widget, the playground and the dashboard talk to it through engine-client.js.
//
// It starts with a KnowledgeBase on the small search wasm and reports `ready` as soon as that can
// search. The full Engine (the big wasm: triage, analysis, model, routing) is started only by the
// first call that needs it; it is handed the knowledge base as it is then (exportIndex → loadIndex:
// a custom KB and the feedback so far carry over), and from then on every call that changes the
// KB goes to both. Each start of the full Engine is reported: {type: 'engine', timings}.
import { HelpdeskError, KnowledgeBase } from '../search.js'; // the full module's glue is imported when needed

// Answered by the KnowledgeBase (search wasm); the ones that change the KB go to the Engine too once it runs.
const KB_READS = new Set(['search', 'article', 'stats', 'exportIndex']);
const KB_WRITES = new Set(['loadKb', 'loadIndex', 'recordFeedback', 'recordUnanswered', 'learn']);
// Need the full Engine.
const ENGINE_METHODS = new Set([
  'triage', 'analyze', 'classify', 'conversation', 'suggestForTicket', 'train', 'loadModel', 'loadRoster', 'loadRoutingRules',
]);

// Absolute times (epoch ms), so the page can place them on its own clock.
const now = () => performance.timeOrigin + performance.now();
const started = performance.now();
const startedAt = now(); // when this Worker's script began to run (its imports loaded)

// The search wasm: fetched and compiled here (streaming), instantiated by KnowledgeBase.initSync,
// so the report can tell the download and compilation from the KB's construction.
async function compileSearchWasm() {
  const url = new URL('../wasm/helpdesk_ai_search_bg.wasm', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new HelpdeskError('wasm_load_failed', `${url}: HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    return WebAssembly.compile(await response.arrayBuffer()); // e.g. served without application/wasm
  }
}

const searchReady = (async () => {
  const module = await compileSearchWasm();
  KnowledgeBase.initSync(module);
  const loaded = performance.now();
  const kb = KnowledgeBase.withDefaults();
  const built = performance.now();
  // wasmMs: fetch + compile + instantiate of the search wasm; buildMs: the KnowledgeBase's constructor.
  const timings = { module: 'search', createMs: built - started, wasmMs: loaded - started, buildMs: built - loaded, startedAt, at: now() };
  self.postMessage({ type: 'ready', timings });
  return kb;
})();
searchReady.catch((e) => self.postMessage({ type: 'failed', error: { code: e.code || 'wasm_load_failed', message: String(e.message || e) } }));

let engine = null; // the full Engine once built (set in the same turn as the KB hand-over)
let engineStarting = null;
let engineStarts = 0;

function fullEngine() {
  if (!engineStarting) {
    engineStarting = (async () => {
      const t0 = performance.now();
      const engineStartedAt = now();
      const base = await searchReady.catch(() => null);
      const { Engine, init } = await import('../index.js');
      await init(); // fetch + compile + instantiate the full wasm
      const loaded = performance.now();
      const full = Engine.withDefaults();
      const built = performance.now();
      // Same turn as the construction: no KB call can slip in between the export and `engine = full`.
      if (base) full.loadIndex(base.exportIndex());
      engine = full;
      const done = performance.now();
      engineStarts += 1;
      self.postMessage({
        type: 'engine',
        timings: { module: 'full', starts: engineStarts, startedAt: engineStartedAt, at: now(), wasmMs: loaded - t0, buildMs: built - loaded, handoverMs: done - built, totalMs: done - t0 },
      });
      return full;
    })();
    engineStarting.catch(() => {
      engineStarting = null; // a failed start may be retried by the next call
    });
  }
  return engineStarting;
}

async function run(method, args) {
  if (ENGINE_METHODS.has(method)) {
    const full = await fullEngine();
    return full[method](...args);
  }
  if (KB_READS.has(method)) return (await searchReady)[method](...args);
  if (KB_WRITES.has(method)) {
    const base = await searchReady;
    const value = base[method](...args);
    if (engine) engine[method](...args);
    return value;
  }
  throw new HelpdeskError('invalid_argument', `unknown method ${String(method)}`);
}

self.onmessage = async (event) => {
  const { id, method, args } = event.data || {};
  if (typeof id !== 'number') return;
  try {
    const t0 = performance.now();
    const value = await run(method, Array.isArray(args) ? args : []);
    self.postMessage({ id, ok: true, value, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: e.code || 'internal', message: String(e.message || e) } });
  }
};
