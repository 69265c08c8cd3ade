// Peer adapters for the intent benchmark. Every peer has the same shape:
//
//   { name, pkg, version, confidence, langs, async train(items, lang) -> model }
//   model = { size (bytes or null), sizeNote, predict(text) -> {label, confidence} (may be async), dispose() }
//
// `label` is the peer's best in-scope intent (never an abstention), `confidence` its own score for
// that answer. Abstention is decided outside, by one threshold rule for every peer.

import { Worker } from 'node:worker_threads';
import { fasttextPeer } from './fasttext.mjs';
import { importPeer, peerVersion } from './peers-common.mjs';

// natural 8 requires dotenv, whose config() prints an advert line per call unless told not to.
process.env.DOTENV_CONFIG_QUIET = 'true';

/**
 * nlp.js: `Nlp` from @nlpjs/nlp (its NLU is NluNeural) in a container from `containerBootstrap`,
 * with LangEn / LangRu. Trained with `addDocument(locale, text, intent)` + `train()`, asked with
 * `process(locale, text)`. Its own cut-off (`settings.threshold`, 0.5 by default: below it the
 * answer becomes intent "None" with score 1) is set to 0 so that the shared threshold rule picks the
 * cut-off; an answer of "None" (a tie, or its none-feature winning) counts as confidence 0.
 * `label` is its best non-None classification. The result also records `nativeNone`, whether the
 * default 0.5 cut-off would have answered None, for a "nlp.js as shipped" line.
 */
async function nlpjsPeer() {
  const { containerBootstrap } = (await importPeer('@nlpjs/core')).default;
  const { Nlp } = (await importPeer('@nlpjs/nlp')).default;
  const { LangEn } = (await importPeer('@nlpjs/lang-en')).default;
  const { LangRu } = (await importPeer('@nlpjs/lang-ru')).default;
  return {
    name: 'nlp.js',
    pkg: '@nlpjs/nlp',
    version: peerVersion('@nlpjs/nlp'),
    versions: {
      '@nlpjs/nlp': peerVersion('@nlpjs/nlp'),
      '@nlpjs/nlu': peerVersion('@nlpjs/nlu'),
      '@nlpjs/neural': peerVersion('@nlpjs/neural'),
      '@nlpjs/core': peerVersion('@nlpjs/core'),
      '@nlpjs/lang-en': peerVersion('@nlpjs/lang-en'),
      '@nlpjs/lang-ru': peerVersion('@nlpjs/lang-ru'),
    },
    confidence: 'process().score with its own 0.5 cut-off disabled; an answer of "None" counts as 0',
    langs: ['en', 'ru'],
    async train(items, lang) {
      const container = await containerBootstrap();
      container.use(Nlp);
      container.use(lang === 'ru' ? LangRu : LangEn);
      const nlp = container.get('nlp');
      nlp.settings.autoSave = false;
      nlp.settings.autoLoad = false;
      nlp.settings.threshold = 0;
      nlp.settings.nlu = { log: false };
      nlp.addLanguage(lang);
      for (const it of items) nlp.addDocument(lang, it.text, it.label);
      // nlp.js prints its training epochs, and a line per utterance made only of stop words (which
      // it then ignores): keep the count of the latter, drop the noise
      const warn = console.warn;
      const log = console.log;
      let stopOnly = 0;
      console.warn = console.log = (...a) => {
        if (/stop words/.test(a.join(' '))) stopOnly++;
      };
      try {
        await nlp.train();
      } finally {
        console.warn = warn;
        console.log = log;
      }
      let size = null;
      try {
        size = Buffer.byteLength(nlp.export(true));
      } catch {
        size = null;
      }
      return {
        size,
        sizeNote: 'nlp.export(true), minified JSON',
        notes: stopOnly ? [`nlp.js ignored ${stopOnly} training utterance(s) made only of stop words`] : [],
        async predict(text) {
          const r = await nlp.process(lang, text);
          const cls = (r.classifications ?? []).filter((c) => c.intent && c.intent !== 'None');
          const best = cls[0] ?? null;
          const saidNone = r.intent === 'None' || !r.intent;
          return {
            label: best ? best.intent : null,
            confidence: saidNone ? 0 : r.score,
            nativeNone: saidNone || r.score < 0.5,
          };
        },
        dispose() {},
      };
    },
  };
}

/** natural's PorterStemmer (en) / PorterStemmerRu (ru); tokenizeAndStem drops stop words. */
async function naturalStemmer(lang) {
  const natural = (await importPeer('natural')).default;
  return lang === 'ru' ? natural.PorterStemmerRu : natural.PorterStemmer;
}

/**
 * natural BayesClassifier. getClassifications() gives p(class) × Π p(feature | class) over the
 * features present; the confidence is the top value divided by the sum over all classes (its
 * posterior), 0 when every value underflows.
 */
async function naturalBayesPeer() {
  const natural = (await importPeer('natural')).default;
  return {
    name: 'natural Bayes',
    pkg: 'natural',
    version: peerVersion('natural'),
    confidence: 'top getClassifications() value / sum over classes (normalised posterior)',
    langs: ['en', 'ru'],
    async train(items, lang) {
      const c = new natural.BayesClassifier(await naturalStemmer(lang));
      for (const it of items) c.addDocument(it.text, it.label);
      c.train();
      let size = null;
      try {
        size = Buffer.byteLength(JSON.stringify(c));
      } catch {
        size = null;
      }
      return {
        size,
        sizeNote: 'JSON.stringify(classifier), what its save() writes',
        predict(text) {
          const cls = c.getClassifications(text);
          if (!cls.length) return { label: null, confidence: 0 };
          const sum = cls.reduce((s, x) => s + x.value, 0);
          return { label: cls[0].label, confidence: sum > 0 ? cls[0].value / sum : 0 };
        },
        dispose() {},
      };
    },
  };
}

/**
 * natural LogisticRegressionClassifier: full-batch gradient descent on dense sylvester matrices,
 * one binary model per class. It runs in a worker thread so that it can be stopped after a time
 * budget; train + predict happen in the worker and only the answers come back.
 */
function naturalLrPeer() {
  return {
    name: 'natural LR',
    pkg: 'natural',
    version: peerVersion('natural'),
    confidence: 'top getClassifications() value (its sigmoid output)',
    langs: ['en', 'ru'],
    inWorker: true,
    /** Resolves to {trainSeconds, predictSeconds, size, answers} or {timedOut: true, seconds}. */
    run(items, lang, texts, budgetSeconds) {
      const worker = new Worker(new URL('./natural-lr-worker.mjs', import.meta.url), {
        workerData: { items: items.map(({ text, label }) => ({ text, label })), lang, texts },
        env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      });
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          worker.terminate().then(() => resolve({ timedOut: true, seconds: (performance.now() - started) / 1000 }));
        }, budgetSeconds * 1000);
        worker.once('message', (msg) => {
          clearTimeout(timer);
          worker.terminate();
          resolve(msg);
        });
        worker.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    },
  };
}

export async function loadPeers() {
  return {
    nlpjs: await nlpjsPeer(),
    bayes: await naturalBayesPeer(),
    fasttext: { ...(await fasttextPeer()), version: peerVersion('fasttext.wasm.js') },
    lr: naturalLrPeer(),
  };
}
