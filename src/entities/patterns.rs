//! The pattern rules: one regex per surface form, each with a handler that validates a match and
//! computes its normalised value.
//!
//! Every pattern wraps the entity in the named group `e`. Word boundaries are written as explicit
//! context (`L` before, `R` after) rather than `\b`, because a Unicode `\b` makes the regex crate
//! leave its fast DFA on non-ASCII text, and an ASCII `\b` does not see Cyrillic letters.

use regex::Captures;

use super::dates::{self, norm};
use super::EntityKind;

/// Left context: start of text or a character that is not a letter, digit or `_`.
pub(crate) const L: &str = r"(?:^|\W)";
/// Right context: end of text or a character that is not a letter, digit or `_`.
pub(crate) const R: &str = r"(?:$|\W)";

/// A validated match: byte range in the text and normalised value.
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

/// Per-call facts a handler may need about the whole text, computed lazily once.
#[derive(Default)]
pub(crate) struct Ctx {
    has_cyrillic: Option<bool>,
}

impl Ctx {
    fn has_cyrillic(&mut self, text: &str) -> bool {
        *self.has_cyrillic.get_or_insert_with(|| text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
    }
}

pub(crate) type Handler = fn(&Captures<'_>, &str, &mut Ctx) -> Option<Hit>;

/// One pattern rule before compilation.
pub(crate) struct RuleSpec {
    pub kind: EntityKind,
    pub pattern: String,
    pub handler: Handler,
    /// Whether the caller must check the left word boundary itself. Rules of bounded length
    /// drop the `L` context from their regex so the regex crate can use a literal prefilter;
    /// rules that can match unboundedly long text keep `L` inside the regex, which keeps the
    /// scan linear (a rejected long match is never re-scanned from its next character).
    pub manual_left: bool,
}

fn spec(kind: EntityKind, pattern: String, handler: Handler) -> RuleSpec {
    match pattern.find(L) {
        Some(i) => {
            let mut p = pattern;
            p.replace_range(i..i + L.len(), "");
            RuleSpec { kind, pattern: p, handler, manual_left: true }
        }
        None => RuleSpec { kind, pattern, handler, manual_left: false },
    }
}

/// A rule that keeps its left context inside the regex.
fn spec_ctx(kind: EntityKind, pattern: String, handler: Handler) -> RuleSpec {
    RuleSpec { kind, pattern, handler, manual_left: false }
}

fn group<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

/// The `e` group as a hit with `value`.
fn hit(c: &Captures<'_>, value: Option<String>) -> Option<Hit> {
    let e = c.name("e")?;
    Some(Hit { start: e.start(), end: e.end(), value })
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

// ---------------------------------------------------------------------------------------------
// HTTP status

/// Reason phrases, their code, and whether the phrase is an ordinary word that only counts when
/// it agrees with the number (`200 OK` yes, `200 found` no).
const HTTP_PHRASES: &[(&str, u16, bool)] = &[
    ("continue", 100, true),
    ("switching protocols", 101, false),
    ("ok", 200, true),
    ("created", 201, true),
    ("accepted", 202, true),
    ("no content", 204, false),
    ("partial content", 206, false),
    ("moved permanently", 301, false),
    ("found", 302, true),
    ("see other", 303, false),
    ("not modified", 304, false),
    ("temporary redirect", 307, false),
    ("permanent redirect", 308, false),
    ("bad request", 400, false),
    ("unauthorized", 401, false),
    ("unauthorised", 401, false),
    ("payment required", 402, false),
    ("forbidden", 403, false),
    ("not found", 404, false),
    ("method not allowed", 405, false),
    ("not acceptable", 406, false),
    ("request timeout", 408, false),
    ("request time-out", 408, false),
    ("conflict", 409, true),
    ("gone", 410, true),
    ("length required", 411, false),
    ("precondition failed", 412, false),
    ("payload too large", 413, false),
    ("request entity too large", 413, false),
    ("uri too long", 414, false),
    ("unsupported media type", 415, false),
    ("unprocessable entity", 422, false),
    ("unprocessable content", 422, false),
    ("too many requests", 429, false),
    ("internal server error", 500, false),
    ("not implemented", 501, false),
    ("bad gateway", 502, false),
    ("service unavailable", 503, false),
    ("service temporarily unavailable", 503, false),
    ("gateway timeout", 504, false),
    ("gateway time-out", 504, false),
];

fn phrase_alternation() -> String {
    let mut phrases: Vec<&str> = HTTP_PHRASES.iter().map(|p| p.0).collect();
    crate::sort::sort_by_key(&mut phrases, |p| std::cmp::Reverse(p.len()));
    phrases.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

/// Whether the reason phrase `p` may stand next to `code`.
fn phrase_agrees(p: &str, code: u16) -> bool {
    let p = norm(p);
    HTTP_PHRASES.iter().find(|x| x.0 == p).is_some_and(|x| !x.2 || x.1 == code)
}

fn status_code(c: &Captures<'_>) -> Option<u16> {
    group(c, "n")?.parse().ok()
}

fn http_keyword(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = status_code(c)?;
    hit(c, Some(n.to_string()))
}

fn http_verb(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    if c.name("noun").is_some() {
        return None;
    }
    let n = status_code(c)?;
    if let Some(p) = group(c, "p") {
        if !phrase_agrees(p, n) {
            return None;
        }
    }
    hit(c, Some(n.to_string()))
}

fn http_phrase(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = status_code(c)?;
    match group(c, "p") {
        Some(p) if !phrase_agrees(p, n) => return None,
        Some(_) => {}
        // "NNN error" style: only client and server errors, so "200 errors" is not a status.
        None if n < 400 => return None,
        None => {}
    }
    hit(c, Some(n.to_string()))
}

// ---------------------------------------------------------------------------------------------
// Error codes and exceptions

fn hex_value(s: &str) -> String {
    let digits = s.get(2..).unwrap_or("");
    format!("0x{}", digits.to_ascii_uppercase())
}

fn error_hex(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = group(c, "e")?;
    hit(c, Some(hex_value(e)))
}

fn error_upper(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = group(c, "e")?;
    hit(c, Some(e.to_uppercase()))
}

fn error_sqlstate(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = group(c, "a").or_else(|| group(c, "b"))?;
    hit(c, Some(format!("SQLSTATE {}", n.to_uppercase())))
}

fn error_errno(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = group(c, "n")?;
    hit(c, Some(format!("ERRNO {}", n.to_uppercase())))
}

fn error_keyword(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let k = norm(group(c, "k")?);
    let n = group(c, "n")?;
    if n.starts_with("0x") || n.starts_with("0X") {
        return hit(c, Some(hex_value(n)));
    }
    let digits = n.trim_start_matches('-');
    let explicit = ["code", "код", "номер", "no", "number"].iter().any(|w| k.contains(w));
    let exit = ["exit", "return", "возврат"].iter().any(|w| k.contains(w));
    let http_like = digits.len() == 3 && (b'1'..=b'5').contains(&digits.as_bytes()[0]);
    if http_like && !exit {
        return None; // an HTTP status rule owns "error 500" / "error code 404"
    }
    if !explicit && !exit && digits.len() < 4 {
        return None; // "error 5" is too weak without the word "code"
    }
    hit(c, Some(n.to_string()))
}

fn exception(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = group(c, "e")?;
    hit(c, Some(e.to_string()))
}

// ---------------------------------------------------------------------------------------------
// Endpoints, URLs, e-mail, phones

const PATH_SEG: &str = r"[A-Za-z0-9_.~%:@$!+=*{}\-]+";
const API_WORDS: &[&str] = &[
    "api", "graphql", "webhook", "webhooks", "oauth", "oauth2", "token", "login", "logout", "auth", "health",
    "healthz", "status", "callback", "rest", "rpc", "admin", "users", "orders", "payments", "signin",
    "signup", "register", "checkout", "invoices", "events", "metrics", "v1", "v2", "v3",
];
const FS_ROOTS: &[&str] = &[
    "usr",
    "etc",
    "var",
    "home",
    "tmp",
    "opt",
    "bin",
    "sbin",
    "lib",
    "dev",
    "proc",
    "sys",
    "mnt",
    "Users",
    "Applications",
    "Library",
    "System",
    "Volumes",
    "private",
    "root",
    "srv",
    "boot",
];

/// Trims sentence punctuation a path or URL picked up at its end; brackets only when unbalanced.
fn trim_trailing(s: &str) -> usize {
    let mut end = s.len();
    loop {
        let Some(last) = s[..end].chars().next_back() else { return end };
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '»' | '*' => true,
            ')' => s[..end].matches('(').count() < s[..end].matches(')').count(),
            ']' => s[..end].matches('[').count() < s[..end].matches(']').count(),
            '}' => s[..end].matches('{').count() < s[..end].matches('}').count(),
            _ => false,
        };
        if !strip {
            return end;
        }
        end -= last.len_utf8();
    }
}

fn strip_query(p: &str) -> &str {
    p.split(['?', '#']).next().unwrap_or(p)
}

fn endpoint_method(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = c.name("e")?;
    let m = group(c, "m")?;
    let p = c.name("p")?;
    let p_end = p.start() + trim_trailing(p.as_str());
    let path = &p.as_str()[..p_end - p.start()];
    if path.is_empty() {
        return None;
    }
    Some(Hit { start: e.start(), end: p_end, value: Some(format!("{m} {}", strip_query(path))) })
}

fn endpoint_path(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = c.name("e")?;
    let end = e.start() + trim_trailing(e.as_str());
    let path = &e.as_str()[..end - e.start()];
    let bare = strip_query(path);
    let segs: Vec<&str> = bare.split('/').filter(|s| !s.is_empty()).collect();
    let first = *segs.first()?;
    if !bare.bytes().any(|b| b.is_ascii_alphabetic()) || FS_ROOTS.contains(&first) {
        return None;
    }
    let api_word = API_WORDS.contains(&first.to_ascii_lowercase().as_str());
    if segs.len() < 2 && !api_word {
        return None;
    }
    if segs.len() >= 2 && !api_word && segs.iter().all(|s| s.len() <= 1) {
        return None; // "/a/b"
    }
    Some(Hit { start: e.start(), end, value: Some(bare.to_string()) })
}

/// Lowercases the scheme and host of a URL, keeping the path as written.
fn normalise_url(u: &str) -> String {
    let (scheme, rest) = match u.find("://") {
        Some(i) => (&u[..i + 3], &u[i + 3..]),
        None => ("", u),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    format!("{}{}{}", scheme.to_lowercase(), rest[..host_end].to_lowercase(), &rest[host_end..])
}

fn url(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = c.name("e")?;
    let end = e.start() + trim_trailing(e.as_str());
    let u = &e.as_str()[..end - e.start()];
    let host = u.split("://").nth(1).unwrap_or(u);
    if !host.chars().next().is_some_and(|ch| ch.is_alphanumeric() || ch == '[') {
        return None;
    }
    Some(Hit { start: e.start(), end, value: Some(normalise_url(u)) })
}

fn email(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = group(c, "e")?;
    let local = e.split('@').next()?;
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return None;
    }
    hit(c, Some(e.to_lowercase()))
}

fn digits_of(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

fn phone_intl(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let d = digits_of(group(c, "e")?);
    if !(9..=15).contains(&d.len()) {
        return None;
    }
    hit(c, Some(format!("+{d}")))
}

fn phone_ru(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let d = digits_of(group(c, "e")?);
    if d.len() != 11 {
        return None;
    }
    hit(c, Some(format!("+7{}", &d[1..])))
}

fn phone_us(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let d = digits_of(group(c, "e")?);
    let national = match d.len() {
        10 => d.as_str(),
        11 if d.starts_with('1') => &d[1..],
        _ => return None,
    };
    hit(c, Some(format!("+1{national}")))
}

// ---------------------------------------------------------------------------------------------
// Money

/// Normalises an amount: group separators dropped, the decimal separator becomes `.`.
fn amount(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let dec_at = compact.rfind(['.', ',']).filter(|&i| {
        let after = compact.len() - i - 1;
        (1..=2).contains(&after)
    });
    let mut out = String::with_capacity(compact.len());
    for (i, ch) in compact.char_indices() {
        if ch.is_ascii_digit() {
            out.push(ch);
        } else if Some(i) == dec_at {
            out.push('.');
        }
    }
    if out.is_empty() || out.starts_with('.') {
        return None;
    }
    Some(out)
}

fn currency(token: &str) -> Option<&'static str> {
    let t = norm(token);
    let t = t.trim_end_matches('.');
    let code = match t {
        "$" | "us$" | "usd" | "bucks" => "USD",
        "€" | "eur" | "евро" => "EUR",
        "£" | "gbp" => "GBP",
        "₽" | "rub" | "rur" | "р" => "RUB",
        "¥" | "jpy" => "JPY",
        "cny" | "yuan" | "юань" | "юаня" | "юаней" => "CNY",
        "₴" | "uah" | "грн" | "гривен" | "гривны" | "гривна" => "UAH",
        "₸" | "kzt" | "тенге" => "KZT",
        "₹" | "inr" => "INR",
        "chf" => "CHF",
        _ if t.starts_with("руб") => "RUB",
        _ if t.starts_with("dollar") || t.starts_with("долл") => "USD",
        _ if t.starts_with("euro") => "EUR",
        _ if t.starts_with("pound") || t.starts_with("фунт") => "GBP",
        _ => return None,
    };
    Some(code)
}

fn money(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let a = amount(group(c, "amt")?)?;
    let cur = currency(group(c, "cur")?)?;
    hit(c, Some(format!("{a} {cur}")))
}

const AMOUNT: &str =
    r"[0-9]{1,3}(?:[,\x{A0}\x{202F}\x{2009} ][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]{1,12}(?:[.,][0-9]{1,2})?";

// ---------------------------------------------------------------------------------------------
// Dates and durations

fn date_iso(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    if group(c, "s1")? != group(c, "s2")? {
        return None;
    }
    let y = group(c, "y")?.parse().ok()?;
    let m = group(c, "m")?.parse().ok()?;
    let d = group(c, "d")?.parse().ok()?;
    hit(c, Some(dates::format_date(Some(y), m, d)?))
}

fn date_numeric(c: &Captures<'_>, text: &str, ctx: &mut Ctx) -> Option<Hit> {
    let sep = group(c, "s1")?;
    if sep != group(c, "s2")? {
        return None;
    }
    let (a_s, b_s, y_s) = (group(c, "a")?, group(c, "b")?, group(c, "y")?);
    if y_s.len() == 2 && (sep != "." || a_s.len() != 2 || b_s.len() != 2) {
        return None;
    }
    let (a, b): (u32, u32) = (a_s.parse().ok()?, b_s.parse().ok()?);
    let y = dates::full_year(y_s)?;
    // Dots and dashes are day-first; slashes are month-first (US) unless the first number
    // cannot be a month or the text is Russian.
    let (day, month) = if sep == "/" && a <= 12 && !ctx.has_cyrillic(text) { (b, a) } else { (a, b) };
    hit(c, Some(dates::format_date(Some(y), month, day)?))
}

fn date_named(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let month_word = ["m1", "m2", "m3", "m4", "m5"].iter().find_map(|g| group(c, g))?;
    let month = dates::month_number(month_word)?;
    let day = ["d1", "d2", "d4"].iter().find_map(|g| group(c, g));
    let year = ["y1", "y2", "y3", "y4", "y5"].iter().find_map(|g| group(c, g));
    let year: Option<u32> = match year {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    let value = match day {
        Some(d) => dates::format_date(year, month, d.parse().ok()?)?,
        None => format!("{:04}-{month:02}", year?),
    };
    hit(c, Some(value))
}

fn date_relative(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let v = dates::relative_value(group(c, "e")?)?;
    hit(c, Some(v.to_string()))
}

fn date_ago(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = match group(c, "n") {
        Some(n) => dates::number_word(n)?,
        None => "1".to_string(),
    };
    let unit = dates::unit_code(group(c, "u")?)?;
    hit(c, Some(format!("relative:-{n}{}", dates::relative_unit(unit))))
}

fn date_weekday(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let wd = group(c, "wd")?;
    let russian = wd.chars().next().is_some_and(|ch| !ch.is_ascii());
    if russian && c.name("pre").is_none() && norm(wd).starts_with("сред") {
        return None; // "среда" is also "environment"
    }
    hit(c, Some(format!("weekday:{}", dates::weekday(wd)?)))
}

fn duration(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    if let Some(u1) = group(c, "u1") {
        // "уже неделю", "за час": one unit, named without a number.
        return hit(c, Some(dates::iso_duration("1", dates::unit_code(u1)?)));
    }
    let pre = group(c, "pre").map(norm);
    if matches!(pre.as_deref(), Some("в" | "at" | "с" | "к")) {
        return None; // "в 3 часа", "at 5 hours"?: a time of day, not a duration
    }
    if let Some(h) = group(c, "half") {
        let h = norm(h);
        let v = match h.as_str() {
            "half an hour" | "полчаса" | "пол часа" => "PT30M",
            "полтора часа" => "PT1H30M",
            "полдня" => "PT12H",
            "полтора дня" => "P1DT12H",
            "полторы недели" => "P1.5W",
            "полтора месяца" => "P1.5M",
            "полгода" | "пол года" => "P6M",
            _ => return None,
        };
        return hit(c, Some(v.to_string()));
    }
    let unit_word = group(c, "u")?;
    let unit = dates::unit_code(unit_word)?;
    let n = match group(c, "n") {
        Some(n) => {
            let is_article = matches!(norm(n).as_str(), "a" | "an");
            if is_article && pre.is_none() {
                return None; // "once a day"
            }
            dates::number_word(n)?
        }
        None => return None,
    };
    if unit == "Y" && n.len() >= 4 {
        return None; // "2024 года" is a year, not 2024 years
    }
    hit(c, Some(dates::iso_duration(&n, unit)))
}

// ---------------------------------------------------------------------------------------------
// Ticket ids and versions

const TICKET_STOP: &[&str] = &[
    "UTF", "SHA", "ISO", "IEC", "RFC", "COVID", "CVE", "MD", "AES", "RSA", "TLS", "SSL", "HTTP", "HTTPS",
    "MP", "GPT", "USB", "HDMI", "PCI", "DDR", "LTE", "IPV", "WPA", "PS", "IP", "ORA", "PLS", "TNS", "IMP",
    "EXP", "RMAN", "ERR", "ER", "ERROR", "ODBC", "ISBN", "EAN", "GOST", "ГОСТ", "SQL", "ES", "ECMA", "ANSI",
    "IEEE", "NET", "ASCII", "CP", "WIN", "KOI", "AV", "SVG",
];

fn ticket_prefixed(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    if let Some(p) = group(c, "p") {
        if TICKET_STOP.contains(&p) {
            return None;
        }
    }
    let e = group(c, "e")?;
    hit(c, Some(e.to_uppercase()))
}

fn ticket_marked(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = group(c, "n")?;
    let hex_color = (n.len() == 3 || n.len() == 6)
        && n.bytes().all(|b| b.is_ascii_hexdigit())
        && n.bytes().any(|b| b.is_ascii_alphabetic());
    if hex_color {
        return None;
    }
    hit(c, Some(n.to_uppercase()))
}

fn ticket_keyword(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let id = group(c, "id")?;
    let digits = id.bytes().filter(u8::is_ascii_digit).count();
    let alnum = id.bytes().filter(u8::is_ascii_alphanumeric).count();
    if digits == 0 || alnum < 3 && !(alnum == 2 && id.contains('-')) {
        return None;
    }
    if digits < 3 && id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    hit(c, Some(id.to_uppercase()))
}

fn version(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let n = group(c, "n")?;
    hit(c, Some(n.to_lowercase()))
}

fn version_bare(c: &Captures<'_>, text: &str, _: &mut Ctx) -> Option<Hit> {
    let e = c.name("e")?;
    let before = text[..e.start()].chars().rev().take(2).collect::<Vec<_>>();
    if before.first() == Some(&'.') && before.get(1).is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let mut after = text[e.end()..].chars();
    if after.next() == Some('.') && after.next().is_some_and(|ch| ch.is_ascii_digit()) {
        return None; // an IP address or a longer dotted number
    }
    hit(c, Some(e.as_str().to_string()))
}

// ---------------------------------------------------------------------------------------------
// Device models

const DEVICE_WORDS: &[(&str, &str)] = &[
    ("iphone", "iPhone"),
    ("айфон", "iPhone"),
    ("ipad", "iPad"),
    ("apple", "Apple"),
    ("samsung", "Samsung"),
    ("galaxy", "Galaxy"),
    ("tab", "Tab"),
    ("note", "Note"),
    ("fold", "Fold"),
    ("flip", "Flip"),
    ("google", "Google"),
    ("pixel", "Pixel"),
    ("xiaomi", "Xiaomi"),
    ("redmi", "Redmi"),
    ("mi", "Mi"),
    ("poco", "POCO"),
    ("huawei", "Huawei"),
    ("mate", "Mate"),
    ("nova", "nova"),
    ("honor", "Honor"),
    ("oneplus", "OnePlus"),
    ("macbook", "MacBook"),
    ("microsoft", "Microsoft"),
    ("surface", "Surface"),
    ("laptop", "Laptop"),
    ("go", "Go"),
    ("pro", "Pro"),
    ("max", "Max"),
    ("plus", "Plus"),
    ("mini", "mini"),
    ("air", "Air"),
    ("ultra", "Ultra"),
    ("lite", "Lite"),
    ("edge", "Edge"),
    ("xl", "XL"),
    ("se", "SE"),
    ("fe", "FE"),
    ("5g", "5G"),
];

/// `iphone 13 pro max` → `iPhone 13 Pro Max`, `galaxy a52` → `Galaxy A52`, `pixel 7a` → `Pixel 7a`.
fn device_name(s: &str) -> String {
    let lower = norm(s);
    let mut words: Vec<String> = Vec::new();
    for w in lower.split(' ') {
        // Split a family glued to its number: "iphone13" → "iphone" "13".
        let glued = ["iphone", "айфон", "ipad", "pixel", "oneplus"].iter().find(|f| {
            w.len() > f.len() && w.starts_with(**f) && w[f.len()..].starts_with(|c: char| c.is_ascii_digit())
        });
        let parts: Vec<&str> = match glued {
            Some(f) => vec![&w[..f.len()], &w[f.len()..]],
            None => vec![w],
        };
        for p in parts {
            let out = match DEVICE_WORDS.iter().find(|(k, _)| *k == p) {
                Some((_, v)) => (*v).to_string(),
                None if p.starts_with(|c: char| c.is_ascii_alphabetic()) => p.to_uppercase(),
                None => p.to_string(),
            };
            words.push(out);
        }
    }
    words.join(" ")
}

fn device_model(c: &Captures<'_>, _: &str, _: &mut Ctx) -> Option<Hit> {
    let e = group(c, "e")?;
    hit(c, Some(device_name(e)))
}

// ---------------------------------------------------------------------------------------------
// The rule table

/// All pattern rules, in no particular order (overlaps are resolved afterwards).
pub(crate) fn rules() -> Vec<RuleSpec> {
    use EntityKind as K;
    let ph = phrase_alternation();
    let mut v = Vec::new();

    // HTTP status: a naming keyword, an evidencing verb, a reason phrase after or before.
    let kw = r"https?(?:/[0-9](?:\.[0-9])?)?(?:\s+(?:status(?:\s+code)?|error|code|response))?|status(?:\s+code)?|response\s+code|error(?:\s+code)?|err|код(?:\s+(?:ответа|ошибки|состояния|статуса))?|ошибк[аиуеоы]|ошибкой|статус(?:\s+код)?|статусом";
    v.push(spec(
        K::HttpStatus,
        format!(r"(?i){L}(?P<e>(?:{kw})\s*[:#=\-]?\s*(?P<n>[1-5][0-9]{{2}})(?:\s*[-:–—]?\s*\(?(?P<p>{ph})\)?)?){R}"),
        http_keyword,
    ));
    let verbs = r"returns?|returned|returning|got|getting|gets|receiv(?:e|es|ed|ing)|throws?|threw|throwing|respond(?:s|ed)?\s+with|fail(?:s|ed)?\s+with|возвращает|возвращают|вернул[аои]?|вернет|вернёт|возвращается|получаю|получаем|получил[аи]?|получаю|выдает|выдаёт|выдают|выдал[аи]?|падает\s+с|падает|отдает|отдаёт|отдают|прилетает|приходит|вылетает";
    let nouns = r"users?|emails?|messages?|items?|records?|rows?|orders?|tickets?|people|times|ms|seconds?|пользовател[а-яё]*|сообщени[а-яё]*|запис[а-яё]*|строк[а-яё]*|раз|штук[а-яё]*|товар[а-яё]*|заказ[а-яё]*|письм[а-яё]*";
    v.push(spec(
        K::HttpStatus,
        format!(r"(?i){L}(?:{verbs})\s+(?:(?:an?|the|with|с|со)\s+)?(?:(?:http|error|ошибк[ауи])\s+)?(?P<e>(?P<n>[45][0-9]{{2}})(?:\s*[-:]?\s*\(?(?P<p>{ph})\)?)?)(?:\s+(?P<noun>{nouns}))?{R}"),
        http_verb,
    ));
    v.push(spec(
        K::HttpStatus,
        format!(r"(?i){L}(?P<e>(?P<n>[1-5][0-9]{{2}})(?:\s*[-:–—]?\s*\(?(?P<p>{ph})\)?|\s+(?:http\s+error|status\s+code|errors?|ошибк[аиуеоы]|ошибкой|response|status|код\s+ответа|код))){R}"),
        http_phrase,
    ));
    v.push(spec(
        K::HttpStatus,
        format!(r"(?i){L}(?P<e>(?P<p>{ph})\s*[(\[]\s*(?P<n>[1-5][0-9]{{2}})\s*[)\]]){R}"),
        http_phrase,
    ));

    // Error codes.
    v.push(spec(K::ErrorCode, format!(r"(?i){L}(?P<e>0x[0-9a-f]{{4,16}}){R}"), error_hex));
    v.push(spec(
        K::ErrorCode,
        format!(r"(?i){L}(?P<e>(?:ORA|PLS|TNS|IMP|EXP|RMAN|ERR|ER|ERROR|ODBC)-[0-9]{{3,6}}|(?:AADSTS|CS|TS|MSB|LNK|NU|E)[0-9]{{3,6}}){R}"),
        error_upper,
    ));
    v.push(spec(
        K::ErrorCode,
        format!(r"{L}(?P<e>(?:NET::)?(?:ERR|ERROR|SEC_ERROR|SSL_ERROR|DNS_PROBE|MOZILLA_PKIX_ERROR|PR|STATUS|E|CERT)_[A-Z0-9]{{1,40}}(?:_[A-Z0-9]{{1,40}}){{0,10}}){R}"),
        error_upper,
    ));
    v.push(spec(
        K::ErrorCode,
        format!(
            r"(?i){L}(?P<e>sqlstate\s*(?:\[\s*(?P<a>[0-9a-z]{{5}})\s*\]|[:=]?\s*(?P<b>[0-9a-z]{{5}}))){R}"
        ),
        error_sqlstate,
    ));
    v.push(spec(
        K::ErrorCode,
        format!(r"(?i){L}(?P<e>errno\s*[:=]?\s*(?P<n>-?[0-9]{{1,5}}|E[A-Z]{{2,15}})){R}"),
        error_errno,
    ));
    v.push(spec(
        K::ErrorCode,
        format!(r"(?i){L}(?P<e>(?P<k>error\s+code|error\s+number|error\s+no\.?|exit\s+code|return\s+code|код\s+ошибки|код\s+возврата|ошибк[аиуеоы]\s+с\s+кодом|ошибк[аиуеоы]\s+номер|ошибк[аиуеоы]|ошибкой|error|err)\s*[:#=№]?\s*(?P<n>0x[0-9a-f]{{4,16}}|-?[0-9]{{1,10}})){R}"),
        error_keyword,
    ));

    // Exceptions (case-sensitive by nature).
    let errnos = "CONNRESET|CONNREFUSED|CONNABORTED|TIMEDOUT|NOTFOUND|ADDRINUSE|ADDRNOTAVAIL|ACCES|PIPE|NOENT|PERM|HOSTUNREACH|NETUNREACH|AI_AGAIN|MFILE|EXIST|ISDIR|NOTDIR|NOTEMPTY|PROTO|NOMEM|NOSPC|ROFS|BUSY|INVAL|CANCELED";
    v.push(spec(
        K::Exception,
        format!(r"{L}(?P<e>(?:[A-Za-z_][A-Za-z0-9_]{{0,40}}\.){{1,8}}[A-Z][A-Za-z0-9_]{{0,60}}(?:Exception|Error)|[A-Z][A-Za-z0-9]{{0,60}}(?:Exception|Error|Fault)|[A-Za-z][a-z0-9]{{1,60}}exception|E(?:{errnos})|SIG(?:SEGV|ABRT|KILL|TERM|BUS|ILL|FPE|PIPE)|EXC_[A-Z_]{{3,30}}|(?i:segfault|segmentation\s+fault)){R}"),
        exception,
    ));

    // Endpoints and URLs.
    let seg = PATH_SEG;
    let query = r#"(?:\?[^\s<>"'`]*)?"#;
    v.push(spec_ctx(
        K::Endpoint,
        format!(r#"{L}(?P<e>(?P<m>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?P<p>https?://[^\s<>"'`]+|(?:/{seg})+/?{query}|/))"#),
        endpoint_method,
    ));
    v.push(spec_ctx(K::Endpoint, format!(r#"(?:^|[\s(\[<"'`«])(?P<e>(?:/{seg})+/?{query})"#), endpoint_path));
    let tlds = "com|net|org|io|ru|su|рф|app|dev|co|ai|info|biz|tech|cloud|online|site|store|shop|uk|de|fr|eu|kz|by|ua|ca|au|jp|cn|nl|pl|ch|tv|gov|edu|me";
    v.push(spec_ctx(
        K::Url,
        format!(r#"(?i){L}(?P<e>(?:https?|ftp|wss?)://[^\s<>"'`]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:][^\s<>"'`]*)?)"#),
        url,
    ));
    v.push(spec_ctx(
        K::Url,
        format!(r#"(?i){L}(?P<e>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.(?:{tlds})(?::[0-9]{{2,5}})?(?:/[^\s<>"'`]*)?){R}"#),
        url,
    ));
    v.push(spec_ctx(
        K::Email,
        format!(r"(?i){L}(?P<e>[a-z0-9._%+\-]+@[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{{2,24}}){R}"),
        email,
    ));

    // Phones.
    let sep = r"[ .\-\x{A0}]";
    v.push(spec(
        K::Phone,
        format!(r"{L}(?P<e>\+[0-9]{{1,3}}{sep}?\(?[0-9]{{1,4}}\)?(?:{sep}?[0-9]{{2,4}}){{1,5}}){R}"),
        phone_intl,
    ));
    v.push(spec(
        K::Phone,
        format!(r"{L}(?P<e>8[ \-]?\(?[0-9]{{3}}\)?[ \-]?[0-9]{{3}}[ \-]?[0-9]{{2}}[ \-]?[0-9]{{2}}){R}"),
        phone_ru,
    ));
    v.push(spec(
        K::Phone,
        format!(r"{L}(?P<e>(?:1[ .\-])?(?:\([0-9]{{3}}\) ?|[0-9]{{3}}[ .\-])[0-9]{{3}}[ .\-][0-9]{{4}}){R}"),
        phone_us,
    ));

    // Money.
    let sym = r"US\$|\$|€|£|₽|¥|₴|₸|₹";
    let codes = "USD|EUR|RUB|RUR|GBP|UAH|KZT|CNY|JPY|INR|CHF";
    let words = r"руб(?:лей|ля|ль)?\.?|р\.|dollars?|bucks|долл(?:ар(?:ов|а|ы)?)?\.?|euros?|евро|pounds?|фунт(?:ов|а)?(?:\s+стерлингов)?|грн|гривен|гривны|гривна|тенге|yuan|юаней|юаня|юань";
    v.push(spec(K::Money, format!(r"(?i){L}(?P<e>(?P<cur>{sym}|{codes})\s?(?P<amt>{AMOUNT})){R}"), money));
    v.push(spec(
        K::Money,
        format!(r"(?i){L}(?P<e>(?P<amt>{AMOUNT})\s?(?P<cur>{sym}|{codes}|{words}))(?:$|[^\w$€£₽])"),
        money,
    ));

    // Dates.
    v.push(spec(
        K::Date,
        format!(r"{L}(?P<e>(?P<y>(?:19|20)[0-9]{{2}})(?P<s1>[-/.])(?P<m>[0-9]{{1,2}})(?P<s2>[-/.])(?P<d>[0-9]{{1,2}})(?:[T ][0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}}(?:\.[0-9]{{1,9}})?)?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?){R}"),
        date_iso,
    ));
    v.push(spec(
        K::Date,
        format!(r"(?i){L}(?P<e>(?P<a>[0-9]{{1,2}})(?P<s1>[./\-])(?P<b>[0-9]{{1,2}})(?P<s2>[./\-])(?P<y>(?:19|20)[0-9]{{2}}|[0-9]{{2}})(?:\s?г\.|\s?года)?){R}"),
        date_numeric,
    ));
    let men = "january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|(?-i:May|MAY)";
    let year = "(?:19|20)[0-9]{2}";
    v.push(spec(
        K::Date,
        format!(r"(?i){L}(?P<e>(?P<m1>{men})\.?\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{year}))?|(?:the\s+)?(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{men})\.?(?:,?\s+(?P<y2>{year}))?|(?P<m3>{men})\.?,?\s+(?P<y3>{year})){R}"),
        date_named,
    ));
    let mru_gen = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв|февр|фев|мар|апр|июн|июл|авг|сент|сен|окт|нояб|ноя|дек";
    let mru_any = "январ[ьея]|феврал[ьея]|март[ае]?|апрел[ьея]|ма[йея]|июн[ьея]|июл[ьея]|август[ае]?|сентябр[ьея]|октябр[ьея]|ноябр[ьея]|декабр[ьея]";
    v.push(spec(
        K::Date,
        format!(r"(?i){L}(?P<e>(?P<d4>[0-9]{{1,2}})(?:-?(?:го|е|ое))?\s+(?P<m4>{mru_gen})\.?(?:\s+(?P<y4>{year})(?:\s*(?:г\.|г|года|году))?)?|(?:в\s+)?(?P<m5>{mru_any})\s+(?P<y5>{year})(?:\s*(?:г\.|г|года|году))?){R}"),
        date_named,
    ));
    let mut rel: Vec<&str> = dates::RELATIVE.iter().map(|r| r.0).collect();
    crate::sort::sort_by_key(&mut rel, |p| std::cmp::Reverse(p.len()));
    let rel = rel
        .iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+").replace('е', "[её]"))
        .collect::<Vec<_>>()
        .join("|");
    v.push(spec(K::Date, format!(r"(?i){L}(?P<e>{rel}){R}"), date_relative));
    v.push(spec(
        K::Date,
        format!(
            r"(?i){L}(?P<e>(?:(?P<n>[0-9]{{1,3}}|{nw})\s+)?(?P<u>{units})\s+(?:ago|назад)){R}",
            nw = dates::NUMBER_WORDS,
            units = dates::UNITS
        ),
        date_ago,
    ));
    v.push(spec(
        K::Date,
        format!(r"(?i){L}(?P<e>(?:(?P<pre>since|on|from|until|till|by|before|after|last|this|next|every|с\s+прошлого|с\s+прошлой|в\s+прошлый|в\s+прошлую|в\s+прошлое|в\s+эту|в\s+этот|в\s+это|в\s+следующий|в\s+следующую|с|со|в|во|до|по|к|ко|прошлый|прошлую|прошлое|каждый|каждую|каждое)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник[а-яё]{{0,3}}|вторник[а-яё]{{0,3}}|сред[аыуе]|четверг[а-яё]{{0,3}}|пятниц[аыуе]|суббот[аыуе]|воскресень[еяю])){R}"),
        date_weekday,
    ));

    // Durations.
    v.push(spec(
        K::Duration,
        format!(r"(?i){L}(?P<e>(?:(?P<pre>for|over|within|in|since|about|around|almost|nearly|the\s+last|the\s+past|last|past|уже|за|в\s+течение|в\s+течении|около|почти|более|больше|целых|целый|целую|целые|последние|последних|на\s+протяжении|с|в|к|at)\s+)?(?:(?P<half>half\s+an\s+hour|полчаса|пол\s+часа|полтора\s+часа|полтора\s+дня|полторы\s+недели|полтора\s+месяца|полгода|пол\s+года|полдня)|(?P<n>[0-9]{{1,4}}(?:[.,][0-9]{{1,2}})?|{nw})\s*(?P<u>{units}))|(?P<pre1>уже|за|в\s+течение|в\s+течении|целый|целую|целые|почти|более|больше|около|на\s+протяжении)\s+(?P<u1>час|день|сутки|неделю|месяц|год|минуту)){R}", nw = dates::NUMBER_WORDS, units = dates::UNITS),
        duration,
    ));

    // Ticket ids.
    v.push(spec(
        K::TicketId,
        format!(r"{L}(?P<e>(?P<p>[A-Z][A-Z0-9]{{1,9}})-[0-9]{{2,10}}(?:-[0-9]{{1,10}})?|(?i:inv|ord|sup|tkt|req|inc|hd|sd)-[0-9]{{2,12}}){R}"),
        ticket_prefixed,
    ));
    v.push(spec(
        K::TicketId,
        format!(r"{L}(?P<e>(?:#|№)\s?(?P<n>[0-9]{{3,12}}|[A-Za-z]{{1,5}}-?[0-9]{{2,12}})){R}"),
        ticket_marked,
    ));
    v.push(spec(
        K::TicketId,
        format!(r"(?i){L}(?P<e>(?:номер\s+(?:заказа|заявки|обращения|тикета|сч[её]та)|ticket\s+id|tickets?|case|order|request|invoice|issue|incident|bug|req|тикет[а-яё]{{0,3}}|заявк[а-яё]{{1,3}}|обращени[а-яё]{{1,3}}|заказ[а-яё]{{0,3}}|сч[её]т[а-яё]{{0,3}}|инцидент[а-яё]{{0,3}})\s*(?:(?:number|no\.?|num\.?|nr\.?|id|номер|№|n°)\s*)?[:#№]?\s*(?P<id>[A-Za-z0-9]{{1,20}}(?:-[A-Za-z0-9]{{1,20}}){{0,3}})){R}"),
        ticket_keyword,
    ));

    // Versions.
    let num = r"[0-9]{1,4}(?:\.[0-9]{1,5}){0,3}";
    v.push(spec(
        K::Version,
        format!(r"(?i){L}(?P<e>(?:app\s+version|version|ver\.?|vers\.|версия|версии|версию|версией|версий|вер\.|build|билд|сборка|сборке|сборку|сборки|release|релиз|релизе|релиза)\s*[:#]?\s*v?(?P<n>{num}(?:-[a-z0-9]{{1,12}}(?:\.[a-z0-9]{{1,12}}){{0,2}})?)){R}"),
        version,
    ));
    v.push(spec(K::Version, format!(r"(?i){L}(?P<e>v(?P<n>{num}(?:-[a-z0-9]{{1,12}})?)){R}"), version));
    v.push(spec(K::Version, format!(r"{L}(?P<e>[0-9]{{1,3}}\.[0-9]{{1,3}}\.[0-9]{{1,3}}){R}"), version_bare));

    // Device models (families with a model number; bare families come from the lexicon).
    let models = [
        r"(?:apple\s+)?(?:iphone|айфон)\s?(?:[0-9]{1,2}|se|xr|xs|x)(?:\s?(?:pro\s?max|pro|plus|mini|max|e))?",
        r"(?:apple\s+)?ipad\s?(?:(?:pro|air|mini)(?:\s?[0-9]{1,2}(?:\.[0-9])?)?|[0-9]{1,2})",
        r"(?:samsung\s+)?galaxy\s+(?:tab\s+)?(?:[asmznf][0-9]{1,3}[a-z]?|note\s?[0-9]{1,2}|z\s?(?:fold|flip)\s?[0-9]?)(?:\s?(?:ultra|plus|\+|fe|lite|5g|edge))?",
        r"samsung\s+[asmzn][0-9]{1,3}[a-z]?(?:\s?(?:ultra|plus|\+|fe|lite|5g))?",
        r"(?:google\s+)?pixel\s?[0-9]{1,2}a?(?:\s?(?:pro\s?xl|pro|xl|fold))?",
        r"(?:xiaomi\s+)?redmi\s+(?:note\s+)?[0-9]{1,2}[a-z]?(?:\s?(?:pro\s?\+|pro|plus|ultra))?",
        r"xiaomi\s+(?:mi\s+)?[0-9]{1,2}[a-z]?(?:\s?(?:pro|ultra|lite))?",
        r"poco\s+[xfm][0-9][a-z]?(?:\s?pro)?",
        r"huawei\s+(?:p|mate|nova)\s?[0-9]{1,2}(?:\s?(?:pro|lite))?",
        r"honor\s+[0-9]{1,2}[a-z]?(?:\s?(?:pro|lite))?",
        r"oneplus\s?[0-9]{1,2}[a-z]?(?:\s?pro)?",
        r"macbook\s+(?:pro|air)\s+m[1-4](?:\s?(?:pro|max))?",
        r"(?:microsoft\s+)?surface\s+(?:pro|laptop|go)\s?[0-9]{1,2}",
    ]
    .join("|");
    v.push(spec(K::Device, format!(r"(?i){L}(?P<e>{models})(?:$|[^\w+])"), device_model));
    v
}

/// The version number glued after a browser or OS name, e.g. ` 17.2` after `iOS`:
/// byte range of the number (without the optional `v`) relative to `rest`.
pub(crate) fn trailing_version(rest: &str) -> Option<(usize, usize)> {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() && i < 3 && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'v' || b[i] == b'V') {
        i += 1;
    }
    let start = i;
    let mut parts = 0;
    loop {
        let d0 = i;
        while i < b.len() && b[i].is_ascii_digit() && i - d0 < 5 {
            i += 1;
        }
        if i == d0 {
            return None;
        }
        parts += 1;
        if parts < 4 && i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let next = rest[i..].chars().next();
    if next.is_some_and(is_word) {
        return None;
    }
    if next == Some('.') && rest[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((start, i))
}
