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

pub use features::{features, FeatureConfig, SparseVector};
pub use linear::{softmax, LinearModel, TrainOptions};

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

/// Four linear models sharing one feature extractor.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketClassifier {
    config: FeatureConfig,
    heads: Vec<LinearModel>,
}

impl TicketClassifier {
    /// Trains the four heads on labelled tickets. Tickets that cannot be analysed (empty) are
    /// skipped. Classes are the labels seen in the data, sorted, so training is deterministic.
    pub fn train(analyzer: &Analyzer, data: &[LabelledTicket], options: &TrainOptions) -> Self {
        let config = FeatureConfig::default();
        let vectors: Vec<(SparseVector, &LabelledTicket)> = data
            .iter()
            .filter_map(|example| {
                let (analysis, tokens) = analyzer.analyze_with_tokens(&example.ticket).ok()?;
                Some((features(&analysis, &tokens, &config), example))
            })
            .collect();
        let heads = Head::ALL
            .iter()
            .map(|&head| {
                let mut classes: Vec<String> = vectors.iter().map(|(_, e)| e.labels[head as usize].clone()).collect();
                classes.sort();
                classes.dedup();
                let training: Vec<(SparseVector, usize)> = vectors
                    .iter()
                    .map(|(x, e)| {
                        let y = classes.binary_search(&e.labels[head as usize]).unwrap_or(0);
                        (x.clone(), y)
                    })
                    .collect();
                LinearModel::train(classes, config.dim(), &training, options)
            })
            .collect();
        TicketClassifier { config, heads }
    }

    /// Predicts the four heads of a ticket.
    pub fn predict(&self, analyzer: &Analyzer, ticket: &Ticket) -> Result<Vec<Prediction>, InputError> {
        let (analysis, tokens) = analyzer.analyze_with_tokens(ticket)?;
        let x = features(&analysis, &tokens, &self.config);
        Ok(self.heads.iter().map(|model| predict_head(model, &x)).collect())
    }
}

fn predict_head(model: &LinearModel, x: &SparseVector) -> Prediction {
    let p = model.probabilities(x, 1.0);
    let mut ranked: Vec<(usize, f32)> = p.iter().copied().enumerate().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (best, confidence) = ranked[0];
    Prediction {
        label: model.classes[best].clone(),
        confidence,
        alternatives: ranked[1..].iter().take(2).map(|&(c, p)| (model.classes[c].clone(), p)).collect(),
    }
}
