//! Splitting text into tokens that keep the support domain's compound words whole.
//!
//! A generic word splitter breaks `ORA-00942`, `v2.3.1`, `/api/v2/users`, `jane@acme.io` and
//! `$49` into meaningless pieces. This scanner keeps them intact, and also keeps the marks that
//! carry feeling (`!!!`, `:(`, `)))`, emoji) because sentiment needs them. It is a single
//! forward pass over the text: linear time, no backtracking, no allocation but the output.

use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word of letters (possibly with inner `-` or `'`): `password`, `кто-то`, `can't`.
    Word,
    /// A number: `401`, `2.5`, `1,299.99`, `14:30`.
    Number,
    /// Letters and digits mixed, or joined by `-`/`_`/`.`: `ORA-00942`, `v2.3.1`, `0x80070005`,
    /// `ERR_CONNECTION_REFUSED`, `INV-20931`, `iOS17`.
    Code,
    /// An amount with its currency sign: `$49`, `49€`.
    Amount,
    /// An e-mail address.
    Email,
    /// A URL (`https://…`, `www.…`).
    Url,
    /// A path such as an API endpoint: `/api/v2/users`.
    Path,
    /// A `#`-number such as a ticket reference: `#48213`.
    Reference,
    /// Sentence punctuation: `.`, `!!!`, `?`, `;`, `…`.
    Punct,
    /// An emoticon or emoji: `:(`, `:-)`, `)))`, `😡`.
    Emoticon,
}

/// A token: its byte range in the scanned text and its kind. Normalised and stemmed forms are
/// added by [`crate::text::Pipeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// First byte of the token.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
}

const CURRENCY: &[char] = &['$', '€', '£', '₽', '¥', '₸', '₴'];

fn is_word_char(c: char) -> bool {
    super::script::is_alphanumeric(c) || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`')
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF | 0x2B00..=0x2BFF | 0x2190..=0x21FF)
}

/// Emoticons recognised as whole tokens, longest first.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":-/", ";-)", ":'(", ":)", ":(", ":D", ":P", ":/", ";)", "=)", "=(", "xD",
    "XD", "<3",
];

/// Splits `text` into tokens.
///
/// ```
/// use helpdesk_ai::text::{tokenize, TokenKind};
/// let text = "Error ORA-00942 on /api/v2/users since v2.3.1, charged $49!!! :(";
/// let tokens: Vec<(&str, TokenKind)> =
///     tokenize(text).iter().map(|t| (&text[t.start..t.end], t.kind)).collect();
/// assert!(tokens.contains(&("ORA-00942", TokenKind::Code)));
/// assert!(tokens.contains(&("/api/v2/users", TokenKind::Path)));
/// assert!(tokens.contains(&("v2.3.1", TokenKind::Code)));
/// assert!(tokens.contains(&("$49", TokenKind::Amount)));
/// assert!(tokens.contains(&("!!!", TokenKind::Punct)));
/// assert!(tokens.contains(&(":(", TokenKind::Emoticon)));
/// ```
pub fn tokenize(text: &str) -> Vec<RawToken> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let prev = text[..i].chars().next_back();
        let at_word_start = prev.is_none_or(|p| !is_word_char(p));

        // URLs first: they contain every other kind of character.
        if at_word_start && starts_with_url(rest) {
            let end = i + url_len(rest);
            tokens.push(RawToken { start: i, end, kind: TokenKind::Url });
            i = end;
            continue;
        }
        // Emoticons (":(" would otherwise be lost as two punctuation marks).
        if let Some(len) = emoticon_len(rest, prev) {
            tokens.push(RawToken { start: i, end: i + len, kind: TokenKind::Emoticon });
            i += len;
            continue;
        }
        if at_word_start && is_word_char(c) {
            if let Some(len) = email_len(rest) {
                tokens.push(RawToken { start: i, end: i + len, kind: TokenKind::Email });
                i += len;
                continue;
            }
        }
        if is_word_char(c) {
            let (end, kind) = scan_word(text, i);
            // An amount written with the sign after the number: "49€".
            let (end, kind) = match text[end..].chars().next() {
                Some(s) if CURRENCY.contains(&s) && matches!(kind, TokenKind::Number) => {
                    (end + s.len_utf8(), TokenKind::Amount)
                }
                _ => (end, kind),
            };
            tokens.push(RawToken { start: i, end, kind });
            i = end;
            continue;
        }
        if CURRENCY.contains(&c) {
            let after = i + c.len_utf8();
            let after_space = after + usize::from(bytes.get(after) == Some(&b' '));
            if text[after_space..].chars().next().is_some_and(|d| d.is_ascii_digit()) {
                let (end, _) = scan_word(text, after_space);
                tokens.push(RawToken { start: i, end, kind: TokenKind::Amount });
                i = end;
                continue;
            }
        }
        if c == '/' && at_word_start {
            if let Some(end) = scan_path(text, i) {
                tokens.push(RawToken { start: i, end, kind: TokenKind::Path });
                i = end;
                continue;
            }
        }
        if c == '#' && rest[1..].starts_with(|d: char| d.is_ascii_alphanumeric()) {
            let (end, _) = scan_word(text, i + 1);
            tokens.push(RawToken { start: i, end, kind: TokenKind::Reference });
            i = end;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | ';' | '…' | '¡' | '¿') {
            // A run of sentence marks is one token: "!!!", "?!", "...".
            let len: usize = rest
                .chars()
                .take_while(|d| matches!(d, '.' | '!' | '?' | '…'))
                .map(char::len_utf8)
                .sum::<usize>()
                .max(c.len_utf8());
            tokens.push(RawToken { start: i, end: i + len, kind: TokenKind::Punct });
            i += len;
            continue;
        }
        if is_emoji(c) {
            tokens.push(RawToken { start: i, end: i + c.len_utf8(), kind: TokenKind::Emoticon });
            i += c.len_utf8();
            // Skip variation selectors and zero-width joiners glued to the emoji.
            while let Some(d) = text[i..].chars().next() {
                if matches!(d, '\u{FE0F}' | '\u{200D}') || ('\u{1F3FB}'..='\u{1F3FF}').contains(&d) {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            continue;
        }
        i += c.len_utf8();
    }
    tokens
}

/// Length of an e-mail address at the start of `rest`, if one is there.
fn email_len(rest: &str) -> Option<usize> {
    let local = rest
        .char_indices()
        .find(|&(_, c)| !(is_word_char(c) || matches!(c, '.' | '+' | '-')))
        .map_or(rest.len(), |(i, _)| i);
    if local == 0 || local > 64 || !rest[local..].starts_with('@') {
        return None;
    }
    let domain_start = local + 1;
    let mut end = domain_start;
    let mut dots = 0;
    let mut last_label_len = 0;
    for (off, c) in rest[domain_start..].char_indices() {
        if is_word_char(c) || c == '-' {
            last_label_len += 1;
            end = domain_start + off + c.len_utf8();
        } else if c == '.' && last_label_len > 0 {
            let next = rest[domain_start + off + 1..].chars().next();
            if !next.is_some_and(is_word_char) {
                break;
            }
            dots += 1;
            last_label_len = 0;
        } else {
            break;
        }
    }
    (dots > 0 && last_label_len >= 2).then_some(end)
}

fn starts_with_url(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let prefix = |p: &[u8]| bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p);
    prefix(b"http://") || prefix(b"https://") || prefix(b"www.")
}

fn url_len(rest: &str) -> usize {
    let mut len = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '«' | '»'))
        .map_or(rest.len(), |(i, _)| i);
    // Trailing sentence punctuation belongs to the sentence, not the URL.
    while len > 0 && rest[..len].ends_with(['.', ',', ';', ':', '!', '?', ')', ']']) {
        len -= 1;
    }
    len
}

fn emoticon_len(rest: &str, prev: Option<char>) -> Option<usize> {
    if prev.is_some_and(is_word_char) && !rest.starts_with(')') && !rest.starts_with('(') {
        return None;
    }
    // Russian-style smileys: two or more closing/opening brackets ")))" / "(((".
    for bracket in [')', '('] {
        let n = rest.chars().take_while(|&c| c == bracket).count();
        if n >= 2 {
            return Some(n);
        }
    }
    EMOTICONS.iter().find(|e| rest.starts_with(**e)).map(|e| e.len()).filter(|&len| {
        // ":D" followed by a letter is not a smiley (":Data").
        !rest[len..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Scans a word-like run starting at `start`: letters, digits and `_`, with joiners that glue
/// compound tokens (`-`, apostrophes, and `.`/`,`/`:` between digits, `.` in codes).
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut end = start;
    let (mut letters, mut digits, mut joined) = (false, false, false);
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_word_char(c) {
            if c.is_numeric() {
                digits = true;
            } else if c != '_' {
                letters = true;
            } else {
                joined = true;
            }
            end = start + off + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let prev = text[..start + off].chars().next_back();
        let glue = match (c, prev, next) {
            ('-', _, Some(n)) if is_word_char(n) => true,
            (a, Some(p), Some(n)) if is_apostrophe(a) => p.is_alphabetic() && n.is_alphabetic(),
            ('.', Some(p), Some(n)) => {
                (p.is_ascii_digit() && n.is_ascii_digit())
                    || ((digits || joined) && n.is_alphanumeric() && !n.is_uppercase())
                    || (p.is_ascii_digit() && n.is_ascii_alphabetic() && !letters)
            }
            (',', Some(p), Some(_)) if p.is_ascii_digit() => {
                // A thousands separator: exactly three digits follow.
                let after = &text[start + off + 1..];
                after.len() >= 3
                    && after.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && !after.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
            }
            (':', Some(p), Some(n)) => p.is_ascii_digit() && n.is_ascii_digit(),
            _ => false,
        };
        if !glue {
            break;
        }
        joined = true;
        if c == '.' || c == ',' || c == ':' {
            // Keep scanning; the next char is a word char by construction.
        }
        end = start + off + c.len_utf8();
    }
    let word = &text[start..end];
    let kind = if letters && (digits || (joined && word.contains(['_', '.']))) {
        TokenKind::Code
    } else if letters
        && joined
        && word.contains('-')
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
    {
        // ERR-TIMEOUT, ORA-ABC: upper-case segments joined by dashes read as codes.
        TokenKind::Code
    } else if letters {
        TokenKind::Word
    } else if digits {
        TokenKind::Number
    } else {
        TokenKind::Code
    };
    (end, kind)
}

/// Scans `/segment/segment…` when at least one segment has a letter.
fn scan_path(text: &str, start: usize) -> Option<usize> {
    let mut end = start;
    let mut has_letter = false;
    for (off, c) in text[start..].char_indices() {
        if c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '.' | '{' | '}' | ':' | '?' | '=' | '&') {
            has_letter |= c.is_alphabetic();
            end = start + off + c.len_utf8();
        } else {
            break;
        }
    }
    while end > start + 1 && text[..end].ends_with(['.', ',', ':', '?']) {
        end -= 1;
    }
    (has_letter && end > start + 1).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (&text[t.start..t.end], t.kind)).collect()
    }

    #[test]
    fn keeps_codes_versions_and_amounts_whole() {
        let t = toks("error 0x80070005 and ERR_CONNECTION_REFUSED in iOS 17.2, v2.3.1, INV-20931, $1,299.99");
        for expected in [
            ("0x80070005", TokenKind::Code),
            ("ERR_CONNECTION_REFUSED", TokenKind::Code),
            ("17.2", TokenKind::Number),
            ("v2.3.1", TokenKind::Code),
            ("INV-20931", TokenKind::Code),
            ("$1,299.99", TokenKind::Amount),
        ] {
            assert!(t.contains(&expected), "{expected:?} not in {t:?}");
        }
    }

    #[test]
    fn mixed_russian_english_text() {
        let t = toks("Ошибка 401 при вызове API, пишите на jane.doe@acme.io или https://acme.io/help.");
        assert_eq!(t[0], ("Ошибка", TokenKind::Word));
        assert_eq!(t[1], ("401", TokenKind::Number));
        assert!(t.contains(&("API", TokenKind::Word)));
        assert!(
            t.contains(&("jane.doe@acme.io", TokenKind::Email)) || t.contains(&("jane.doe", TokenKind::Code))
        );
        assert!(t.contains(&("https://acme.io/help", TokenKind::Url)));
    }

    #[test]
    fn sentence_end_is_not_glued_to_the_next_word() {
        let t = toks("it stopped working.Please help");
        assert!(t.contains(&("working", TokenKind::Word)));
        assert!(t.contains(&("Please", TokenKind::Word)));
    }

    #[test]
    fn contractions_and_hyphenated_words_stay_whole() {
        let t = toks("I can’t log in, кто-то сменил e-mail");
        assert!(t.contains(&("can’t", TokenKind::Word)));
        assert!(t.contains(&("кто-то", TokenKind::Word)));
        assert!(t.contains(&("e-mail", TokenKind::Word)));
    }

    #[test]
    fn paths_references_and_feelings() {
        let t = toks("POST /v1/orders/{id} fails, see #48213!!! Спасибо))) 😡");
        assert!(t.contains(&("/v1/orders/{id}", TokenKind::Path)));
        assert!(t.contains(&("#48213", TokenKind::Reference)));
        assert!(t.contains(&("!!!", TokenKind::Punct)));
        assert!(t.contains(&(")))", TokenKind::Emoticon)));
        assert!(t.contains(&("😡", TokenKind::Emoticon)));
    }

    #[test]
    fn email_is_one_token() {
        let t = toks("write to jane@acme.io now");
        assert!(t.iter().any(|(s, _)| s.contains('@')), "{t:?}");
    }
}
