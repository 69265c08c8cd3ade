// The search benchmark's data sets, all in one shape:
//   { key, title, source, articles: [Article], queries: [{ q, lang?, kind?, expected: [id] }] }
// with Article = { id, lang?, title, category?, area?, tags[], symptoms[], steps[], body }.
//
// - StackFAQ (shared/datasets/stackfaq): read in place, evaluation only, never copied into the repo.
// - our KB (data/kb/articles.json + data/kb/queries/test.jsonl).
// - the generated KB (gen.mjs): built in memory from a seed.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from '../sentiment/lib.mjs';

const str = (x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x));
const strs = (x) => (Array.isArray(x) ? x.map(str).filter((s) => s.trim() !== '') : typeof x === 'string' && x.trim() ? [x] : []);

/**
 * StackFAQ: 125 StackExchange threads. Thread i (0-based, file order) becomes article `sf-<i>`:
 * title = the question, body = the question and its answers, no tags/symptoms/steps. Its crowd
 * paraphrases are the queries (the literal "*" placeholders and one null entry are dropped).
 */
export function loadStackFaq(datasets) {
  const path = join(datasets, 'stackfaq', 'stackExchange-FAQ.json');
  if (!existsSync(path)) throw new BenchError(`dataset file missing: ${path}`);
  const root = JSON.parse(readFileSync(path, 'utf8'));
  const threads = root?.root?.qapair;
  if (!Array.isArray(threads) || !threads.length) throw new BenchError(`${path}: expected {"root":{"qapair":[…]}}`);
  const articles = [];
  const queries = [];
  let dropped = 0;
  threads.forEach((t, i) => {
    const id = `sf-${i}`;
    const question = str(t.question).trim();
    const answers = strs(t.answer);
    articles.push({ id, lang: 'en', title: question, category: 'faq', tags: [], symptoms: [], steps: [], body: [question, ...answers].join('\n\n') });
    for (const r of Array.isArray(t.rephr) ? t.rephr : []) {
      const q = str(r).trim();
      if (!q || q === '*') {
        dropped++;
        continue;
      }
      queries.push({ q, lang: 'en', kind: 'paraphrase', expected: [id] });
    }
  });
  return {
    key: 'stackfaq',
    title: 'StackFAQ (en): 125 StackExchange web-apps threads, crowd paraphrases as queries',
    source: 'stackfaq/stackExchange-FAQ.json',
    dropped_queries: dropped,
    articles,
    queries,
  };
}

/**
 * StackFAQ with a memory: each thread's paraphrases split in two (1st, 3rd, 5th … / 2nd, 4th …).
 * The first half is what earlier users asked and found the thread helpful for — our engine learns
 * them (`helpdesk search --learn`, wasm `learn`), the peers get them appended to the article's
 * symptoms field (the way to give them the same knowledge); the second half are the queries.
 * None of the queries scored was seen.
 */
export function stackFaqLearned(datasets) {
  const ds = loadStackFaq(datasets);
  const seen = new Map();
  const learned = [];
  const queries = [];
  for (const q of ds.queries) {
    const id = q.expected[0];
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n % 2 === 1) learned.push({ q: q.q, id });
    else queries.push(q);
  }
  return {
    ...ds,
    key: 'stackfaq-learn',
    title: 'StackFAQ after feedback: half of each thread\'s paraphrases learned, the other half asked',
    learned,
    queries,
  };
}

/** Our KB: a JSON array of articles, and JSON Lines {q, lang, kind, expected:[ids]}. */
export function loadOwnKb(articlesPath, queriesPath) {
  for (const p of [articlesPath, queriesPath]) if (!existsSync(p)) throw new BenchError(`KB file missing: ${p}`);
  let raw;
  try {
    raw = JSON.parse(readFileSync(articlesPath, 'utf8'));
  } catch (err) {
    throw new BenchError(`${articlesPath}: not JSON (${err.message})`);
  }
  if (!Array.isArray(raw)) throw new BenchError(`${articlesPath}: expected a JSON array of articles`);
  const articles = raw.map((a, i) => {
    if (!a || a.id === undefined || a.id === null) throw new BenchError(`${articlesPath}: article ${i} has no id`);
    return {
      id: String(a.id),
      lang: a.lang ? str(a.lang) : undefined,
      title: str(a.title),
      category: str(a.category),
      area: str(a.area),
      tags: strs(a.tags),
      symptoms: strs(a.symptoms),
      steps: strs(a.steps),
      body: str(a.body),
    };
  });
  const ids = new Set(articles.map((a) => a.id));
  if (ids.size !== articles.length) throw new BenchError(`${articlesPath}: duplicate article ids`);
  const queries = [];
  let unknownExpected = 0;
  readFileSync(queriesPath, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      let o;
      try {
        o = JSON.parse(line);
      } catch {
        throw new BenchError(`${queriesPath}:${n + 1}: not JSON`);
      }
      const expected = strs(Array.isArray(o.expected) ? o.expected : o.expected === undefined ? [] : [o.expected]);
      if (!str(o.q).trim() || !expected.length) throw new BenchError(`${queriesPath}:${n + 1}: needs "q" and a non-empty "expected"`);
      if (!expected.some((id) => ids.has(id))) unknownExpected++;
      queries.push({ q: str(o.q), lang: o.lang ? str(o.lang) : undefined, kind: o.kind ? str(o.kind) : 'unspecified', expected });
    });
  if (!queries.length) throw new BenchError(`${queriesPath}: no queries`);
  return {
    key: 'ours',
    title: `our KB (${articles.length} articles)`,
    source: `${articlesPath} + ${queriesPath}`,
    unknown_expected: unknownExpected,
    articles,
    queries,
  };
}

/**
 * The text a peer library indexes, per field: title, tags, symptoms, and steps + body as `text`.
 * Every peer gets exactly these four fields.
 */
export function peerDoc(a, learned = []) {
  return {
    id: a.id,
    title: a.title,
    tags: a.tags.join(' '),
    symptoms: [...a.symptoms, ...learned].join('\n'),
    text: [...a.steps, a.body].filter(Boolean).join('\n'),
  };
}

/** The KB our CLI and wasm engine load: a JSON array of {id,title,category,tags,symptoms,body,steps,lang}. */
export function engineKb(articles) {
  return articles.map((a) => {
    const o = { id: a.id, title: a.title, category: a.category || '', tags: a.tags, symptoms: a.symptoms, body: a.body };
    if (a.steps.length) o.steps = a.steps;
    if (a.lang) o.lang = a.lang;
    if (a.area) o.area = a.area;
    return o;
  });
}
