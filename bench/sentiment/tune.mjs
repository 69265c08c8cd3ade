// Chooses the sentiment label thresholds on the DEV split only (row index % 5 == 0) and prints
// what TEST would score with them — the procedure behind the defaults in src/sentiment/mod.rs.
// Usage: node bench/sentiment/tune.mjs [--helpdesk PATH] [--datasets DIR]
import { loadAirline, loadSentiRuEval } from './run.mjs';
import { classify, findDatasets, findHelpdesk, parseArgs, runHelpdesk, runMain } from './lib.mjs';

const CLASSES = ['negative', 'neutral', 'positive'];

async function main() {
  const opts = parseArgs(process.argv.slice(2), { helpdesk: 'string', datasets: 'string' }, 'node bench/sentiment/tune.mjs [--helpdesk PATH] [--datasets DIR]');
  const datasets = findDatasets(opts.datasets);
  const bin = findHelpdesk(opts.helpdesk);
  const sets = [loadAirline(datasets), loadSentiRuEval(datasets)];
  for (const ds of sets) {
    const { results } = await runHelpdesk(bin, 'analyze', ds.items.map((it) => ({ id: it.id, message: it.text })));
    ds.scores = results.map((r) => r.sentiment?.score ?? 0);
  }
  const label = (s, neg, pos) => (s <= neg ? 'negative' : s >= pos ? 'positive' : 'neutral');
  const f1 = (ds, split, neg, pos) => {
    const idx = ds.items.map((it, i) => [it, i]).filter(([it]) => (it.index % 5 === 0) === (split === 'dev'));
    return classify(idx.map(([it]) => it.label), idx.map(([, i]) => label(ds.scores[i], neg, pos)), CLASSES).macroF1;
  };
  // One pair of thresholds for both languages: the mean DEV macro-F1 decides.
  let best = null;
  // Strictly below zero: a message with no sentiment cue at all (score 0) must stay neutral.
  for (let neg = -0.3; neg <= -0.02; neg += 0.025) {
    for (let pos = 0.0; pos <= 0.4; pos += 0.025) {
      const dev = sets.map((ds) => f1(ds, 'dev', neg, pos));
      const mean = dev.reduce((a, b) => a + b) / dev.length;
      if (!best || mean > best.mean) best = { neg, pos, mean, dev };
    }
  }
  console.log(`best on DEV: negative <= ${best.neg.toFixed(3)}, positive >= ${best.pos.toFixed(3)}`);
  for (const [i, ds] of sets.entries()) {
    console.log(`  ${ds.key}: DEV macro-F1 ${best.dev[i].toFixed(3)}, TEST macro-F1 ${f1(ds, 'test', best.neg, best.pos).toFixed(3)}`);
  }
}

runMain(main);
