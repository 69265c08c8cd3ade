//! Errors as types: every way an outside input can be wrong has a name and a clear message.

use std::fmt;

/// A data file (lexicon, concept dictionary, stopwords…) that could not be loaded.
///
/// ```
/// use helpdesk_ai::concepts::ConceptDictionary;
/// let err = ConceptDictionary::from_tsv("password\tauthentication\n").unwrap_err();
/// assert_eq!(err.line, 1);
/// assert!(err.to_string().contains("concepts, line 1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Which data file (`concepts`, `sentiment`, `stopwords`, `contractions`, …).
    pub source: &'static str,
    /// 1-based line of the problem (0 when the problem is the whole file).
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl DataError {
    pub(crate) fn new(source: &'static str, line: usize, message: impl Into<String>) -> Self {
        DataError { source, line, message: message.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// A ticket that cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Both subject and message are empty (or only whitespace).
    Empty,
    /// A field holds something that is not text (binary garbage, control characters only).
    NotText {
        /// The offending field.
        field: &'static str,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the ticket has no text: subject and message are both empty"),
            InputError::NotText { field } => {
                write!(f, "the {field} is not text: it is mostly control characters or binary data")
            }
        }
    }
}

impl std::error::Error for InputError {}
