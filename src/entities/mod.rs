//! Entity extraction: the concrete things a support ticket mentions — HTTP statuses, error codes,
//! exceptions, endpoints, URLs, e-mails, phones, money, dates, durations, ticket ids, versions,
//! browsers, operating systems, devices, product features and integrations — in English and
//! Russian (and the usual mix of both).
//!
//! ```
//! use helpdesk_ai::entities::{EntityExtractor, EntityKind};
//! let ex = EntityExtractor::new();
//! let text = "ошибка 401 при вызове API в Chrome 120 с понедельника";
//! let found: Vec<(EntityKind, Option<String>)> =
//!     ex.extract(text).into_iter().map(|e| (e.kind, e.value)).collect();
//! assert_eq!(found, vec![
//!     (EntityKind::HttpStatus, Some("401".into())),
//!     (EntityKind::Feature, Some("API".into())),
//!     (EntityKind::Browser, Some("Chrome".into())),
//!     (EntityKind::Version, Some("Chrome 120".into())),
//!     (EntityKind::Date, Some("weekday:monday".into())),
//! ]);
//! ```
//!
//! # How it works
//!
//! Two sources of candidates run over the original text:
//!
//! * **pattern rules** — one regex per surface form (about 40), each with a handler that validates
//!   the match and normalises its value. A [`regex::RegexSet`] pass first tells which rules can
//!   match at all, so a typical ticket runs only a handful of them;
//! * **the lexicon** — every alias of `data/entities.tsv` (or a lexicon given to
//!   [`EntityExtractor::with_lexicon`]) compiled into one alternation, longest alias first.
//!
//! Candidates may overlap; the longest (in characters) wins, ties go to the more specific kind
//! (e-mail > URL > endpoint > phone > date > money > duration > HTTP status > error code >
//! exception > ticket id > version > device > integration > browser > OS > feature), then to the
//! earlier start. The result is sorted by start and free of overlaps.
//!
//! # Span rules
//!
//! * Spans index the original text (UTF-8 bytes, plus UTF-16 units for JavaScript):
//!   `&text[e.span.start..e.span.end] == e.text`.
//! * A span covers the whole expression including a *naming* keyword or preposition that is part
//!   of it: `HTTP 502`, `error 500`, `ошибка 403`, `500 Internal Server Error`, `SQLSTATE 23505`,
//!   `ticket 48213`, `заказ №12345`, `version 5.4`, `for 3 hours`, `уже 3 дня`, `since Tuesday`,
//!   `на прошлой неделе`, `USD 20`.
//! * Verbs that only *evidence* an entity are required but stay outside the span:
//!   in `returns 404` or `получаю 500` the span is `404` / `500`.
//! * A version number right after a browser or OS name is its own [`EntityKind::Version`] entity
//!   covering just the number, valued `"<canonical name> <number>"`: `iOS 17.2` gives Os `iOS`
//!   and Version `17.2` (value `"iOS 17.2"`). Lexicon entries that name a product generation
//!   (`Windows 11`) stay one entity. A standalone version (`v2.3.1`, `version 5.4`,
//!   `версия 3.2.1`, a bare `2.3.1`) is valued by its number (`"2.3.1"`).
//!
//! # Values
//!
//! | kind | value |
//! |---|---|
//! | HttpStatus | the code, `"401"` |
//! | ErrorCode | uppercase code: `"ORA-00942"`, `"0x80070005"` (hex digits uppercase), `"SQLSTATE 23505"`, `"ERRNO 13"`, `"ERR_CONNECTION_REFUSED"`; a numeric code after `error code`/`код ошибки` is the number |
//! | Exception | the name as written, `"java.lang.IllegalStateException"` |
//! | Endpoint | `"GET /api/v2/users"` or the bare path, without query string |
//! | Url | the URL with scheme and host lowercased |
//! | Email | lowercased address |
//! | Phone | `+` and digits; `8 (495) …` becomes `+7…`, `(415) 555-0132` becomes `+1…` |
//! | Money | `"<amount> <ISO 4217>"`: `"1299.99 USD"`, `"1500 RUB"` |
//! | Date | `"2024-03-03"`, `"--03-03"` (no year), `"2024-03"`, `"relative:-1d"`, `"relative:0d"`, `"relative:-1w"`, `"relative:-2h"`, `"weekday:tuesday"`, `"weekday:weekend"` |
//! | Duration | ISO 8601: `"PT3H"`, `"P2D"`, `"PT30M"`, `"P2W"`, `"P1M"` |
//! | TicketId | uppercase id without `#`/`№`: `"INV-20931"`, `"48213"`, `"A-77"` |
//! | Version | see above |
//! | Browser, Os, Device, Feature, Integration | the lexicon's canonical name; device models are normalised (`"iPhone 13 Pro"`, `"Galaxy A52"`) |
//!
//! The core has no clock, so relative dates stay symbolic; a host that knows "now" resolves them.
//! Slash dates are read month-first (US) unless the first number exceeds 12 or the text contains
//! Cyrillic; dotted and dashed dates are day-first.

mod dates;
mod lexicon;
mod patterns;

use std::collections::BTreeMap;
use std::fmt;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};

use crate::span::{Span, Utf16Map};
use lexicon::Lexicon;
use patterns::{Ctx, Handler};

/// The embedded default lexicon (`data/entities.tsv`).
const DEFAULT_LEXICON: &str = include_str!("../../data/entities.tsv");

/// What kind of thing an [`Entity`] is.
///
/// ```
/// use helpdesk_ai::entities::EntityKind;
/// assert_eq!(EntityKind::HttpStatus.as_str(), "http_status");
/// assert_eq!(serde_json::to_string(&EntityKind::TicketId).unwrap(), "\"ticket_id\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// An HTTP status code: `401`, `HTTP 502`, `500 Internal Server Error`, `ошибка 403`.
    HttpStatus,
    /// An application or system error code: `0x80070005`, `ORA-00942`, `ERR_CONNECTION_REFUSED`.
    ErrorCode,
    /// An exception or error type name: `NullPointerException`, `TypeError`, `ECONNRESET`.
    Exception,
    /// An API endpoint: `GET /api/v2/users`, `/v1/orders/{id}`.
    Endpoint,
    /// A web address: `https://…`, `www.example.com`, `status.example.io`.
    Url,
    /// An e-mail address.
    Email,
    /// A phone number: `+7 916 123-45-67`, `8 (495) 123-45-67`, `+1 415 555 0132`.
    Phone,
    /// An amount of money: `$1,299.99`, `49 €`, `2990 рублей`, `USD 20`.
    Money,
    /// A calendar date, a relative day or a weekday: `3 March 2024`, `вчера`, `since Tuesday`.
    Date,
    /// A length of time: `for 3 hours`, `уже 3 дня`, `30 минут`.
    Duration,
    /// A ticket, order or invoice id: `INV-20931`, `#48213`, `заказ №12345`.
    TicketId,
    /// A software version: `v2.3.1`, `version 5.4`, `17.2` after `iOS`.
    Version,
    /// A web browser: Chrome, Firefox, Яндекс Браузер.
    Browser,
    /// An operating system: Windows 11, macOS, Android.
    Os,
    /// A device or device model: iPhone 13, Galaxy S23, ноутбук.
    Device,
    /// A product feature or area: dashboard, SSO, 2FA, отчеты.
    Feature,
    /// A third-party integration: Salesforce, Slack, 1С, amoCRM.
    Integration,
}

impl EntityKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// use helpdesk_ai::entities::EntityKind;
    /// assert_eq!(EntityKind::ALL.len(), 17);
    /// ```
    pub const ALL: [EntityKind; 17] = [
        EntityKind::HttpStatus,
        EntityKind::ErrorCode,
        EntityKind::Exception,
        EntityKind::Endpoint,
        EntityKind::Url,
        EntityKind::Email,
        EntityKind::Phone,
        EntityKind::Money,
        EntityKind::Date,
        EntityKind::Duration,
        EntityKind::TicketId,
        EntityKind::Version,
        EntityKind::Browser,
        EntityKind::Os,
        EntityKind::Device,
        EntityKind::Feature,
        EntityKind::Integration,
    ];

    /// The snake_case name, the same string serde uses.
    ///
    /// ```
    /// use helpdesk_ai::entities::EntityKind;
    /// assert_eq!(EntityKind::ErrorCode.as_str(), "error_code");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::HttpStatus => "http_status",
            EntityKind::ErrorCode => "error_code",
            EntityKind::Exception => "exception",
            EntityKind::Endpoint => "endpoint",
            EntityKind::Url => "url",
            EntityKind::Email => "email",
            EntityKind::Phone => "phone",
            EntityKind::Money => "money",
            EntityKind::Date => "date",
            EntityKind::Duration => "duration",
            EntityKind::TicketId => "ticket_id",
            EntityKind::Version => "version",
            EntityKind::Browser => "browser",
            EntityKind::Os => "os",
            EntityKind::Device => "device",
            EntityKind::Feature => "feature",
            EntityKind::Integration => "integration",
        }
    }

    /// Tie-break rank when two overlapping candidates are equally long: higher wins.
    fn specificity(self) -> u8 {
        match self {
            EntityKind::Email => 17,
            EntityKind::Url => 16,
            EntityKind::Endpoint => 15,
            EntityKind::Phone => 14,
            EntityKind::Date => 13,
            EntityKind::Money => 12,
            EntityKind::Duration => 11,
            EntityKind::HttpStatus => 10,
            EntityKind::ErrorCode => 9,
            EntityKind::Exception => 8,
            EntityKind::TicketId => 7,
            EntityKind::Version => 6,
            EntityKind::Device => 5,
            EntityKind::Integration => 4,
            EntityKind::Browser => 3,
            EntityKind::Os => 2,
            EntityKind::Feature => 1,
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing found in a text.
///
/// ```
/// use helpdesk_ai::entities::{EntityExtractor, EntityKind};
/// let text = "Заказ №12345 оплачен: 1 500 ₽";
/// let found = EntityExtractor::new().extract(text);
/// assert_eq!(found[0].kind, EntityKind::TicketId);
/// assert_eq!(found[0].text, "Заказ №12345");
/// assert_eq!(found[0].value.as_deref(), Some("12345"));
/// assert_eq!(found[1].kind, EntityKind::Money);
/// assert_eq!(found[1].value.as_deref(), Some("1500 RUB"));
/// assert_eq!(&text[found[1].span.start..found[1].span.end], found[1].text);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// What the entity is.
    pub kind: EntityKind,
    /// The entity exactly as written (equals the spanned slice of the input).
    pub text: String,
    /// The normalised value (see the module documentation), when there is one.
    pub value: Option<String>,
    /// Where it is in the input, in UTF-8 bytes and UTF-16 units.
    pub span: Span,
}

/// A lexicon that could not be loaded.
///
/// ```
/// use helpdesk_ai::entities::EntityExtractor;
/// let err = EntityExtractor::with_lexicon("browser\tChrome\tchrome\nplanet\tMars\tmars\n").unwrap_err();
/// assert_eq!(err.line, 2);
/// assert!(err.to_string().contains("line 2"));
/// ```
#[derive(Debug)]
pub struct LexiconError {
    /// The 1-based line of the TSV text at fault (0 when the lexicon as a whole is at fault,
    /// e.g. too large to compile).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entity lexicon line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// A compiled pattern rule.
struct Rule {
    kind: EntityKind,
    regex: Regex,
    handler: Handler,
    manual_left: bool,
}

/// Finds entities in text. Build it once (compiling takes milliseconds) and reuse it; it is
/// immutable and can be shared between threads.
///
/// ```
/// use helpdesk_ai::entities::{EntityExtractor, EntityKind};
/// let ex = EntityExtractor::default();
/// let found = ex.extract("Since yesterday GET /api/v2/users returns 502 Bad Gateway");
/// let kinds: Vec<_> = found.iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [EntityKind::Date, EntityKind::Endpoint, EntityKind::HttpStatus]);
/// assert_eq!(found[2].text, "502 Bad Gateway");
/// ```
pub struct EntityExtractor {
    rules: Vec<Rule>,
    /// All rule regexes in one set: one pass over the text tells which rules can match at all.
    /// `None` if the set failed to compile (then every rule runs).
    set: Option<RegexSet>,
    lexicon: Option<Lexicon>,
}

impl fmt::Debug for EntityExtractor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntityExtractor")
            .field("rules", &self.rules.len())
            .field("lexicon_entries", &self.lexicon.as_ref().map_or(0, |l| l.entries.len()))
            .finish()
    }
}

impl Default for EntityExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// A candidate before overlap resolution.
struct Candidate {
    start: usize,
    end: usize,
    chars: usize,
    kind: EntityKind,
    value: Option<String>,
}

impl EntityExtractor {
    /// An extractor with the embedded default lexicon (`data/entities.tsv`). Never fails: were
    /// the embedded lexicon ever broken, the pattern kinds would still work.
    ///
    /// ```
    /// use helpdesk_ai::entities::{EntityExtractor, EntityKind};
    /// let found = EntityExtractor::new().extract("Okta SSO fails on my iPhone 13");
    /// let values: Vec<_> = found.iter().map(|e| (e.kind, e.value.clone().unwrap())).collect();
    /// assert_eq!(values, [
    ///     (EntityKind::Integration, "Okta".to_string()),
    ///     (EntityKind::Feature, "SSO".to_string()),
    ///     (EntityKind::Device, "iPhone 13".to_string()),
    /// ]);
    /// ```
    pub fn new() -> Self {
        Self::build(Lexicon::parse(DEFAULT_LEXICON).ok())
    }

    /// An extractor with a custom lexicon in the `data/entities.tsv` format (see the
    /// `lexicon` section of the module docs): `kind<TAB>canonical<TAB>alias | alias | ...`.
    ///
    /// ```
    /// use helpdesk_ai::entities::{EntityExtractor, EntityKind};
    /// let tsv = "# our product areas\nfeature\tKanban board\tkanban | доск* задач\n";
    /// let ex = EntityExtractor::with_lexicon(tsv).unwrap();
    /// let found = ex.extract("Доски задач не грузятся");
    /// assert_eq!(found[0].kind, EntityKind::Feature);
    /// assert_eq!(found[0].text, "Доски задач");
    /// assert_eq!(found[0].value.as_deref(), Some("Kanban board"));
    /// ```
    pub fn with_lexicon(tsv: &str) -> Result<Self, LexiconError> {
        Ok(Self::build(Some(Lexicon::parse(tsv)?)))
    }

    fn build(lexicon: Option<Lexicon>) -> Self {
        let specs = patterns::rules();
        let mut rules = Vec::with_capacity(specs.len());
        for s in specs {
            // The patterns are constants covered by tests; a rule that failed to compile would
            // be skipped rather than panic.
            if let Ok(regex) = RegexBuilder::new(&s.pattern).size_limit(32 << 20).build() {
                rules.push(Rule { kind: s.kind, regex, handler: s.handler, manual_left: s.manual_left });
            }
        }
        let set = RegexSetBuilder::new(rules.iter().map(|r| r.regex.as_str()))
            .size_limit(64 << 20)
            .dfa_size_limit(16 << 20)
            .build()
            .ok();
        EntityExtractor { rules, set, lexicon }
    }

    /// All entities in `text`, sorted by start, without overlaps. Case-insensitive, English and
    /// Russian; never panics, and runs in time roughly linear in the length of `text`.
    ///
    /// ```
    /// use helpdesk_ai::entities::{EntityExtractor, EntityKind};
    /// let ex = EntityExtractor::new();
    /// let found = ex.extract("Charged $1,299.99 twice on 3 March 2024, card ends 4242");
    /// assert_eq!(found.len(), 2);
    /// assert_eq!(found[0].value.as_deref(), Some("1299.99 USD"));
    /// assert_eq!((found[1].kind, found[1].value.as_deref()), (EntityKind::Date, Some("2024-03-03")));
    /// ```
    pub fn extract(&self, text: &str) -> Vec<Entity> {
        let mut cands: Vec<Candidate> = Vec::new();
        let mut ctx = Ctx::default();
        if let Some(lex) = &self.lexicon {
            let mut hits = Vec::new();
            lex.find(text, &mut hits);
            for h in hits {
                let Some(entry) = lex.entries.get(h.entry) else { continue };
                push(&mut cands, text, h.start, h.end, entry.kind, Some(entry.canonical.clone()));
                if matches!(entry.kind, EntityKind::Browser | EntityKind::Os) {
                    if let Some((s, e)) = patterns::trailing_version(&text[h.end..]) {
                        let number = &text[h.end + s..h.end + e];
                        let value = format!("{} {number}", entry.canonical);
                        push(&mut cands, text, h.end + s, h.end + e, EntityKind::Version, Some(value));
                    }
                }
            }
        }
        // Pattern rules after the lexicon: on a full tie (same span, same kind) the earlier
        // candidate wins, so "17.2" after "iOS" keeps its product-qualified value.
        match &self.set {
            Some(set) => {
                for i in set.matches(text).iter() {
                    if let Some(rule) = self.rules.get(i) {
                        self.run_rule(rule, text, &mut ctx, &mut cands);
                    }
                }
            }
            None => {
                for rule in &self.rules {
                    self.run_rule(rule, text, &mut ctx, &mut cands);
                }
            }
        }
        resolve(text, cands)
    }

    fn run_rule(&self, rule: &Rule, text: &str, ctx: &mut Ctx, cands: &mut Vec<Candidate>) {
        let mut pos = 0;
        while pos <= text.len() {
            // The DFA finds the bounds cheaply; captures are only computed for plausible matches.
            let Some(m) = rule.regex.find_at(text, pos) else { break };
            let left_ok = !rule.manual_left
                || !text[..m.start()].chars().next_back().is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
            let mut next = m.start();
            if left_ok {
                if let Some(c) = rule.regex.captures_at(text, m.start()) {
                    next = c.name("e").map_or(m.end(), |e| e.end());
                    if let Some(h) = (rule.handler)(&c, text, ctx) {
                        let ok = h.start < h.end
                            && h.end <= text.len()
                            && text.is_char_boundary(h.start)
                            && text.is_char_boundary(h.end);
                        if ok {
                            push(cands, text, h.start, h.end, rule.kind, h.value);
                            next = next.min(h.end).max(h.start + 1);
                        }
                    }
                }
            }
            // Always move forward by at least one character: linear time, no endless loop.
            if next <= m.start() {
                next = m.start() + 1;
            }
            if next <= pos {
                next = pos + 1;
            }
            while next < text.len() && !text.is_char_boundary(next) {
                next += 1;
            }
            pos = next;
        }
    }
}

fn push(
    cands: &mut Vec<Candidate>,
    text: &str,
    start: usize,
    end: usize,
    kind: EntityKind,
    value: Option<String>,
) {
    let chars = text[start..end].chars().count();
    cands.push(Candidate { start, end, chars, kind, value });
}

/// Longest first, then most specific kind, then leftmost, then first pushed; keeps those that overlap nothing
/// already kept; returns them sorted by start.
fn resolve(text: &str, mut cands: Vec<Candidate>) -> Vec<Entity> {
    crate::sort::sort_by(&mut cands, |a, b| {
        b.chars
            .cmp(&a.chars)
            .then(b.kind.specificity().cmp(&a.kind.specificity()))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in cands {
        let clash = kept.range(..c.end).next_back().is_some_and(|(_, k)| k.end > c.start);
        if !clash {
            kept.insert(c.start, c);
        }
    }
    let map = Utf16Map::new(text);
    kept.into_values()
        .map(|c| Entity {
            kind: c.kind,
            text: text[c.start..c.end].to_string(),
            value: c.value,
            span: map.span(c.start, c.end),
        })
        .collect()
}

#[cfg(test)]
mod tests;
