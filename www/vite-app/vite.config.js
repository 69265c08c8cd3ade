import { defineConfig } from 'vite';

export default defineConfig({
  // The package loads its wasm with `new URL('…_bg.wasm', import.meta.url)`; Vite's dependency
  // pre-bundling would move the glue away from the wasm, so the dev server leaves it alone.
  optimizeDeps: { exclude: ['helpdesk-ai'] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
