// Shared helpers for the side-by-side benchmarks in bench/sentiment and bench/langid:
// argument parsing, dataset location, a CSV parser, the streaming `helpdesk` runner,
// classification metrics and plain-text tables. No dependencies beyond Node's standard library.

import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(BENCH_DIR, '..');
export const OUT_DIR = join(BENCH_DIR, 'out');

/** A failure the user can fix (missing binary, data, packages): printed without a stack. */
export class BenchError extends Error {}

/** Runs `main`, printing a BenchError as one clear line and exiting non-zero on any failure. */
export function runMain(main) {
  main().then(
    (code) => process.exit(code ?? 0),
    (err) => {
      if (err instanceof BenchError) console.error(`error: ${err.message}`);
      else console.error(err);
      process.exit(err instanceof BenchError ? 2 : 1);
    },
  );
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag` options.
 * `spec` maps option names to 'string' or 'boolean'; unknown options are an error.
 */
export function parseArgs(argv, spec, usage) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(usage);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !(m[1] in spec)) throw new BenchError(`unknown argument ${JSON.stringify(arg)}\n${usage}`);
    const [, name, inline] = m;
    if (spec[name] === 'boolean') {
      if (inline !== undefined) throw new BenchError(`--${name} takes no value`);
      opts[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new BenchError(`--${name} needs a value`);
      opts[name] = value;
    }
  }
  return opts;
}

/** The datasets folder: --datasets, $HELPDESK_DATASETS, the repo's sibling shared/datasets, /work/shared/datasets. */
export function findDatasets(option) {
  const candidates = option
    ? [resolve(option)]
    : [process.env.HELPDESK_DATASETS, join(REPO_DIR, '..', 'shared', 'datasets'), '/work/shared/datasets']
        .filter(Boolean)
        .map((p) => resolve(p));
  for (const dir of candidates) if (existsSync(join(dir, 'README.md'))) return dir;
  throw new BenchError(
    `datasets folder not found (looked in ${candidates.join(', ')}); pass --datasets DIR or set HELPDESK_DATASETS`,
  );
}

/** Checks that every file exists under the datasets folder and returns their absolute paths. */
export function requireFiles(datasets, ...rel) {
  return rel.map((r) => {
    const p = join(datasets, r);
    if (!existsSync(p)) throw new BenchError(`dataset file missing: ${p}`);
    return p;
  });
}

/** The `helpdesk` binary: --helpdesk PATH (relative to the cwd) or target/release/helpdesk; must be executable. */
export function findHelpdesk(option) {
  const bin = option ? resolve(option) : join(REPO_DIR, 'target', 'release', 'helpdesk');
  let ok = false;
  try {
    ok = statSync(bin).isFile();
    accessSync(bin, constants.X_OK);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new BenchError(
      `helpdesk binary not found or not executable: ${bin}\n` +
        `  build it with: cargo build --release --features cli   (or pass --helpdesk PATH, or --peers-only)`,
    );
  }
  return bin;
}

/** Loads the peer packages installed in bench/sentiment/node_modules, with a clear error if missing. */
export async function importPeer(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND')) {
      throw new BenchError(
        `peer package ${JSON.stringify(name)} is not installed; run: npm ci --prefix ${join(BENCH_DIR, 'sentiment')}`,
      );
    }
    throw err;
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines; CRLF or LF rows. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // quoted field
      i++;
      for (;;) {
        if (i >= n) throw new BenchError('CSV: unterminated quoted field');
        const q = text.indexOf('"', i);
        if (q < 0) throw new BenchError('CSV: unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // anything up to the next separator after a closing quote is kept verbatim (lenient)
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      const next = text.slice(i).search(/[,\r\n]/);
      const end = next < 0 ? n : i + next;
      field += text.slice(i, end);
      i = end;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file with a header row into objects, checking the needed columns exist. */
export function readCsvObjects(path, needed) {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift() ?? [];
  for (const col of needed) {
    if (!header.includes(col)) throw new BenchError(`${path}: column ${JSON.stringify(col)} missing (header: ${header.join(',')})`);
  }
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r, idx) => {
      if (r.length !== header.length) {
        throw new BenchError(`${path}: data row ${idx} has ${r.length} fields, header has ${header.length}`);
      }
      return Object.fromEntries(header.map((h, j) => [h, r[j]]));
    });
}

/**
 * Runs `helpdesk <command>` once over all records: writes JSON Lines to stdin with back-pressure
 * while stdout is read concurrently (no pipe deadlock), and returns one parsed object per input
 * line, in order. A line that is not JSON becomes {error: {message: 'unparseable output'}}.
 */
export async function runHelpdesk(bin, command, records) {
  const started = performance.now();
  const child = spawn(bin, [command], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    if (stderr.length < 64 * 1024) stderr += d;
  });

  // stdout: split on '\n' ourselves (lines may be long); keep only complete lines.
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
    child.on('error', (err) =>
      rej(new BenchError(`cannot run ${bin}: ${err.message}`)),
    );
    child.on('close', (code, signal) => res({ code, signal }));
  });
  exited.catch(() => {}); // handled where awaited below; avoids an unhandled-rejection crash meanwhile
  let stdinError = null;
  child.stdin.on('error', (err) => {
    stdinError = err; // EPIPE when the child exits early; reported below with its stderr
  });

  // writer: 256 KiB batches, waiting for 'drain' (or the child's exit) when the pipe is full
  let batch = '';
  const flush = async () => {
    if (!batch || stdinError || child.stdin.destroyed) return;
    const ok = child.stdin.write(batch);
    batch = '';
    if (!ok) {
      await Promise.race([
        new Promise((res) => child.stdin.once('drain', res)),
        exited.catch(() => {}),
      ]);
    }
  };
  for (const rec of records) {
    batch += JSON.stringify(rec) + '\n';
    if (batch.length >= 256 * 1024) await flush();
    if (stdinError || child.exitCode !== null) break;
  }
  await flush();
  if (!child.stdin.destroyed) child.stdin.end();

  const { code, signal } = await exited;
  if (pending.trim()) lines.push(pending);
  const seconds = (performance.now() - started) / 1000;
  const tail = stderr.trim().split('\n').slice(-5).join('\n  ');
  if (code !== 0) {
    throw new BenchError(
      `${bin} ${command} exited with ${signal ? `signal ${signal}` : `code ${code}`}` +
        (stdinError ? ` (stdin: ${stdinError.code || stdinError.message})` : '') +
        (tail ? `; stderr:\n  ${tail}` : ''),
    );
  }
  if (lines.length !== records.length) {
    throw new BenchError(
      `${bin} ${command} wrote ${lines.length} line(s) for ${records.length} input line(s); cannot align results` +
        (tail ? `; stderr:\n  ${tail}` : ''),
    );
  }
  let idMismatches = 0;
  const results = lines.map((line, i) => {
    let obj;
    try {
      obj = JSON.parse(line);
    } catch {
      return { error: { line: i + 1, message: 'unparseable output line' } };
    }
    if (obj && typeof obj === 'object' && !obj.error && obj.id !== undefined && String(obj.id) !== String(records[i].id)) {
      idMismatches++;
    }
    return obj;
  });
  if (idMismatches) {
    throw new BenchError(`${bin} ${command}: ${idMismatches} output line(s) echo a different id than their input line`);
  }
  return { results, seconds, stderr };
}

// ---------------------------------------------------------------------------------------------
// metrics

/**
 * Accuracy, macro-F1 and per-class precision/recall/F1 over `classes`. A prediction that is not
 * one of the classes (null for an error, 'und', …) is wrong and counts as nobody's false positive.
 */
export function classify(gold, pred, classes) {
  const n = gold.length;
  let correct = 0;
  const tp = Object.fromEntries(classes.map((c) => [c, 0]));
  const fp = { ...tp };
  const fn = { ...tp };
  for (let i = 0; i < n; i++) {
    const g = gold[i];
    const p = pred[i];
    if (p === g) {
      correct++;
      tp[g]++;
    } else {
      fn[g]++;
      if (p in fp) fp[p]++;
    }
  }
  const perClass = {};
  for (const c of classes) {
    const precision = tp[c] + fp[c] ? tp[c] / (tp[c] + fp[c]) : 0;
    const recall = tp[c] + fn[c] ? tp[c] / (tp[c] + fn[c]) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp[c] + fn[c] };
  }
  const macroF1 = classes.reduce((s, c) => s + perClass[c].f1, 0) / classes.length;
  return { n, accuracy: round(n ? correct / n : 0), macroF1: round(macroF1), perClass };
}

export function countBy(values) {
  const out = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function round(x, digits = 4) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------------------------------------
// output

/** A plain-text table; numbers are right-aligned. */
export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = header.map((_, j) => Math.max(...cells.map((r) => r[j].length)));
  const isNum = (s) => /^[-+]?[\d.]+[%xs]?$|^n\/a$/.test(s);
  const fmt = (r) => r.map((c, j) => (j > 0 && isNum(c) ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ');
  return [fmt(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}

export const f3 = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
export const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);

export function writeJson(name, data) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, name);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
  return path;
}
