#!/usr/bin/env node
// Knowledge-base search, side by side: helpdesk-ai vs MiniSearch, FlexSearch, Orama, Lunr and
// Fuse.js on the same articles and queries, in one run.
//
//   npm ci --prefix bench/search && node --expose-gc bench/search/run.mjs [--quick] [--only NAME]
//
// Data sets (datasets.mjs, gen.mjs):
//   stackfaq  shared/datasets/stackfaq (evaluation only, never copied into the repo): 125 threads
//             as articles, their 1,249 crowd paraphrases as queries
//   stackfaq-learn  the same threads after feedback: half of each thread's paraphrases learned
//             (ours: `--learn` / `learn()`; peers: appended to the article's symptoms), the other
//             half asked
//   ours      data/kb/articles.json + data/kb/queries/test.jsonl (per-`kind` metrics too)
//   gen       50,000 generated en/ru articles + 300 generated queries (gen.mjs; skipped by --quick)
//
// Quality: hit@1, hit@3 and MRR@10 (1/rank of the first expected id in the top 10, else 0).
//   Ours comes from the native CLI (`helpdesk search --kb`), run once per data set.
// Speed: every query typed letter by letter; each prefix is one timed search call
//   (process.hrtime.bigint). Ours is the wasm build under Node (`Engine.searchJson`, plus the
//   JSON.parse of its answer, which a caller needs to read the ids). Warm-up passes first.
//   Index build time, and index memory (heapUsed + external delta after gc; ours in a fresh
//   process because a wasm memory never shrinks).
// Ratios: quality = peer / ours on exactly the same queries; time = peer / ours on the same
//   keystrokes when both were timed the same way, else each side's mean over its own sample
//   (a slow library gets through only part of the queries within its time budget).
// If our CLI or wasm run fails, the peers still run, the failure is printed and recorded, and
// the script exits with code 2.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError, REPO_DIR, f3, findDatasets, parseArgs, round, runMain, table, writeJson } from '../sentiment/lib.mjs';
import { engineKb, loadOwnKb, loadStackFaq, peerDoc, stackFaqLearned } from './datasets.mjs';
import { DEFAULT_SEED, generateKb } from './gen.mjs';
import { K, evaluate, keystrokesOf, memNow, metrics, queryOrder, rankOf, timeKeystrokes, timeStats } from './measure.mjs';
import { NOT_BUILT_HINT, probeCli, probeWasm, runCliSearch } from './ours.mjs';
import { loadPeers } from './peers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OURS = 'helpdesk-ai';
const DATASETS = ['stackfaq', 'stackfaq-learn', 'ours', 'gen'];

const USAGE = `usage: node --expose-gc bench/search/run.mjs [options]
  --quick              skip the generated 50,000-article KB
  --only NAME          one data set: stackfaq, stackfaq-learn, ours or gen
  --helpdesk PATH      the helpdesk CLI (default: <repo>/target/release/helpdesk)
  --wasm PATH          the wasm package for Node (default: <repo>/target/pkg-node/helpdesk_ai.js)
  --peers-only         skip our engine
  --peers LIST         only these peers, comma-separated (minisearch,flexsearch,orama,lunr,fuse.js,"fuse.js token")
  --datasets DIR       the shared datasets folder (default: $HELPDESK_DATASETS, <repo>/../shared/datasets)
  --kb PATH            our KB's articles (default: data/kb/articles.json)
  --kb-queries PATH    our KB's labelled queries (default: data/kb/queries/test.jsonl)
  --gen-articles N     size of the generated KB (default 50000)
  --gen-queries N      queries on the generated KB (default 300)
  --budget S           seconds per library per data set (default 15): the quality queries get up to
                       60%, warm-up up to 10%, the timed keystrokes the rest; a slow library is
                       measured on a seeded random sample of queries (shown as n/N)`;

// Fuse.js scans every document on every call: one full query on the 50k KB took 77-94 s in a
// trial run, so it is skipped on KBs this large (its README: "small-to-medium datasets").
const MAX_ARTICLES = { 'fuse.js': 20000, 'fuse.js token': 20000 };

// ---------------------------------------------------------------------------------------------
// our wasm engine, in a child process

/** Runs ourswasm.mjs for one data set in a fresh process; returns its result object. */
function runWasmChild(job, tmp, key) {
  const jobPath = join(tmp, `${key}-wasm-job.json`);
  const outPath = join(tmp, `${key}-wasm-out.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  const r = spawnSync(process.execPath, ['--expose-gc', join(HERE, 'ourswasm.mjs'), jobPath, outPath], { encoding: 'utf8', maxBuffer: 16 << 20 });
  let out;
  try {
    out = JSON.parse(readFileSync(outPath, 'utf8'));
  } catch {
    out = { error: `the wasm child exited with ${r.status ?? r.signal}${r.stderr ? `: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}` };
  }
  rmSync(jobPath, { force: true });
  rmSync(outPath, { force: true });
  return out;
}

// ---------------------------------------------------------------------------------------------
// one data set

async function benchDataset(ds, ctx) {
  const { peers, cli, wasm, opts, tmp } = ctx;
  const log = (m) => process.stderr.write(`  ${ds.key}: ${m}\n`);
  const queries = ds.queries;
  const order = queryOrder(queries.length, ds.key);
  const typed = keystrokesOf(queries, order);
  const nKeys = typed.reduce((s, t) => s + t.length, 0);
  const learnedBy = new Map();
  for (const { q, id } of ds.learned ?? []) learnedBy.set(id, [...(learnedBy.get(id) ?? []), q]);
  const docs = ds.articles.map((a) => peerDoc(a, learnedBy.get(a.id)));
  const multilingual = ds.articles.some((a) => a.lang && a.lang !== 'en');
  // per library: quality queries get up to 60% of the budget, warm-up up to 10%, and the timed
  // keystrokes what is left (at least 25%)
  const budget = opts.budget * 1000;
  const qBudget = 0.6 * budget;
  const wBudget = 0.1 * budget;
  const sBudget = (usedMs) => Math.max(0.25 * budget, budget - usedMs - wBudget);
  const libs = {};

  // ours
  if (cli || wasm) {
    const kbPath = join(tmp, `${ds.key}-kb.json`);
    const kbJson = JSON.stringify(engineKb(ds.articles));
    writeFileSync(kbPath, kbJson);
    const learnPath = join(tmp, `${ds.key}-learn.jsonl`);
    if (ds.learned) writeFileSync(learnPath, ds.learned.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const learnArgs = ds.learned ? ['--learn', learnPath] : [];
    const entry = { cli: null, wasm: null };
    if (cli?.available) {
      log(`${OURS} CLI (${ds.articles.length} articles, ${queries.length} queries) …`);
      try {
        const { results, seconds } = await runCliSearch(cli.bin, kbPath, queries, learnArgs);
        entry.quality_from = 'cli';
        entry.cli = { seconds: round(seconds, 3), errors: results.filter((r) => r.error).length, first_error: results.find((r) => r.error)?.error ?? null };
        entry.ranks = results.map((r, i) => rankOf(r.ids ?? [], queries[i].expected));
        entry.cliIds = results.map((r) => r.ids ?? null);
      } catch (err) {
        if (!(err instanceof BenchError)) throw err;
        entry.cli = { failed: err.message };
        ctx.failures.push(`${ds.key}: CLI: ${err.message}`);
        log(`${OURS} CLI failed: ${err.message}`);
      }
    }
    if (wasm?.available) {
      log(`${OURS} wasm (fresh process) …`);
      const w = runWasmChild(
        { key: ds.key, wasmPath: wasm.path, kbPath, learned: ds.learned ?? [], queries: queries.map(({ q, expected }) => ({ q, expected })), order, budgetMs: budget },
        tmp,
        ds.key,
      );
      if (w.error) {
        entry.wasm = { failed: w.error };
        ctx.failures.push(`${ds.key}: wasm: ${w.error.split('\n')[0]}`);
        log(`${OURS} wasm failed: ${w.error.split('\n')[0]}`);
      } else {
        // the full queries through wasm too: its quality if there is no CLI, else its agreement with the CLI
        let agree = null;
        if (entry.cliIds) {
          let same = 0;
          let of = 0;
          w.ids.forEach((got, qi) => {
            if (!got) return;
            of++;
            if (got.join('\n') === (entry.cliIds[qi] ?? []).slice(0, K).join('\n')) same++;
          });
          agree = { same_top10: same, of };
        } else {
          entry.ranks = w.ranks;
          entry.quality_from = 'wasm';
        }
        const sp = w.sp;
        entry.wasm = {
          build_ms: round(w.build_ms, 1),
          index_bytes: w.index_bytes,
          index_load_ms: round(w.index_load_ms, 1),
          memory_bytes: w.memory_bytes,
          errors: w.errors,
          cli_agreement: agree,
          speed: { ...timeStats(sp.times), mode: sp.mode, total_keystrokes: sp.total, queries_typed: sp.queries, total_queries: sp.totalQueries, cut_mid_query: sp.cut, errors: sp.errors, warmup_passes: sp.warmPasses, warmup_calls: sp.warmCalls },
        };
        entry.times = sp.times;
      }
    }
    delete entry.cliIds;
    libs[OURS] = entry;
    rmSync(kbPath, { force: true });
    rmSync(learnPath, { force: true });
  }

  // peers
  for (const p of peers) {
    const entry = { package: p.pkg, version: p.version, config: p.config };
    if (MAX_ARTICLES[p.name] && ds.articles.length > MAX_ARTICLES[p.name]) {
      entry.skipped = `more than ${MAX_ARTICLES[p.name]} articles (scans every document per call; ~80-95 s per query on 50k in a trial run)`;
      libs[p.name] = entry;
      log(`${p.name} skipped: ${entry.skipped}`);
      continue;
    }
    log(`${p.name} …`);
    let ix = null;
    const m0 = memNow();
    const t0 = process.hrtime.bigint();
    ix = p.build(docs, { multilingual });
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const m1 = memNow();
    const q = evaluate(queries, order, (s) => ix.ids(ix.search(s)), qBudget);
    const sp = timeKeystrokes(ix.search, typed, wBudget, sBudget(q.seconds * 1000), ds.key);
    ix = null;
    entry.build_ms = round(buildMs, 1);
    entry.memory_bytes = m1 - m0;
    entry.errors = q.errors;
    entry.ranks = q.ranks;
    entry.times = sp.times;
    entry.speed = { ...timeStats(sp.times), mode: sp.mode, total_keystrokes: sp.total, queries_typed: sp.queries, total_queries: sp.totalQueries, cut_mid_query: sp.cut, errors: sp.errors, warmup_passes: sp.warmPasses, warmup_calls: sp.warmCalls };
    libs[p.name] = entry;
  }

  // metrics and ratios (peer / ours on the same queries and keystrokes)
  const kinds = [...new Set(queries.map((x) => x.kind ?? 'unspecified'))];
  const ours = libs[OURS];
  const out = {
    title: ds.title,
    source: ds.source,
    articles: ds.articles.length,
    queries: queries.length,
    keystrokes: nKeys,
    ...(ds.dropped_queries !== undefined ? { dropped_queries: ds.dropped_queries } : {}),
    ...(ds.unknown_expected ? { queries_with_unknown_expected_ids: ds.unknown_expected } : {}),
    ...(ds.seed ? { seed: ds.seed } : {}),
    kinds: Object.fromEntries(kinds.map((k) => [k, queries.filter((x) => (x.kind ?? 'unspecified') === k).length])),
    libraries: {},
  };
  for (const [name, l] of Object.entries(libs)) {
    const r = { ...l };
    delete r.ranks;
    delete r.times;
    if (l.ranks) {
      r.quality = metrics(l.ranks);
      if (kinds.length > 1) {
        r.per_kind = Object.fromEntries(kinds.map((k) => [k, metrics(l.ranks, (i) => (queries[i].kind ?? 'unspecified') === k)]));
      }
      if (name !== OURS && ours?.ranks) {
        const mask = (i) => l.ranks[i] !== null && ours.ranks[i] !== null;
        const a = metrics(l.ranks, mask);
        const b = metrics(ours.ranks, mask);
        r.vs_ours = {
          queries: a.n,
          hit1_ratio: b.hit1 ? round(a.hit1 / b.hit1, 3) : null,
          mrr_ratio: b.mrr ? round(a.mrr / b.mrr, 3) : null,
          ours_hit1_same_queries: b.hit1,
          ours_mrr_same_queries: b.mrr,
        };
      }
    }
    if (name !== OURS && l.times && ours?.times && l.times.length && ours.times.length) {
      // same mode on both sides (whole queries in the same seeded order, or keystrokes drawn in
      // the same seeded order): compare on the keystrokes both timed; otherwise each side's
      // mean over its own sample
      const same = l.speed.mode === ours.wasm.speed.mode;
      const n = Math.min(l.times.length, ours.times.length);
      const a = same ? timeStats(l.times, n) : timeStats(l.times);
      const b = same ? timeStats(ours.times, n) : timeStats(ours.times);
      r.vs_ours = {
        ...(r.vs_ours ?? {}),
        time_basis: same ? `the same ${n} keystrokes` : 'each side\'s own sample',
        time_ratio: b.mean ? round(a.mean / b.mean, 2) : null,
        ours_mean_us: b.mean,
      };
    }
    out.libraries[name] = r;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// report

const us = (x) => (x === null || x === undefined ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(2)}x`);
const mb = (b) => (b === null || b === undefined ? 'n/a' : (b / 1048576).toFixed(1));

function report(r) {
  const lines = [];
  lines.push(`\n=== ${r.title}`);
  lines.push(
    `${r.articles} articles, ${r.queries} queries` +
      (r.dropped_queries ? ` (${r.dropped_queries} placeholder paraphrases dropped)` : '') +
      `, ${r.keystrokes} keystrokes; kinds: ${Object.entries(r.kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
  );
  if (r.queries_with_unknown_expected_ids) lines.push(`warning: ${r.queries_with_unknown_expected_ids} queries expect ids that are not in the KB`);
  const entries = Object.entries(r.libraries);
  const ours = r.libraries[OURS];

  // quality
  const qrows = [];
  for (const [name, l] of entries) {
    if (l.skipped) {
      qrows.push([name, 'skipped', '', '', '', '', '']);
      continue;
    }
    if (!l.quality) {
      qrows.push([name, 'n/a', 'n/a', 'n/a', 'n/a', '', '']);
      continue;
    }
    const label = name === OURS ? `${name} (${l.quality_from})` : name;
    const n = l.quality.n === r.queries ? `${l.quality.n}` : `${l.quality.n}/${r.queries}`;
    qrows.push([label, n, f3(l.quality.hit1), f3(l.quality.hit3), f3(l.quality.mrr), name === OURS ? '' : ratio(l.vs_ours?.hit1_ratio), name === OURS ? '' : ratio(l.vs_ours?.mrr_ratio)]);
  }
  lines.push('\nquality (top 10; n/N = queries done within the time budget, a seeded random sample; n < 50 is a rough estimate)');
  lines.push(table(['library', 'queries', 'hit@1', 'hit@3', 'MRR', 'hit@1 / ours', 'MRR / ours'], qrows));
  for (const [name, l] of entries) {
    const e = (l.errors ?? 0) + ((name === OURS ? l.wasm?.speed?.errors : l.speed?.errors) ?? 0);
    if (e && name !== OURS) lines.push(`${name}: ${e} search call(s) threw (counted as no answer)`);
  }
  if (ours?.cli?.failed) lines.push(`${OURS}: the CLI failed: ${ours.cli.failed}`);
  if (ours?.wasm?.failed) lines.push(`${OURS}: the wasm run failed: ${ours.wasm.failed.split('\n')[0]}`);
  if (ours?.cli?.errors) lines.push(`${OURS}: ${ours.cli.errors} error line(s) counted as misses; first: ${JSON.stringify(ours.cli.first_error)}`);
  if (ours?.wasm?.index_bytes) {
    lines.push(`${OURS}: index as bytes ${mb(ours.wasm.index_bytes)} MiB, loaded from them in ${us(ours.wasm.index_load_ms)} ms (vs ${us(ours.wasm.build_ms)} ms building it from the articles' JSON)`);
  }
  if (ours?.wasm?.cli_agreement) {
    const a = ours.wasm.cli_agreement;
    lines.push(`${OURS}: wasm and CLI top-10 ids identical for ${a.same_top10}/${a.of} queries`);
  }

  // per kind
  const kinds = Object.keys(r.kinds);
  if (kinds.length > 1) {
    const rows = [];
    for (const k of kinds) {
      for (const [name, l] of entries) {
        const m = l.per_kind?.[k];
        if (!m) continue;
        rows.push([`${k} (${r.kinds[k]})`, name, m.n === r.kinds[k] ? `${m.n}` : `${m.n}/${r.kinds[k]}`, f3(m.hit1), f3(m.hit3), f3(m.mrr)]);
      }
    }
    lines.push('\nquality per query kind');
    lines.push(table(['kind', 'library', 'queries', 'hit@1', 'hit@3', 'MRR'], rows));
  }

  // speed
  const srows = [];
  for (const [name, l] of entries) {
    if (l.skipped) {
      srows.push([name, 'skipped', '', '', '', '', '', '']);
      continue;
    }
    const s = name === OURS ? l.wasm?.speed : l.speed;
    const build = name === OURS ? l.wasm?.build_ms : l.build_ms;
    const mem = name === OURS ? l.wasm?.memory_bytes : l.memory_bytes;
    if (!s) {
      srows.push([name === OURS ? `${name} (wasm)` : name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', '']);
      continue;
    }
    srows.push([
      name === OURS ? `${name} (wasm)` : name,
      build >= 100 ? build.toFixed(0) : build.toFixed(1),
      mb(mem),
      s.n === s.total_keystrokes ? `${s.n}` : s.mode === 'sampled' ? `${s.n}/${s.total_keystrokes} random` : `${s.n}/${s.total_keystrokes} (${s.queries_typed}${s.cut_mid_query ? '+cut' : ''} q)`,
      us(s.mean),
      us(s.p50),
      us(s.p99),
      name === OURS ? '' : ratio(l.vs_ours?.time_ratio),
    ]);
  }
  lines.push(
    '\nspeed per keystroke in µs (queries typed letter by letter; n/N (q) = the first q whole queries fitted in the time budget,' +
      '\nn/N random = too slow for 5 whole queries, so keystrokes drawn at random); index build ms; index memory MiB = heap+external delta after gc',
  );
  lines.push(table(['library', 'build ms', 'memory', 'keystrokes', 'mean', 'p50', 'p99', 'time / ours'], srows));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  if (typeof globalThis.gc !== 'function') {
    // memory is measured after gc: re-run with --expose-gc
    const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit' });
    return r.status ?? 1;
  }
  const opts = parseArgs(
    argv,
    {
      quick: 'boolean',
      only: 'string',
      helpdesk: 'string',
      wasm: 'string',
      'peers-only': 'boolean',
      peers: 'string',
      datasets: 'string',
      kb: 'string',
      'kb-queries': 'string',
      'gen-articles': 'string',
      'gen-queries': 'string',
      budget: 'string',
    },
    USAGE,
  );
  if (opts.only && !DATASETS.includes(opts.only)) throw new BenchError(`--only must be one of ${DATASETS.join(', ')}, not ${JSON.stringify(opts.only)}`);
  const num = (name, dflt) => {
    if (opts[name] === undefined) return dflt;
    const v = Number(opts[name]);
    if (!(v > 0)) throw new BenchError(`--${name} needs a positive number`);
    return v;
  };
  const settings = {
    budget: num('budget', 15),
    genArticles: Math.round(num('gen-articles', 50000)),
    genQueries: Math.round(num('gen-queries', 300)),
  };
  const chosen = opts.only ? [opts.only] : DATASETS.filter((d) => !(opts.quick && d === 'gen'));

  // peers and our engine
  let peers = await loadPeers();
  if (opts.peers) {
    const want = opts.peers.split(',').map((s) => s.trim());
    const unknown = want.filter((w) => !peers.some((p) => p.name === w));
    if (unknown.length) throw new BenchError(`unknown peer(s) ${unknown.join(', ')}; known: ${peers.map((p) => p.name).join(', ')}`);
    peers = peers.filter((p) => want.includes(p.name));
  }
  let cli = null;
  let wasm = null;
  if (!opts['peers-only']) {
    cli = probeCli(opts.helpdesk);
    wasm = probeWasm(opts.wasm);
  }

  // data (fail early on anything missing)
  const loaded = [];
  for (const key of chosen) {
    if (key === 'stackfaq') loaded.push(loadStackFaq(findDatasets(opts.datasets)));
    else if (key === 'stackfaq-learn') loaded.push(stackFaqLearned(findDatasets(opts.datasets)));
    else if (key === 'ours') {
      loaded.push(
        loadOwnKb(
          opts.kb ? resolve(opts.kb) : join(REPO_DIR, 'data', 'kb', 'articles.json'),
          opts['kb-queries'] ? resolve(opts['kb-queries']) : join(REPO_DIR, 'data', 'kb', 'queries', 'test.jsonl'),
        ),
      );
    } else {
      const { articles, queries } = generateKb({ articles: settings.genArticles, queries: settings.genQueries, seed: DEFAULT_SEED });
      loaded.push({
        key: 'gen',
        title: `generated KB: ${articles.length} en/ru articles, ${queries.length} generated queries (gen.mjs)`,
        source: `gen.mjs seed ${JSON.stringify(DEFAULT_SEED)}`,
        seed: DEFAULT_SEED,
        articles,
        queries,
      });
    }
  }

  console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
  console.log(table(['peer', 'version', 'config'], peers.map((p) => [p.name, p.version ?? '?', p.config])));
  if (opts['peers-only']) console.log(`${OURS}: skipped (--peers-only)`);
  else {
    if (!cli.available || !wasm.available) {
      console.log(`ours: not built (${NOT_BUILT_HINT})`);
    }
    console.log(`${OURS} CLI:  ${cli.available ? cli.bin : `not available - ${cli.reason}`}`);
    console.log(`${OURS} wasm: ${wasm.available ? wasm.path : `not available - ${wasm.reason}`}`);
  }

  const tmp = mkdtempSync(join(tmpdir(), 'helpdesk-search-bench-'));
  const started = performance.now();
  const out = {
    benchmark: 'search',
    generated: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
    settings: { ...settings, top_k: K, budget_split: 'quality <= 60%, warm-up (up to 3 passes over all keystrokes) <= 10%, timed keystrokes the rest (>= 25%), per library per data set' },
    ours: opts['peers-only']
      ? { skipped: '--peers-only' }
      : {
          cli: cli.available ? { path: cli.bin } : { path: cli.bin, unavailable: cli.reason },
          wasm: wasm.available ? { path: wasm.path } : { path: wasm.path, unavailable: wasm.reason },
          hint: cli.available && wasm.available ? null : NOT_BUILT_HINT,
        },
    peers: Object.fromEntries(peers.map((p) => [p.name, { package: p.pkg, version: p.version, config: p.config }])),
    results: {},
  };
  try {
    const ctx = {
      peers,
      cli: cli?.available ? cli : null,
      wasm: wasm?.available ? wasm : null,
      opts: settings,
      tmp,
      failures: [],
    };
    for (const ds of loaded) {
      const r = await benchDataset(ds, ctx);
      out.results[ds.key] = r;
      console.log(report(r));
    }
    out.ours_failures = ctx.failures;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out.seconds = round((performance.now() - started) / 1000, 1);
  const path = writeJson('search.json', out);
  console.log(`\nwrote ${path} (${out.seconds.toFixed(0)} s)`);
  if (out.ours_failures.length) {
    console.error(`error: our engine failed on ${out.ours_failures.length} run(s):\n  ${out.ours_failures.join('\n  ')}`);
    return 2;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) runMain(main);
