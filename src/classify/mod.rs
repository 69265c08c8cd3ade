//! Ticket classification: category, product area, priority and complexity, learned from
//! labelled tickets by a linear model over hashed features.
//!
//! This is the first part of the classifier: features, a deterministic trainer, prediction with
//! alternatives, and the metrics it is judged by (accuracy, macro-F1, expected calibration
//! error). Calibration, the binary model format with an embedded default, priority rules and
//! the CLI commands build on it.
//!
//! ```
//! use helpdesk_ai::classify::{Head, LabelledTicket, TicketClassifier, TrainOptions};
//! use helpdesk_ai::{Analyzer, Ticket};
//! let analyzer = Analyzer::default();
//! let example = |msg: &str, category: &str| LabelledTicket {
//!     ticket: Ticket::new("", msg),
//!     labels: [category, "authentication", "P2", "L1"].map(String::from),
//! };
//! let data = vec![
//!     example("I cannot log in, password rejected", "account_issue"),
//!     example("не могу войти, пароль не подходит", "account_issue"),
//!     example("you charged my card twice", "billing_issue"),
//!     example("списали деньги дважды", "billing_issue"),
//! ];
//! let model = TicketClassifier::train(&analyzer, &data, &TrainOptions::default());
//! let p = model.predict(&analyzer, &Ticket::new("", "забыл пароль, не могу войти")).unwrap();
//! assert_eq!(p[Head::Category as usize].label, "account_issue");
//! ```

mod features;
mod linear;
pub mod metrics;
mod model;

pub use features::{features, FeatureConfig, SparseVector};
pub use linear::{softmax, LinearModel, TrainOptions};
pub use model::{CompactModel, HeadInfo, ModelError, FORMAT_VERSION};

use crate::error::InputError;
use crate::{Analyzer, Ticket};
use serde::{Deserialize, Serialize};

/// The four classification heads, in label-array order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Head {
    /// Ticket category.
    Category = 0,
    /// Product area.
    Area = 1,
    /// Priority P1–P4.
    Priority = 2,
    /// Complexity L1–L4.
    Complexity = 3,
}

impl Head {
    /// All heads, in order.
    pub const ALL: [Head; 4] = [Head::Category, Head::Area, Head::Priority, Head::Complexity];

    /// The head's name as used in JSON (`category`, `area`, `priority`, `complexity`).
    pub fn name(&self) -> &'static str {
        match self {
            Head::Category => "category",
            Head::Area => "area",
            Head::Priority => "priority",
            Head::Complexity => "complexity",
        }
    }
}

/// A ticket with its four labels (`[category, area, priority, complexity]`).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledTicket {
    /// The ticket.
    pub ticket: Ticket,
    /// Its labels, in [`Head`] order.
    pub labels: [String; 4],
}

/// One head's answer: the label, its probability, and the runners-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The most probable label.
    pub label: String,
    /// Its probability, 0…1.
    pub confidence: f32,
    /// Other labels with their probabilities, most probable first (at most two).
    pub alternatives: Vec<(String, f32)>,
}

/// The ticket classifier: four heads over one feature extractor, in the compact model format.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketClassifier {
    model: CompactModel,
}

impl TicketClassifier {
    /// Trains the four heads on labelled tickets, deterministically. Every
    /// `options.calibration_every`-th example is held out to fit each head's softmax temperature
    /// (so that a confidence of 0.9 means right about 9 times in 10); the rest train the model.
    /// Tickets that cannot be analysed (empty) are skipped. Classes are the labels seen in the
    /// data, sorted.
    pub fn train(analyzer: &Analyzer, data: &[LabelledTicket], options: &TrainOptions) -> Self {
        let config = FeatureConfig::default();
        let vectors: Vec<(SparseVector, &LabelledTicket)> = data
            .iter()
            .filter_map(|example| {
                let (analysis, tokens) = analyzer.analyze_with_tokens(&example.ticket).ok()?;
                Some((features(&analysis, &tokens, &config), example))
            })
            .collect();
        let held_out = |i: usize| options.calibration_every > 1 && i % options.calibration_every == 0;
        let mut dense = Vec::new();
        for head in Head::ALL {
            let mut classes: Vec<String> = vectors.iter().map(|(_, e)| e.labels[head as usize].clone()).collect();
            classes.sort();
            classes.dedup();
            let training: Vec<(SparseVector, usize)> = vectors
                .iter()
                .enumerate()
                .filter(|(i, _)| !held_out(*i))
                .map(|(_, (x, e))| (x.clone(), classes.binary_search(&e.labels[head as usize]).unwrap_or(0)))
                .collect();
            dense.push((head.name().to_string(), LinearModel::train(classes, config.dim(), &training, options)));
        }
        let heads: Vec<(String, &LinearModel, f32)> = dense.iter().map(|(n, m)| (n.clone(), m, 1.0)).collect();
        let mut model = CompactModel::from_dense(config, &heads, options.max_features);

        // Temperature scaling on the held-out examples: the T that minimises their log loss.
        let calibration: Vec<(Vec<f32>, &LabelledTicket)> =
            vectors.iter().enumerate().filter(|(i, _)| held_out(*i)).map(|(_, (x, e))| (model.logits(x), *e)).collect();
        if !calibration.is_empty() {
            for h in 0..model.heads.len() {
                let classes = model.heads[h].classes.clone();
                let mut best = (f32::INFINITY, 1.0f32);
                for step in 0..=60 {
                    let t = 0.4 + step as f32 * 0.05;
                    model.set_temperature(h, t);
                    let loss: f32 = calibration
                        .iter()
                        .map(|(z, e)| {
                            let p = model.probabilities(h, z);
                            let y = classes.iter().position(|c| *c == e.labels[h]).unwrap_or(0);
                            -(p[y].max(1e-7)).ln()
                        })
                        .sum();
                    if loss < best.0 {
                        best = (loss, t);
                    }
                }
                model.set_temperature(h, best.1);
            }
        }
        TicketClassifier { model }
    }

    /// Predicts the four heads of a ticket.
    pub fn predict(&self, analyzer: &Analyzer, ticket: &Ticket) -> Result<Vec<Prediction>, InputError> {
        let (analysis, tokens) = analyzer.analyze_with_tokens(ticket)?;
        Ok(self.predict_analysed(&analysis, &tokens))
    }

    /// Predicts from an analysis and tokens already made (see [`Analyzer::analyze_with_tokens`]).
    pub fn predict_analysed(&self, analysis: &crate::Analysis, tokens: &[crate::text::Token]) -> Vec<Prediction> {
        let x = features(analysis, tokens, &self.model.config);
        let z = self.model.logits(&x);
        (0..self.model.heads.len()).map(|h| self.predict_head(h, &z)).collect()
    }

    /// The compact model.
    pub fn model(&self) -> &CompactModel {
        &self.model
    }

    /// The model in its binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// Loads a model from bytes; corrupt, truncated or foreign bytes are a clear error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let model = CompactModel::from_bytes(bytes)?;
        if model.heads.len() != Head::ALL.len() || model.heads.iter().zip(Head::ALL).any(|(h, head)| h.name != head.name()) {
            return Err(ModelError::Malformed("expected the heads category, area, priority, complexity"));
        }
        Ok(TicketClassifier { model })
    }

    fn predict_head(&self, head: usize, logits: &[f32]) -> Prediction {
        let p = self.model.probabilities(head, logits);
        let classes = &self.model.heads[head].classes;
        let mut ranked: Vec<(usize, f32)> = p.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(best, confidence)) = ranked.first() else {
            // A head without classes (a model trained on nothing) answers nothing.
            return Prediction { label: String::new(), confidence: 0.0, alternatives: Vec::new() };
        };
        Prediction {
            label: classes[best].clone(),
            confidence,
            alternatives: ranked[1..].iter().take(2).map(|&(c, p)| (classes[c].clone(), p)).collect(),
        }
    }
}
