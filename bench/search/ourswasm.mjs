// Our wasm engine for one data set, in a fresh Node process (run by run.mjs):
//   node --expose-gc ourswasm.mjs <job.json> <out.json>
// A fresh process per data set gives a fresh wasm instance, so the index memory is measured
// right (a wasm memory never shrinks: a second KB in the same instance would reuse the first
// one's pages), and the KB is loaded only once per data set.
//
// job: { key, wasmPath, kbPath, learned: [{q, id}], queries: [{q, expected}], order, budgetMs }
// out: { build_ms, index_bytes, index_load_ms, memory_bytes, ranks, ids, times, speed: {...} } or { error }
// The search engine (`SearchEngine`: the knowledge base alone) is constructed before the clock
// starts. Build = `loadKb(json)` alone (it parses the JSON); then the index is written as bytes
// (`kbBytes`) and loaded back from them (`loadKbBytes`), which is what a page does with a
// prebuilt index; `learned` pairs are learned after that, untimed.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { K, evaluate, keystrokesOf, memNow, timeKeystrokes } from './measure.mjs';
import { wasmIds } from './ours.mjs';

const [jobPath, outPath] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobPath, 'utf8'));
const write = (o) => writeFileSync(outPath, JSON.stringify(o));
try {
  const mod = createRequire(import.meta.url)(job.wasmPath);
  const kbJson = readFileSync(job.kbPath, 'utf8');
  const engine = new (mod.SearchEngine ?? mod.Engine)();
  const before = memNow();
  const t0 = process.hrtime.bigint();
  engine.loadKb(kbJson);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = memNow();
  const bytes = engine.kbBytes();
  const t1 = process.hrtime.bigint();
  engine.loadKbBytes(bytes);
  const loadMs = Number(process.hrtime.bigint() - t1) / 1e6;
  for (const { q, id } of job.learned ?? []) engine.learn(q, id);
  // searchJson returns JSON text; parsing it is part of the timed call (a caller needs the ids)
  const search = (q) => JSON.parse(engine.searchJson(q, K));
  const budget = job.budgetMs;
  const q = evaluate(job.queries, job.order, (s) => wasmIds(search(s)), 0.6 * budget, true);
  const typed = keystrokesOf(job.queries, job.order);
  const sp = timeKeystrokes(search, typed, 0.1 * budget, Math.max(0.25 * budget, 0.9 * budget - q.seconds * 1000), job.key);
  write({ build_ms: buildMs, index_bytes: bytes.length, index_load_ms: loadMs, memory_bytes: after - before, ranks: q.ranks, ids: q.ids, errors: q.errors, sp });
} catch (err) {
  write({ error: String(err?.stack ?? err) });
}
