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

/// The NFKC form of `text`, character by character (no copy of the text is made).
///
/// ```
/// use helpdesk_ai::text::nfkc;
/// let folded: String = nfkc("ＡＰＩ ﬁle №5 и\u{306}").collect();
/// assert_eq!(folded, "API file No5 й");
/// ```
pub fn nfkc(text: &str) -> Nfkc<'_> {
    Nfkc { source: text.chars(), expansion: "".chars(), held: None }
}

/// The iterator [`nfkc`] returns.
#[derive(Debug, Clone)]
pub struct Nfkc<'a> {
    source: std::str::Chars<'a>,
    /// The rest of a code point's multi-character NFKC.
    expansion: std::str::Chars<'static>,
    /// The last character folded, held back until the next one shows it does not compose with it.
    held: Option<char>,
}

impl Iterator for Nfkc<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let next = match self.expansion.next() {
                Some(c) => c,
                None => match self.source.next().map(fold) {
                    Some(Fold::Same(c)) => c,
                    Some(Fold::Text(text)) => {
                        self.expansion = text.chars();
                        continue;
                    }
                    None => return self.held.take(),
                },
            };
            match self.held {
                None => self.held = Some(next),
                Some(held) => match compose(held, next) {
                    Some(composed) => self.held = Some(composed),
                    None => return self.held.replace(next),
                },
            }
        }
    }
}

enum Fold {
    Same(char),
    Text(&'static str),
}

/// The NFKC of one code point.
fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0xA0 || !in_blocks(&FOLDED_BLOCKS, u) {
        // ASCII and C1 controls never change; nor does anything in most 256-code-point blocks.
        return Fold::Same(c);
    }
    let run = RUNS.partition_point(|&(first, _, _)| first <= u);
    if let Some(&(first, len, target)) = run.checked_sub(1).and_then(|i| RUNS.get(i)) {
        if u - first < u32::from(len) {
            return Fold::Same(char::from_u32(target + (u - first)).unwrap_or(c));
        }
    }
    match SINGLES.binary_search(&u) {
        Ok(i) => {
            let begin = i.checked_sub(1).and_then(|j| SINGLE_ENDS.get(j)).map_or(0, |&end| usize::from(end));
            let end = SINGLE_ENDS.get(i).map_or(0, |&end| usize::from(end));
            SINGLE_TEXT.get(begin..end).map_or(Fold::Same(c), Fold::Text)
        }
        Err(_) => Fold::Same(c),
    }
}

/// One bit per block of 256 code points.
type Blocks = [u64; 0x11_0000 / 256 / 64];

fn in_blocks(blocks: &Blocks, u: u32) -> bool {
    let block = (u >> 8) as usize;
    blocks.get(block / 64).is_some_and(|bits| bits & (1 << (block % 64)) != 0)
}

const fn mark_block(mut blocks: Blocks, u: u32) -> Blocks {
    let block = (u >> 8) as usize;
    blocks[block / 64] |= 1 << (block % 64);
    blocks
}

/// The blocks that hold a code point whose NFKC differs from it, derived from the tables.
const FOLDED_BLOCKS: Blocks = {
    let mut blocks = [0; 0x11_0000 / 256 / 64];
    let mut i = 0;
    while i < RUNS.len() {
        let (first, len, _) = RUNS[i];
        let mut u = first;
        while u < first + len as u32 {
            blocks = mark_block(blocks, u);
            u += 256;
        }
        blocks = mark_block(blocks, first + len as u32 - 1);
        i += 1;
    }
    let mut i = 0;
    while i < SINGLES.len() {
        blocks = mark_block(blocks, SINGLES[i]);
        i += 1;
    }
    blocks
};

/// The blocks that hold the second character of a composition, Hangul's included.
const SECOND_BLOCKS: Blocks = {
    let mut blocks = mark_block(mark_block([0; 0x11_0000 / 256 / 64], V_BASE), T_BASE);
    let mut i = 0;
    while i < COMPOSITIONS.len() {
        blocks = mark_block(blocks, COMPOSITIONS[i].1);
        i += 1;
    }
    blocks
};

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
    if !in_blocks(&SECOND_BLOCKS, b) {
        return None; // the common case: `b` combines with nothing
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
        nfkc(text).collect()
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
        out.extend(nfkc("\u{301}"));
        assert_eq!(out, "e\u{301}");
    }

    #[test]
    fn the_quick_checks_cover_every_table_entry() {
        assert!(RUNS
            .iter()
            .all(|&(first, len, _)| (first..first + u32::from(len)).all(|u| in_blocks(&FOLDED_BLOCKS, u))));
        assert!(SINGLES.iter().all(|&u| in_blocks(&FOLDED_BLOCKS, u)));
        assert!(COMPOSITIONS.iter().all(|&(_, second, _)| in_blocks(&SECOND_BLOCKS, second)));
        assert!(!in_blocks(&FOLDED_BLOCKS, 'ж' as u32) && !in_blocks(&SECOND_BLOCKS, 'ж' as u32));
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
