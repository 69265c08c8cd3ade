//! One call that reads a ticket: language, entities, redaction, keywords, concepts, sentiment.

use crate::concepts::{longest_non_overlapping, ConceptDictionary, ConceptMatch};
use crate::entities::{Entity, EntityExtractor};
use crate::error::InputError;
use crate::keywords::{self, Keywords, Source};
use crate::redact::{Masked, Redactor};
use crate::sentiment::{Sentiment, SentimentAnalyzer};
use crate::text::{
    html_to_text, looks_like_html, split_reply, LanguageDetector, LanguageGuess, Pipeline, Token,
};
use serde::{Deserialize, Serialize};

/// The most of a subject that is analysed; the rest is ignored (and reported as truncated).
pub const MAX_SUBJECT_BYTES: usize = 4 * 1024;
/// The most of a message body that is analysed. Longer bodies are almost always pasted logs or
/// attachments; the first 64 KiB say what the ticket is about and keep the work bounded.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

/// A support ticket as it arrives.
///
/// ```
/// use helpdesk_ai::Ticket;
/// let t: Ticket = serde_json::from_str(r#"{"id":"T-1","subject":"Login","message":"I can't log in"}"#).unwrap();
/// assert_eq!(t.subject, "Login");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// The caller's identifier, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The subject line (may be empty: chats have none).
    #[serde(default)]
    pub subject: String,
    /// The body: plain text or HTML.
    #[serde(default)]
    pub message: String,
}

impl Ticket {
    /// A ticket with a subject and a message.
    pub fn new(subject: impl Into<String>, message: impl Into<String>) -> Self {
        Ticket { id: None, subject: subject.into(), message: message.into() }
    }
}

/// Which field of the ticket a span refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The subject line.
    Subject,
    /// The message body (its plain text when the body was HTML; see [`TextInfo::plain`]).
    Message,
}

/// An entity and the field it was found in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldEntity {
    /// The field the span indexes.
    pub field: Field,
    /// The entity.
    #[serde(flatten)]
    pub entity: Entity,
}

/// A masked secret and the field it was in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldMasked {
    /// The field the span indexes.
    pub field: Field,
    /// What was masked, and where.
    #[serde(flatten)]
    pub masked: Masked,
}

/// The ticket with its secrets masked, ready to forward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Redaction {
    /// The subject, redacted.
    pub subject: String,
    /// The message, redacted (plain text when the body was HTML).
    pub message: String,
    /// What was masked, with spans in the original fields.
    pub masked: Vec<FieldMasked>,
}

/// How the body was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextInfo {
    /// The body was HTML and was converted to text.
    pub html: bool,
    /// The plain text that message spans index, when it differs from the input (HTML bodies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    /// A field was longer than the analysis limit and only its beginning was analysed.
    pub truncated: bool,
    /// Byte ranges of the new text the customer wrote (quotes and signature excluded).
    pub new_text: Vec<[usize; 2]>,
    /// Bytes of quoted earlier messages.
    pub quoted_bytes: usize,
    /// A signature was recognised and left out of sentiment and classification.
    pub signature: bool,
}

/// Everything the core understands about one ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The ticket's id, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The language of the new text.
    pub language: LanguageGuess,
    /// How the body was read.
    pub text: TextInfo,
    /// Entities, subject first, each in order of appearance.
    pub entities: Vec<FieldEntity>,
    /// The ticket with its secrets masked.
    pub redaction: Redaction,
    /// Keywords in the seed's four groups.
    pub keywords: Keywords,
    /// Concept ids found in the new text, in order of first appearance.
    pub concepts: Vec<String>,
    /// Sentiment, urgency and emotions of the new text.
    pub sentiment: Sentiment,
}

/// The understanding part of the engine: text pipeline and every resource built once.
///
/// ```
/// use helpdesk_ai::{Analyzer, Ticket};
/// let analyzer = Analyzer::default();
/// let a = analyzer.analyze(&Ticket::new("Ошибка 401", "При вызове API получаю 401 Unauthorized, хотя ключ верный. Срочно!")).unwrap();
/// assert_eq!(a.language.code.code(), "ru");
/// assert!(a.entities.iter().any(|e| e.entity.value.as_deref() == Some("401")));
/// assert_eq!(a.sentiment.label.as_str(), "negative");
/// ```
#[derive(Debug)]
pub struct Analyzer {
    pipeline: Pipeline,
    concepts: ConceptDictionary,
    entities: EntityExtractor,
    redactor: Redactor,
    sentiment: SentimentAnalyzer,
    language: LanguageDetector,
}

impl Default for Analyzer {
    /// The analyzer with every embedded default (stopwords, concepts, lexicons).
    fn default() -> Self {
        let mut pipeline = Pipeline::default();
        for vocabulary in
            [crate::concepts::EMBEDDED, crate::sentiment::EMBEDDED_EN, crate::sentiment::EMBEDDED_RU]
        {
            pipeline.learn_vocabulary(vocabulary);
        }
        let concepts = ConceptDictionary::embedded(&pipeline);
        let sentiment = SentimentAnalyzer::embedded(&pipeline);
        Analyzer::from_parts(pipeline, concepts, EntityExtractor::default(), sentiment)
    }
}

impl Analyzer {
    /// An analyzer from its parts (for teams replacing a default resource).
    pub fn from_parts(
        pipeline: Pipeline,
        concepts: ConceptDictionary,
        entities: EntityExtractor,
        sentiment: SentimentAnalyzer,
    ) -> Self {
        let language = LanguageDetector::new(pipeline.english_stopwords().chain(concepts.latin_stems()));
        Analyzer { pipeline, concepts, entities, redactor: Redactor::default(), sentiment, language }
    }

    /// The text pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// The concept dictionary.
    pub fn concepts(&self) -> &ConceptDictionary {
        &self.concepts
    }

    /// The sentiment analyser.
    pub fn sentiment_analyzer(&self) -> &SentimentAnalyzer {
        &self.sentiment
    }

    /// The language detector.
    pub fn language_detector(&self) -> &LanguageDetector {
        &self.language
    }

    /// Reads a ticket. Fails only when there is nothing to read.
    pub fn analyze(&self, ticket: &Ticket) -> Result<Analysis, InputError> {
        self.analyze_with_tokens(ticket).map(|(analysis, _)| analysis)
    }

    /// Reads a ticket and also returns the tokens of its new text (subject, a line break, then
    /// the body with quotes and signature blanked) — what the classifier's features are made of.
    pub fn analyze_with_tokens(&self, ticket: &Ticket) -> Result<(Analysis, Vec<Token>), InputError> {
        check_is_text(&ticket.subject, "subject")?;
        check_is_text(&ticket.message, "message")?;
        if ticket.subject.trim().is_empty() && ticket.message.trim().is_empty() {
            return Err(InputError::Empty);
        }
        let html = looks_like_html(&ticket.message);
        let plain = html.then(|| html_to_text(&ticket.message));
        let body_full = plain.as_deref().unwrap_or(&ticket.message);
        let subject = truncate(&ticket.subject, MAX_SUBJECT_BYTES);
        let body = truncate(body_full, MAX_MESSAGE_BYTES);
        let truncated = subject.len() < ticket.subject.len() || body.len() < body_full.len();

        // New text only: quotes and signature are blanked byte-for-byte so offsets still index
        // the body. Entities keep the signature (its phone and e-mail are the customer's).
        let parts = split_reply(body);
        let mut entity_text = body.to_string();
        for r in &parts.quoted {
            blank(&mut entity_text, r.clone());
        }
        let mut focus = entity_text.clone();
        if let Some(sig) = &parts.signature {
            blank(&mut focus, sig.clone());
        }

        // One token stream for subject and body: "subject\n body".
        let combined = format!("{subject}\n{focus}");
        let offset = subject.len() + 1;
        let tokens = self.pipeline.tokens(&combined);
        let split_at = tokens.partition_point(|t| t.start < offset);
        let language = self.language.detect(&combined, &tokens);
        let sentiment = self.sentiment.analyze(&combined, &tokens);

        // Concepts per field, so that a phrase never spans the subject/body break.
        let concept_matches: Vec<ConceptMatch> = {
            let mut m = self.concepts.find(&tokens[..split_at]);
            m.extend(self.concepts.find(&tokens[split_at..]).into_iter().map(|mut c| {
                c.first_token += split_at;
                c.end_token += split_at;
                c
            }));
            m
        };
        let mut concepts: Vec<String> = Vec::new();
        for m in &concept_matches {
            let id = &self.concepts.concepts()[m.concept].id;
            if !concepts.contains(id) {
                concepts.push(id.clone());
            }
        }

        let subject_entities = self.entities.extract(subject);
        let body_entities = self.entities.extract(&entity_text);
        let keywords = self.keywords(
            &combined,
            offset,
            &longest_non_overlapping(&concept_matches),
            &subject_entities,
            &body_entities,
            &parts.signature,
        );
        let entities = subject_entities
            .into_iter()
            .map(|entity| FieldEntity { field: Field::Subject, entity })
            .chain(body_entities.into_iter().map(|entity| FieldEntity { field: Field::Message, entity }))
            .collect();

        let redacted_subject = self.redactor.redact(&ticket.subject);
        let redacted_body = self.redactor.redact(body_full);
        let masked = redacted_subject
            .masked
            .into_iter()
            .map(|masked| FieldMasked { field: Field::Subject, masked })
            .chain(
                redacted_body.masked.into_iter().map(|masked| FieldMasked { field: Field::Message, masked }),
            )
            .collect();

        let analysis = Analysis {
            id: ticket.id.clone(),
            language,
            text: TextInfo {
                html,
                plain: plain.clone(),
                truncated,
                new_text: parts.new_text.iter().map(|r| [r.start, r.end]).collect(),
                quoted_bytes: parts.quoted.iter().map(|r| r.len()).sum(),
                signature: parts.signature.is_some(),
            },
            entities,
            redaction: Redaction { subject: redacted_subject.text, message: redacted_body.text, masked },
            keywords,
            concepts,
            sentiment,
        };
        Ok((analysis, tokens))
    }

    /// Tokens of a text through this analyzer's pipeline.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.pipeline.tokens(text)
    }

    fn keywords(
        &self,
        combined: &str,
        offset: usize,
        matches: &[ConceptMatch],
        subject_entities: &[Entity],
        body_entities: &[Entity],
        signature: &Option<std::ops::Range<usize>>,
    ) -> Keywords {
        // Items in reading order; an entity inside a concept match is the same keyword twice.
        let mut items: Vec<(usize, Source<'_>, &str)> = Vec::new();
        for m in matches {
            items.push((m.start, Source::Concept(m), &combined[m.start..m.end]));
        }
        let covered = |start: usize, end: usize| matches.iter().any(|m| m.start < end && start < m.end);
        for e in subject_entities {
            if !covered(e.span.start, e.span.end) {
                items.push((e.span.start, Source::Entity(e), e.text.as_str()));
            }
        }
        for e in body_entities {
            let in_signature =
                signature.as_ref().is_some_and(|s| s.start <= e.span.start && e.span.start < s.end);
            if !in_signature && !covered(e.span.start + offset, e.span.end + offset) {
                items.push((e.span.start + offset, Source::Entity(e), e.text.as_str()));
            }
        }
        crate::sort::sort_by_key(&mut items, |(pos, _, _)| *pos);
        keywords::extract(&self.concepts, items.into_iter().map(|(_, s, t)| (s, t)))
    }
}

/// Cuts `text` to at most `max` bytes on a char boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Replaces a byte range with spaces, one per byte, so offsets after it stay valid.
fn blank(text: &mut String, range: std::ops::Range<usize>) {
    let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    let spaces = " ".repeat(end - start);
    text.replace_range(start..end, &spaces);
}

/// Rejects fields that are binary garbage rather than text.
fn check_is_text(text: &str, field: &'static str) -> Result<(), InputError> {
    let sample = text.chars().take(4096);
    let (mut total, mut control) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    if total >= 8 && control * 10 > total * 3 {
        return Err(InputError::NotText { field });
    }
    Ok(())
}
