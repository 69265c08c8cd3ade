//! Unicode normalisation of words: NFKC, lower case, `ё → е`, one apostrophe.

use super::nfkc;

/// Normalises one token (or a short phrase) for matching.
///
/// NFKC folds compatibility forms (full-width letters, ligatures, superscripts), lowercasing
/// removes case, `ё`/`Ё` become `е` (Russian writers use them interchangeably), and the many
/// apostrophes (’ ʼ ‘ `) become `'` so that "can’t" and "can't" are the same word.
///
/// ```
/// use helpdesk_ai::text::normalize;
/// assert_eq!(normalize("ＡＰＩ"), "api");
/// assert_eq!(normalize("Ёлка"), "елка");
/// assert_eq!(normalize("Can’t"), "can't");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // The common case needs neither NFKC nor Unicode lower-casing.
        for c in text.chars() {
            out.push(match c {
                '`' => '\'',
                c => c.to_ascii_lowercase(),
            });
        }
        return out;
    }
    for c in nfkc(text) {
        match c {
            'ё' | 'Ё' => out.push('е'),
            '’' | 'ʼ' | '‘' | '`' | '´' | 'ʹ' | '′' => out.push('\''),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_yo_and_apostrophes() {
        assert_eq!(normalize("ПАРОЛЬ"), "пароль");
        assert_eq!(normalize("Всё"), "все");
        assert_eq!(normalize("ﬁle"), "file");
        assert_eq!(normalize("don‘t"), "don't");
        assert_eq!(normalize("Straße"), "straße");
    }
}
