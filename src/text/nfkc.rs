//! Unicode NFKC (compatibility decomposition, then canonical composition) from small tables.
//!
//! Why not the `unicode-normalization` crate: its tables cost the browser package ~60 KB
//! gzipped, more than all the analysis code. What support text needs is much smaller: the NFKC of
//! each code point (full-width letters, ligatures, `№`, superscripts, mathematical "fancy text" …)
//! and the canonical compositions that put a letter and its combining mark back together
//! (`и` + U+0306 → `й`, `e` + U+0301 → `é`). Both tables are generated from the crate
//! (`cargo run --example unicode_tables`), and `tests/nfkc.rs` checks this module against it for
//! every code point and every composition pair.
//!
//! Two simplifications keep the tables at ~10 KB: the compatibility forms of the CJK and Arabic
//! blocks (compatibility ideographs, radicals, squared words, Hangul compatibility jamo, Arabic
//! presentation forms — two thirds of all NFKC mappings) pass through unchanged, as text in those
//! scripts is not analysed anyway; and marks compose greedily with the character right before
//! them, so a letter carrying several marks in a non-canonical order may stay partly decomposed
//! where NFKC would reorder the marks first. Nothing in English or Russian text does either.

use super::nfkc_tables::{COMPOSITIONS, RUNS, SINGLES, SINGLE_ENDS, SINGLE_TEXT};

/// Appends the NFKC form of `text` to `out`.
///
/// ```
/// use helpdesk_ai::text::nfkc;
/// let mut out = String::new();
/// nfkc("ＡＰＩ ﬁle №5 и\u{306}", &mut out);
/// assert_eq!(out, "API file No5 й");
/// ```
pub fn nfkc(text: &str, out: &mut String) {
    let start = out.len();
    for c in text.chars() {
        match fold(c) {
            Fold::Same => push_composed(out, start, c),
            Fold::Char(d) => push_composed(out, start, d),
            Fold::Text(s) => s.chars().for_each(|d| push_composed(out, start, d)),
        }
    }
}

enum Fold {
    Same,
    Char(char),
    Text(&'static str),
}

/// The NFKC of one code point.
fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0xA0 {
        return Fold::Same; // ASCII and C1 controls never change
    }
    let run = RUNS.partition_point(|&(first, _, _)| first <= u);
    if let Some(&(first, len, target)) = run.checked_sub(1).and_then(|i| RUNS.get(i)) {
        if u - first < u32::from(len) {
            return char::from_u32(target + (u - first)).map_or(Fold::Same, Fold::Char);
        }
    }
    match SINGLES.binary_search(&u) {
        Ok(i) => {
            let begin = i.checked_sub(1).and_then(|j| SINGLE_ENDS.get(j)).map_or(0, |&end| usize::from(end));
            let end = SINGLE_ENDS.get(i).map_or(0, |&end| usize::from(end));
            SINGLE_TEXT.get(begin..end).map_or(Fold::Same, Fold::Text)
        }
        Err(_) => Fold::Same,
    }
}

/// Pushes `c`, composing it with the character before it (not before `start`) when the two are
/// a canonical pair.
fn push_composed(out: &mut String, start: usize, c: char) {
    if let Some(prev) = out[start..].chars().next_back() {
        if let Some(composed) = compose(prev, c) {
            out.truncate(out.len() - prev.len_utf8());
            out.push(composed);
            return;
        }
    }
    out.push(c);
}

// Hangul syllables are composed arithmetically (Unicode §3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

/// The primary composite of `a` followed by `b`, if there is one.
fn compose(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if b < 0x300 {
        return None; // every second element is a mark or a Hangul/Indic vowel or final
    }
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return char::from_u32(a + (b - T_BASE));
    }
    COMPOSITIONS
        .binary_search_by_key(&(a, b), |&(first, second, _)| (first, second))
        .ok()
        .and_then(|i| char::from_u32(COMPOSITIONS[i].2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfkc_of(text: &str) -> String {
        let mut out = String::new();
        nfkc(text, &mut out);
        out
    }

    #[test]
    fn folds_compatibility_forms_and_composes_marks() {
        assert_eq!(nfkc_of("Ｈｅｌｌｏ"), "Hello");
        assert_eq!(nfkc_of("ﬃ"), "ffi");
        assert_eq!(nfkc_of("x²"), "x2");
        assert_eq!(nfkc_of("𝐁𝐨𝐥𝐝"), "Bold");
        assert_eq!(nfkc_of("е\u{308}ж"), "ёж");
        assert_eq!(nfkc_of("\u{1100}\u{1161}\u{11A8}"), "각");
        assert_eq!(nfkc_of("already fine"), "already fine");
    }

    #[test]
    fn a_leading_mark_stays_and_never_reaches_into_earlier_output() {
        let mut out = String::from("e");
        nfkc("\u{301}", &mut out);
        assert_eq!(out, "e\u{301}");
    }

    #[test]
    fn tables_are_sorted() {
        assert!(RUNS.windows(2).all(|w| w[0].0 + u32::from(w[0].1) <= w[1].0));
        assert!(SINGLES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(SINGLES.len(), SINGLE_ENDS.len());
        assert!(SINGLE_ENDS.windows(2).all(|w| w[0] <= w[1]));
        assert!(COMPOSITIONS.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }
}
