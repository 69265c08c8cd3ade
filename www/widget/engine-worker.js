// A module Worker that holds one helpdesk-ai Engine, so the page never waits on the wasm: the
// widget, the playground and the dashboard talk to it through engine-client.js.
import { Engine, HelpdeskError, init } from '../index.js';

const METHODS = new Set([
  'triage', 'analyze', 'classify', 'conversation', 'search', 'suggestForTicket', 'article',
  'recordFeedback', 'recordUnanswered', 'stats', 'loadKb', 'loadIndex', 'exportIndex',
  'loadModel', 'train', 'loadRoster', 'loadRoutingRules',
]);

const started = performance.now();
const ready = init().then(() => {
  const loaded = performance.now();
  const engine = Engine.withDefaults();
  const built = performance.now();
  // wasmMs: fetch + compile + instantiate; buildMs: the Engine's constructor (model, KB index, rules).
  self.postMessage({ type: 'ready', timings: { createMs: built - started, wasmMs: loaded - started, buildMs: built - loaded } });
  return engine;
});
ready.catch((e) => self.postMessage({ type: 'failed', error: { code: e.code || 'wasm_load_failed', message: String(e.message || e) } }));

self.onmessage = async (event) => {
  const { id, method, args } = event.data || {};
  if (typeof id !== 'number') return;
  try {
    if (!METHODS.has(method)) throw new HelpdeskError('invalid_argument', `unknown method ${String(method)}`);
    const engine = await ready;
    const t0 = performance.now();
    const value = engine[method](...(Array.isArray(args) ? args : []));
    self.postMessage({ id, ok: true, value, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { code: e.code || 'internal', message: String(e.message || e) } });
  }
};
