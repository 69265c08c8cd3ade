//! Knowledge-base articles as the seed describes them, read from JSON and validated.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The most articles one knowledge base holds (a guard against hostile input, far above any
/// real help centre).
pub const MAX_ARTICLES: usize = 200_000;
/// The most bytes of text one article may carry in all its fields.
pub const MAX_ARTICLE_BYTES: usize = 256 * 1024;

/// How often an article was shown, judged and used — what ranking learns from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Effectiveness {
    /// Times opened.
    pub views: u32,
    /// "Did this solve your problem?" — yes.
    pub helpful: u32,
    /// … — no.
    pub not_helpful: u32,
    /// Times suggested for a ticket or shown in results.
    pub suggested: u32,
    /// Times a ticket was resolved with it.
    pub resolved: u32,
    /// Times a user read it and did not file a ticket.
    pub deflected: u32,
}

/// One knowledge-base article. Only `id` and `title` are required; everything else has a
/// sensible default.
///
/// ```
/// use helpdesk_ai::kb::Article;
/// let a: Article = serde_json::from_str(r#"{"id": "kb-1", "title": "Reset your password"}"#).unwrap();
/// assert_eq!(a.lang, "");
/// assert!(a.tags.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Unique id (1–128 bytes).
    pub id: String,
    /// Language code (`en`, `ru`); empty when unknown.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Ticket category it answers (`account_issue` …), if any.
    pub category: String,
    /// Product area (`authentication` …), if any.
    pub area: String,
    /// Tags.
    pub tags: Vec<String>,
    /// What the user sees or says.
    pub symptoms: Vec<String>,
    /// Troubleshooting or how-to steps, in order.
    pub steps: Vec<String>,
    /// Explanation.
    pub body: String,
    /// Related article ids.
    pub related: Vec<String>,
    /// `beginner` or `advanced`; empty for everyone.
    pub audience: String,
    /// `all`, `free`, `pro`, `enterprise` …; empty means all.
    pub product_tier: String,
    /// Product version it applies to, if any.
    pub version: String,
    /// Last update, `YYYY-MM-DD` (a longer RFC 3339 timestamp is accepted; its date is used).
    pub updated_at: String,
    /// Effectiveness counters.
    pub effectiveness: Effectiveness,
    /// Queries this article answered, as users typed them (normalised), with how often —
    /// learned from feedback ([`super::KnowledgeBase::learn`]) and searched as the article's
    /// own words: next time someone asks that way, it is found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub learned_queries: Vec<LearnedQuery>,
}

/// A query an article answered, and how many times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearnedQuery {
    /// The query, normalised (lower case, single spaces, at most 200 characters).
    pub query: String,
    /// Times it was answered by the article (at least 1).
    pub count: u32,
}

/// The most distinct queries one article learns (more are not added; counts keep growing).
pub const MAX_LEARNED_QUERIES: usize = 64;

impl Article {
    /// The day number (days since 1970-01-01) of `updated_at`, if it is a valid date.
    pub fn updated_day(&self) -> Option<i64> {
        parse_day(&self.updated_at)
    }

    fn text_bytes(&self) -> usize {
        self.title.len()
            + self.body.len()
            + self.tags.iter().chain(&self.symptoms).chain(&self.steps).map(String::len).sum::<usize>()
    }

    /// Checks the article; the error names it.
    pub fn validate(&self) -> Result<(), KbError> {
        let bad = |message: String| Err(KbError::Article { id: self.id.clone(), message });
        if self.id.is_empty() || self.id.len() > 128 {
            return bad("`id` must be 1–128 bytes".into());
        }
        if self.id.chars().any(char::is_control) {
            return bad("`id` contains control characters".into());
        }
        if self.title.trim().is_empty() {
            return bad("`title` is empty".into());
        }
        if self.text_bytes() > MAX_ARTICLE_BYTES {
            return bad(format!("more than {} KiB of text", MAX_ARTICLE_BYTES / 1024));
        }
        if self.learned_queries.len() > MAX_LEARNED_QUERIES {
            return bad(format!("more than {MAX_LEARNED_QUERIES} learned queries"));
        }
        if self
            .learned_queries
            .iter()
            .any(|l| l.count == 0 || l.query.trim().is_empty() || l.query.chars().count() > 200)
        {
            return bad("a learned query is empty, longer than 200 characters or counted 0 times".into());
        }
        if !self.updated_at.is_empty() && self.updated_day().is_none() {
            return bad(format!("`updated_at` {:?} is not a YYYY-MM-DD date", self.updated_at));
        }
        Ok(())
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (optionally followed by `T…`).
///
/// ```
/// use helpdesk_ai::kb::parse_day;
/// assert_eq!(parse_day("1970-01-02"), Some(1));
/// assert_eq!(parse_day("2026-11-25T10:00:00Z"), Some(20_782));
/// assert_eq!(parse_day("2026-02-30"), None);
/// ```
pub fn parse_day(text: &str) -> Option<i64> {
    let date = text.get(..10)?;
    if text.len() > 10 && !text[10..].starts_with(['T', 't', ' ']) {
        return None;
    }
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse::<i64>().ok()).flatten();
    let (y, m, d) = (num(&date[..4])?, num(&date[5..7])?, num(&date[8..10])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month[(m - 1) as usize] {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// What can be wrong with knowledge-base input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KbError {
    /// The JSON could not be read.
    Json(String),
    /// One article is invalid.
    Article {
        /// Its id (possibly empty).
        id: String,
        /// What is wrong.
        message: String,
    },
    /// Two articles share an id.
    DuplicateId(String),
    /// More articles than [`MAX_ARTICLES`].
    TooMany(usize),
    /// No article has this id.
    UnknownArticle(String),
    /// Index bytes that cannot be used.
    Bytes(&'static str),
    /// Ranking weights that cannot be used.
    Weights(String),
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KbError::Json(m) => write!(f, "knowledge base JSON: {m}"),
            KbError::Article { id, message } => write!(f, "article {id:?}: {message}"),
            KbError::DuplicateId(id) => write!(f, "article id {id:?} appears twice"),
            KbError::TooMany(n) => write!(f, "{n} articles; a knowledge base holds at most {MAX_ARTICLES}"),
            KbError::UnknownArticle(id) => write!(f, "no article with id {id:?}"),
            KbError::Bytes(m) => write!(f, "knowledge base bytes: {m}"),
            KbError::Weights(m) => write!(f, "ranking weights: {m}"),
        }
    }
}

impl std::error::Error for KbError {}

/// Reads a JSON array of articles, validating each.
///
/// ```
/// use helpdesk_ai::kb::{articles_from_json, KbError};
/// let ok = articles_from_json(r#"[{"id": "a", "title": "Reset password"}]"#).unwrap();
/// assert_eq!(ok.len(), 1);
/// let err = articles_from_json(r#"[{"id": "a", "title": ""}]"#).unwrap_err();
/// assert!(matches!(err, KbError::Article { .. }), "{err}");
/// assert!(articles_from_json("{").is_err());
/// ```
pub fn articles_from_json(json: &str) -> Result<Vec<Article>, KbError> {
    let articles: Vec<Article> = serde_json::from_str(json).map_err(|e| KbError::Json(e.to_string()))?;
    if articles.len() > MAX_ARTICLES {
        return Err(KbError::TooMany(articles.len()));
    }
    for a in &articles {
        a.validate()?;
    }
    Ok(articles)
}
