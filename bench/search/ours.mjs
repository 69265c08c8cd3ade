// helpdesk-ai's knowledge-base search, two ways:
//   quality  the native CLI: `helpdesk search --kb KB.json`, JSON Lines {"q"} in, one line
//            {"q", "hits":[{"id","score",…}]} (best first) or {"error":…} out per query, in order
//   speed    the wasm build under Node: new Engine(); engine.loadKb(json); engine.searchJson(q, 10)
// Either one may be missing (not built yet, or built before search existed): then `probe*`
// returns { available: false, reason } and the benchmark runs the peers alone.

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { BenchError, REPO_DIR } from '../sentiment/lib.mjs';

export const NOT_BUILT_HINT =
  'run cargo build --release --features cli / scripts/lib.sh build_wasm_node';

/** The CLI: is it there, executable, and does it have a `search` command? */
export function probeCli(option) {
  const bin = option ? resolve(option) : join(REPO_DIR, 'target', 'release', 'helpdesk');
  try {
    if (!statSync(bin).isFile()) throw new Error();
    accessSync(bin, constants.X_OK);
  } catch {
    return { available: false, bin, reason: `no executable at ${bin}` };
  }
  const r = spawnSync(bin, ['search', '--help'], { encoding: 'utf8', timeout: 30000 });
  if (r.error) return { available: false, bin, reason: `cannot run ${bin}: ${r.error.message}` };
  if (r.status !== 0) {
    const first = (r.stderr || r.stdout || '').trim().split('\n')[0];
    return { available: false, bin, reason: `\`${bin} search --help\` exited with ${r.status}${first ? `: ${first}` : ''}` };
  }
  return { available: true, bin };
}

/** The wasm package for Node: does it load, and does Engine have loadKb and searchJson? */
export function probeWasm(option) {
  const path = option ? resolve(option) : join(REPO_DIR, 'target', 'pkg-node', 'helpdesk_ai.js');
  if (!existsSync(path)) return { available: false, path, reason: `no wasm package at ${path}` };
  let mod;
  try {
    mod = createRequire(import.meta.url)(path);
  } catch (err) {
    return { available: false, path, reason: `cannot load ${path}: ${err.message}` };
  }
  const proto = mod?.Engine?.prototype;
  const missing = ['loadKb', 'searchJson'].filter((m) => typeof proto?.[m] !== 'function');
  if (!proto || missing.length) {
    return { available: false, path, reason: `${path}: Engine lacks ${proto ? missing.join(' and ') : 'everything (no Engine class)'}` };
  }
  return { available: true, path };
}

/** Top ids of one `searchJson` answer (the parsed object). */
export function wasmIds(parsed) {
  return Array.isArray(parsed?.hits) ? parsed.hits.map((h) => String(h.id)) : [];
}

/**
 * Runs `helpdesk search --kb kbPath [extraArgs…]` once with every query on stdin and returns one
 * entry per query, in order: { ids: [...] } or { error }. Checks that the output has one line per
 * query and that each line echoes its query.
 */
export async function runCliSearch(bin, kbPath, queries, extraArgs = []) {
  const started = performance.now();
  const child = spawn(bin, ['search', '--kb', kbPath, ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    if (stderr.length < 64 * 1024) stderr += d;
  });
  const lines = [];
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      lines.push(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  const exited = new Promise((res, rej) => {
    child.on('error', (err) => rej(new BenchError(`cannot run ${bin}: ${err.message}`)));
    child.on('close', (code, signal) => res({ code, signal }));
  });
  exited.catch(() => {});
  let stdinError = null;
  child.stdin.on('error', (err) => {
    stdinError = err;
  });
  // all queries fit in memory; write them in one go, respecting back-pressure
  const payload = queries.map((q) => JSON.stringify({ q: q.q }) + '\n').join('');
  if (!child.stdin.write(payload)) {
    await Promise.race([new Promise((res) => child.stdin.once('drain', res)), exited.catch(() => {})]);
  }
  if (!child.stdin.destroyed) child.stdin.end();
  const { code, signal } = await exited;
  if (pending.trim()) lines.push(pending);
  const seconds = (performance.now() - started) / 1000;
  const tail = stderr.trim().split('\n').slice(-5).join('\n  ');
  if (code !== 0) {
    throw new BenchError(
      `${bin} search exited with ${signal ? `signal ${signal}` : `code ${code}`}` +
        (stdinError ? ` (stdin: ${stdinError.code || stdinError.message})` : '') +
        (tail ? `; stderr:\n  ${tail}` : ''),
    );
  }
  if (lines.length !== queries.length) {
    throw new BenchError(`${bin} search wrote ${lines.length} line(s) for ${queries.length} queries; cannot align results${tail ? `; stderr:\n  ${tail}` : ''}`);
  }
  let mismatched = 0;
  const results = lines.map((line, i) => {
    let o;
    try {
      o = JSON.parse(line);
    } catch {
      return { error: { line: i + 1, message: 'unparseable output line' } };
    }
    if (!o || typeof o !== 'object') return { error: { line: i + 1, message: 'output line is not an object' } };
    if (o.error) return { error: o.error };
    if (typeof o.q === 'string' && o.q !== queries[i].q) mismatched++;
    if (!Array.isArray(o.hits)) return { error: { line: i + 1, message: 'no "hits" array' } };
    return { ids: o.hits.map((h) => String(h?.id)) };
  });
  if (mismatched) throw new BenchError(`${bin} search: ${mismatched} output line(s) echo a different "q" than their input line`);
  return { results, seconds };
}
