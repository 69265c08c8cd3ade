#!/usr/bin/env node
// Language identification on SHORT texts, side by side: helpdesk-ai's CLI vs franc, in one run.
//
//   npm ci --prefix bench/sentiment && node bench/langid/run.mjs [--helpdesk PATH]
//
// (The peers are installed once, by bench/sentiment/package.json.)
// Texts: the test parts of banking77 (en, test.csv) and ru_banking77 (ru, banking77_ru.json "test");
// each text is scored three times: its first 3 words, its first 5 words, and in full.

import { readFileSync } from 'node:fs';
import {
  BenchError,
  findDatasets,
  findHelpdesk,
  importPeer,
  parseArgs,
  pct,
  readCsvObjects,
  requireFiles,
  round,
  runHelpdesk,
  runMain,
  table,
  writeJson,
} from '../sentiment/lib.mjs';

const USAGE = `usage: node bench/langid/run.mjs [options]
  --helpdesk PATH   the helpdesk CLI (default: <repo>/target/release/helpdesk)
  --peers-only      run only franc (no helpdesk binary needed)
  --datasets DIR    the shared datasets folder (default: $HELPDESK_DATASETS, <repo>/../shared/datasets)`;

const LANGS = ['en', 'ru'];
const VARIANTS = [
  { key: 'w3', title: '3 words', cut: (words) => words.slice(0, 3).join(' ') },
  { key: 'w5', title: '5 words', cut: (words) => words.slice(0, 5).join(' ') },
  { key: 'full', title: 'full', cut: null },
];
const OURS = 'helpdesk-ai';

function loadTexts(datasets) {
  const [enPath, ruPath] = requireFiles(datasets, 'banking77/test.csv', 'ru_banking77/banking77_ru.json');
  const en = readCsvObjects(enPath, ['text']).map((r) => r.text);
  let ru;
  try {
    const json = JSON.parse(readFileSync(ruPath, 'utf8'));
    if (!Array.isArray(json.test)) throw new Error('no "test" array');
    ru = json.test.map((x, i) => {
      if (typeof x?.utterance !== 'string') throw new Error(`test[${i}] has no string "utterance"`);
      return x.utterance;
    });
  } catch (err) {
    throw new BenchError(`${ruPath}: ${err.message}`);
  }
  if (!en.length || !ru.length) throw new BenchError('no texts loaded');
  return { en, ru, sources: { en: 'banking77/test.csv', ru: 'ru_banking77/banking77_ru.json (test)' } };
}

function buildItems(texts) {
  const items = [];
  for (const lang of LANGS) {
    texts[lang].forEach((text, i) => {
      const words = text.trim().split(/\s+/u).filter(Boolean);
      for (const v of VARIANTS) {
        items.push({ id: `${lang}-${i}-${v.key}`, lang, variant: v.key, text: v.cut ? v.cut(words) : text });
      }
    });
  }
  return items;
}

// franc answers ISO 639-3; ours answers en / ru / und
const FRANC_MAP = { eng: 'en', rus: 'ru', und: 'und' };
const mapFranc = (code) => FRANC_MAP[code] ?? 'other';

function ourLanguage(r) {
  if (!r || typeof r !== 'object' || r.error) return 'error';
  // `language` is "en" | "ru" | "und", or an object whose `code` is
  const lang = typeof r.language === 'string' ? r.language : r.language?.code;
  return lang === 'en' || lang === 'ru' || lang === 'und' ? lang : lang ? 'other' : 'error';
}

function score(items, answers) {
  const cells = {};
  for (const lang of LANGS) {
    for (const v of VARIANTS) {
      const idx = [];
      items.forEach((it, k) => {
        if (it.lang === lang && it.variant === v.key) idx.push(k);
      });
      const n = idx.length;
      const count = (pred) => idx.filter((k) => pred(answers[k])).length;
      const correct = count((a) => a === lang);
      cells[`${lang}/${v.key}`] = {
        n,
        accuracy: round(correct / n),
        und: round(count((a) => a === 'und') / n),
        // a wrong language: the other of en/ru, or one outside en/ru
        wrong_language: round(count((a) => a !== lang && a !== 'und' && a !== 'error') / n),
        other: round(count((a) => a === 'other') / n),
        error: round(count((a) => a === 'error') / n),
        answers: Object.fromEntries(
          [...new Set(idx.map((k) => answers[k]))].sort().map((a) => [a, count((x) => x === a)]),
        ),
      };
    }
  }
  return cells;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), { helpdesk: 'string', datasets: 'string', 'peers-only': 'boolean' }, USAGE);
  if (opts['peers-only'] && opts.helpdesk) throw new BenchError('--peers-only and --helpdesk exclude each other');
  const helpdesk = opts['peers-only'] ? null : findHelpdesk(opts.helpdesk);
  const datasets = findDatasets(opts.datasets);
  const texts = loadTexts(datasets);
  const items = buildItems(texts);
  const { franc } = await importPeer('franc');
  const francVersion = JSON.parse(
    readFileSync(new URL('../sentiment/node_modules/franc/package.json', import.meta.url), 'utf8'),
  ).version;

  const started = performance.now();
  const libraries = {};

  if (helpdesk) {
    process.stderr.write(`  langid: ${OURS} (${helpdesk}) on ${items.length} texts …\n`);
    const { results, seconds } = await runHelpdesk(
      helpdesk,
      'analyze',
      items.map((it) => ({ id: it.id, message: it.text })),
    );
    const answers = results.map(ourLanguage);
    libraries[OURS] = {
      binary: helpdesk,
      seconds: round(seconds, 3),
      errors: answers.filter((a) => a === 'error').length,
      cells: score(items, answers),
    };
  }

  const peers = [
    { name: 'franc', note: 'default options (all its languages, minLength 10)', run: (t) => franc(t) },
    {
      name: 'franc (only eng+rus)',
      note: "franc(text, {only: ['eng', 'rus']})",
      run: (t) => franc(t, { only: ['eng', 'rus'] }),
    },
  ];
  for (const p of peers) {
    process.stderr.write(`  langid: ${p.name} …\n`);
    const t0 = performance.now();
    const raw = items.map((it) => p.run(it.text));
    const answers = raw.map(mapFranc);
    const cells = score(items, answers);
    for (const [c, cell] of Object.entries(cells)) {
      const [l, v] = c.split('/');
      const codes = {};
      items.forEach((it, k) => {
        if (it.lang === l && it.variant === v) codes[raw[k]] = (codes[raw[k]] ?? 0) + 1;
      });
      cell.top_codes = Object.fromEntries(Object.entries(codes).sort((a, b) => b[1] - a[1]).slice(0, 6));
    }
    libraries[p.name] = {
      package: 'franc',
      version: francVersion,
      options: p.note,
      seconds: round((performance.now() - t0) / 1000, 3),
      cells,
    };
  }
  // ours last in the tables
  if (libraries[OURS]) {
    const o = libraries[OURS];
    delete libraries[OURS];
    libraries[OURS] = o;
  }

  // report
  const cols = LANGS.flatMap((l) => VARIANTS.map((v) => `${l}/${v.key}`));
  const colTitle = (c) => {
    const [l, v] = c.split('/');
    return `${l} ${VARIANTS.find((x) => x.key === v).title}`;
  };
  const meanChars = {};
  for (const c of cols) {
    const [l, v] = c.split('/');
    const sel = items.filter((it) => it.lang === l && it.variant === v);
    meanChars[c] = round(sel.reduce((s, it) => s + [...it.text].length, 0) / sel.length, 1);
  }
  console.log(`\n=== Language identification on short texts — ${texts.sources.en} (en, ${texts.en.length}) + ${texts.sources.ru} (ru, ${texts.ru.length})`);
  console.log(`variants per text: first 3 words, first 5 words, full text — ${items.length} texts in all`);
  console.log(`mean length in characters: ${cols.map((c) => `${colTitle(c)} ${meanChars[c]}`).join(', ')}`);
  const block = (title, field) => {
    console.log(`\n${title}`);
    console.log(
      table(
        ['library', ...cols.map(colTitle), ...(field === 'accuracy' ? ['time'] : [])],
        Object.entries(libraries).map(([name, l]) => [
          name,
          ...cols.map((c) => pct(l.cells[c][field])),
          ...(field === 'accuracy' ? [`${l.seconds.toFixed(2)}s`] : []),
        ]),
      ),
    );
  };
  block('accuracy (the right language; "und", another language or an error is wrong)', 'accuracy');
  block('answered "und" (undetermined)', 'und');
  block('answered a wrong language (the other of en/ru, or one outside en/ru)', 'wrong_language');
  if (libraries[OURS]) console.log(`\n${OURS}: ${libraries[OURS].errors} error line(s) (counted as wrong)`);

  const out = {
    benchmark: 'langid',
    generated: new Date().toISOString(),
    datasets_dir: datasets,
    sources: texts.sources,
    texts: { en: texts.en.length, ru: texts.ru.length, variants: VARIANTS.map((v) => v.key), total: items.length },
    mean_chars: meanChars,
    mapping: 'franc ISO 639-3: eng -> en, rus -> ru, und -> und, anything else -> other; ours: language (or language.code)',
    helpdesk,
    libraries,
    seconds: round((performance.now() - started) / 1000, 3),
  };
  const path = writeJson('langid.json', out);
  console.log(`\nwrote ${path} (${out.seconds.toFixed(1)}s)`);
  return 0;
}

runMain(main);
