// helpdesk-ai for browsers, Web Workers and bundlers (Vite, webpack, Rollup, esbuild). Two wasm
// files sit next to this one, each fetched once and only when first needed:
// `await KnowledgeBase.create()` the small search module, `await Engine.create()` the full one.
// (`helpdesk-ai/search` is the same KnowledgeBase without any reference to the full module.)
import wasmInit, { initSync as wasmInitSync, Engine, SearchEngine } from './wasm/helpdesk_ai.js';
import './search.js';
import { _configure } from './core.js';

_configure({
  full: {
    load: async (source) => {
      await wasmInit(source === undefined ? undefined : { module_or_path: source });
      return { Engine, SearchEngine };
    },
    loadSync: (source) => {
      wasmInitSync({ module: source });
      return { Engine, SearchEngine };
    },
  },
});

export { KnowledgeBase, Engine, HelpdeskError, VERDICTS, LABELS, init, initSync, isReady } from './core.js';
