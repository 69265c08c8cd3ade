//! Which writing system a word is in — the first clue to its language and to its stemmer.

use serde::{Deserialize, Serialize};

/// The writing system of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Latin letters (English, transliterated Russian, most product names).
    Latin,
    /// Cyrillic letters (Russian).
    Cyrillic,
    /// Letters of another alphabet (Greek, Arabic, CJK …).
    Other,
    /// No letters at all: numbers, codes made of digits, symbols.
    None,
}

/// Whether `c` is a letter, answering the common cases (ASCII, basic Cyrillic) without the
/// Unicode tables, which dominate the cost of scanning Russian text.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0410}'..='\u{044F}').contains(&c) || c == 'ё' || c == 'Ё' {
        true
    } else {
        c.is_alphabetic()
    }
}

/// Whether `c` is a letter or a digit, with the same fast paths as [`is_letter`].
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

/// The script of one character, `None` for non-letters.
pub fn char_script(c: char) -> Script {
    if c.is_ascii_alphabetic() {
        Script::Latin
    } else if c.is_ascii() {
        Script::None
    } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
        Script::Cyrillic
    } else if !c.is_alphabetic() {
        Script::None
    } else if ('\u{0500}'..='\u{052F}').contains(&c) || ('\u{1C80}'..='\u{1C8F}').contains(&c) {
        Script::Cyrillic
    } else if ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
        Script::Latin
    } else {
        Script::Other
    }
}

/// The dominant script of a word: the script most of its letters are in.
///
/// ```
/// use helpdesk_ai::text::{word_script, Script};
/// assert_eq!(word_script("пароль"), Script::Cyrillic);
/// assert_eq!(word_script("API"), Script::Latin);
/// assert_eq!(word_script("401"), Script::None);
/// ```
pub fn word_script(word: &str) -> Script {
    let (mut latin, mut cyrillic, mut other) = (0u32, 0u32, 0u32);
    for c in word.chars() {
        match char_script(c) {
            Script::Latin => latin += 1,
            Script::Cyrillic => cyrillic += 1,
            Script::Other => other += 1,
            Script::None => {}
        }
    }
    if latin == 0 && cyrillic == 0 && other == 0 {
        Script::None
    } else if cyrillic >= latin && cyrillic >= other {
        Script::Cyrillic
    } else if latin >= other {
        Script::Latin
    } else {
        Script::Other
    }
}

/// Latin letters that look like Cyrillic ones, as typed by people whose keyboards mix layouts
/// ("пaроль" with a Latin `a`). Returns the Cyrillic twin.
pub(crate) fn cyrillic_homoglyph(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        't' => 'т',
        'h' => 'н',
        'b' => 'в',
        _ => return None,
    })
}
