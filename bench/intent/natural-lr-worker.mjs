// Worker thread for natural's LogisticRegressionClassifier (see peers.mjs): trains on
// workerData.items, answers workerData.texts, posts {trainSeconds, predictSeconds, size, answers}.
// The main thread terminates it when the time budget runs out.

import { parentPort, workerData } from 'node:worker_threads';

process.env.DOTENV_CONFIG_QUIET = 'true';
const natural = (await import('natural')).default;
const { items, lang, texts } = workerData;
const c = new natural.LogisticRegressionClassifier(lang === 'ru' ? natural.PorterStemmerRu : natural.PorterStemmer);
for (const it of items) c.addDocument(it.text, it.label);
let t0 = performance.now();
c.train();
const trainSeconds = (performance.now() - t0) / 1000;
let size = null;
try {
  size = Buffer.byteLength(JSON.stringify(c));
} catch {
  size = null;
}
t0 = performance.now();
const answers = texts.map((text) => {
  const cls = c.getClassifications(text);
  return cls.length ? { label: cls[0].label, confidence: cls[0].value } : { label: null, confidence: 0 };
});
parentPort.postMessage({ trainSeconds, predictSeconds: (performance.now() - t0) / 1000, size, answers });
