//! The numbers a classifier is judged by: accuracy, macro-F1, per-class precision and recall,
//! and expected calibration error.

/// Accuracy, macro-F1 and per-class precision/recall/F1 of predictions against gold labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Examples scored.
    pub n: usize,
    /// Share of exact matches.
    pub accuracy: f64,
    /// Unweighted mean F1 over the classes present in gold or predictions.
    pub macro_f1: f64,
    /// `(class, precision, recall, f1, support)` per class, sorted by class.
    pub per_class: Vec<(String, f64, f64, f64, usize)>,
}

/// Scores predictions against gold labels.
///
/// ```
/// use helpdesk_ai::classify::metrics::score;
/// let s = score(&["a", "a", "b"], &["a", "b", "b"]);
/// assert!((s.accuracy - 2.0 / 3.0).abs() < 1e-9);
/// ```
pub fn score<S: AsRef<str>>(gold: &[S], predicted: &[S]) -> Scores {
    let mut classes: Vec<&str> = gold.iter().chain(predicted).map(AsRef::as_ref).collect();
    classes.sort_unstable();
    classes.dedup();
    let n = gold.len().min(predicted.len());
    let correct = (0..n).filter(|&i| gold[i].as_ref() == predicted[i].as_ref()).count();
    let mut per_class = Vec::new();
    for c in &classes {
        let tp = (0..n).filter(|&i| gold[i].as_ref() == *c && predicted[i].as_ref() == *c).count() as f64;
        let fp = (0..n).filter(|&i| gold[i].as_ref() != *c && predicted[i].as_ref() == *c).count() as f64;
        let support = (0..n).filter(|&i| gold[i].as_ref() == *c).count();
        let fn_ = support as f64 - tp;
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        per_class.push((c.to_string(), precision, recall, f1, support));
    }
    let macro_f1 = if per_class.is_empty() {
        0.0
    } else {
        per_class.iter().map(|c| c.3).sum::<f64>() / per_class.len() as f64
    };
    Scores { n, accuracy: if n > 0 { correct as f64 / n as f64 } else { 0.0 }, macro_f1, per_class }
}

/// Expected calibration error over `bins` equal-width confidence bins: how far "0.9 confident"
/// is from "right 9 times in 10", averaged by bin size.
///
/// ```
/// use helpdesk_ai::classify::metrics::expected_calibration_error;
/// // Always 0.8 confident and right 8 times in 10: perfectly calibrated.
/// let conf = [0.8f32; 10];
/// let right = [true, true, true, true, true, true, true, true, false, false];
/// assert!(expected_calibration_error(&conf, &right, 10) < 1e-6);
/// ```
pub fn expected_calibration_error(confidence: &[f32], correct: &[bool], bins: usize) -> f64 {
    let bins = bins.max(1);
    let mut sum_conf = vec![0.0f64; bins];
    let mut sum_right = vec![0.0f64; bins];
    let mut count = vec![0usize; bins];
    for (&c, &ok) in confidence.iter().zip(correct) {
        let b = ((c.clamp(0.0, 1.0) * bins as f32) as usize).min(bins - 1);
        sum_conf[b] += f64::from(c);
        sum_right[b] += f64::from(u8::from(ok));
        count[b] += 1;
    }
    let total = count.iter().sum::<usize>().max(1) as f64;
    (0..bins)
        .filter(|&b| count[b] > 0)
        .map(|b| (count[b] as f64 / total) * ((sum_conf[b] - sum_right[b]) / count[b] as f64).abs())
        .sum()
}
