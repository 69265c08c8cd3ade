// Talks to the engine Worker: `const engine = connectEngine(); await engine.ready;
// const r = await engine.call('search', 'reset password', {limit: 5});`. One Worker per page.
//
// `ready` resolves (with the search module's timings) as soon as the knowledge base can search;
// a triage-side call (triage, analyze, classify, conversation, suggestForTicket, train, loadModel,
// loadRoster, loadRoutingRules) starts the full engine in the Worker first. Each start of the full
// engine is recorded in `engineStarts` (timings; `startedAt` and `readyAt` on the page's clock)
// and announced by an `engine` event on `events`.
let shared = null;

export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'HelpdeskError';
    this.code = code;
  }
}

export function connectEngine() {
  if (shared) return shared;
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module', name: 'helpdesk-ai' });
  const pending = new Map();
  const events = new EventTarget();
  const engineStarts = [];
  let next = 1;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  ready.catch(() => {});
  // The Worker sends epoch milliseconds; the page measures from its own time origin.
  const pageTime = (epochMs) => (typeof epochMs === 'number' ? epochMs - performance.timeOrigin : null);
  worker.onmessage = (event) => {
    const msg = event.data || {};
    if (msg.type === 'ready') return resolveReady({ ...msg.timings, startedAt: pageTime(msg.timings.startedAt), readyAt: pageTime(msg.timings.at) });
    if (msg.type === 'failed') return rejectReady(new EngineError(msg.error.code, msg.error.message));
    if (msg.type === 'engine') {
      const timings = { ...msg.timings, startedAt: pageTime(msg.timings.startedAt), readyAt: pageTime(msg.timings.at) };
      engineStarts.push(timings);
      events.dispatchEvent(new CustomEvent('engine', { detail: timings }));
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new EngineError(msg.error.code, msg.error.message));
  };
  worker.onerror = (event) => {
    const error = new EngineError('wasm_load_failed', event.message || 'the engine worker failed to start');
    rejectReady(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  shared = {
    ready,
    worker,
    events,
    engineStarts,
    call(method, ...args) {
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, method, args });
      });
    },
  };
  return shared;
}
