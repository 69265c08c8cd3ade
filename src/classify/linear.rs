//! A multinomial logistic-regression model over hashed features, and its deterministic trainer.

use super::features::SparseVector;

/// Training options. The same options and data give the same model, natively and in wasm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 regularisation strength (per example step).
    pub l2: f32,
    /// Seed of the shuffling order.
    pub seed: u64,
    /// The most feature rows each head of the compact model keeps.
    pub rows_per_head: usize,
    /// Bits per weight in the compact model (2–8): a row of a head with `k` classes costs
    /// about `1 + k × bits / 8` bytes.
    pub weight_bits: u8,
    /// Every n-th example is held out to calibrate confidence (0: no calibration).
    pub calibration_every: usize,
    /// After calibration, train again on every example (held-out ones included) and keep the
    /// fitted temperatures: more data for the final model, at twice the training time.
    pub refit: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            learning_rate: 0.5,
            l2: 1e-6,
            seed: 42,
            rows_per_head: 28_000,
            weight_bits: 8,
            calibration_every: 10,
            refit: true,
        }
    }
}

/// Weights of one head: `classes × dim`, row-major by feature (all classes of a feature are
/// adjacent, so one sparse feature touches one cache line).
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Class labels, in output order.
    pub classes: Vec<String>,
    dim: usize,
    weights: Vec<f32>,
}

impl LinearModel {
    /// A zero model.
    pub fn new(classes: Vec<String>, dim: usize) -> Self {
        let n = classes.len();
        LinearModel { classes, dim, weights: vec![0.0; n * dim] }
    }

    /// The largest absolute weight.
    pub fn max_abs_weight(&self) -> f32 {
        self.weights.iter().fold(0f32, |a, w| a.max(w.abs()))
    }

    /// The `n` features with the largest weights (by their largest absolute weight over the
    /// classes), ascending by index.
    pub fn strongest_features(&self, n: usize) -> Vec<u32> {
        let mut strength: Vec<(u32, f32)> = (0..self.dim)
            .map(|f| (f as u32, self.row(f).iter().fold(0f32, |a, w| a.max(w.abs()))))
            .filter(|&(_, s)| s > 0.0)
            .collect();
        crate::sort::sort_by(&mut strength, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        strength.truncate(n);
        let mut keep: Vec<u32> = strength.into_iter().map(|(f, _)| f).collect();
        keep.sort_unstable();
        keep
    }

    /// How many features have a non-zero weight.
    pub fn used_features(&self) -> usize {
        (0..self.dim).filter(|&f| self.row(f).iter().any(|w| *w != 0.0)).count()
    }

    /// The weights of one feature for every class.
    pub fn row(&self, feature: usize) -> &[f32] {
        let k = self.classes.len();
        &self.weights[feature * k..feature * k + k]
    }

    /// Raw class scores (logits) of a feature vector.
    pub fn logits(&self, x: &SparseVector) -> Vec<f32> {
        let k = self.classes.len();
        let mut z = vec![0.0f32; k];
        for &(i, v) in x {
            let row = &self.weights[i as usize * k..i as usize * k + k];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * v;
            }
        }
        z
    }

    /// Class probabilities at a temperature (1.0 = as trained).
    pub fn probabilities(&self, x: &SparseVector, temperature: f32) -> Vec<f32> {
        softmax(&self.logits(x), temperature)
    }

    /// Trains on `(features, class index)` pairs with AdaGrad SGD, deterministically.
    pub fn train(
        classes: Vec<String>,
        dim: usize,
        data: &[(SparseVector, usize)],
        options: &TrainOptions,
    ) -> Self {
        Self::train_with_progress(classes, dim, data, options, &mut |_| {})
    }

    /// [`LinearModel::train`], calling `after_epoch(epoch)` (1-based) after every pass.
    pub fn train_with_progress(
        classes: Vec<String>,
        dim: usize,
        data: &[(SparseVector, usize)],
        options: &TrainOptions,
        after_epoch: &mut dyn FnMut(usize),
    ) -> Self {
        let mut model = LinearModel::new(classes, dim);
        let k = model.classes.len();
        let mut grad_sq = vec![1e-6f32; k * dim];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = SplitMix64(options.seed);
        for epoch in 1..=options.epochs {
            // Fisher–Yates with our own PRNG: identical order on every platform.
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &n in &order {
                let (x, y) = &data[n];
                let p = softmax(&model.logits(x), 1.0);
                for &(i, v) in x {
                    let base = i as usize * k;
                    for c in 0..k {
                        let target = if c == *y { 1.0 } else { 0.0 };
                        let w = &mut model.weights[base + c];
                        let g = (p[c] - target) * v + options.l2 * *w;
                        let gs = &mut grad_sq[base + c];
                        *gs += g * g;
                        *w -= options.learning_rate * g / gs.sqrt();
                    }
                }
            }
            after_epoch(epoch);
        }
        model
    }
}

/// Softmax with a temperature, numerically stable.
pub fn softmax(z: &[f32], temperature: f32) -> Vec<f32> {
    let t = temperature.max(1e-3);
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = z.iter().map(|v| crate::math::exp((v - max) / t)).collect();
    let sum: f32 = exp.iter().sum();
    exp.iter().map(|e| e / sum).collect()
}

/// A small, fast, portable PRNG (SplitMix64), so training order is the same everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_is_deterministic() {
        let data: Vec<(SparseVector, usize)> = (0..40)
            .map(|i| if i % 2 == 0 { (vec![(1, 1.0), (5, 0.5)], 0) } else { (vec![(2, 1.0), (5, 0.5)], 1) })
            .collect();
        let classes = vec!["a".to_string(), "b".to_string()];
        let m1 = LinearModel::train(classes.clone(), 8, &data, &TrainOptions::default());
        let m2 = LinearModel::train(classes, 8, &data, &TrainOptions::default());
        assert_eq!(m1, m2);
        assert!(m1.probabilities(&vec![(1, 1.0)], 1.0)[0] > 0.9);
        assert!(m1.probabilities(&vec![(2, 1.0)], 1.0)[1] > 0.9);
    }

    #[test]
    fn temperature_softens_without_changing_the_winner() {
        let p1 = softmax(&[2.0, 0.0, -1.0], 1.0);
        let p3 = softmax(&[2.0, 0.0, -1.0], 3.0);
        assert!(p3[0] < p1[0] && p3[0] > p3[1]);
        assert!((p1.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }
}
