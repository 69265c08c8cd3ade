// Metrics for the intent benchmark: closed-set accuracy / macro-F1 (lib.mjs's classify), and for
// CLINC150 the abstention threshold chosen on validation and the in-scope / out-of-scope scores.
//
// An answer is {label, confidence}. With threshold θ an answer is accepted when confidence ≥ θ and
// is an abstention otherwise. Gold label null means out-of-scope.

import { classify, round } from '../sentiment/lib.mjs';

export const MIN_VAL_ACCURACY = 0.88;

export function closedSet(gold, answers, classes) {
  const m = classify(
    gold,
    answers.map((a) => a.label),
    classes,
  );
  return { n: m.n, accuracy: m.accuracy, macroF1: m.macroF1 };
}

/**
 * Chooses θ on validation rows (gold: label or null for oos). Candidates: every confidence seen
 * (accept those at or above it) and +∞ (abstain on everything). Rule: the θ with the highest
 * out-of-scope recall among those whose in-scope accuracy (abstentions count as errors) is at
 * least MIN_VAL_ACCURACY, ties to the higher accuracy; if none qualifies, the θ with the highest
 * (in-scope accuracy + oos recall) / 2, ties to the higher accuracy.
 */
export function chooseThreshold(gold, answers) {
  const nIn = gold.filter((g) => g !== null).length;
  const nOos = gold.length - nIn;
  if (!nIn || !nOos) throw new Error('chooseThreshold needs in-scope and out-of-scope validation rows');
  const rows = gold.map((g, i) => ({
    conf: answers[i].confidence,
    oos: g === null,
    right: g !== null && answers[i].label === g,
  }));
  rows.sort((a, b) => b.conf - a.conf);
  // sweep θ downwards: at each distinct confidence value, everything with conf ≥ θ is accepted
  const candidates = [{ threshold: Infinity, accuracy: 0, oosRecall: 1 }];
  let right = 0;
  let oosAccepted = 0;
  for (let i = 0; i < rows.length; ) {
    const c = rows[i].conf;
    while (i < rows.length && rows[i].conf === c) {
      if (rows[i].right) right++;
      if (rows[i].oos) oosAccepted++;
      i++;
    }
    candidates.push({ threshold: c, accuracy: right / nIn, oosRecall: (nOos - oosAccepted) / nOos });
  }
  const better = (key) => (a, b) => (b[key] > a[key] || (b[key] === a[key] && b.accuracy > a.accuracy) ? b : a);
  const qualifying = candidates.filter((c) => c.accuracy >= MIN_VAL_ACCURACY);
  let chosen;
  let rule;
  if (qualifying.length) {
    chosen = qualifying.reduce(better('oosRecall'));
    rule = `max oos recall s.t. val in-scope acc >= ${MIN_VAL_ACCURACY}`;
  } else {
    const withMean = candidates.map((c) => ({ ...c, mean: (c.accuracy + c.oosRecall) / 2 }));
    chosen = withMean.reduce(better('mean'));
    rule = `fallback: max (val in-scope acc + oos recall)/2 (no threshold reaches acc ${MIN_VAL_ACCURACY})`;
  }
  const bestAcc = candidates.reduce((a, b) => (b.accuracy > a.accuracy ? b : a)).accuracy;
  return {
    threshold: chosen.threshold === Infinity ? null : chosen.threshold,
    abstainAll: chosen.threshold === Infinity,
    rule,
    fallback: !qualifying.length,
    val: { accuracy: round(chosen.accuracy), oosRecall: round(chosen.oosRecall), bestAccuracyWithoutAbstention: round(bestAcc) },
    valRows: { inScope: nIn, oos: nOos },
  };
}

/**
 * Test-set scores with a threshold (null = abstain on everything): in-scope accuracy counting
 * abstentions as wrong, out-of-scope recall (share of oos rows abstained on), in-scope accuracy
 * without abstention, and macro-F1 over the in-scope classes plus "oos" (abstention = "oos").
 */
export function openSet(gold, answers, threshold, abstainAll, classes) {
  let nIn = 0;
  let nOos = 0;
  let rightAbst = 0;
  let rightRaw = 0;
  let oosCaught = 0;
  let inAbstained = 0;
  const accept = (a) => !abstainAll && a.confidence >= threshold;
  for (let i = 0; i < gold.length; i++) {
    const a = answers[i];
    if (gold[i] === null) {
      nOos++;
      if (!accept(a)) oosCaught++;
    } else {
      nIn++;
      if (a.label === gold[i]) {
        rightRaw++;
        if (accept(a)) rightAbst++;
      }
      if (!accept(a)) inAbstained++;
    }
  }
  const f1 = classify(
    gold.map((g) => g ?? 'oos'),
    answers.map((a) => (accept(a) ? a.label : 'oos')),
    [...classes, 'oos'],
  );
  return {
    inScope: nIn,
    oos: nOos,
    inScopeAccuracy: round(rightAbst / nIn),
    oosRecall: round(oosCaught / nOos),
    inScopeAccuracyNoAbstention: round(rightRaw / nIn),
    inScopeAbstained: round(inAbstained / nIn),
    macroF1WithOos: f1.macroF1,
  };
}
