// helpdesk-ai for Node.js (≥ 18), ES modules: the wasm is loaded when this module is imported,
// so `Engine.withDefaults()` works at once (and `await Engine.create()` too).
import { readFileSync } from 'node:fs';
import { initSync as wasmInitSync, Engine as Raw } from './wasm/helpdesk_ai.js';
import { _configure } from './core.js';

wasmInitSync({ module: readFileSync(new URL('./wasm/helpdesk_ai_bg.wasm', import.meta.url)) });
_configure({
  Raw,
  load: async () => Raw,
  loadSync: () => Raw,
  defaultArticles: () => JSON.parse(readFileSync(new URL('./articles.json', import.meta.url), 'utf8')),
});

export { Engine, HelpdeskError, VERDICTS, LABELS, init, initSync, isReady } from './core.js';
