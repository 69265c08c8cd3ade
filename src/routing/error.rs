//! The one error type of routing data: which file, which item in it, and what is wrong.

use std::fmt;

/// Routing data (rules, calendar, escalation matrix, templates, roster) that cannot be loaded.
///
/// The message names the bad item, so a support lead can fix the file without reading code:
///
/// ```
/// use helpdesk_ai::routing::Router;
/// let rules = helpdesk_ai::routing::DEFAULT_RULES_JSON.replacen("\"team\": \"billing\"", "\"team\": \"bilingg\"", 1);
/// let err = Router::from_json(&rules).unwrap_err();
/// assert_eq!(err.to_string(), "rules: rule 2 (\"billing-any\"): unknown team \"bilingg\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutingError {
    /// Which data: `rules`, `calendar`, `escalation`, `templates` or `roster`.
    pub source: &'static str,
    /// The item at fault, e.g. `rule 2 ("billing-any")` (rules and agents are numbered from 1);
    /// empty when the problem is the whole document (e.g. malformed JSON).
    pub item: String,
    /// What is wrong, in words.
    pub message: String,
}

impl RoutingError {
    pub(crate) fn new(source: &'static str, item: impl Into<String>, message: impl Into<String>) -> Self {
        RoutingError { source, item: item.into(), message: message.into() }
    }

    /// A JSON document that does not parse or has the wrong shape.
    pub(crate) fn json(source: &'static str, item: impl Into<String>, err: &serde_json::Error) -> Self {
        RoutingError::new(source, item, err.to_string())
    }

    /// The same error with a hint appended (for serde's less telling messages).
    pub(crate) fn with_hint(mut self, hint: &str) -> Self {
        self.message = format!("{} ({hint})", self.message);
        self
    }
}

impl fmt::Display for RoutingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.item.is_empty() {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}: {}: {}", self.source, self.item, self.message)
        }
    }
}

impl std::error::Error for RoutingError {}
