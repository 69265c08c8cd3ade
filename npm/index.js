// helpdesk-ai for browsers, Web Workers and bundlers (Vite, webpack, Rollup, esbuild):
// `await Engine.create()` fetches the wasm that sits next to this file, once.
import wasmInit, { initSync as wasmInitSync, Engine as Raw } from './wasm/helpdesk_ai.js';
import { _configure } from './core.js';

_configure({
  load: async (source) => {
    // The default KB's articles (for engine.article(id)) come along; without them search still works.
    const articles = fetch(new URL('./articles.json', import.meta.url))
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    await wasmInit(source === undefined ? undefined : { module_or_path: source });
    _configure({ defaultArticles: await articles });
    return Raw;
  },
  loadSync: (source) => {
    wasmInitSync({ module: source });
    return Raw;
  },
});

export { Engine, HelpdeskError, VERDICTS, LABELS, init, initSync, isReady } from './core.js';
