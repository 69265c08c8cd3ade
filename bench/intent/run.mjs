#!/usr/bin/env node
// Intent classification, side by side: helpdesk-ai's trainer (CLI `helpdesk train` + `helpdesk
// classify`) vs nlp.js (NluNeural), natural (BayesClassifier, LogisticRegressionClassifier) and
// fastText compiled to wasm, each trained on the same rows and scored on the same test rows.
//
//   npm ci --prefix bench/intent && node bench/intent/run.mjs [--quick] [--only TASK]
//
// Tasks (data from shared/datasets, evaluation only, never copied into the repo):
//   banking77     Banking77 en: train.csv → test.csv, accuracy and macro-F1 (77 intents)
//   ru_banking77  the same, machine-translated to Russian
//   clinc         CLINC150 en: train on in-scope train (oos_train unused); each library's
//                 abstention threshold chosen on val + oos_val; scored on test + oos_test
//   ru_clinc      RuClinc150, the same (its train split's 250 oos rows unused)
// See bench/README.md ("Intent classification") for the rules.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError, f3, findDatasets, parseArgs, round, runMain, table, writeJson } from '../sentiment/lib.mjs';
import { SHUFFLE_SEED, TASKS, shuffleSeeded } from './data.mjs';
import { MIN_VAL_ACCURACY, chooseThreshold, closedSet, openSet } from './metrics.mjs';
import { NOT_AVAILABLE, classifyOurs, findOurs, trainOurs } from './ours.mjs';
import { loadPeers } from './peers.mjs';

const USAGE = `usage: node bench/intent/run.mjs [options]
  --quick            Banking77 (en) only, without natural's LogisticRegressionClassifier
  --only TASK        one task: banking77, ru_banking77, clinc or ru_clinc
  --helpdesk PATH    our CLI (default: <repo>/target/release/helpdesk; skipped with a note if absent)
  --peers-only       run only the peer libraries
  --peers LIST       comma-separated subset of: nlpjs, bayes, fasttext, lr (default: all)
  --lr-budget SEC    time budget for natural LR per task (default 300; 0 skips it); once it
                     overruns, it is skipped on the remaining tasks
  --datasets DIR     the shared datasets folder (default: $HELPDESK_DATASETS, <repo>/../shared/datasets)`;

const OURS = 'helpdesk-ai';
const PEER_KEYS = ['nlpjs', 'bayes', 'fasttext', 'lr'];

const fmtBytes = (b) =>
  b === null || b === undefined
    ? 'n/a'
    : b >= 1e6
      ? `${(b / 1e6).toFixed(1)} MB`
      : b >= 1e3
        ? `${(b / 1e3).toFixed(1)} kB`
        : `${b} B`;
const fmtSec = (s) => (s === null || s === undefined ? 'n/a' : `${s.toFixed(1)}s`);
const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined || !b ? null : round(a / b, 3));
const fmtRatio = (r) => (r === null ? 'n/a' : `${r.toFixed(2)}x`);
const progress = (msg) => process.stderr.write(`  ${msg}\n`);

// ---------------------------------------------------------------------------------------------

function scoreAnswers(ds, kind, classes, answers) {
  if (kind === 'closed') {
    return closedSet(
      ds.test.map((it) => it.label),
      answers,
      classes,
    );
  }
  const nVal = ds.val.length;
  const valAns = answers.slice(0, nVal);
  const testAns = answers.slice(nVal);
  const choice = chooseThreshold(
    ds.val.map((it) => it.label),
    valAns,
  );
  const test = openSet(
    ds.test.map((it) => it.label),
    testAns,
    choice.threshold,
    choice.abstainAll,
    classes,
  );
  return { threshold: choice.threshold === null ? null : round(choice.threshold, 6), abstainAll: choice.abstainAll, rule: choice.rule, fallback: choice.fallback, val: choice.val, ...test };
}

/** The eval rows of a task: test (closed set), or val then test (open set: one pass for both). */
const evalRows = (ds, kind) => (kind === 'closed' ? ds.test : [...ds.val, ...ds.test]);

async function runOurs(ours, ds, kind, classes, workdir) {
  if (!ours.available) return { available: false, reason: ours.reason };
  progress(`${ds.key}: ${OURS} train (${ds.train.length} rows) …`);
  const trained = await trainOurs(ours.bin, ds.train, workdir, ds.key);
  const rows = evalRows(ds, kind);
  progress(`${ds.key}: ${OURS} classify (${rows.length} rows) …`);
  const { seconds, answers, errors, invalid, errorMessages } = await classifyOurs(ours.bin, trained.model, rows);
  rmSync(trained.model, { force: true });
  const notes = [];
  if (errors || invalid) {
    notes.push(
      `${errors} error line(s), ${invalid} without a label or confidence: counted as wrong` +
        (errorMessages.length ? ` (${errorMessages.map((m) => JSON.stringify(m)).join(', ')})` : ''),
    );
  }
  return {
    available: true,
    version: ours.version,
    trainSeconds: round(trained.seconds, 3),
    predictSeconds: round(seconds, 3),
    modelBytes: trained.size,
    sizeNote: 'model file',
    errors,
    invalid,
    notes,
    ...scoreAnswers(ds, kind, classes, answers),
  };
}

async function runPeer(peer, ds, kind, classes) {
  const base = { available: true, package: peer.pkg, version: peer.version, confidence: peer.confidence };
  if (peer.versions) base.versions = peer.versions;
  if (peer.settings) base.settings = peer.settings;
  progress(`${ds.key}: ${peer.name} train (${ds.train.length} rows) …`);
  let t0 = performance.now();
  const model = await peer.train(ds.train, ds.lang);
  const trainSeconds = (performance.now() - t0) / 1000;
  const rows = evalRows(ds, kind);
  progress(`${ds.key}: ${peer.name} predict (${rows.length} rows) …`);
  t0 = performance.now();
  const answers = [];
  for (const it of rows) answers.push(await model.predict(it.text));
  const predictSeconds = (performance.now() - t0) / 1000;
  const entry = {
    ...base,
    trainSeconds: round(trainSeconds, 3),
    predictSeconds: round(predictSeconds, 3),
    modelBytes: model.size,
    sizeNote: model.sizeNote,
    notes: model.notes ?? [],
    ...scoreAnswers(ds, kind, classes, answers),
  };
  const unanswered = answers.filter((a) => a.label === null).length;
  if (unanswered) entry.notes.push(`${unanswered} text(s) without any non-None answer (counted as wrong)`);
  if (answers.some((a) => 'nativeNone' in a)) {
    // nlp.js as shipped: its own cut-off (0.5) and None answers are the abstentions
    const nativeNone = answers.map((a) => ({ label: a.label, confidence: a.nativeNone ? 0 : 1 }));
    if (kind === 'closed') {
      entry.ownNoneRate = round(answers.filter((a) => a.nativeNone).length / answers.length);
    } else {
      const testPart = nativeNone.slice(ds.val.length);
      entry.asShipped = openSet(
        ds.test.map((it) => it.label),
        testPart,
        0.5,
        false,
        classes,
      );
    }
  }
  model.dispose();
  return entry;
}

async function runLr(peer, ds, kind, classes, budget) {
  const base = { package: peer.pkg, version: peer.version, confidence: peer.confidence };
  progress(`${ds.key}: ${peer.name} train + predict in a worker (budget ${budget}s) …`);
  const rows = evalRows(ds, kind);
  const out = await peer.run(
    ds.train,
    ds.lang,
    rows.map((it) => it.text),
    budget,
  );
  if (out.timedOut) {
    return { ...base, available: false, timedOut: true, reason: `skipped: did not finish training within ${budget}s (stopped after ${out.seconds.toFixed(0)}s)` };
  }
  return {
    ...base,
    available: true,
    trainSeconds: round(out.trainSeconds, 3),
    predictSeconds: round(out.predictSeconds, 3),
    modelBytes: out.size,
    sizeNote: 'JSON.stringify(classifier)',
    notes: [],
    ...scoreAnswers(ds, kind, classes, out.answers),
  };
}

async function runTask(key, ds, ctx) {
  const { kind } = TASKS[key];
  const classes = [...new Set(ds.train.map((it) => it.label))].sort();
  const libraries = {};
  let oursFailed = null;

  try {
    libraries[OURS] = await runOurs(ctx.ours, ds, kind, classes, ctx.workdir);
  } catch (err) {
    if (!(err instanceof BenchError)) throw err;
    oursFailed = err.message;
    libraries[OURS] = { available: false, failed: true, reason: `failed: ${err.message}` };
    console.error(`error: ${OURS} on ${key}: ${err.message}`);
  }

  for (const pk of ['nlpjs', 'bayes', 'fasttext']) {
    if (!ctx.peerKeys.includes(pk)) continue;
    const peer = ctx.peers[pk];
    try {
      libraries[peer.name] = await runPeer(peer, ds, kind, classes);
    } catch (err) {
      libraries[peer.name] = { available: false, package: peer.pkg, version: peer.version, reason: `failed: ${err.message ?? err}` };
      console.error(`error: ${peer.name} on ${key}: ${err.stack ?? err}`);
    }
  }

  if (ctx.peerKeys.includes('lr')) {
    const peer = ctx.peers.lr;
    if (ctx.lrBudget <= 0) {
      libraries[peer.name] = { available: false, package: peer.pkg, version: peer.version, reason: ctx.lrSkipReason };
    } else if (ctx.lrTimedOut) {
      libraries[peer.name] = { available: false, package: peer.pkg, version: peer.version, reason: `skipped: ${ctx.lrTimedOut}` };
    } else {
      try {
        const entry = await runLr(peer, ds, kind, classes, ctx.lrBudget);
        if (entry.timedOut) ctx.lrTimedOut = `did not finish training on ${key} within ${ctx.lrBudget}s`;
        libraries[peer.name] = entry;
      } catch (err) {
        libraries[peer.name] = { available: false, package: peer.pkg, version: peer.version, reason: `failed: ${err.message ?? err}` };
        console.error(`error: ${peer.name} on ${key}: ${err.stack ?? err}`);
      }
    }
  }

  // ratios against ours
  const ours = libraries[OURS];
  for (const [name, l] of Object.entries(libraries)) {
    if (name === OURS || !l.available) continue;
    const oursOk = ours?.available;
    l.vsOurs =
      kind === 'closed'
        ? {
            accuracy: oursOk ? ratio(ours.accuracy, l.accuracy) : null,
            macroF1: oursOk ? ratio(ours.macroF1, l.macroF1) : null,
            trainTime: oursOk ? ratio(l.trainSeconds, ours.trainSeconds) : null,
          }
        : {
            inScopeAccuracy: oursOk ? ratio(ours.inScopeAccuracy, l.inScopeAccuracy) : null,
            oosRecall: oursOk ? ratio(ours.oosRecall, l.oosRecall) : null,
            trainTime: oursOk ? ratio(l.trainSeconds, ours.trainSeconds) : null,
          };
  }

  return {
    result: {
      title: ds.title,
      language: ds.lang,
      source: ds.source,
      kind,
      classes: classes.length,
      rows: { train: ds.train.length, ...(ds.val ? { val: ds.val.length, valOos: ds.val.filter((r) => r.label === null).length } : {}), test: ds.test.length, ...(kind === 'oos' ? { testOos: ds.test.filter((r) => r.label === null).length } : {}) },
      unused: ds.unused ?? {},
      libraries,
    },
    oursFailed,
  };
}

// ---------------------------------------------------------------------------------------------
// report

function report(key, r) {
  const lines = [];
  const rows = r.rows;
  lines.push(`\n=== ${r.title} — ${r.source}`);
  if (r.kind === 'closed') {
    lines.push(`train ${rows.train} rows, ${r.classes} intents; test ${rows.test} rows`);
    const header = ['library', 'accuracy', 'macro-F1', 'train', 'predict', 'model size', 'acc: ours/it', 'train: it/ours'];
    const body = Object.entries(r.libraries).map(([name, l]) =>
      l.available
        ? [name, f3(l.accuracy), f3(l.macroF1), fmtSec(l.trainSeconds), fmtSec(l.predictSeconds), fmtBytes(l.modelBytes), name === OURS ? '' : fmtRatio(l.vsOurs.accuracy), name === OURS ? '' : fmtRatio(l.vsOurs.trainTime)]
        : [name, 'n/a', 'n/a', '', '', '', '', ''],
    );
    lines.push(table(header, body));
  } else {
    lines.push(
      `train ${rows.train} in-scope rows, ${r.classes} intents${r.unused.oos_train ? ` (${r.unused.oos_train} oos train rows unused)` : ''}; ` +
        `threshold on val ${rows.val - rows.valOos} in-scope + ${rows.valOos} oos; test ${rows.test - rows.testOos} in-scope + ${rows.testOos} oos`,
    );
    const header = ['library', 'in-scope acc', 'oos recall', 'acc no abst.', 'threshold', 'rule', 'train', 'model size', 'acc: ours/it', 'oos: ours/it'];
    const body = [];
    for (const [name, l] of Object.entries(r.libraries)) {
      if (!l.available) {
        body.push([name, 'n/a', 'n/a', 'n/a', '', '', '', '', '', '']);
        continue;
      }
      const thr = l.abstainAll ? 'all' : l.threshold.toPrecision(3);
      const rule = l.fallback ? 'fallback' : `val acc ${f3(l.val.accuracy)}`;
      body.push([
        name,
        f3(l.inScopeAccuracy),
        f3(l.oosRecall),
        f3(l.inScopeAccuracyNoAbstention),
        thr,
        rule,
        fmtSec(l.trainSeconds),
        fmtBytes(l.modelBytes),
        name === OURS ? '' : fmtRatio(l.vsOurs.inScopeAccuracy),
        name === OURS ? '' : fmtRatio(l.vsOurs.oosRecall),
      ]);
      if (l.asShipped) {
        body.push([`  ${name} as shipped (None / <0.5)`, f3(l.asShipped.inScopeAccuracy), f3(l.asShipped.oosRecall), f3(l.asShipped.inScopeAccuracyNoAbstention), '0.5', 'its default', '', '', '', '']);
      }
    }
    lines.push(table(header, body));
    lines.push(
      `rule: the threshold maximising val oos recall with val in-scope accuracy (abstentions wrong) >= ${MIN_VAL_ACCURACY}; ` +
        `"fallback" = none qualifies, so max (acc + oos recall)/2`,
    );
  }
  for (const [name, l] of Object.entries(r.libraries)) {
    if (!l.available) lines.push(`${name}: ${l.reason}`);
    for (const n of l.notes ?? []) lines.push(`note: ${name}: ${n}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(
    process.argv.slice(2),
    { quick: 'boolean', only: 'string', helpdesk: 'string', 'peers-only': 'boolean', peers: 'string', 'lr-budget': 'string', datasets: 'string' },
    USAGE,
  );
  if (opts.only && !(opts.only in TASKS)) throw new BenchError(`--only must be one of ${Object.keys(TASKS).join(', ')}, not ${JSON.stringify(opts.only)}`);
  if (opts.quick && opts.only && opts.only !== 'banking77') throw new BenchError('--quick runs banking77 only; drop --only or --quick');
  if (opts['peers-only'] && opts.helpdesk) throw new BenchError('--peers-only and --helpdesk exclude each other');
  const peerKeys = opts.peers ? opts.peers.split(',').map((s) => s.trim()) : PEER_KEYS;
  for (const k of peerKeys) if (!PEER_KEYS.includes(k)) throw new BenchError(`--peers: unknown peer ${JSON.stringify(k)} (known: ${PEER_KEYS.join(', ')})`);
  let lrBudget = opts['lr-budget'] === undefined ? 300 : Number(opts['lr-budget']);
  if (!Number.isFinite(lrBudget) || lrBudget < 0) throw new BenchError('--lr-budget needs a number of seconds >= 0');
  let lrSkipReason = 'skipped: --lr-budget 0';
  if (opts.quick) {
    lrBudget = 0;
    lrSkipReason = 'skipped: --quick';
  }

  const taskKeys = opts.quick ? ['banking77'] : opts.only ? [opts.only] : Object.keys(TASKS);
  const datasets = findDatasets(opts.datasets);
  // fail early on missing data; every library gets the same, shuffled, training order
  const loaded = Object.fromEntries(
    taskKeys.map((k) => {
      const ds = TASKS[k].load(datasets);
      return [k, { ...ds, train: shuffleSeeded(ds.train, SHUFFLE_SEED) }];
    }),
  );

  const ours = opts['peers-only'] ? { available: false, reason: 'skipped: --peers-only' } : findOurs(opts.helpdesk);
  if (!ours.available) console.log(`${NOT_AVAILABLE}\n  (${ours.reason}); running the peers only`);

  const peers = await loadPeers();
  const workdir = mkdtempSync(join(tmpdir(), 'helpdesk-intent-'));
  const ctx = { ours, peers, peerKeys, workdir, lrBudget, lrSkipReason, lrTimedOut: null };

  const started = performance.now();
  const out = {
    benchmark: 'intent',
    generated: new Date().toISOString(),
    datasets_dir: datasets,
    options: { quick: !!opts.quick, only: opts.only ?? null, peers: peerKeys, lrBudgetSeconds: lrBudget },
    trainOrder: `file rows shuffled with mulberry32 seed ${SHUFFLE_SEED}, the same for every library`,
    helpdesk: ours.available ? { binary: ours.bin, version: ours.version } : { available: false, reason: ours.reason },
    peers: {
      'nlp.js': peers.nlpjs.versions,
      natural: peers.bayes.version,
      'fasttext.wasm.js': peers.fasttext.version,
      fastTextSettings: peers.fasttext.settings,
    },
    node: process.version,
    results: {},
  };
  const failures = [];
  try {
    for (const key of taskKeys) {
      const { result, oursFailed } = await runTask(key, loaded[key], ctx);
      if (oursFailed) failures.push(`${key}: ${oursFailed}`);
      out.results[key] = result;
      console.log(report(key, result));
    }
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
  out.seconds = round((performance.now() - started) / 1000, 3);
  const path = writeJson('intent.json', out);
  console.log(
    `\nversions: nlp.js ${peers.nlpjs.version} (@nlpjs/nlu ${peers.nlpjs.versions['@nlpjs/nlu']}, lang-en ${peers.nlpjs.versions['@nlpjs/lang-en']}, lang-ru ${peers.nlpjs.versions['@nlpjs/lang-ru']}), ` +
      `natural ${peers.bayes.version}, fasttext.wasm.js ${peers.fasttext.version}, node ${process.version}`,
  );
  if (!ours.available) console.log(NOT_AVAILABLE);
  console.log(`wrote ${path} (${out.seconds.toFixed(1)}s)`);
  if (failures.length) {
    console.error(`error: ${OURS} failed on ${failures.length} task(s); see above`);
    return 2;
  }
  return 0;
}

runMain(main);
