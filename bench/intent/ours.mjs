// Our engine, through its CLI (target/release/helpdesk, built with `--features cli`):
//
//   train:    helpdesk train --input FILE.jsonl --out MODEL.bin      lines {"text","intent"}
//   classify: helpdesk classify --model MODEL.bin                      stdin  {"id","text"} per line
//             stdout, one line per input, in order:
//             {"id","intent":{"label","confidence","alternatives":[[label,p],…]}} or {"error":{…}}
//
// Training is timed by wall clock (process start to exit) and the model's size is the file's size.
// Classification runs once per dataset with every row piped in.

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BenchError, REPO_DIR } from '../sentiment/lib.mjs';

export const NOT_AVAILABLE = 'ours: not available (build with cargo build --release --features cli)';

/**
 * The CLI if it exists, is executable and knows `classify`; otherwise {available: false, reason}.
 * An explicit --helpdesk PATH that is missing is an error; the default path being absent is not.
 */
export function findOurs(option) {
  const bin = option ? resolve(option) : join(REPO_DIR, 'target', 'release', 'helpdesk');
  try {
    if (!statSync(bin).isFile()) throw new Error('not a file');
    accessSync(bin, constants.X_OK);
  } catch {
    if (option) throw new BenchError(`--helpdesk ${bin}: not found or not executable`);
    return { available: false, bin, reason: `${bin} not found` };
  }
  const probe = spawnSync(bin, ['classify', '--help'], { encoding: 'utf8', timeout: 30000 });
  if (probe.error) return { available: false, bin, reason: `cannot run ${bin}: ${probe.error.message}` };
  if (probe.status !== 0) {
    const said = (probe.stderr || probe.stdout || '').trim().split('\n')[0];
    return { available: false, bin, reason: `\`classify\` is not a known subcommand of ${bin}${said ? ` (${said})` : ''}` };
  }
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30000 });
  return { available: true, bin, version: version.status === 0 ? version.stdout.trim() : null };
}

function tail(s, n = 5) {
  return s.trim().split('\n').slice(-n).join('\n  ');
}

/** Trains a model on items [{text,label}]; returns {seconds, size, model}. */
export function trainOurs(bin, items, workdir, key) {
  const input = join(workdir, `${key}.train.jsonl`);
  const model = join(workdir, `${key}.model.bin`);
  writeFileSync(input, items.map((it) => JSON.stringify({ text: it.text, intent: it.label })).join('\n') + '\n');
  return new Promise((res, rej) => {
    const started = performance.now();
    const child = spawn(bin, ['train', '--input', input, '--out', model], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      if (stderr.length < 64 * 1024) stderr += d;
    });
    child.on('error', (err) => rej(new BenchError(`cannot run ${bin} train: ${err.message}`)));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        rej(
          new BenchError(
            `${bin} train exited with ${signal ? `signal ${signal}` : `code ${code}`}` + (stderr.trim() ? `; stderr:\n  ${tail(stderr)}` : ''),
          ),
        );
        return;
      }
      let size;
      try {
        size = statSync(model).size;
      } catch {
        rej(new BenchError(`${bin} train exited 0 but wrote no model at ${model}`));
        return;
      }
      res({ seconds, size, model });
    });
  });
}

/**
 * Runs `bin args…` once over all records: JSON Lines to stdin with back-pressure while stdout is
 * read concurrently, one parsed object per input line back, in order (as lib.mjs's runHelpdesk,
 * with arguments).
 */
export async function runStreaming(bin, args, records) {
  const started = performance.now();
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const what = `${bin} ${args.join(' ')}`;
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
    child.on('error', (err) => rej(new BenchError(`cannot run ${what}: ${err.message}`)));
    child.on('close', (code, signal) => res({ code, signal }));
  });
  exited.catch(() => {});
  let stdinError = null;
  child.stdin.on('error', (err) => {
    stdinError = err;
  });
  let batch = '';
  const flush = async () => {
    if (!batch || stdinError || child.stdin.destroyed) return;
    const ok = child.stdin.write(batch);
    batch = '';
    if (!ok) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), exited.catch(() => {})]);
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
  if (code !== 0) {
    throw new BenchError(
      `${what} exited with ${signal ? `signal ${signal}` : `code ${code}`}` +
        (stdinError ? ` (stdin: ${stdinError.code || stdinError.message})` : '') +
        (stderr.trim() ? `; stderr:\n  ${tail(stderr)}` : ''),
    );
  }
  if (lines.length !== records.length) {
    throw new BenchError(
      `${what} wrote ${lines.length} line(s) for ${records.length} input line(s); cannot align results` +
        (stderr.trim() ? `; stderr:\n  ${tail(stderr)}` : ''),
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
  if (idMismatches) throw new BenchError(`${what}: ${idMismatches} output line(s) echo a different id than their input line`);
  return { results, seconds };
}

/**
 * Classifies items [{id,text}] with a trained model. Returns {seconds, answers, errors, invalid,
 * errorMessages (up to 3 distinct)}:
 * answers[i] = {label, confidence}; an error line, or one without a string label, is label null
 * (counted as wrong) with confidence 0.
 */
export async function classifyOurs(bin, model, items) {
  const { results, seconds } = await runStreaming(bin, ['classify', '--model', model], items.map((it) => ({ id: it.id, text: it.text })));
  let errors = 0;
  let invalid = 0;
  const messages = new Set();
  const answers = results.map((r) => {
    if (!r || typeof r !== 'object' || r.error) {
      errors++;
      if (messages.size < 3) messages.add(String(r?.error?.message ?? 'not a JSON object'));
      return { label: null, confidence: 0 };
    }
    const label = r.intent?.label;
    const confidence = Number(r.intent?.confidence);
    if (typeof label !== 'string' || !Number.isFinite(confidence)) {
      invalid++;
      return { label: typeof label === 'string' ? label : null, confidence: Number.isFinite(confidence) ? confidence : 0 };
    }
    return { label, confidence };
  });
  return { seconds, answers, errors, invalid, errorMessages: [...messages] };
}
