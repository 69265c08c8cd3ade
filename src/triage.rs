//! Triage: the analysis of a ticket plus its classification, with the priority rules a support
//! lead insists on and the seed's confidence decision (auto-route, suggest, manual review).

use crate::analyze::{Analysis, FieldEntity};
use crate::classify::{
    Contribution, Head, LabelledTicket, ModelError, Prediction, TicketClassifier, TrainError, TrainOptions,
};
use crate::concepts::ConceptDictionary;
use crate::error::{DataError, InputError};
use crate::keywords::Keywords;
use crate::labels::Priority;
use crate::sentiment::Sentiment;
use crate::text::{data_lines, LanguageGuess};
use crate::{Analyzer, Ticket};
use serde::{Deserialize, Serialize};

const DEFAULT_MODEL: &[u8] = include_bytes!("../data/model/default.bin");
const DEFAULT_RULES: &str = include_str!("../data/rules/priority.tsv");

/// What happens next, from the classification confidence (the seed: above 0.9 route
/// automatically, 0.7–0.9 route with the suggested category, below 0.7 a human classifies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Route without human review.
    Auto,
    /// Route, showing the suggested labels to the agent.
    Suggest,
    /// Send to manual classification.
    Manual,
}

impl Decision {
    /// The decision for a confidence.
    pub fn for_confidence(confidence: f32) -> Decision {
        if confidence > 0.9 {
            Decision::Auto
        } else if confidence >= 0.7 {
            Decision::Suggest
        } else {
            Decision::Manual
        }
    }
}

/// One head's label in the triage result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// The label.
    pub label: String,
    /// Calibrated probability of the model's label, 0…1.
    #[serde(serialize_with = "crate::span::serialize_rounded")]
    pub confidence: f32,
    /// Runners-up with their probabilities.
    pub alternatives: Vec<Alternative>,
    /// The rule that set this label over the model's answer, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The features that pushed the model towards its label, strongest first.
    #[serde(skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub because: Vec<Contribution>,
}

/// A runner-up label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The label.
    pub label: String,
    /// Its probability.
    #[serde(serialize_with = "crate::span::serialize_rounded")]
    pub confidence: f32,
}

/// A priority rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiredRule {
    /// The rule's id.
    pub rule: String,
    /// The priority it demands.
    pub priority: String,
    /// Why, in words.
    pub why: String,
}

/// Everything the core decides about one ticket (the `helpdesk triage` line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triage {
    /// The ticket's id, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The language.
    pub language: LanguageGuess,
    /// Category.
    pub category: Label,
    /// Product area.
    pub area: Label,
    /// Priority, after the rules.
    pub priority: Label,
    /// Complexity.
    pub complexity: Label,
    /// Auto-route, suggest, or manual review.
    pub decision: Decision,
    /// Priority rules that fired.
    pub rules: Vec<FiredRule>,
    /// Sentiment, urgency, emotions.
    pub sentiment: Sentiment,
    /// Entities with spans.
    pub entities: Vec<FieldEntity>,
    /// Keywords in four groups.
    pub keywords: Keywords,
    /// Concept ids found.
    pub concepts: Vec<String>,
}

struct Rule {
    id: String,
    priority: Priority,
    groups: Vec<Vec<String>>,
    why: String,
}

/// Priority override rules, loaded from data and checked against the concept dictionary.
pub struct PriorityRules {
    rules: Vec<Rule>,
}

impl PriorityRules {
    /// Parses rules (`rule<TAB>priority<TAB>when<TAB>why`), checking every concept id exists.
    pub fn from_tsv(tsv: &str, concepts: &ConceptDictionary) -> Result<Self, DataError> {
        let mut rules = Vec::new();
        for (line, row) in data_lines(tsv) {
            let err = |m: String| DataError::new("priority rules", line, m);
            let f: Vec<&str> = row.split('\t').map(str::trim).collect();
            if f.len() != 4 {
                return Err(err(format!(
                    "expected `rule<TAB>priority<TAB>when<TAB>why`, found {} fields",
                    f.len()
                )));
            }
            let priority = Priority::parse(f[1])
                .ok_or_else(|| err(format!("rule {:?}: unknown priority {:?}", f[0], f[1])))?;
            let mut groups = Vec::new();
            for group in f[2].split('+') {
                let ids: Vec<String> =
                    group.split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                if ids.is_empty() {
                    return Err(err(format!("rule {:?}: an empty condition group", f[0])));
                }
                for id in &ids {
                    if !concepts.concepts().iter().any(|c| &c.id == id) {
                        return Err(err(format!("rule {:?}: unknown concept {id:?}", f[0])));
                    }
                }
                groups.push(ids);
            }
            rules.push(Rule { id: f[0].to_string(), priority, groups, why: f[3].to_string() });
        }
        Ok(PriorityRules { rules })
    }

    fn fire(&self, concepts: &[String]) -> Vec<&Rule> {
        self.rules
            .iter()
            .filter(|r| r.groups.iter().all(|g| g.iter().any(|id| concepts.contains(id))))
            .collect()
    }
}

/// The triage engine: analyzer, classifier and rules.
pub struct Triager {
    analyzer: Analyzer,
    /// Always present with the embedded model (a unit test proves it loads); `None` only if it
    /// did not, and then triage still answers with empty, zero-confidence labels.
    classifier: Option<TicketClassifier>,
    rules: PriorityRules,
}

fn has_ticket_heads(classifier: &TicketClassifier) -> bool {
    Head::TICKET.iter().all(|h| classifier.heads().contains(h))
}

impl Default for Triager {
    /// The embedded defaults: analyzer, the model trained on the project's corpus, the rules.
    fn default() -> Self {
        let analyzer = Analyzer::default();
        // Both embedded files are checked by unit tests; these fallbacks are never taken.
        let classifier = TicketClassifier::from_bytes(DEFAULT_MODEL).ok().filter(has_ticket_heads);
        let rules = PriorityRules::from_tsv(DEFAULT_RULES, analyzer.concepts())
            .unwrap_or(PriorityRules { rules: Vec::new() });
        Triager { analyzer, classifier, rules }
    }
}

impl Triager {
    /// A triager with its own classifier (e.g. trained on a team's tickets); it must have the
    /// four ticket heads.
    pub fn with_classifier(mut self, classifier: TicketClassifier) -> Result<Self, ModelError> {
        self.replace_classifier(classifier)?;
        Ok(self)
    }

    /// Replaces the classifier in place; a model without the four ticket heads is refused and
    /// the current one stays.
    pub fn replace_classifier(&mut self, classifier: TicketClassifier) -> Result<(), ModelError> {
        if !has_ticket_heads(&classifier) {
            return Err(ModelError::Malformed(
                "triage needs a model with the heads category, area, priority and complexity",
            ));
        }
        self.classifier = Some(classifier);
        Ok(())
    }

    /// Replaces the classifier with one loaded from model bytes.
    pub fn with_model_bytes(self, bytes: &[u8]) -> Result<Self, ModelError> {
        self.with_classifier(TicketClassifier::from_bytes(bytes)?)
    }

    /// The classifier.
    pub fn classifier(&self) -> Option<&TicketClassifier> {
        self.classifier.as_ref()
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Trains a classifier with this triager's analyzer.
    pub fn train(
        &self,
        data: &[LabelledTicket],
        options: &TrainOptions,
    ) -> Result<TicketClassifier, TrainError> {
        TicketClassifier::train(&self.analyzer, data, options)
    }

    /// [`Triager::train`], reporting progress (for a progress bar).
    pub fn train_with_progress(
        &self,
        data: &[LabelledTicket],
        options: &TrainOptions,
        progress: &mut dyn FnMut(crate::classify::Progress),
    ) -> Result<TicketClassifier, TrainError> {
        TicketClassifier::train_with_progress(&self.analyzer, data, options, progress)
    }

    /// Triage of one ticket.
    ///
    /// ```
    /// use helpdesk_ai::triage::{Decision, Triager};
    /// use helpdesk_ai::Ticket;
    /// let triager = Triager::default();
    /// let t = triager.triage(&Ticket::new("", "Our account was hacked, someone changed the admin email")).unwrap();
    /// assert_eq!(t.priority.label, "P1");
    /// assert!(t.rules.iter().any(|r| r.rule == "security_compromise"));
    /// ```
    pub fn triage(&self, ticket: &Ticket) -> Result<Triage, InputError> {
        let (analysis, tokens) = self.analyzer.analyze_with_tokens(ticket)?;
        let predictions = self
            .classifier
            .as_ref()
            .map(|c| c.predict_analysed(&analysis, &tokens, true))
            .unwrap_or_default();
        Ok(self.assemble(analysis, predictions))
    }

    fn assemble(&self, analysis: Analysis, mut predictions: Vec<Prediction>) -> Triage {
        let mut labels: Vec<Label> = Head::TICKET
            .iter()
            .map(|head| match predictions.iter().position(|p| p.head == *head) {
                Some(i) => {
                    let p = predictions.swap_remove(i);
                    Label {
                        label: p.label,
                        confidence: p.confidence,
                        alternatives: p
                            .alternatives
                            .into_iter()
                            .map(|(label, confidence)| Alternative { label, confidence })
                            .collect(),
                        rule: None,
                        because: p.because,
                    }
                }
                // Only without a model (never with the embedded one): an empty, zero-confidence label.
                None => Label {
                    label: String::new(),
                    confidence: 0.0,
                    alternatives: vec![],
                    rule: None,
                    because: vec![],
                },
            })
            .collect();
        let fired = self.rules.fire(&analysis.concepts);
        if let Some(strongest) = fired.iter().min_by_key(|r| r.priority) {
            let priority = &mut labels[2];
            if Priority::parse(&priority.label).is_none_or(|p| strongest.priority < p) {
                priority.label = strongest.priority.as_str().to_string();
                priority.rule = Some(strongest.id.clone());
            }
        }
        let confidence =
            labels[0].confidence.min(if labels[2].rule.is_some() { 1.0 } else { labels[2].confidence });
        let mut labels = labels.into_iter();
        let mut next = || {
            labels.next().unwrap_or(Label {
                label: String::new(),
                confidence: 0.0,
                alternatives: vec![],
                rule: None,
                because: vec![],
            })
        };
        let (category, area, priority, complexity) = (next(), next(), next(), next());
        Triage {
            id: analysis.id,
            language: analysis.language,
            category,
            area,
            priority,
            complexity,
            decision: Decision::for_confidence(confidence),
            rules: fired
                .iter()
                .map(|r| FiredRule {
                    rule: r.id.clone(),
                    priority: r.priority.as_str().to_string(),
                    why: r.why.clone(),
                })
                .collect(),
            sentiment: analysis.sentiment,
            entities: analysis.entities,
            keywords: analysis.keywords,
            concepts: analysis.concepts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_and_rules_load() {
        let model = TicketClassifier::from_bytes(DEFAULT_MODEL).expect("the embedded model reads");
        assert!(has_ticket_heads(&model) && model.heads().contains(&Head::Intent), "{:?}", model.heads());
        assert!(Triager::default().classifier().is_some());
        PriorityRules::from_tsv(DEFAULT_RULES, Analyzer::default().concepts())
            .expect("the embedded rules are valid");
    }

    #[test]
    fn bad_rules_name_the_rule() {
        let concepts = Analyzer::default();
        let err = PriorityRules::from_tsv("r1\tP0\toutage\twhy\n", concepts.concepts()).err().unwrap();
        assert!(err.message.contains("r1") && err.message.contains("priority"), "{err}");
        let err =
            PriorityRules::from_tsv("r2\tP1\tno_such_concept\twhy\n", concepts.concepts()).err().unwrap();
        assert!(err.message.contains("no_such_concept"), "{err}");
    }

    #[test]
    fn outage_without_the_word_down_is_p1_in_both_languages() {
        let t = Triager::default();
        for text in [
            "The whole site is unavailable for everyone in our company, nobody can work",
            "Сервис недоступен у всех сотрудников, вся работа стоит",
        ] {
            let r = t.triage(&Ticket::new("", text)).unwrap();
            assert_eq!(r.priority.label, "P1", "{text}: {:?} {:?}", r.priority, r.concepts);
        }
    }

    #[test]
    fn decisions_follow_the_seed_thresholds() {
        assert_eq!(Decision::for_confidence(0.95), Decision::Auto);
        assert_eq!(Decision::for_confidence(0.8), Decision::Suggest);
        assert_eq!(Decision::for_confidence(0.5), Decision::Manual);
    }
}
