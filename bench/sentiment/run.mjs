#!/usr/bin/env node
// Sentiment, side by side: helpdesk-ai's CLI vs AFINN `sentiment`, `vader-sentiment` and nlp.js
// (`@nlpjs/sentiment` + `@nlpjs/lang-en` / `@nlpjs/lang-ru`) on the same texts, in one run.
//
//   npm ci --prefix bench/sentiment && node bench/sentiment/run.mjs [--helpdesk PATH]
//
// Datasets (from shared/datasets, evaluation only, never copied into the repo):
//   en  airline_sentiment/Tweets.csv                 negative / neutral / positive
//   ru  sentirueval2016/{banks,tkk}_test_etalon.xml  -1 / 0 / 1 per company -> one label per tweet
// Split: row index i (0-based, file order; SentiRuEval: document order over banks then tkk,
// counted before dropping rows) with i % 5 == 0 is DEV (for tuning only), the rest is TEST.

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH_DIR,
  BenchError,
  classify,
  countBy,
  f3,
  findDatasets,
  findHelpdesk,
  importPeer,
  parseArgs,
  readCsvObjects,
  requireFiles,
  round,
  runHelpdesk,
  runMain,
  table,
  writeJson,
} from './lib.mjs';

const USAGE = `usage: node bench/sentiment/run.mjs [options]
  --helpdesk PATH   the helpdesk CLI (default: <repo>/target/release/helpdesk)
  --peers-only      run only the peer libraries (no helpdesk binary needed)
  --datasets DIR    the shared datasets folder (default: $HELPDESK_DATASETS, <repo>/../shared/datasets)
  --dataset NAME    only one dataset: airline or sentirueval`;

const CLASSES = ['negative', 'neutral', 'positive'];
const OURS = 'helpdesk-ai';

// ---------------------------------------------------------------------------------------------
// datasets

export function loadAirline(datasets) {
  const [path] = requireFiles(datasets, 'airline_sentiment/Tweets.csv');
  const rows = readCsvObjects(path, ['airline_sentiment', 'text']);
  const items = rows.map((r, index) => {
    if (!CLASSES.includes(r.airline_sentiment)) {
      throw new BenchError(`${path}: row ${index} has label ${JSON.stringify(r.airline_sentiment)}`);
    }
    return { index, id: `airline-${index}`, text: r.text, label: r.airline_sentiment };
  });
  return {
    key: 'airline',
    title: 'Twitter US Airline Sentiment (en)',
    lang: 'en',
    source: 'airline_sentiment/Tweets.csv',
    rows: rows.length,
    dropped: {},
    items,
  };
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1));
    return XML_ENTITIES[e] ?? m;
  });
}

const SRE_META_COLUMNS = new Set(['id', 'twitid', 'date', 'text']);
const SRE_LABELS = { '-1': 'negative', 0: 'neutral', 1: 'positive' };

export function loadSentiRuEval(datasets) {
  const files = requireFiles(datasets, 'sentirueval2016/banks_test_etalon.xml', 'sentirueval2016/tkk_test_etalon.xml');
  const items = [];
  const dropped = { disagreeing: 0, unlabelled: 0 };
  let index = 0; // over every tweet row in document order, banks first, before dropping
  for (const [f, path] of files.entries()) {
    const prefix = f === 0 ? 'banks' : 'tkk';
    const xml = readFileSync(path, 'utf8');
    // phpMyAdmin dump: <table name="…"> <column name="…">value</column> … </table> per tweet
    // (the <pma:table> schema block is not matched: it has a namespace prefix)
    const tableRe = /<table name="[^"]*">([\s\S]*?)<\/table>/g;
    let fileRows = 0;
    for (const [, body] of xml.matchAll(tableRe)) {
      fileRows++;
      const cols = {};
      for (const [, name, value] of body.matchAll(/<column name="([^"]+)">([\s\S]*?)<\/column>/g)) {
        cols[name] = decodeXml(value ?? '');
      }
      if (cols.text === undefined) throw new BenchError(`${path}: a <table> row without a text column`);
      const values = new Set(
        Object.entries(cols)
          .filter(([k, v]) => !SRE_META_COLUMNS.has(k) && v.trim() !== '' && v.trim() !== 'NULL')
          .map(([, v]) => v.trim()),
      );
      const i = index++;
      if (values.size === 0) {
        dropped.unlabelled++;
        continue;
      }
      if (values.size > 1) {
        dropped.disagreeing++;
        continue;
      }
      const [v] = values;
      const label = SRE_LABELS[v];
      if (!label) throw new BenchError(`${path}: unexpected label value ${JSON.stringify(v)}`);
      items.push({ index: i, id: `${prefix}-${cols.id ?? i}`, text: cols.text, label });
    }
    if (!fileRows) throw new BenchError(`${path}: no <table> rows found; is it the phpMyAdmin XML dump?`);
  }
  return {
    key: 'sentirueval',
    title: 'SentiRuEval-2016 banks + telecoms (ru)',
    lang: 'ru',
    source: 'sentirueval2016/banks_test_etalon.xml + tkk_test_etalon.xml',
    rows: index,
    dropped,
    items,
  };
}

// ---------------------------------------------------------------------------------------------
// peers

function peerVersion(name) {
  try {
    return JSON.parse(readFileSync(join(BENCH_DIR, 'sentiment', 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

const sign3 = (x) => (x > 0 ? 'positive' : x < 0 ? 'negative' : 'neutral');

async function loadPeers() {
  const Sentiment = (await importPeer('sentiment')).default;
  const vader = (await importPeer('vader-sentiment')).default;
  const { Container } = (await importPeer('@nlpjs/core')).default;
  const { SentimentAnalyzer } = (await importPeer('@nlpjs/sentiment')).default;
  const { LangEn } = (await importPeer('@nlpjs/lang-en')).default;
  const { LangRu } = (await importPeer('@nlpjs/lang-ru')).default;

  const afinn = new Sentiment();
  const container = new Container();
  container.use(LangEn);
  container.use(LangRu);
  const nlpjs = new SentimentAnalyzer({ container });

  return [
    {
      name: 'sentiment (AFINN)',
      pkg: 'sentiment',
      version: peerVersion('sentiment'),
      mapping: 'score > 0 positive, < 0 negative, 0 neutral (same sign as comparative)',
      langs: ['en'],
      predict: (text) => sign3(afinn.analyze(text).score),
    },
    {
      name: 'vader-sentiment',
      pkg: 'vader-sentiment',
      version: peerVersion('vader-sentiment'),
      mapping: 'compound >= 0.05 positive, <= -0.05 negative, else neutral',
      langs: ['en'],
      predict: (text) => {
        const c = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
        return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral';
      },
    },
    {
      name: 'nlp.js',
      pkg: '@nlpjs/sentiment',
      version: peerVersion('@nlpjs/sentiment'),
      mapping: 'its vote (sign of score): > 0 positive, < 0 negative, 0 neutral',
      langs: ['en', 'ru'],
      predict: async (text, lang) => {
        const out = await nlpjs.process({ locale: lang, text });
        return out.sentiment.vote;
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// evaluation

function evaluate(ds, pred) {
  const split = { dev: { gold: [], pred: [] }, test: { gold: [], pred: [] } };
  ds.items.forEach((it, k) => {
    const s = it.index % 5 === 0 ? split.dev : split.test;
    s.gold.push(it.label);
    s.pred.push(pred[k]);
  });
  return {
    test: classify(split.test.gold, split.test.pred, CLASSES),
    dev: classify(split.dev.gold, split.dev.pred, CLASSES),
  };
}

async function benchDataset(ds, peers, helpdesk) {
  const dev = ds.items.filter((it) => it.index % 5 === 0);
  const test = ds.items.filter((it) => it.index % 5 !== 0);
  const dist = {
    dev: countBy(dev.map((it) => it.label)),
    test: countBy(test.map((it) => it.label)),
  };
  // majority class chosen on DEV, scored on TEST
  const majority = CLASSES.reduce((a, b) => ((dist.dev[b] ?? 0) > (dist.dev[a] ?? 0) ? b : a));
  const baseline = classify(
    test.map((it) => it.label),
    test.map(() => majority),
    CLASSES,
  );

  // our engine first, so that a broken binary fails fast; listed after the peers
  let oursEntry = null;
  if (helpdesk) {
    process.stderr.write(`  ${ds.key}: ${OURS} (${helpdesk}) …\n`);
    const records = ds.items.map((it) => ({ id: it.id, message: it.text }));
    const { results, seconds } = await runHelpdesk(helpdesk, 'analyze', records);
    let errors = 0;
    let invalid = 0;
    const pred = results.map((r) => {
      if (!r || typeof r !== 'object' || r.error) {
        errors++;
        return null;
      }
      const label = r.sentiment?.label;
      if (!CLASSES.includes(label)) {
        invalid++;
        return null;
      }
      return label;
    });
    oursEntry = {
      binary: helpdesk,
      available: true,
      seconds: round(seconds, 3),
      errors,
      invalid_labels: invalid,
      ...evaluate(ds, pred),
    };
  }

  const libraries = {};
  for (const peer of peers) {
    const entry = { package: peer.pkg, version: peer.version, mapping: peer.mapping };
    if (!peer.langs.includes(ds.lang)) {
      libraries[peer.name] = { ...entry, available: false, reason: `no ${ds.lang} support` };
      continue;
    }
    process.stderr.write(`  ${ds.key}: ${peer.name} …\n`);
    const t0 = performance.now();
    const pred = [];
    for (const it of ds.items) pred.push(await peer.predict(it.text, ds.lang));
    const seconds = (performance.now() - t0) / 1000;
    libraries[peer.name] = { ...entry, available: true, seconds: round(seconds, 3), ...evaluate(ds, pred) };
  }

  if (oursEntry) libraries[OURS] = oursEntry;

  const peerF1 = Object.entries(libraries)
    .filter(([name, l]) => name !== OURS && l.available)
    .map(([name, l]) => ({ name, macroF1: l.test.macroF1 }));
  const best = peerF1.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a), peerF1[0] ?? null);
  const ours = libraries[OURS];
  const ratio = ours && best && best.macroF1 > 0 ? round(ours.test.macroF1 / best.macroF1, 3) : null;

  return {
    title: ds.title,
    language: ds.lang,
    source: ds.source,
    rows: ds.rows,
    dropped: ds.dropped,
    used: ds.items.length,
    split: { rule: 'row index % 5 == 0 -> dev, else test', dev: dev.length, test: test.length },
    distribution: dist,
    majority: { class: majority, test: baseline },
    libraries,
    best_peer: best,
    ours_vs_best_peer_macro_f1: ratio,
  };
}

function report(r) {
  const lines = [];
  const drop = Object.entries(r.dropped)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  lines.push(`\n=== ${r.title} — ${r.source}`);
  lines.push(
    `rows ${r.rows}${drop ? ` (dropped: ${drop})` : ''}, used ${r.used}: DEV ${r.split.dev} / TEST ${r.split.test} (index % 5 == 0 -> DEV)`,
  );
  const distRow = (name, d) => {
    const n = CLASSES.reduce((s, c) => s + (d[c] ?? 0), 0);
    return [name, ...CLASSES.map((c) => `${d[c] ?? 0} (${((100 * (d[c] ?? 0)) / n).toFixed(1)}%)`), n];
  };
  lines.push('\nlabel distribution');
  lines.push(table(['split', ...CLASSES, 'total'], [distRow('DEV', r.distribution.dev), distRow('TEST', r.distribution.test)]));

  const header = ['library', 'accuracy', 'macro-F1', 'F1 neg', 'F1 neu', 'F1 pos', `time (all ${r.used})`];
  const rowsFor = (split) => {
    const rows = [
      [`majority baseline (${r.majority.class})`, ...metricCells(split === 'test' ? r.majority.test : null), ''],
    ];
    if (split === 'dev') rows.pop();
    for (const [name, l] of Object.entries(r.libraries)) {
      if (!l.available) rows.push([name, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', l.reason]);
      else rows.push([name, ...metricCells(l[split]), `${l.seconds.toFixed(2)}s`]);
    }
    return rows;
  };
  lines.push(`\nTEST (${r.split.test} texts)`);
  lines.push(table(header, rowsFor('test')));
  lines.push(`\nDEV (${r.split.dev} texts; for tuning only)`);
  lines.push(table(header, rowsFor('dev')));
  const ours = r.libraries[OURS];
  if (ours) {
    if (ours.errors || ours.invalid_labels) {
      lines.push(`\n${OURS}: ${ours.errors} error line(s), ${ours.invalid_labels} without a valid sentiment.label — counted as wrong`);
    } else lines.push(`\n${OURS}: 0 error lines`);
    if (r.ours_vs_best_peer_macro_f1 !== null) {
      lines.push(
        `${OURS} macro-F1 / best peer (${r.best_peer.name}, ${f3(r.best_peer.macroF1)}) on TEST = ${r.ours_vs_best_peer_macro_f1.toFixed(3)}`,
      );
    }
  }
  return lines.join('\n');
}

function metricCells(m) {
  if (!m) return ['', '', '', '', ''];
  return [f3(m.accuracy), f3(m.macroF1), ...CLASSES.map((c) => f3(m.perClass[c].f1))];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), { helpdesk: 'string', datasets: 'string', 'peers-only': 'boolean', dataset: 'string' }, USAGE);
  if (opts.dataset && !['airline', 'sentirueval'].includes(opts.dataset)) {
    throw new BenchError(`--dataset must be airline or sentirueval, not ${JSON.stringify(opts.dataset)}`);
  }
  if (opts['peers-only'] && opts.helpdesk) throw new BenchError('--peers-only and --helpdesk exclude each other');
  const helpdesk = opts['peers-only'] ? null : findHelpdesk(opts.helpdesk);
  const datasets = findDatasets(opts.datasets);
  const loaders = { airline: loadAirline, sentirueval: loadSentiRuEval };
  const chosen = opts.dataset ? [opts.dataset] : Object.keys(loaders);
  const loaded = chosen.map((k) => loaders[k](datasets)); // fail early on missing data
  const peers = await loadPeers();

  const started = performance.now();
  const out = {
    benchmark: 'sentiment',
    generated: new Date().toISOString(),
    datasets_dir: datasets,
    helpdesk,
    classes: CLASSES,
    results: {},
  };
  for (const ds of loaded) {
    const r = await benchDataset(ds, peers, helpdesk);
    out.results[ds.key] = r;
    console.log(report(r));
  }
  out.seconds = round((performance.now() - started) / 1000, 3);
  const path = writeJson('sentiment.json', out);
  console.log(`\nwrote ${path} (${out.seconds.toFixed(1)}s)`);
  return 0;
}

// Run only when executed, so tune.mjs can import the loaders.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) runMain(main);
