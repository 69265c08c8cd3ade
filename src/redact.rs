//! PII redaction: mask secrets and personal data so a ticket can be forwarded safely.
//!
//! [`Redactor::redact`] finds e-mail addresses, phone numbers, payment-card numbers, IBANs, API
//! keys, bearer tokens, passwords written in prose, and Russian INN / SNILS numbers, replaces each
//! with a placeholder (`[EMAIL]`, `[PHONE]`, `[CARD ****1111]`, `[IBAN]`, `[API_KEY]`, `[TOKEN]`,
//! `[PASSWORD]`, `[INN]`, `[SNILS]`) and reports where every secret sat in the *original* text,
//! in UTF-8 bytes and UTF-16 code units.
//!
//! ```
//! use helpdesk_ai::redact::{PiiKind, Redactor};
//! let redactor = Redactor::new();
//! let out = redactor.redact("Mail anna@example.com, card 4111 1111 1111 1111, пароль: qwerty123");
//! assert_eq!(out.text, "Mail [EMAIL], card [CARD ****1111], пароль: [PASSWORD]");
//! let kinds: Vec<PiiKind> = out.masked.iter().map(|m| m.kind).collect();
//! assert_eq!(kinds, [PiiKind::Email, PiiKind::CardNumber, PiiKind::Password]);
//! ```
//!
//! How each kind is recognised (and what is deliberately left alone):
//!
//! - **Email**: `local@domain.tld`; the local part and domain may contain Unicode letters, the
//!   top-level domain must be letters.
//! - **Phone**: a leading `+` with 10–15 digits in total, exactly 11 after `+7`/`+1`
//!   (`+7 (916) 123-45-67`, `+44 20 7946 0958`, `+49 30 123456`); a trunk `8`/`7` followed by 10 more digits
//!   (`8 916 123 45 67`, `8 (916) 123-45-67`); a bare `89XXXXXXXXX`; or a 10-digit number shaped
//!   like `(415) 555-0132`, `415-555-0132` or `916 123-45-67`. Dates, versions, IP addresses,
//!   amounts (`1 500 000`), order ids and card numbers do not have these shapes.
//! - **Card number**: 13–19 digits, either ungrouped or grouped by spaces/dashes in fours
//!   (or Amex/Diners `4-6-5`/`4-6-4`), masked only when the Luhn check passes.
//! - **IBAN**: two upper-case letters, two check digits and an upper-case BBAN, 15–34 characters,
//!   with or without spaces, masked only when the ISO 7064 mod-97 check gives 1.
//! - **API key**: well-known prefixes (`sk_live_`, `sk_test_`, `pk_live_`, `rk_live_`, `sk-`,
//!   `AKIA…`, `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`, `github_pat_`, `xoxb-`…, `AIza…`, `glpat-`), and
//!   values of at least 16 characters with at least two character classes and high entropy after
//!   labels such as `api key:`, `api_key=`, `secret=`, `apikey`, `ключ api:`.
//! - **Bearer token**: the token after `Bearer`, JSON Web Tokens (`eyJ….eyJ….sig`), and
//!   high-entropy values after `token:` / `токен:` labels.
//! - **Password**: the value after `password`, `passwd`, `pwd`, `pass` (the last only with `:`
//!   or `=`), `пароль`/`пароля`/… when it follows `:`, `=`, `is`, `—`, `это`, or when it contains
//!   a digit or symbol and comes within three ordinary words of the label (`пароль от почты
//!   12345678`). Words such as *reset*, *expired*, *incorrect*, *не*, *сброшен* end the search,
//!   so "password reset email" is left alone. Quoted values (`password: "two words"`) are masked
//!   inside the quotes.
//! - **INN / SNILS**: checksums are always verified. Bare digit runs (10 or 12 digits for INN,
//!   11 for SNILS) are masked only when the word `ИНН`/`INN`/`TIN` (resp. `СНИЛС`/`SNILS`) ends
//!   at most 48 bytes before the number, since a random 10-digit order number passes the INN
//!   checksum about one time in eleven. A SNILS written in its own shape `123-456-789 64` is
//!   masked without context; numbers up to `001-001-998`, which carry no checksum under the
//!   rules, are masked only with context.
//!
//! When candidates overlap, the longer one wins; on equal length the more specific one wins
//! (prefixed key or JWT, then checksum-verified numbers, then e-mail, then labelled secrets, then
//! passwords). Phones, the most heuristic kind, are placed last: a phone never displaces another
//! kind, and its shorter readings are tried when a longer one overlaps (so in
//! `+7 916 123 45 67 4111 1111 1111 1111` both the phone and the card are masked).
//!
//! Every pass is a linear regex scan followed by checks bounded per match, so the running time
//! is linear in the input (a 5 MB ticket takes well under a second in a release build), and no
//! input can make it panic.

use crate::span::{Span, Utf16Map};
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of a masked secret.
///
/// ```
/// use helpdesk_ai::redact::PiiKind;
/// assert_eq!(serde_json::to_string(&PiiKind::CardNumber).unwrap(), "\"card_number\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A payment-card number (PAN) that passes the Luhn check.
    CardNumber,
    /// An International Bank Account Number that passes the mod-97 check.
    Iban,
    /// An API key or other machine secret.
    ApiKey,
    /// A bearer token, JWT or other access token.
    BearerToken,
    /// A password written in the text.
    Password,
    /// A Russian taxpayer number (ИНН), 10 or 12 digits.
    Inn,
    /// A Russian pension insurance number (СНИЛС), 11 digits.
    Snils,
}

impl PiiKind {
    /// The snake-case name of the kind, the same as its serde form.
    ///
    /// ```
    /// use helpdesk_ai::redact::PiiKind;
    /// assert_eq!(PiiKind::Email.as_str(), "email");
    /// assert_eq!(PiiKind::BearerToken.as_str(), "bearer_token");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PiiKind::Email => "email",
            PiiKind::Phone => "phone",
            PiiKind::CardNumber => "card_number",
            PiiKind::Iban => "iban",
            PiiKind::ApiKey => "api_key",
            PiiKind::BearerToken => "bearer_token",
            PiiKind::Password => "password",
            PiiKind::Inn => "inn",
            PiiKind::Snils => "snils",
        }
    }

    /// The placeholder written in place of a secret of this kind (cards add their last digits).
    fn placeholder(&self) -> &'static str {
        match self {
            PiiKind::Email => "[EMAIL]",
            PiiKind::Phone => "[PHONE]",
            PiiKind::CardNumber => "[CARD]",
            PiiKind::Iban => "[IBAN]",
            PiiKind::ApiKey => "[API_KEY]",
            PiiKind::BearerToken => "[TOKEN]",
            PiiKind::Password => "[PASSWORD]",
            PiiKind::Inn => "[INN]",
            PiiKind::Snils => "[SNILS]",
        }
    }
}

/// One masked secret: what it was and where it sat in the original text.
///
/// ```
/// use helpdesk_ai::redact::{PiiKind, Redactor};
/// let text = "Звоните: +7 916 123-45-67";
/// let out = Redactor::new().redact(text);
/// let m = &out.masked[0];
/// assert_eq!(m.kind, PiiKind::Phone);
/// assert_eq!(&text[m.span.start..m.span.end], "+7 916 123-45-67");
/// assert_eq!(m.span.start_utf16, 9);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Masked {
    /// What kind of secret was masked.
    pub kind: PiiKind,
    /// Where the secret sat in the original text (not in [`Redacted::text`]).
    pub span: Span,
}

/// The result of [`Redactor::redact`]: the safe text and what was taken out of it.
///
/// ```
/// use helpdesk_ai::redact::Redactor;
/// let out = Redactor::new().redact("nothing secret here, HTTP 502 since v2.3.1");
/// assert_eq!(out.text, "nothing secret here, HTTP 502 since v2.3.1");
/// assert!(out.masked.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Redacted {
    /// The text with every secret replaced by its placeholder.
    pub text: String,
    /// The masked secrets, sorted by `span.start` and never overlapping.
    pub masked: Vec<Masked>,
}

/// Finds and masks PII; build it once and reuse it (it holds compiled regexes).
///
/// ```
/// use helpdesk_ai::redact::Redactor;
/// let redactor = Redactor::new();
/// let out = redactor.redact("Authorization: Bearer abc123def456ghi789");
/// assert_eq!(out.text, "Authorization: Bearer [TOKEN]");
/// ```
#[derive(Debug, Clone)]
pub struct Redactor {
    email: Regex,
    phone_run: Regex,
    digit_run: Regex,
    iban: Regex,
    prefixed_key: Regex,
    bearer: Regex,
    labelled_secret: Regex,
    password_label: Regex,
    inn_word: Regex,
    snils_word: Regex,
    words: PasswordWords,
}

/// The password word lists as sets, built once per [`Redactor`].
#[derive(Debug, Clone)]
struct PasswordWords {
    stop: HashSet<&'static str>,
    filler: HashSet<&'static str>,
}

impl PasswordWords {
    fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word.to_lowercase().as_str())
    }

    fn is_filler(&self, word: &str) -> bool {
        self.filler.contains(word.to_lowercase().as_str())
    }
}

impl Default for Redactor {
    /// The same as [`Redactor::new`].
    ///
    /// ```
    /// use helpdesk_ai::redact::Redactor;
    /// let out = Redactor::default().redact("write to ops@example.org");
    /// assert_eq!(out.text, "write to [EMAIL]");
    /// ```
    fn default() -> Self {
        Redactor::new()
    }
}

/// A separator written before a group of digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Space,
    Dash,
    Dot,
}

/// A group of digits inside a numeric run, e.g. `916` or `(916)` in `+7 (916) 123-45-67`.
#[derive(Debug, Clone, Copy)]
struct Group {
    /// First byte (the `(` for a parenthesised group).
    start: usize,
    /// One past the last byte (after the `)` for a parenthesised group).
    end: usize,
    /// Number of digits.
    digits: usize,
    /// Whether the group is written in parentheses.
    paren: bool,
    /// The separator before the group.
    sep: Sep,
    /// The first digit.
    first: u8,
}

/// A candidate secret before overlaps are resolved.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    kind: PiiKind,
    /// Specificity on equal length: higher wins.
    rank: u8,
}

const RANK_PREFIXED: u8 = 9;
const RANK_CHECKSUM: u8 = 8;
const RANK_EMAIL: u8 = 6;
const RANK_BEARER: u8 = 5;
const RANK_LABELLED: u8 = 4;
const RANK_PASSWORD: u8 = 3;
const RANK_PHONE: u8 = 2;

/// How far (in bytes) an `ИНН`/`СНИЛС` label may end before the number it labels.
const CONTEXT_WINDOW: usize = 48;

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in redaction patterns are valid")
}

impl Redactor {
    /// Compiles the patterns.
    ///
    /// ```
    /// use helpdesk_ai::redact::Redactor;
    /// let out = Redactor::new().redact("IBAN DE89 3704 0044 0532 0130 00");
    /// assert_eq!(out.text, "IBAN [IBAN]");
    /// ```
    pub fn new() -> Redactor {
        Redactor {
            email: compile(r"[\w.%+'\-]+@(?:[\w\-]+\.)+[^\W\d_]{2,24}"),
            phone_run: compile(concat!(
                r"(?:\+[ \x{A0}]?)?(?:\([0-9]{1,5}\)|[0-9]+)",
                r"(?:(?:[ \x{A0}]?[\-.\x{2010}-\x{2013}][ \x{A0}]?|[ \x{A0}])?(?:\([0-9]{1,5}\)|[0-9]+))*",
            )),
            digit_run: compile(r"[0-9]+(?:[ \x{A0}\-][0-9]+)*"),
            iban: compile(r"[A-Z]{2}[0-9]{2}(?:[ \x{A0}]?[A-Z0-9]){11,30}"),
            prefixed_key: compile(concat!(
                r"(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{10,}",
                r"|sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}",
                r"|(?:AKIA|ASIA)[0-9A-Z]{16}",
                r"|gh[pousr]_[0-9A-Za-z]{30,}",
                r"|github_pat_[0-9A-Za-z_]{22,}",
                r"|xox[abposr]-[0-9A-Za-z\-]{10,}",
                r"|AIza[0-9A-Za-z_\-]{35}",
                r"|glpat-[0-9A-Za-z_\-]{20,}",
                r"|eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
            )),
            bearer: compile(r"(?i)(bearer)[ \t]+([A-Za-z0-9\-._~+/]+=*)"),
            labelled_secret: compile(concat!(
                r"(?i)(api[_\- ]?key|apikey|api[_\- ]?secret|api[_\- ]?token|access[_\- ]?key(?:[_\- ]?id)?",
                r"|secret[_\- ]?key|client[_\- ]?secret|private[_\- ]?key|access[_\- ]?token",
                r"|auth[_\- ]?token|refresh[_\- ]?token|secret|token",
                r"|ключ(?:[ ]+(?:api|апи|доступа))?|api[_\- ]?ключ|секретный[ ]+ключ|секрет",
                r"|токен(?:[ ]+доступа)?)",
                r#"["']?[ \t]{0,4}(?:[:=]|=>|—|–|is|это)?[ \t]{0,4}["']?"#,
                r"([A-Za-z0-9+/~][A-Za-z0-9_\-+/=.~]{15,})",
            )),
            password_label: compile(
                r"(?i)passwords?|passwd|passphrase|passcode|pass|pwd|парол(?:ь|я|ем|ю|и)",
            ),
            inn_word: compile(r"(?i)инн|inn|tin"),
            snils_word: compile(r"(?i)снилс|snils"),
            words: PasswordWords {
                stop: PASSWORD_STOP.iter().copied().collect(),
                filler: PASSWORD_FILLER.iter().copied().collect(),
            },
        }
    }

    /// Masks every secret in `text`.
    ///
    /// Never panics and runs in time linear in `text.len()`.
    ///
    /// ```
    /// use helpdesk_ai::redact::{PiiKind, Redactor};
    /// let text = "ИНН 7707083893, СНИЛС 112-233-445 95";
    /// let out = Redactor::new().redact(text);
    /// assert_eq!(out.text, "ИНН [INN], СНИЛС [SNILS]");
    /// assert_eq!(out.masked[0].kind, PiiKind::Inn);
    /// assert_eq!(&text[out.masked[1].span.start..out.masked[1].span.end], "112-233-445 95");
    /// ```
    pub fn redact(&self, text: &str) -> Redacted {
        let mut cands = Vec::new();
        self.find_emails(text, &mut cands);
        self.find_phones(text, &mut cands);
        self.find_digit_ids(text, &mut cands);
        self.find_ibans(text, &mut cands);
        self.find_prefixed_keys(text, &mut cands);
        self.find_bearer(text, &mut cands);
        self.find_labelled(text, &mut cands);
        self.find_passwords(text, &mut cands);

        let picked = resolve(cands);
        let map = Utf16Map::new(text);
        let mut out = String::with_capacity(text.len());
        let mut masked = Vec::with_capacity(picked.len());
        let mut last = 0;
        for (start, (end, kind)) in picked {
            out.push_str(&text[last..start]);
            if kind == PiiKind::CardNumber {
                let digits: Vec<char> = text[start..end].chars().filter(char::is_ascii_digit).collect();
                out.push_str("[CARD ****");
                out.extend(&digits[digits.len().saturating_sub(4)..]);
                out.push(']');
            } else {
                out.push_str(kind.placeholder());
            }
            masked.push(Masked { kind, span: map.span(start, end) });
            last = end;
        }
        out.push_str(&text[last..]);
        Redacted { text: out, masked }
    }

    fn find_emails(&self, text: &str, cands: &mut Vec<Candidate>) {
        for m in self.email.find_iter(text) {
            let s = m.as_str();
            // The local part may not start with punctuation.
            let skip = s.find(|c: char| c.is_alphanumeric()).unwrap_or(s.len());
            let start = m.start() + skip;
            let at = m.start() + s.find('@').unwrap_or(0);
            if start >= at {
                continue;
            }
            cands.push(Candidate { start, end: m.end(), kind: PiiKind::Email, rank: RANK_EMAIL });
        }
    }

    fn find_phones(&self, text: &str, cands: &mut Vec<Candidate>) {
        let mut groups = Vec::new();
        for m in self.phone_run.find_iter(text) {
            let plus = m.as_str().starts_with('+');
            parse_groups(text, m.start(), m.end(), &mut groups);
            if groups.is_empty() {
                continue;
            }
            let last = groups.len() - 1;
            for i in 0..groups.len() {
                if i > 0 && groups[i].sep == Sep::None {
                    continue;
                }
                if i == 0 && !left_ok(text, m.start()) {
                    continue;
                }
                // Every valid window: a shorter one survives when a longer one overlaps a card.
                let start = if i == 0 { m.start() } else { groups[i].start };
                // Domestic shapes have at most five blocks (8 916 123 45 67); `+` numbers are only
                // read from the run's start and stop at 15 digits.
                let max_blocks = if plus && i == 0 { 15 } else { 5 };
                let mut digits = 0;
                for j in i..groups.len().min(i + max_blocks) {
                    digits += groups[j].digits;
                    if digits > 15 {
                        break;
                    }
                    if j < last && groups[j + 1].sep == Sep::None {
                        continue;
                    }
                    if j == last && !right_ok(text, m.end()) {
                        continue;
                    }
                    if phone_shape(text, &groups[i..=j], plus && i == 0) {
                        let end = groups[j].end;
                        cands.push(Candidate { start, end, kind: PiiKind::Phone, rank: RANK_PHONE });
                    }
                }
            }
        }
    }

    fn find_digit_ids(&self, text: &str, cands: &mut Vec<Candidate>) {
        let inn_ctx = keyword_ends(&self.inn_word, text);
        let snils_ctx = keyword_ends(&self.snils_word, text);
        let mut groups = Vec::new();
        for m in self.digit_run.find_iter(text) {
            parse_groups(text, m.start(), m.end(), &mut groups);
            let last = groups.len().saturating_sub(1);
            for i in 0..groups.len() {
                if i == 0 && !left_ok(text, m.start()) {
                    continue;
                }
                let right_ok_at = |j: usize| j < last || right_ok(text, m.end());
                let start = groups[i].start;

                // INN: one group of 10 or 12 digits, labelled.
                let g = groups[i];
                if (g.digits == 10 || g.digits == 12)
                    && right_ok_at(i)
                    && has_context(&inn_ctx, start)
                    && inn_valid(&text.as_bytes()[g.start..g.end])
                {
                    cands.push(Candidate { start, end: g.end, kind: PiiKind::Inn, rank: RANK_CHECKSUM });
                }

                // SNILS: 3-3-3-2 groups, or 11 bare digits with a label.
                if g.digits == 11 && right_ok_at(i) && has_context(&snils_ctx, start) {
                    if let Some(n) = snils_number(&digits_of(text, start, g.end)) {
                        if snils_valid(n) {
                            cands.push(Candidate {
                                start,
                                end: g.end,
                                kind: PiiKind::Snils,
                                rank: RANK_CHECKSUM,
                            });
                        }
                    }
                }
                if i + 3 <= last
                    && [3, 3, 3, 2]
                        == [
                            groups[i].digits,
                            groups[i + 1].digits,
                            groups[i + 2].digits,
                            groups[i + 3].digits,
                        ]
                    && right_ok_at(i + 3)
                {
                    let end = groups[i + 3].end;
                    if let Some(n) = snils_number(&digits_of(text, start, end)) {
                        if snils_valid(n) && (n.0 > 1_001_998 || has_context(&snils_ctx, start)) {
                            cands.push(Candidate { start, end, kind: PiiKind::Snils, rank: RANK_CHECKSUM });
                        }
                    }
                }

                // Cards: the longest Luhn-valid, card-shaped window starting here.
                let mut digits = 0;
                let mut best = None;
                // At most five blocks (4-4-4-4-3), so the scan per start is bounded.
                for j in i..groups.len().min(i + 5) {
                    digits += groups[j].digits;
                    if digits > 19 {
                        break;
                    }
                    if digits >= 13 && right_ok_at(j) && card_shape(&groups[i..=j]) {
                        let ds = digits_of(text, start, groups[j].end);
                        if luhn_valid(&ds) && ds.iter().any(|&d| d != 0) {
                            best = Some(j);
                        }
                    }
                }
                if let Some(j) = best {
                    cands.push(Candidate {
                        start,
                        end: groups[j].end,
                        kind: PiiKind::CardNumber,
                        rank: RANK_CHECKSUM,
                    });
                }
            }
        }
    }

    fn find_ibans(&self, text: &str, cands: &mut Vec<Candidate>) {
        for m in self.iban.find_iter(text) {
            if !word_left_ok(text, m.start()) {
                continue;
            }
            // (byte end in text, char) of every non-space character.
            let chars: Vec<(usize, u8)> = m
                .as_str()
                .char_indices()
                .filter(|&(_, c)| c.is_ascii_alphanumeric())
                .map(|(i, c)| (m.start() + i + 1, c as u8))
                .collect();
            let mut n = chars.len();
            while n >= 15 {
                let end = chars[n - 1].0;
                let boundary = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '_');
                let raw: Vec<u8> = chars[..n].iter().map(|&(_, c)| c).collect();
                if n <= 34 && boundary && iban_valid(&raw) {
                    cands.push(Candidate { start: m.start(), end, kind: PiiKind::Iban, rank: RANK_CHECKSUM });
                    break;
                }
                n -= 1;
            }
        }
    }

    fn find_prefixed_keys(&self, text: &str, cands: &mut Vec<Candidate>) {
        for m in self.prefixed_key.find_iter(text) {
            let before_ok = prev_char(text, m.start()).is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let after_ok = next_char(text, m.end()).is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            let kind = if m.as_str().starts_with("eyJ") { PiiKind::BearerToken } else { PiiKind::ApiKey };
            cands.push(Candidate { start: m.start(), end: m.end(), kind, rank: RANK_PREFIXED });
        }
    }

    fn find_bearer(&self, text: &str, cands: &mut Vec<Candidate>) {
        for c in self.bearer.captures_iter(text) {
            let (Some(label), Some(tok)) = (c.get(1), c.get(2)) else {
                continue;
            };
            if !word_left_ok(text, label.start()) {
                continue;
            }
            let value = tok.as_str().trim_end_matches('.');
            let len = value.len();
            let has_digit = value.bytes().any(|b| b.is_ascii_digit());
            let has_symbol = value.bytes().any(|b| !b.is_ascii_alphanumeric());
            if len >= 8 && (has_digit || has_symbol || len >= 20) {
                cands.push(Candidate {
                    start: tok.start(),
                    end: tok.start() + len,
                    kind: PiiKind::BearerToken,
                    rank: RANK_BEARER,
                });
            }
        }
    }

    fn find_labelled(&self, text: &str, cands: &mut Vec<Candidate>) {
        for c in self.labelled_secret.captures_iter(text) {
            let (Some(label), Some(val)) = (c.get(1), c.get(2)) else {
                continue;
            };
            if !word_left_ok(text, label.start())
                || next_char(text, label.end()).is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let value = val.as_str().trim_end_matches('.');
            if !high_entropy(value) {
                continue;
            }
            let lower = label.as_str().to_lowercase();
            let kind = if lower.contains("token") || lower.contains("токен") {
                PiiKind::BearerToken
            } else {
                PiiKind::ApiKey
            };
            cands.push(Candidate {
                start: val.start(),
                end: val.start() + value.len(),
                kind,
                rank: RANK_LABELLED,
            });
        }
    }

    fn find_passwords(&self, text: &str, cands: &mut Vec<Candidate>) {
        let mut skip_until = 0;
        for m in self.password_label.find_iter(text) {
            if m.start() < skip_until
                || !word_left_ok(text, m.start())
                || next_char(text, m.end()).is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let strong_only = m.as_str().eq_ignore_ascii_case("pass");
            if let Some((start, end)) = scan_password(&self.words, text, m.end(), strong_only) {
                cands.push(Candidate { start, end, kind: PiiKind::Password, rank: RANK_PASSWORD });
                skip_until = end;
            }
        }
    }
}

/// Keeps the longest (then most specific, then leftmost) candidates that do not overlap;
/// returns them keyed by start. Phones, the most heuristic kind, only fill what is left.
fn resolve(mut cands: Vec<Candidate>) -> BTreeMap<usize, (usize, PiiKind)> {
    cands.retain(|c| c.start < c.end);
    crate::sort::sort_by(&mut cands, |a, b| {
        (a.kind == PiiKind::Phone)
            .cmp(&(b.kind == PiiKind::Phone))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(b.rank.cmp(&a.rank))
            .then(a.start.cmp(&b.start))
    });
    let mut picked: BTreeMap<usize, (usize, PiiKind)> = BTreeMap::new();
    for c in cands {
        // Picked ranges are disjoint, so the one starting last before `c.end` ends last too.
        if let Some((_, &(end, _))) = picked.range(..c.end).next_back() {
            if end > c.start {
                continue;
            }
        }
        picked.insert(c.start, (c.end, c.kind));
    }
    picked
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Whether a word may start at `at` (no letter, digit or `_` glued before it).
fn word_left_ok(text: &str, at: usize) -> bool {
    prev_char(text, at).is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a number may start at `at`: nothing word-like, no `+`, and no decimal point
/// after a digit right before it.
fn left_ok(text: &str, at: usize) -> bool {
    match prev_char(text, at) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '+' => false,
        Some(c @ ('.' | ',')) => prev_char(text, at - c.len_utf8()).is_none_or(|p| !p.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Whether a number may end at `at`: nothing word-like and no decimal part after it.
fn right_ok(text: &str, at: usize) -> bool {
    match next_char(text, at) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' || c == '%' => false,
        Some(c @ ('.' | ',')) => next_char(text, at + c.len_utf8()).is_none_or(|n| !n.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Splits a numeric run `text[start..end]` into digit groups.
fn parse_groups(text: &str, start: usize, end: usize, groups: &mut Vec<Group>) {
    groups.clear();
    let bytes = text.as_bytes();
    let mut sep = Sep::None;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() || b == b'(' {
            let paren = b == b'(';
            let g_start = i;
            if paren {
                i += 1;
            }
            let d_start = i;
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = i - d_start;
            if paren && i < end && bytes[i] == b')' {
                i += 1;
            }
            if digits > 0 {
                groups.push(Group { start: g_start, end: i, digits, paren, sep, first: bytes[d_start] });
            }
            sep = Sep::None;
            continue;
        }
        match b {
            b' ' => sep = if sep == Sep::None { Sep::Space } else { sep },
            b'-' => sep = Sep::Dash,
            b'.' => sep = Sep::Dot,
            b'+' => {}
            0xC2 => sep = if sep == Sep::None { Sep::Space } else { sep }, // NBSP (C2 A0)
            0xE2 => sep = Sep::Dash,                                       // U+2010..U+2013
            _ => {}
        }
        i += 1;
    }
}

/// Whether the groups (a window of a numeric run) are shaped like a phone number.
fn phone_shape(text: &str, w: &[Group], plus: bool) -> bool {
    let digits: usize = w.iter().map(|g| g.digits).sum();
    let Some(first) = w.first() else { return false };
    if plus {
        // +7 and +1 numbers have exactly 11 digits; others 10–15.
        let fixed = first.digits == 1 && !first.paren && matches!(first.first, b'7' | b'1');
        return if fixed { digits == 11 } else { (10..=15).contains(&digits) };
    }
    let rest = &w[1..];
    if rest.is_empty() {
        // A bare Russian mobile number: 89XXXXXXXXX.
        return !first.paren
            && digits == 11
            && text.as_bytes().get(first.start..first.start + 2) == Some(b"89".as_slice());
    }
    if rest.len() > 4 || rest.iter().skip(1).any(|g| g.paren) {
        return false;
    }
    let mut sizes = [0usize; 4];
    for (size, g) in sizes.iter_mut().zip(rest) {
        *size = g.digits;
    }
    let sizes = &sizes[..rest.len()];
    let has_dot = rest.iter().any(|g| g.sep == Sep::Dot);
    if !first.paren && first.digits == 1 && digits == 11 && !has_dot {
        // Trunk prefix: 8 916 123-45-67, 8 (916) 123-45-67, 8 916 1234567, 1 415 555 0132.
        return match first.first {
            b'8' | b'7' => matches!(sizes, [3, 3, 2, 2] | [3, 3, 4] | [3, 7] | [10]),
            b'1' => sizes == [3, 3, 4],
            _ => false,
        };
    }
    if digits == 10 && first.digits == 3 && (b'2'..=b'9').contains(&first.first) {
        // (415) 555-0132, 415-555-0132, 415.555.0132, 916 123-45-67, (916) 1234567.
        if rest[0].paren || has_dot && (first.paren || rest.iter().any(|g| g.sep != Sep::Dot)) {
            return false;
        }
        return match sizes {
            [3, 4] | [3, 2, 2] => true,
            [7] => first.paren,
            _ => false,
        };
    }
    false
}

/// Whether groups are written like a card number: one block, fours (last block 1–4 digits),
/// or the Amex/Diners 4-6-5 / 4-6-4 blocks, with one kind of separator.
fn card_shape(w: &[Group]) -> bool {
    if w.iter().any(|g| g.paren) {
        return false;
    }
    let (Some(head), Some(tail)) = (w.first(), w.last()) else {
        return false;
    };
    if w.len() == 1 {
        return true;
    }
    let sep = w[1].sep;
    if w[1..].iter().any(|g| g.sep != sep) {
        return false;
    }
    let fours = w[..w.len() - 1].iter().all(|g| g.digits == 4) && (1..=4).contains(&tail.digits);
    let amex = w.len() == 3 && head.digits == 4 && w[1].digits == 6 && (tail.digits == 5 || tail.digits == 4);
    fours || amex
}

/// The ASCII digits of `text[start..end]` as values 0–9.
fn digits_of(text: &str, start: usize, end: usize) -> Vec<u8> {
    text.as_bytes()[start..end].iter().filter(|b| b.is_ascii_digit()).map(|b| b - b'0').collect()
}

fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    !digits.is_empty() && sum % 10 == 0
}

/// ISO 13616 check of an upper-case, space-free IBAN.
fn iban_valid(raw: &[u8]) -> bool {
    if !(15..=34).contains(&raw.len())
        || !raw[..2].iter().all(u8::is_ascii_uppercase)
        || !raw[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in raw[4..].iter().chain(&raw[..4]) {
        rem = match c {
            b'0'..=b'9' => (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => (rem * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return false,
        };
    }
    rem == 1
}

/// The official INN checksum(s) for 10 (legal entity) or 12 (individual) ASCII digits.
fn inn_valid(raw: &[u8]) -> bool {
    if !raw.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u32> = raw.iter().map(|b| u32::from(b - b'0')).collect();
    let check = |weights: &[u32], n: usize| -> bool {
        let sum: u32 = weights.iter().zip(&d).map(|(w, x)| w * x).sum();
        (sum % 11) % 10 == d[n]
    };
    match d.len() {
        10 => check(&[2, 4, 10, 3, 5, 9, 4, 6, 8], 9),
        12 => check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11),
        _ => false,
    }
}

/// Splits 11 SNILS digits into (number, control).
fn snils_number(d: &[u8]) -> Option<(u32, u32)> {
    if d.len() != 11 {
        return None;
    }
    let number = d[..9].iter().fold(0u32, |n, &x| n * 10 + u32::from(x));
    Some((number, u32::from(d[9]) * 10 + u32::from(d[10])))
}

/// The SNILS control number rule; numbers up to 001-001-998 are not checked, but zero is invalid.
fn snils_valid((number, control): (u32, u32)) -> bool {
    if number == 0 {
        return false;
    }
    if number <= 1_001_998 {
        return true;
    }
    let mut n = number;
    let mut sum = 0;
    for weight in 1..=9 {
        sum += (n % 10) * weight;
        n /= 10;
    }
    let expected = match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => (s % 101) % 100,
    };
    expected == control
}

/// Byte offsets where whole-word matches of `re` end, ascending.
fn keyword_ends(re: &Regex, text: &str) -> Vec<usize> {
    re.find_iter(text)
        .filter(|m| {
            word_left_ok(text, m.start()) && next_char(text, m.end()).is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|m| m.end())
        .collect()
}

/// Whether a keyword ends within [`CONTEXT_WINDOW`] bytes before `at`.
fn has_context(ends: &[usize], at: usize) -> bool {
    let idx = ends.partition_point(|&e| e <= at);
    idx > 0 && at - ends[idx - 1] <= CONTEXT_WINDOW
}

/// A machine-secret-looking value: ≥ 16 ASCII chars, two character classes, ≥ 3 bits/char.
fn high_entropy(value: &str) -> bool {
    if value.len() < 16 || !value.is_ascii() {
        return false;
    }
    let lower = value.bytes().any(|b| b.is_ascii_lowercase());
    let upper = value.bytes().any(|b| b.is_ascii_uppercase());
    let digit = value.bytes().any(|b| b.is_ascii_digit());
    if u8::from(lower) + u8::from(upper) + u8::from(digit) < 2 {
        return false;
    }
    let mut counts = [0u32; 128];
    for b in value.bytes() {
        counts[usize::from(b & 0x7F)] += 1;
    }
    let n = value.len() as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * crate::math::log2_f64(p)
        })
        .sum();
    entropy >= 3.0
}

/// Words that show "password" is being talked about, not given: they end the search.
#[rustfmt::skip]
const PASSWORD_STOP: &[&str] = &[
    // English
    "reset", "resets", "resetting", "recovery", "recover", "restore", "change", "changed",
    "changes", "changing", "update", "updated", "updating", "expired", "expire", "expires",
    "expiry", "expiration", "incorrect", "wrong", "invalid", "valid", "correct", "right",
    "required", "requirements", "rules", "policy", "field", "fields", "manager", "protected",
    "forgot", "forgotten", "not", "no", "isn't", "wasn't", "doesn't", "don't", "didn't", "won't",
    "can't", "cannot", "and", "or", "but", "please", "link", "email", "e-mail", "mail", "page",
    "form", "screen", "prompt", "dialog", "again", "anymore", "works", "work", "working", "worked",
    "fails", "failed", "failing", "failure", "strength", "length", "hint", "hash", "hashed", "same",
    "new", "old", "also", "still", "now", "here", "there", "when", "if", "has", "have", "had",
    "been", "being", "will", "would", "should", "must", "can", "could", "too", "very", "so",
    "because", "since", "after", "before", "yesterday", "today", "twice", "once", "set", "sent",
    "saved", "stored", "locked", "blocked", "empty", "blank", "missing", "weak", "strong", "short",
    "long", "accepted", "rejected", "different", "already", "only", "just", "always", "never",
    "really", "definitely", "exactly", "fine", "ok", "okay", "unchanged", "visible", "shown",
    "hidden", "case-sensitive", "sensitive", "login", "authentication", "auth", "wi-fi", "wifi",
    "pin", "request", "requests", "requested", "do", "does", "did", "get", "gets", "got", "keeps",
    "keep", "i", "we", "it", "they", "he", "she", "which", "that", "this", "these", "those", "what",
    "how", "via",
    // Russian
    "не", "нет", "и", "или", "но", "а", "был", "была", "было", "были", "уже", "тоже", "также",
    "снова", "опять", "ещё", "еще", "слишком", "очень", "сброшен", "сброшён", "сбросить", "сбросил",
    "сбросила", "сброс", "сброса", "сбросе", "изменен", "изменён", "изменить", "изменил",
    "изменила", "поменять", "поменял", "поменяла", "сменить", "сменил", "сменила", "смены", "смена",
    "забыл", "забыла", "забыли", "забыт", "истек", "истёк", "истекает", "устарел", "подходит",
    "работает", "верный", "неверный", "неверен", "правильный", "неправильный", "требуется", "нужен",
    "нужно", "восстановление", "восстановления", "восстановить", "обязателен", "пустой", "короткий",
    "длинный", "слабый", "простой", "сложный", "такой", "же", "принят", "принимается", "приходит",
    "пришел", "пришёл", "уведомление", "письмо", "ссылка", "ссылку", "ссылке", "который", "которые",
    "когда", "если", "чтобы", "потому", "вводе", "ввода", "ввести", "вводить", "вход", "входа",
    "сохранен", "сохранён", "заблокирован", "заблокирована", "я", "мы", "он", "она", "они",
];

/// Ordinary words that may sit between a label and the value ("пароль от почты …") but are
/// never a value themselves.
#[rustfmt::skip]
const PASSWORD_FILLER: &[&str] = &[
    "the", "a", "an", "my", "your", "our", "his", "her", "their", "its", "to", "for", "of", "from",
    "with", "on", "in", "at", "by", "as", "me", "you", "account", "user", "admin", "мой", "моя",
    "мои", "мою", "моего", "твой", "ваш", "от", "для", "к", "ко", "с", "со", "в", "во", "на", "по",
    "из", "у", "тот", "эту", "этот", "этой", "аккаунта", "учетной", "учётной", "записи", "почты",
];

/// Skips up to `max` bytes of whitespace from `pos`.
fn skip_ws(text: &str, pos: usize, max: usize) -> usize {
    let mut p = pos;
    for c in text[pos..].chars() {
        if !c.is_whitespace() || p - pos >= max {
            break;
        }
        p += c.len_utf8();
    }
    p
}

/// The end of the whitespace-free token starting at `pos`, at most `max` bytes on.
fn token_end(text: &str, pos: usize, max: usize) -> usize {
    let mut p = pos;
    for c in text[pos..].chars() {
        if c.is_whitespace() || p - pos >= max {
            break;
        }
        p += c.len_utf8();
    }
    p
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '«' | '»' | '“' | '”' | '„')
}

fn closing_quote(open: char) -> char {
    match open {
        '«' => '»',
        '“' | '„' => '”',
        c => c,
    }
}

/// Trailing characters that close a sentence or a construct rather than belong to a value.
fn is_trailing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '}' | '>') || is_quote(c)
}

/// Whether a token looks like a secret: ≥ 4 chars with a digit or a symbol.
fn looks_secret(token: &str) -> bool {
    let t = token.trim_end_matches(is_trailing_punct);
    let Some(first) = t.chars().next() else {
        return false;
    };
    if matches!(first, '(' | '[' | '{' | '<') {
        return false;
    }
    t.chars().count() >= 4 && t.chars().any(|c| c.is_ascii_digit() || !c.is_alphanumeric())
}

/// The span of a password value starting at `pos` (a token ending at `end`), if acceptable.
fn password_value(words: &PasswordWords, text: &str, pos: usize, end: usize) -> Option<(usize, usize)> {
    let first = next_char(text, pos)?;
    let (mut start, mut stop) = (pos, end);
    if is_quote(first) {
        let close = closing_quote(first);
        let inner = pos + first.len_utf8();
        let mut p = inner;
        let mut found = None;
        for c in text[inner..].chars().take(128) {
            if c == '\n' {
                break;
            }
            if c == close {
                found = Some(p);
                break;
            }
            p += c.len_utf8();
        }
        match found {
            Some(q) if q > inner => {
                start = inner;
                stop = q;
            }
            _ => start = inner.min(end),
        }
    }
    let value = text[start..stop].trim_end_matches(is_trailing_punct);
    let stop = start + value.len();
    let word = value.trim_matches(|c: char| !c.is_alphanumeric());
    if value.chars().count() < 3
        || !value.chars().any(|c| !matches!(c, '*' | '•' | '·' | '.' | '-' | '_'))
        || (word.chars().all(char::is_alphabetic) && (words.is_stop(word) || words.is_filler(word)))
    {
        return None;
    }
    Some((start, stop))
}

/// Looks for the value of a password label ending at `from`; bounded to a few tokens.
fn scan_password(
    words: &PasswordWords,
    text: &str,
    from: usize,
    strong_only: bool,
) -> Option<(usize, usize)> {
    let mut pos = from;
    // `"password": "…"` — a closing quote glued to the label.
    if let Some(c @ ('"' | '\'')) = next_char(text, pos) {
        let after = skip_ws(text, pos + c.len_utf8(), 8);
        if matches!(next_char(text, after), Some(':' | '=')) {
            pos += c.len_utf8();
        }
    }
    let mut strong = false;
    let mut plain = 0;
    for _ in 0..10 {
        pos = skip_ws(text, pos, 64);
        let first = next_char(text, pos)?;
        let after = pos + first.len_utf8();
        let dash_sep = matches!(first, '-' | '—' | '–' | '→')
            && next_char(text, after).is_none_or(|c| c.is_whitespace() || c == '>');
        if matches!(first, ':' | '=') || dash_sep {
            strong = true;
            pos = after;
            if next_char(text, pos) == Some('>') {
                pos += 1;
            }
            continue;
        }
        let end = token_end(text, pos, 256);
        let token = &text[pos..end];
        if strong {
            return password_value(words, text, pos, end);
        }
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "is" | "was" | "это") && word.len() == token.len() {
            strong = true;
            pos = end;
            continue;
        }
        if words.is_stop(word)
            || lower.starts_with("pass")
            || lower.starts_with("pwd")
            || lower.starts_with("парол")
        {
            // Another label starts its own search.
            return None;
        }
        if token.ends_with(':') || token.ends_with('=') {
            // "пароль от почты: …"
            strong = true;
            pos = end;
            continue;
        }
        if strong_only {
            return None;
        }
        if looks_secret(token) {
            return password_value(words, text, pos, end);
        }
        if !first.is_alphanumeric() || word.is_empty() {
            return None;
        }
        plain += 1;
        if plain > 3 {
            return None;
        }
        pos = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    thread_local! {
        /// Compiling the patterns is slow in debug builds; each test thread does it once.
        static REDACTOR: Redactor = Redactor::new();
    }

    fn r(text: &str) -> Redacted {
        REDACTOR.with(|redactor| redactor.redact(text))
    }

    /// The masked originals, with kinds.
    fn secrets(text: &str) -> Vec<(PiiKind, String)> {
        r(text).masked.iter().map(|m| (m.kind, text[m.span.start..m.span.end].to_string())).collect()
    }

    fn kinds(text: &str) -> Vec<PiiKind> {
        r(text).masked.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn kind_names_match_serde() {
        use PiiKind::*;
        for kind in [Email, Phone, CardNumber, Iban, ApiKey, BearerToken, Password, Inn, Snils] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.as_str()));
            let back: PiiKind = serde_json::from_str(&format!("\"{}\"", kind.as_str())).unwrap();
            assert_eq!(back, kind);
        }
    }

    #[test]
    fn english_ticket() {
        let text = "Hi, I'm John (john.doe+billing@example.co.uk, +1 415-555-0132). \
                    I was charged twice on card 4111 1111 1111 1111 for order INV-20931, \
                    amount $1,234.56 on 2024-03-05. Error HTTP 502 since v2.3.1.";
        let out = r(text);
        assert_eq!(
            out.text,
            "Hi, I'm John ([EMAIL], [PHONE]). I was charged twice on card [CARD ****1111] for order \
             INV-20931, amount $1,234.56 on 2024-03-05. Error HTTP 502 since v2.3.1."
        );
        assert_eq!(
            secrets(text),
            [
                (PiiKind::Email, "john.doe+billing@example.co.uk".into()),
                (PiiKind::Phone, "+1 415-555-0132".into()),
                (PiiKind::CardNumber, "4111 1111 1111 1111".into()),
            ]
        );
    }

    #[test]
    fn russian_ticket() {
        let text = "Здравствуйте! Меня зовут Анна, телефон +7 (916) 123-45-67, ИНН 500100732259, \
                    СНИЛС 112-233-445 95. Не могу войти, мой пароль — Zaq12wsx. \
                    Оплатила 1 500 ₽ по счёту №4521.";
        let out = r(text);
        assert_eq!(
            out.text,
            "Здравствуйте! Меня зовут Анна, телефон [PHONE], ИНН [INN], СНИЛС [SNILS]. Не могу войти, \
             мой пароль — [PASSWORD]. Оплатила 1 500 ₽ по счёту №4521."
        );
        assert_eq!(
            secrets(text),
            [
                (PiiKind::Phone, "+7 (916) 123-45-67".into()),
                (PiiKind::Inn, "500100732259".into()),
                (PiiKind::Snils, "112-233-445 95".into()),
                (PiiKind::Password, "Zaq12wsx".into()),
            ]
        );
    }

    #[test]
    fn phone_formats() {
        for phone in [
            "+7 (916) 123-45-67",
            "8 916 123 45 67",
            "8 (916) 123-45-67",
            "8-916-123-45-67",
            "89161234567",
            "+79161234567",
            "+1 415-555-0132",
            "+44 20 7946 0958",
            "+49 30 123456",
            "(415) 555-0132",
            "415-555-0132",
            "415.555.0132",
            "916 123-45-67",
            "+7\u{a0}916\u{a0}123-45-67",
        ] {
            let text = format!("Call me at {phone}, thanks");
            assert_eq!(secrets(&text), [(PiiKind::Phone, phone.to_string())], "{phone}");
        }
    }

    #[test]
    fn not_phones() {
        for text in [
            "Order 12345678901 is late",
            "Invoice INV-20931 and INV-2024-000123",
            "Version v2.3.1 and 10.2.33.4",
            "Released 2024-03-05 12:30, build 2024-03-05 1234",
            "Dated 05.03.2024, ref 1234567890",
            "HTTP 502, HTTP 404, code 500 200 302",
            "Server 192.168.100.200 and 10.0.0.1",
            "Paid 1 500 ₽, then 1 500 000 000 ₽ and $1,234,567.89",
            "Card 4111 1111 1111 1112 failed",
            "Ticket 1234-5678-9012",
            "+7 123",
        ] {
            assert_eq!(secrets(text), [], "{text}");
        }
    }

    #[test]
    fn cards() {
        assert_eq!(r("pan 4111111111111111.").text, "pan [CARD ****1111].");
        assert_eq!(r("pan 5500-0000-0000-0004 ok").text, "pan [CARD ****0004] ok");
        assert_eq!(r("amex 3782 822463 10005").text, "amex [CARD ****0005]");
        assert_eq!(r("my card: 4111 1111 1111 1111 exp 12/25").text, "my card: [CARD ****1111] exp 12/25");
        // Luhn failures and non-card shapes.
        assert_eq!(kinds("4111 1111 1111 1112"), []);
        assert_eq!(kinds("4111111111111112"), []);
        assert_eq!(kinds("0000 0000 0000 0000"), []);
        assert_eq!(kinds("id 41111111111111110000000"), []);
        assert_eq!(kinds("price 4111111111111111.50"), []);
    }

    #[test]
    fn ibans() {
        assert_eq!(
            secrets("IBAN: GB82 WEST 1234 5698 7654 32."),
            [(PiiKind::Iban, "GB82 WEST 1234 5698 7654 32".into())]
        );
        assert_eq!(
            secrets("iban DE89370400440532013000"),
            [(PiiKind::Iban, "DE89370400440532013000".into())]
        );
        assert_eq!(
            secrets("Send to DE89 3704 0044 0532 0130 00 THANKS"),
            [(PiiKind::Iban, "DE89 3704 0044 0532 0130 00".into())]
        );
        assert_eq!(kinds("IBAN GB82 WEST 1234 5698 7654 33"), []);
        assert_eq!(kinds("DE88370400440532013000"), []);
    }

    #[test]
    fn api_keys_and_tokens() {
        let stripe = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        assert_eq!(secrets(&format!("key {stripe} leaked")), [(PiiKind::ApiKey, stripe.to_string())]);
        assert_eq!(kinds("aws AKIAIOSFODNN7EXAMPLE"), [PiiKind::ApiKey]);
        assert_eq!(kinds("ghp_1234567890abcdefghijklmnopqrstuvwxyz12"), [PiiKind::ApiKey]);
        assert_eq!(kinds("slack xoxb-1234-5678-abcdefghij"), [PiiKind::ApiKey]);
        assert_eq!(kinds("AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"), [PiiKind::ApiKey]);
        assert_eq!(kinds("glpat-xxxxxxxxxxxxxxxxxxxx"), [PiiKind::ApiKey]);
        assert_eq!(kinds("github_pat_11ABCDEFG0123456789_abcdefghijklmnop"), [PiiKind::ApiKey]);
        let jwt =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert_eq!(r(&format!("Authorization: Bearer {jwt}")).text, "Authorization: Bearer [TOKEN]");
        assert_eq!(secrets(&format!("jwt={jwt}")), [(PiiKind::BearerToken, jwt.to_string())]);
        assert_eq!(secrets("Bearer abc123def456."), [(PiiKind::BearerToken, "abc123def456".into())]);
        assert_eq!(kinds("we use Bearer authentication"), []);
        // Labelled values.
        assert_eq!(r("api_key=Xk9fL2mQ7rT4vW8zB3nH").text, "api_key=[API_KEY]");
        assert_eq!(r("API key: Xk9fL2mQ7rT4vW8zB3nH").text, "API key: [API_KEY]");
        assert_eq!(r("apikey Xk9fL2mQ7rT4vW8zB3nH").text, "apikey [API_KEY]");
        assert_eq!(r("secret=Xk9fL2mQ7rT4vW8zB3nH").text, "secret=[API_KEY]");
        assert_eq!(r("ключ api: Xk9fL2mQ7rT4vW8zB3nH").text, "ключ api: [API_KEY]");
        assert_eq!(r("токен: Xk9fL2mQ7rT4vW8zB3nH").text, "токен: [TOKEN]");
        assert_eq!(r(r#"{"token": "Xk9fL2mQ7rT4vW8zB3nH"}"#).text, r#"{"token": "[TOKEN]"}"#);
        // Low-entropy or short values stay.
        assert_eq!(kinds("token: expired_yesterday_again"), []);
        assert_eq!(kinds("api key: abc123"), []);
        assert_eq!(kinds("tokenization of text is slow"), []);
    }

    #[test]
    fn passwords() {
        for (text, value) in [
            ("password: hunter2", "hunter2"),
            ("pass=Qwerty123!", "Qwerty123!"),
            ("pwd: x7#kL9", "x7#kL9"),
            ("my password is s3cr3t!", "s3cr3t!"),
            ("пароль: qwerty123", "qwerty123"),
            ("мой пароль — Zaq12wsx", "Zaq12wsx"),
            ("пароль от почты 12345678", "12345678"),
            ("Password: hunter2.", "hunter2"),
            ("password is 'correct horse battery'", "correct horse battery"),
            (r#"{"password":"p@ss w0rd"}"#, "p@ss w0rd"),
            ("the password for admin is Qwerty1", "Qwerty1"),
            ("DB_PASSWORD=Sup3rS3cret", "Sup3rS3cret"),
        ] {
            assert_eq!(secrets(text), [(PiiKind::Password, value.to_string())], "{text}");
        }
        for text in [
            "I reset my password yesterday",
            "password reset email never arrived",
            "Password: reset",
            "my password is incorrect, error 401",
            "the password is the same as before",
            "пароль не подходит",
            "пароль сброшен 05.03.2024",
            "Forgot password? Click the link",
            "I can't pass the test 2 times",
            "passport 4510 123456",
            "password123 is a bad password",
            "password-protected archive v2.3.1",
        ] {
            assert_eq!(secrets(text), [], "{text}");
        }
    }

    #[test]
    fn inn_and_snils() {
        assert_eq!(r("ИНН 7707083893").text, "ИНН [INN]");
        assert_eq!(r("INN: 500100732259").text, "INN: [INN]");
        assert_eq!(r("ИНН/КПП 7707083893/770701001").text, "ИНН/КПП [INN]/770701001");
        assert_eq!(r("СНИЛС 112-233-445 95").text, "СНИЛС [SNILS]");
        assert_eq!(r("snils 11223344595").text, "snils [SNILS]");
        // The formatted shape needs no label; bare digits do.
        assert_eq!(r("номер 112-233-445 95").text, "номер [SNILS]");
        assert_eq!(kinds("номер 11223344595"), []);
        assert_eq!(kinds("order 7707083893"), []);
        // Bad checksums.
        assert_eq!(kinds("ИНН 7707083894"), []);
        assert_eq!(kinds("ИНН 500100732258"), []);
        assert_eq!(kinds("СНИЛС 112-233-445 96"), []);
        // Low numbers have no checksum but need a label.
        assert_eq!(kinds("СНИЛС 001-001-998 00"), [PiiKind::Snils]);
        assert_eq!(kinds("номер 001-001-998 00"), []);
        assert_eq!(kinds("СНИЛС 000-000-000 00"), []);
        // "инн" inside a word is not a label.
        assert_eq!(kinds("инновации 7707083893"), []);
    }

    #[test]
    fn checksums() {
        assert!(inn_valid(b"7707083893"));
        assert!(inn_valid(b"500100732259"));
        assert!(!inn_valid(b"7707083890"));
        assert!(luhn_valid(&[4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
        assert!(iban_valid(b"GB82WEST12345698765432"));
        assert!(!iban_valid(b"GB82WEST12345698765433"));
        // 920-000-100: the weighted sum is exactly 100, so the control is 00.
        assert!(snils_valid((920_000_100, 0)));
        assert!(!snils_valid((920_000_100, 100)));
        // 999-999-999: the sum 405 is 1 mod 101.
        assert!(snils_valid((999_999_999, 1)));
        assert!(snils_valid((112_233_445, 95)));
        assert!(!snils_valid((112_233_445, 94)));
    }

    #[test]
    fn spans_are_original_and_utf16_is_right() {
        let text = "Ёлки 😀, почта: анна@пример.рф, тел. 8 916 123 45 67";
        let out = r(text);
        assert_eq!(out.masked.len(), 2);
        for m in &out.masked {
            let secret = &text[m.span.start..m.span.end];
            assert_eq!(m.span.start_utf16, text[..m.span.start].encode_utf16().count());
            assert_eq!(m.span.end_utf16 - m.span.start_utf16, secret.encode_utf16().count());
        }
        assert_eq!(&text[out.masked[0].span.start..out.masked[0].span.end], "анна@пример.рф");
        assert_eq!(out.masked[0].span.start_utf16, 16);
        assert_eq!(out.text, "Ёлки 😀, почта: [EMAIL], тел. [PHONE]");
    }

    #[test]
    fn overlaps_keep_the_longer_or_more_specific() {
        // The labelled value and the Stripe prefix cover the same bytes: the prefix is more specific.
        assert_eq!(kinds("api_key=sk_test_4eC39HqLyjWDarjtT1zdp7dc"), [PiiKind::ApiKey]);
        // A password that is a card number is masked as a card.
        assert_eq!(kinds("password: 4111111111111111"), [PiiKind::CardNumber]);
        let out = r("a@b.co +7 916 123 45 67 4111 1111 1111 1111 DE89 3704 0044 0532 0130 00");
        let spans: Vec<Span> = out.masked.iter().map(|m| m.span).collect();
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(
            kinds("a@b.co +7 916 123 45 67 4111 1111 1111 1111"),
            [PiiKind::Email, PiiKind::Phone, PiiKind::CardNumber]
        );
    }

    #[test]
    fn serde_round_trip() {
        let out = r("mail me: x@y.io");
        let json = serde_json::to_string(&out).unwrap();
        assert!(json.contains("\"kind\":\"email\""));
        let back: Redacted = serde_json::from_str(&json).unwrap();
        assert_eq!(back, out);
    }

    #[test]
    fn huge_inputs_finish() {
        // Linear passes only; debug builds are slow, so the pathological shapes run at 256 KiB and
        // one realistic ticket at 5 MiB (`cargo run --release --example` style timing: < 1 s each).
        let redactor = Redactor::new();
        let run = |unit: &str, size: usize| {
            let text = unit.repeat(size / unit.len() + 1);
            let started = std::time::Instant::now();
            let out = redactor.redact(&text);
            assert!(out.masked.iter().all(|m| m.span.end <= text.len()));
            assert!(started.elapsed().as_secs() < 60, "{unit:?} took {:?}", started.elapsed());
        };
        run(
            "Hi, call +7 916 123 45 67 or mail x@y.com; card 4111 1111 1111 1111, пароль: Zaq12wsx. ",
            5 << 20,
        );
        for unit in [
            "a",
            "1",
            "1 ",
            "+7 ",
            "password: ",
            "pwd pwd ",
            "пароль ",
            "пароль от ",
            "ИНН 7707083893 ",
            "4111 1111 1111 1111 ",
            "x@",
            "a.b@",
            "GB82 ",
            "Bearer ",
            "token ",
            "api_key=",
            "(1)",
            "-",
            "😀",
            "8 916 ",
            "eyJa.",
            "sk_live_",
        ] {
            run(unit, 256 << 10);
        }
    }

    /// Runs `cases` generated strings through one shared redactor (compiling the patterns once).
    fn check_strategy(strategy: impl Strategy<Value = String>, cases: u32) {
        let redactor = Redactor::new();
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
        let result = runner.run(&strategy, |text| {
            check_sound(&redactor, &text);
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    }

    #[test]
    fn never_panics_on_arbitrary_strings() {
        check_strategy(any::<String>(), 512);
        check_strategy("\\PC{0,300}", 512);
    }

    #[test]
    fn never_panics_on_pii_like_text() {
        let pieces = concat!(
            "([0-9 +()\\-.]{1,12}|[a-zA-Zа-яА-Я@:=_/]{1,8}|password|пароль|ИНН |СНИЛС ",
            "|Bearer |sk_live_|eyJ|DE89|\\x{a0}|—| |\\.|😀){0,40}",
        );
        check_strategy(pieces, 1024);
    }

    fn check_sound(redactor: &Redactor, text: &str) {
        let out = redactor.redact(text);
        let mut last_end = 0;
        for m in &out.masked {
            let s = m.span;
            assert!(s.start < s.end && s.end <= text.len());
            assert!(s.start >= last_end, "sorted and disjoint");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert_eq!(s.start_utf16, text[..s.start].encode_utf16().count());
            assert_eq!(s.end_utf16, text[..s.end].encode_utf16().count());
            last_end = s.end;
        }
    }
}
