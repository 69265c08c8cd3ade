// Measuring helpers shared by run.mjs and the wasm child (ourswasm.mjs): query order,
// keystrokes, ranks, the quality loop, the keystroke timer and the statistics.

import { round } from '../sentiment/lib.mjs';
import { makeRng } from './gen.mjs';

export const K = 10;
/** However slow a library is, it answers at least this many quality queries and timed keystrokes. */
export const MIN_SAMPLE = 20;

export const memNow = () => {
  globalThis.gc();
  globalThis.gc();
  const u = process.memoryUsage();
  return u.heapUsed + u.external;
};

/** Deterministic order of the query indices (seeded), shared by every library. */
export function queryOrder(n, key) {
  const rng = makeRng(`order ${key}`);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/** Per query (in `order`), its prefixes by code point, length 1..n: the keystrokes typing it. */
export function keystrokesOf(queries, order) {
  return order.map((qi) => {
    const chars = Array.from(queries[qi].q);
    return chars.map((_, l) => chars.slice(0, l + 1).join(''));
  });
}

/** Rank (0-based) of the first expected id in the top K, or -1. */
export function rankOf(ids, expected) {
  const top = ids.slice(0, K);
  for (let r = 0; r < top.length; r++) if (expected.includes(top[r])) return r;
  return -1;
}

/**
 * Runs `ids(q)` over the queries in `order` until the budget is spent (at least MIN_SAMPLE queries).
 * Returns ranks[N]: null = not evaluated, -1 = not in the top K, else the 0-based rank (and,
 * with keepIds, the top K ids per evaluated query).
 */
export function evaluate(queries, order, ids, budgetMs, keepIds = false) {
  const ranks = new Array(queries.length).fill(null);
  const kept = keepIds ? new Array(queries.length).fill(null) : null;
  const t0 = performance.now();
  let errors = 0;
  let done = 0;
  for (const qi of order) {
    let got;
    try {
      got = ids(queries[qi].q);
    } catch {
      errors++;
      got = [];
    }
    ranks[qi] = rankOf(got, queries[qi].expected);
    if (kept) kept[qi] = got.slice(0, K);
    if (++done >= MIN_SAMPLE && performance.now() - t0 > budgetMs) break;
  }
  return { ranks, ids: kept, errors, seconds: (performance.now() - t0) / 1000 };
}

/** hit@1, hit@3, MRR over the queries whose rank is known (optionally only those in `mask`). */
export function metrics(ranks, mask = null) {
  let n = 0;
  let h1 = 0;
  let h3 = 0;
  let rr = 0;
  ranks.forEach((r, i) => {
    if (r === null || (mask && !mask(i))) return;
    n++;
    if (r === 0) h1++;
    if (r >= 0 && r < 3) h3++;
    if (r >= 0) rr += 1 / (r + 1);
  });
  return n ? { n, hit1: round(h1 / n), hit3: round(h3 / n), mrr: round(rr / n) } : { n: 0, hit1: null, hit3: null, mrr: null };
}

/**
 * Types the queries letter by letter through `search`, each prefix one call: warm-up passes over
 * all keystrokes first (up to 3, within warmupMs), then one timed pass within budgetMs.
 *
 * The timed pass types whole queries (in the seeded order) and stops between queries once the
 * next one would not fit in the budget; a single query is cut at 1.5 x budgetMs. A library so
 * slow that, by its warm-up mean, not even 5 whole queries fit, is instead timed on keystrokes
 * drawn at random from all of them (seeded), so that a handful of calls still covers every
 * prefix length instead of the first letters of one query (mode "sampled"; at least MIN_SAMPLE
 * calls).
 * Returns the per-call times in µs, in the order timed.
 */
export function timeKeystrokes(search, typed, warmupMs, budgetMs, seed = 'keystrokes') {
  const total = typed.reduce((s, t) => s + t.length, 0);
  let sink = 0;
  let errors = 0;
  const call = (k) => {
    try {
      return search(k);
    } catch {
      errors++; // a call that throws is still timed; the count is reported
      return null;
    }
  };
  const w0 = performance.now();
  let warmPasses = 0;
  let warmCalls = 0;
  outer: for (let pass = 0; pass < 3; pass++) {
    for (const prefixes of typed) {
      for (const k of prefixes) {
        const r = call(k);
        sink += r ? 1 : 0;
        warmCalls++;
        if (performance.now() - w0 > warmupMs) break outer;
      }
    }
    warmPasses++;
  }
  const warmMeanMs = (performance.now() - w0) / Math.max(1, warmCalls);
  const firstFive = typed.slice(0, 5).reduce((s, t) => s + t.length, 0);
  const mode = warmPasses === 0 && warmMeanMs * firstFive > budgetMs ? 'sampled' : 'typed';

  const times = [];
  let spentNs = 0;
  let queries = 0;
  let cut = false;
  const budgetNs = budgetMs * 1e6;
  const started = process.hrtime.bigint();
  const timeOne = (k) => {
    const t0 = process.hrtime.bigint();
    const r = call(k);
    const t1 = process.hrtime.bigint();
    sink += r ? 1 : 0;
    const ns = Number(t1 - t0);
    spentNs += ns;
    times.push(ns / 1000);
    return Number(t1 - started);
  };
  if (mode === 'typed') {
    typing: for (const prefixes of typed) {
      if (times.length) {
        const mean = spentNs / times.length;
        const elapsed = Number(process.hrtime.bigint() - started);
        if (elapsed + mean * prefixes.length > budgetNs) break;
      }
      for (const k of prefixes) {
        if (timeOne(k) > 1.5 * budgetNs) {
          cut = true;
          break typing;
        }
      }
      queries++;
    }
  } else {
    const rng = makeRng(`sample ${seed}`);
    const all = typed.flat();
    const seen = new Set();
    while (seen.size < all.length) {
      const i = rng.int(all.length);
      if (seen.has(i)) continue;
      seen.add(i);
      if (timeOne(all[i]) > budgetNs && times.length >= MIN_SAMPLE) break;
    }
  }
  if (sink < 0) console.log(sink); // keep the results alive
  return { times, mode, queries, cut, errors, warmPasses, warmCalls, total, totalQueries: typed.length };
}

export function timeStats(times, upTo = times.length) {
  const t = times.slice(0, upTo);
  if (!t.length) return { n: 0, mean: null, p50: null, p99: null };
  const sorted = Float64Array.from(t).sort();
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { n: t.length, mean: round(t.reduce((s, x) => s + x, 0) / t.length, 2), p50: round(q(0.5), 2), p99: round(q(0.99), 2) };
}
