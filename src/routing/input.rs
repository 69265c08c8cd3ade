//! What routing is told about a ticket and its customer.

use super::time::{opt_unix_seconds, unix_seconds};
use crate::labels::label_enum;
use crate::labels::{Area, Category, Complexity, Priority};
use crate::sentiment::Trend;
use crate::text::Language;
use crate::triage::Decision;
use serde::{Deserialize, Serialize};

label_enum! {
    /// The customer's plan (the seed's customer tiers); `standard` by default.
    #[derive(Default)]
    Tier {
        /// Enterprise customers: senior agents.
        Enterprise = "enterprise",
        /// Premium customers: experienced agents.
        Premium = "premium",
        /// Standard customers: standard routing.
        #[default]
        Standard = "standard",
        /// Trial users: junior agents or self-service.
        Trial = "trial",
    }
}

label_enum! {
    /// Where the ticket came from, which is where the auto-reply goes; `email` by default.
    #[derive(Default)]
    Channel {
        /// E-mail: a formal, complete reply.
        #[default]
        Email = "email",
        /// Live chat: short.
        Chat = "chat",
        /// Social media: brief and public-safe.
        Social = "social",
        /// Phone (the reply is a short text message).
        Phone = "phone",
        /// A web form (the reply is an e-mail).
        Web = "web",
    }
}

/// A knowledge-base article suggested for the ticket, to include in the auto-reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbSuggestion {
    /// The article's title.
    pub title: String,
    /// Its address (only `http://` and `https://` addresses are shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its id, shown when there is no address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

fn auto() -> Decision {
    Decision::Auto
}

fn und() -> Language {
    Language::Und
}

/// A ticket as routing sees it: the triage labels plus what is known about the customer.
///
/// In JSON, times are RFC 3339 strings (or Unix seconds); every field but the four labels and
/// `created_at` may be left out.
///
/// ```
/// use helpdesk_ai::routing::{Channel, RoutingInput, Tier};
/// let input: RoutingInput = serde_json::from_str(r#"{
///     "category": "billing_issue", "area": "billing_system", "priority": "P3", "complexity": "L1",
///     "created_at": "2026-03-09T10:00:00+03:00", "tier": "premium", "language": "ru"
/// }"#).unwrap();
/// assert_eq!((input.tier, input.channel), (Tier::Premium, Channel::Email));
/// assert_eq!(input.created_at, 1_773_039_600);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutingInput {
    /// The ticket's id, quoted in the auto-reply.
    #[serde(default, alias = "id", skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
    /// The ticket's subject, quoted in e-mail replies (never on social media).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Category.
    pub category: Category,
    /// Product area.
    pub area: Area,
    /// Priority.
    pub priority: Priority,
    /// Complexity.
    pub complexity: Complexity,
    /// The classifier's confidence decision; `auto` when not given.
    #[serde(default = "auto")]
    pub decision: Decision,
    /// The customer's language; `und` (answered in English) when not given.
    #[serde(default = "und")]
    pub language: Language,
    /// The customer's tier; `standard` when not given.
    #[serde(default)]
    pub tier: Tier,
    /// The channel; `email` when not given.
    #[serde(default)]
    pub channel: Channel,
    /// When the ticket was created: the SLA clock starts here.
    #[serde(with = "unix_seconds")]
    pub created_at: i64,
    /// The moment of routing (agents' availability is judged at this time); `created_at` when
    /// not given.
    #[serde(default, with = "opt_unix_seconds", skip_serializing_if = "Option::is_none")]
    pub now: Option<i64>,
    /// The customer's id (to check that a given history is theirs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The customer's sentiment score, −1 … 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<f64>,
    /// The customer's mood across the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_trend: Option<Trend>,
    /// A VIP customer.
    #[serde(default)]
    pub vip: bool,
    /// The customer has made a complaint (a `feedback_complaint` ticket with non-positive
    /// sentiment counts as one too).
    #[serde(default)]
    pub complaint: bool,
    /// Resolution attempts that failed so far.
    #[serde(default)]
    pub failed_attempts: u32,
    /// Knowledge-base suggestions, best first, for the auto-reply (and for self-service).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kb: Vec<KbSuggestion>,
}

impl RoutingInput {
    /// A ticket with its four labels and creation time; everything else at its default
    /// (auto decision, unknown language, standard tier, e-mail).
    pub fn new(
        category: Category,
        area: Area,
        priority: Priority,
        complexity: Complexity,
        created_at: i64,
    ) -> RoutingInput {
        RoutingInput {
            ticket_id: None,
            subject: None,
            category,
            area,
            priority,
            complexity,
            decision: Decision::Auto,
            language: Language::Und,
            tier: Tier::Standard,
            channel: Channel::Email,
            created_at,
            now: None,
            customer_id: None,
            sentiment: None,
            sentiment_trend: None,
            vip: false,
            complaint: false,
            failed_attempts: 0,
            kb: Vec::new(),
        }
    }

    /// Whether the ticket is a complaint: flagged as one, or a `feedback_complaint` whose
    /// sentiment is not positive (praise is feedback too, and is not escalated to management).
    pub fn is_complaint(&self) -> bool {
        self.complaint
            || (self.category == Category::FeedbackComplaint
                && self.sentiment.is_none_or(|s| s.is_nan() || s <= 0.0))
    }
}

/// One of the customer's earlier tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastTicket {
    /// The id of the agent who handled it.
    pub agent: String,
    /// Whether it was resolved.
    #[serde(default)]
    pub resolved: bool,
    /// Whether the customer was satisfied, if asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfied: Option<bool>,
    /// Whether it had to be escalated.
    #[serde(default)]
    pub escalated: bool,
    /// Its complexity, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complexity: Option<Complexity>,
}

/// A repeat customer's earlier tickets, most recent last (the seed's repeat-customer routing:
/// agent familiarity, complexity pattern, escalation history).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CustomerHistory {
    /// Whose history this is; when both this and the ticket's `customer_id` are given and
    /// differ, the history is ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The tickets.
    #[serde(default)]
    pub tickets: Vec<PastTicket>,
}
