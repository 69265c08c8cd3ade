//! The lexicon: named things (browsers, operating systems, devices, product features,
//! integrations) listed in a TSV file and matched with one combined regex.
//!
//! File format, one entry per line, `#` starts a comment line, blank lines are ignored:
//!
//! ```text
//! kind<TAB>canonical<TAB>alias | alias | ...
//! ```
//!
//! * `kind` is `browser`, `os`, `device`, `feature` or `integration`;
//! * `canonical` is the value reported for every alias of the line;
//! * aliases match whole words or phrases, case-insensitively, with any run of whitespace
//!   between words, and `е`/`ё` treated alike;
//! * a word ending in `*` matches any word starting with it (Russian inflection: `отчет*`
//!   matches `отчеты`, `отчетами`);
//! * an alias starting with `=` is case-sensitive (`=Edge` matches "Edge" but not "edge case").
//!
//! An alias must start and end with a letter or digit (before its `*`), and appear only once in
//! the whole file.

use rustc_hash::FxHashMap as HashMap;

use regex::{Regex, RegexBuilder};

use super::dates::norm;
use super::{EntityKind, LexiconError};

/// The regex for the suffix a `*` stands for.
const STAR: &str = "[0-9a-zа-яё]*";

/// One alias after parsing.
#[derive(Debug)]
struct Alias {
    /// Normalised words (lowercase, `ё` → `е`), each with whether it ends in `*`.
    words: Vec<(String, bool)>,
    /// The words as written (used for the regex of a case-sensitive alias).
    raw: Vec<String>,
    /// Index into `Lexicon::entries`.
    entry: usize,
    case_sensitive: bool,
    /// Length of the literal text in chars (for longest-first ordering).
    len: usize,
}

/// A parsed lexicon entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: EntityKind,
    pub canonical: String,
}

/// A compiled lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    /// Exact (star-free) aliases by normalised text.
    exact: HashMap<String, usize>,
    /// Aliases with a `*`, in regex priority order.
    stars: Vec<Alias>,
    regex: Option<Regex>,
}

/// A lexicon match: byte range and entry index.
pub(crate) struct LexHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "browser" => EntityKind::Browser,
        "os" => EntityKind::Os,
        "device" => EntityKind::Device,
        "feature" => EntityKind::Feature,
        "integration" => EntityKind::Integration,
        _ => return None,
    })
}

fn err(line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError { line, message: message.into() }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The regex fragment of one alias.
fn alias_regex(a: &Alias) -> String {
    let mut out = String::new();
    for (i, (w, star)) in a.words.iter().enumerate() {
        if i > 0 {
            out.push_str(r"\s+");
        }
        let w = if a.case_sensitive { a.raw[i].as_str() } else { w.as_str() };
        for c in w.chars() {
            if c == 'е' && !a.case_sensitive {
                out.push_str("[её]");
            } else {
                out.push_str(&regex::escape(c.encode_utf8(&mut [0u8; 4])));
            }
        }
        if *star {
            out.push_str(STAR);
        }
    }
    if a.case_sensitive {
        format!("(?-i:{out})")
    } else {
        out
    }
}

impl Lexicon {
    /// Parses and compiles a TSV lexicon.
    pub(crate) fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        let mut entries = Vec::new();
        let mut aliases: Vec<Alias> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::default();
        for (i, raw) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 3 {
                return Err(err(
                    line_no,
                    format!(
                        "expected 3 tab-separated fields (kind, canonical, aliases), found {}",
                        fields.len()
                    ),
                ));
            }
            let kind_s = fields[0].trim();
            let kind = parse_kind(kind_s).ok_or_else(|| {
                err(line_no, format!("unknown kind {kind_s:?} (browser, os, device, feature, integration)"))
            })?;
            let canonical = fields[1].trim();
            if canonical.is_empty() {
                return Err(err(line_no, "empty canonical name"));
            }
            let entry = entries.len();
            entries.push(Entry { kind, canonical: canonical.to_string() });
            let mut count = 0;
            for alias_s in fields[2].split('|') {
                let alias_s = alias_s.trim();
                if alias_s.is_empty() {
                    continue;
                }
                let alias = parse_alias(alias_s, entry)
                    .map_err(|m| err(line_no, format!("alias {alias_s:?}: {m}")))?;
                // Case-sensitive variants of one word ("=Edge", "=EDGE") are distinct aliases.
                let words: Vec<String> = if alias.case_sensitive {
                    alias.raw.iter().map(|w| format!("={w}")).collect()
                } else {
                    alias.words.iter().map(|(w, _)| w.clone()).collect()
                };
                let key = words
                    .iter()
                    .zip(&alias.words)
                    .map(|(w, (_, s))| if *s { format!("{w}*") } else { w.clone() })
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(first) = seen.insert(key, line_no) {
                    return Err(err(line_no, format!("alias {alias_s:?} already defined on line {first}")));
                }
                aliases.push(alias);
                count += 1;
            }
            if count == 0 {
                return Err(err(line_no, "no aliases"));
            }
        }
        // Longest first, so leftmost-first alternation prefers the longest alias; at equal
        // length exact aliases come before starred ones.
        crate::sort::sort_by(&mut aliases, |a, b| {
            let star_a = a.words.iter().any(|w| w.1);
            let star_b = b.words.iter().any(|w| w.1);
            b.len.cmp(&a.len).then(star_a.cmp(&star_b)).then_with(|| a.words.cmp(&b.words))
        });
        let regex = if aliases.is_empty() {
            None
        } else {
            let alts: Vec<String> = aliases.iter().map(alias_regex).collect();
            let pattern = format!(r"(?i)(?:^|\W)(?:{})(?:$|\W)", alts.join("|"));
            let re = RegexBuilder::new(&pattern)
                .size_limit(64 << 20)
                .dfa_size_limit(16 << 20)
                .build()
                .map_err(|e| err(0, format!("lexicon too large to compile: {e}")))?;
            Some(re)
        };
        let mut exact = HashMap::default();
        let mut stars = Vec::new();
        for a in aliases {
            if a.words.iter().any(|w| w.1) {
                stars.push(a);
            } else {
                let key = a.words.iter().map(|w| w.0.as_str()).collect::<Vec<_>>().join(" ");
                exact.entry(key).or_insert(a.entry);
            }
        }
        Ok(Lexicon { entries, exact, stars, regex })
    }

    /// The entry an alias-shaped piece of text belongs to.
    fn identify(&self, text: &str) -> Option<usize> {
        let n = norm(text);
        if let Some(&e) = self.exact.get(&n) {
            return Some(e);
        }
        let words: Vec<&str> = n.split(' ').collect();
        self.stars
            .iter()
            .find(|a| {
                a.words.len() == words.len()
                    && a.words.iter().zip(&words).all(
                        |((w, star), t)| {
                            if *star {
                                t.starts_with(w.as_str())
                            } else {
                                w == t
                            }
                        },
                    )
            })
            .map(|a| a.entry)
    }

    /// All alias matches in `text`, left to right, non-overlapping.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<LexHit>) {
        let Some(re) = &self.regex else { return };
        let mut pos = 0;
        while pos <= text.len() {
            let Some(m) = re.find_at(text, pos) else { break };
            let (mut s, mut e) = (m.start(), m.end());
            if let Some(c) = text[s..e].chars().next() {
                if !is_word(c) {
                    s += c.len_utf8();
                }
            }
            if e > s {
                if let Some(c) = text[s..e].chars().next_back() {
                    if !is_word(c) {
                        e -= c.len_utf8();
                    }
                }
            }
            if e <= s {
                // Cannot happen with validated aliases; step on to stay linear.
                pos = m.end().max(pos + 1);
                while pos < text.len() && !text.is_char_boundary(pos) {
                    pos += 1;
                }
                continue;
            }
            if let Some(entry) = self.identify(&text[s..e]) {
                out.push(LexHit { start: s, end: e, entry });
            }
            pos = e;
        }
    }
}

/// Parses one alias (already trimmed).
fn parse_alias(s: &str, entry: usize) -> Result<Alias, String> {
    let (case_sensitive, body) = match s.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if body.chars().count() > 100 {
        return Err("longer than 100 characters".into());
    }
    let mut words = Vec::new();
    let mut raw = Vec::new();
    let mut len = 0;
    for w in body.split_whitespace() {
        let (w, star) = match w.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (w, false),
        };
        if w.contains('*') {
            return Err("'*' may only end a word".into());
        }
        if w.is_empty() {
            return Err("'*' needs a prefix".into());
        }
        len += w.chars().count() + 1;
        raw.push(w.to_string());
        words.push((norm(w), star));
    }
    let Some(first) = words.first() else { return Err("empty alias".into()) };
    let last = &words[words.len() - 1];
    if !first.0.chars().next().is_some_and(is_word) || !last.0.chars().next_back().is_some_and(is_word) {
        return Err("must start and end with a letter or digit".into());
    }
    Ok(Alias { words, raw, entry, case_sensitive, len })
}
