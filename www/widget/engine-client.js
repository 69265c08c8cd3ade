// Talks to the engine Worker: `const engine = connectEngine(); await engine.ready;
// const r = await engine.call('search', 'reset password', {limit: 5});`. One Worker per page.
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
  let next = 1;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  ready.catch(() => {});
  worker.onmessage = (event) => {
    const msg = event.data || {};
    if (msg.type === 'ready') return resolveReady(msg.timings);
    if (msg.type === 'failed') return rejectReady(new EngineError(msg.error.code, msg.error.message));
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
