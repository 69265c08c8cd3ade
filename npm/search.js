// helpdesk-ai/search for browsers, Web Workers and bundlers: the knowledge base alone, on the
// small search wasm (`helpdesk_ai_search_bg.wasm`, fetched by `await KnowledgeBase.create()`).
// Nothing here refers to the full module, so a bundle that imports only this never carries it.
import wasmInit, { initSync as wasmInitSync, SearchEngine } from './wasm/helpdesk_ai_search.js';
import { _configure } from './core.js';

_configure({
  search: {
    load: async (source) => {
      await wasmInit(source === undefined ? undefined : { module_or_path: source });
      return { SearchEngine };
    },
    loadSync: (source) => {
      wasmInitSync({ module: source });
      return { SearchEngine };
    },
  },
});

export { KnowledgeBase, HelpdeskError, VERDICTS } from './core.js';
