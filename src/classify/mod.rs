//! Classification of tickets and chat messages — category, product area, priority, complexity
//! and chatbot intent — learned from labelled examples by a linear model over hashed features.
//!
//! - [`features`]: what the model reads (stems, phrases, character n-grams, concepts, entities,
//!   sentiment), hashed into a fixed space.
//! - [`LinearModel`]: multinomial logistic regression and its deterministic AdaGrad trainer.
//! - [`CompactModel`]: the pruned, quantised, checksummed binary format the default model ships in.
//! - [`metrics`]: accuracy, macro-F1, per-class precision/recall, expected calibration error.
//!
//! One model holds any of the heads ([`Head`]); each head learns from the examples that carry
//! its label, so tickets (four labels) and chat utterances (an intent) train one model.
//!
//! ```
//! use helpdesk_ai::classify::{Head, LabelledTicket, TicketClassifier, TrainOptions};
//! use helpdesk_ai::{Analyzer, Ticket};
//! let analyzer = Analyzer::default();
//! let example = |msg: &str, category: &str| {
//!     LabelledTicket::new(Ticket::new("", msg), &[(Head::Category, category), (Head::Priority, "P2")])
//! };
//! let data = vec![
//!     example("I cannot log in, password rejected", "account_issue"),
//!     example("не могу войти, пароль не подходит", "account_issue"),
//!     example("you charged my card twice", "billing_issue"),
//!     example("списали деньги дважды", "billing_issue"),
//! ];
//! let model = TicketClassifier::train(&analyzer, &data, &TrainOptions::default()).unwrap();
//! let p = model.predict(&analyzer, &Ticket::new("", "забыл пароль, не могу войти")).unwrap();
//! let category = p.iter().find(|p| p.head == Head::Category).unwrap();
//! assert_eq!(category.label, "account_issue");
//! assert!(!category.because.is_empty()); // the features that pushed it there
//! ```

mod features;
mod linear;
pub mod metrics;
mod model;

pub use features::{features, features_named, FeatureConfig, SparseVector};
pub use linear::{softmax, LinearModel, TrainOptions};
pub use model::{CompactModel, Compression, HeadInfo, ModelError, FORMAT_VERSION};

use crate::error::InputError;
use crate::{Analyzer, Ticket};
use serde::{Serialize, Serializer};
use std::fmt;

/// The classification heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Head {
    /// Ticket category.
    Category = 0,
    /// Product area.
    Area = 1,
    /// Priority P1–P4.
    Priority = 2,
    /// Complexity L1–L4.
    Complexity = 3,
    /// Chatbot intent (`account_issues`, `billing_questions`, … or a team's own intents).
    Intent = 4,
}

impl Head {
    /// The four ticket heads, in order.
    pub const TICKET: [Head; 4] = [Head::Category, Head::Area, Head::Priority, Head::Complexity];
    /// Every head, in order.
    pub const ALL: [Head; 5] = [Head::Category, Head::Area, Head::Priority, Head::Complexity, Head::Intent];

    /// The head's name as used in JSON (`category`, `area`, `priority`, `complexity`, `intent`).
    pub fn name(&self) -> &'static str {
        match self {
            Head::Category => "category",
            Head::Area => "area",
            Head::Priority => "priority",
            Head::Complexity => "complexity",
            Head::Intent => "intent",
        }
    }

    /// The head with this JSON name.
    ///
    /// ```
    /// use helpdesk_ai::classify::Head;
    /// assert_eq!(Head::parse("intent"), Some(Head::Intent));
    /// assert_eq!(Head::parse("colour"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Head> {
        Head::ALL.into_iter().find(|h| h.name() == name)
    }
}

impl Serialize for Head {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// An example for training or evaluation: a ticket (or a chat message as its body) and the
/// labels it carries — any subset of the heads.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledTicket {
    /// The ticket.
    pub ticket: Ticket,
    /// Its labels, by head.
    pub labels: Vec<(Head, String)>,
}

impl LabelledTicket {
    /// An example with the given labels.
    pub fn new(ticket: Ticket, labels: &[(Head, &str)]) -> Self {
        LabelledTicket { ticket, labels: labels.iter().map(|(h, l)| (*h, l.to_string())).collect() }
    }

    /// The label of a head, if the example has one.
    pub fn label(&self, head: Head) -> Option<&str> {
        self.labels.iter().find(|(h, _)| *h == head).map(|(_, l)| l.as_str())
    }
}

/// A feature that pushed a prediction towards its label, and by how much (logit units).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// What the feature is: `word:login`, `phrase:cannot login`, `concept:auth.password`,
    /// `chars:<pas`, `entity:error_code`, `sentiment:negative` …
    pub feature: String,
    /// Its share of the label's score.
    #[serde(serialize_with = "crate::span::serialize_rounded")]
    pub weight: f32,
}

/// One head's answer: the label, its probability, the runners-up and the reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    /// Which head answered.
    pub head: Head,
    /// The most probable label.
    pub label: String,
    /// Its calibrated probability, 0…1.
    pub confidence: f32,
    /// Other labels with their probabilities, most probable first (at most two).
    pub alternatives: Vec<(String, f32)>,
    /// The features that contributed most to the label (at most five).
    pub because: Vec<Contribution>,
}

/// Why a model could not be trained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainError {
    /// No example could be analysed (all empty), or none had a label.
    NoExamples,
    /// A head has more classes than the model format holds.
    TooManyClasses {
        /// The head.
        head: &'static str,
        /// How many distinct labels it has.
        classes: usize,
    },
    /// A label is empty or longer than 255 bytes.
    BadLabel(String),
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::NoExamples => write!(f, "no usable labelled examples to train on"),
            TrainError::TooManyClasses { head, classes } => {
                write!(f, "head `{head}` has {classes} distinct labels; a model holds at most {MAX_CLASSES}")
            }
            TrainError::BadLabel(label) => write!(f, "label {label:?} is empty or longer than 255 bytes"),
        }
    }
}

impl std::error::Error for TrainError {}

/// The most classes one head may have (the model format stores the count in a byte).
pub const MAX_CLASSES: usize = 255;

/// Where training is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Features of `done` of `total` examples extracted.
    Features {
        /// Examples done.
        done: usize,
        /// Examples in all.
        total: usize,
    },
    /// One pass over one head's data finished.
    Epoch {
        /// The head.
        head: Head,
        /// Passes done (1-based).
        done: usize,
        /// Passes in all.
        total: usize,
    },
}

/// The classifier: any set of heads over one feature extractor, in the compact model format.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketClassifier {
    model: CompactModel,
    heads: Vec<Head>,
}

impl TicketClassifier {
    /// Trains one head per label kind present in the data, deterministically. Every
    /// `options.calibration_every`-th example is held out to fit each head's softmax temperature
    /// (so that a confidence of 0.9 means right about 9 times in 10); the rest train the model.
    /// Examples that cannot be analysed (empty) are skipped. Classes are the labels seen, sorted.
    pub fn train(
        analyzer: &Analyzer,
        data: &[LabelledTicket],
        options: &TrainOptions,
    ) -> Result<Self, TrainError> {
        Self::train_with_progress(analyzer, data, options, &mut |_| {})
    }

    /// [`TicketClassifier::train`], reporting [`Progress`] as it goes.
    pub fn train_with_progress(
        analyzer: &Analyzer,
        data: &[LabelledTicket],
        options: &TrainOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Self, TrainError> {
        let config = FeatureConfig::default();
        let total = data.len();
        let mut vectors: Vec<(SparseVector, &LabelledTicket)> = Vec::with_capacity(total);
        for (done, example) in data.iter().enumerate() {
            if let Some(label) = example.labels.iter().map(|(_, l)| l).find(|l| l.is_empty() || l.len() > 255)
            {
                return Err(TrainError::BadLabel(label.clone()));
            }
            if let Ok((analysis, tokens)) = analyzer.analyze_with_tokens(&example.ticket) {
                vectors.push((features(&analysis, &tokens, &config), example));
            }
            if (done + 1) % 256 == 0 || done + 1 == total {
                progress(Progress::Features { done: done + 1, total });
            }
        }
        let held_out = |i: usize| options.calibration_every > 1 && i % options.calibration_every == 0;
        let calibrating = vectors.iter().enumerate().any(|(i, _)| held_out(i));
        let (mut model, heads) = train_heads(&vectors, options, &config, &held_out, progress)?;

        // Temperature scaling on the held-out examples: per head, the T that minimises their log loss.
        let calibration: Vec<(Vec<f32>, &LabelledTicket)> = vectors
            .iter()
            .enumerate()
            .filter(|(i, _)| held_out(*i))
            .map(|(_, (x, e))| (model.logits(x), *e))
            .collect();
        let mut temperatures = vec![1.0f32; heads.len()];
        for (h, head) in heads.iter().enumerate() {
            let classes = model.heads[h].classes.clone();
            let examples: Vec<(&Vec<f32>, usize)> = calibration
                .iter()
                .filter_map(|(z, e)| {
                    Some((z, classes.iter().position(|c| Some(c.as_str()) == e.label(*head))?))
                })
                .collect();
            if examples.is_empty() {
                continue;
            }
            let mut best = (f32::INFINITY, 1.0f32);
            for step in 0..=60 {
                let t = 0.4 + step as f32 * 0.05;
                model.set_temperature(h, t);
                let loss: f32 = examples
                    .iter()
                    .map(|(z, y)| -crate::math::ln(model.probabilities(h, z)[*y].max(1e-7)))
                    .sum();
                if loss < best.0 {
                    best = (loss, t);
                }
            }
            temperatures[h] = best.1;
        }
        if options.refit && calibrating {
            let (refitted, refitted_heads) = train_heads(&vectors, options, &config, &|_| false, progress)?;
            if refitted_heads == heads {
                model = refitted;
            }
        }
        for (h, t) in temperatures.into_iter().enumerate() {
            model.set_temperature(h, t);
        }
        Ok(TicketClassifier { model, heads })
    }

    /// Predicts every head of the model for a ticket, with reasons.
    pub fn predict(&self, analyzer: &Analyzer, ticket: &Ticket) -> Result<Vec<Prediction>, InputError> {
        let (analysis, tokens) = analyzer.analyze_with_tokens(ticket)?;
        Ok(self.predict_analysed(&analysis, &tokens, true))
    }

    /// Predicts from an analysis and tokens already made (see [`Analyzer::analyze_with_tokens`]);
    /// with `explain`, each prediction carries the features that contributed most.
    pub fn predict_analysed(
        &self,
        analysis: &crate::Analysis,
        tokens: &[crate::text::Token],
        explain: bool,
    ) -> Vec<Prediction> {
        let (x, names) = if explain {
            let (x, mut names) = features_named(analysis, tokens, &self.model.config);
            crate::sort::sort_by_key(&mut names, |(i, _)| *i); // stable: the first name given to a slot stays first
            (x, names)
        } else {
            (features(analysis, tokens, &self.model.config), Vec::new())
        };
        let z = self.model.logits(&x);
        (0..self.heads.len())
            .map(|h| self.predict_head(h, &x, &z, explain.then_some(names.as_slice())))
            .collect()
    }

    /// The heads this model answers, in output order.
    pub fn heads(&self) -> &[Head] {
        &self.heads
    }

    /// The compact model.
    pub fn model(&self) -> &CompactModel {
        &self.model
    }

    /// The model in its binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// Loads a model from bytes; corrupt, truncated or foreign bytes are a clear error, and so
    /// are heads this build does not know.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let model = CompactModel::from_bytes(bytes)?;
        let mut heads = Vec::with_capacity(model.heads.len());
        for info in &model.heads {
            let head =
                Head::parse(&info.name).ok_or(ModelError::Malformed("a head this build does not know"))?;
            if heads.contains(&head) {
                return Err(ModelError::Malformed("a head appears twice"));
            }
            heads.push(head);
        }
        Ok(TicketClassifier { model, heads })
    }

    fn predict_head(
        &self,
        head: usize,
        x: &SparseVector,
        logits: &[f32],
        names: Option<&[(u32, String)]>,
    ) -> Prediction {
        let p = self.model.probabilities(head, logits);
        let classes = &self.model.heads[head].classes;
        let mut ranked: Vec<(usize, f32)> = p.iter().copied().enumerate().collect();
        crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(best, confidence)) = ranked.first() else {
            // Unreachable for a loaded model (heads have classes), but never a panic.
            return Prediction {
                head: self.heads[head],
                label: String::new(),
                confidence: 0.0,
                alternatives: Vec::new(),
                because: Vec::new(),
            };
        };
        let because = names.map(|names| self.explain(x, head, best, names)).unwrap_or_default();
        Prediction {
            head: self.heads[head],
            label: classes[best].clone(),
            confidence,
            alternatives: ranked[1..].iter().take(2).map(|&(c, p)| (classes[c].clone(), p)).collect(),
            because,
        }
    }

    /// The features that pushed `class` up most, by name (`names` sorted by slot;
    /// hash-colliding names share a slot and the first one names it; equal names are summed).
    fn explain(
        &self,
        x: &SparseVector,
        head: usize,
        class: usize,
        names: &[(u32, String)],
    ) -> Vec<Contribution> {
        let mut by_name: Vec<Contribution> = Vec::new();
        for (f, amount) in self.model.contributions(x, head, class) {
            let Some((_, name)) = names.get(names.partition_point(|(i, _)| *i < f)).filter(|(i, _)| *i == f)
            else {
                continue;
            };
            if name == features::BIAS || amount <= 0.0 {
                continue;
            }
            match by_name.iter_mut().find(|c| &c.feature == name) {
                Some(c) => c.weight += amount,
                None => by_name.push(Contribution { feature: name.clone(), weight: amount }),
            }
        }
        crate::sort::sort_by(&mut by_name, |a, b| {
            b.weight.total_cmp(&a.weight).then_with(|| a.feature.cmp(&b.feature))
        });
        by_name.truncate(5);
        by_name
    }
}

/// Trains one dense head per label kind on the examples `skip` does not hold out, and
/// compresses them into one compact model.
fn train_heads(
    vectors: &[(SparseVector, &LabelledTicket)],
    options: &TrainOptions,
    config: &FeatureConfig,
    skip: &dyn Fn(usize) -> bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<(CompactModel, Vec<Head>), TrainError> {
    let mut dense = Vec::new();
    for head in Head::ALL {
        let labelled: Vec<(usize, &SparseVector, &str)> =
            vectors.iter().enumerate().filter_map(|(i, (x, e))| Some((i, x, e.label(head)?))).collect();
        if labelled.is_empty() {
            continue;
        }
        let mut classes: Vec<String> = labelled.iter().map(|(_, _, l)| l.to_string()).collect();
        classes.sort();
        classes.dedup();
        if classes.len() > MAX_CLASSES {
            return Err(TrainError::TooManyClasses { head: head.name(), classes: classes.len() });
        }
        let training: Vec<(SparseVector, usize)> = labelled
            .iter()
            .filter(|(i, _, _)| !skip(*i))
            .map(|(_, x, l)| ((*x).clone(), classes.binary_search_by(|c| c.as_str().cmp(l)).unwrap_or(0)))
            .collect();
        let epochs = options.epochs;
        let mut model = LinearModel::train_with_progress(
            classes.clone(),
            config.dim(),
            &training,
            options,
            &mut |done| progress(Progress::Epoch { head, done, total: epochs }),
        );
        // The compact model keeps `rows_per_head` features per head. When the head uses more,
        // train it again on only those: the weights re-balance around what is kept, which costs
        // far less accuracy than cutting the others off a model that relied on them.
        let keep = model.strongest_features(options.rows_per_head);
        if keep.len() < model.used_features() {
            let masked: Vec<(SparseVector, usize)> = training
                .iter()
                .map(|(x, y)| {
                    (x.iter().copied().filter(|(f, _)| keep.binary_search(f).is_ok()).collect(), *y)
                })
                .collect();
            model = LinearModel::train_with_progress(classes, config.dim(), &masked, options, &mut |done| {
                progress(Progress::Epoch { head, done, total: epochs })
            });
        }
        dense.push((head, model));
    }
    if dense.is_empty() {
        return Err(TrainError::NoExamples);
    }
    let named: Vec<(String, &LinearModel, f32)> =
        dense.iter().map(|(h, m)| (h.name().to_string(), m, 1.0)).collect();
    let compression = Compression { rows_per_head: options.rows_per_head, bits: options.weight_bits };
    let model = CompactModel::from_dense(*config, &named, compression);
    Ok((model, dense.iter().map(|(h, _)| *h).collect()))
}
