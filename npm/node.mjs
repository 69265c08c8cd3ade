// helpdesk-ai for Node.js (≥ 18), ES modules: the full wasm is loaded when this module is imported,
// so `Engine.withDefaults()` and `KnowledgeBase.withDefaults()` work at once (and `create()` too).
// KnowledgeBase runs on the full module's SearchEngine here: no second wasm in Node.
import { readFileSync } from 'node:fs';
import { initSync as wasmInitSync, Engine, SearchEngine } from './wasm/helpdesk_ai.js';
import { _configure } from './core.js';

wasmInitSync({ module: readFileSync(new URL('./wasm/helpdesk_ai_bg.wasm', import.meta.url)) });
const classes = { Engine, SearchEngine };
_configure({ full: { classes, load: async () => classes, loadSync: () => classes } });

export { KnowledgeBase, Engine, HelpdeskError, VERDICTS, LABELS, init, initSync, isReady } from './core.js';
