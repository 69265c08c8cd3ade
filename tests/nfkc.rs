//! `helpdesk_ai::text::nfkc` (small generated tables) against the `unicode-normalization` crate.

use helpdesk_ai::text::nfkc;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn ours(text: &str) -> String {
    nfkc(text).collect()
}

fn reference(text: &str) -> String {
    text.nfkc().collect()
}

/// The blocks `examples/unicode_tables.rs` leaves out, which pass through unchanged.
#[path = "../examples/unicode_tables.rs"]
#[allow(dead_code)]
mod generator;

fn passed_through(c: char) -> bool {
    generator::PASSED_THROUGH.iter().any(|&(first, last)| (first..=last).contains(&(c as u32)))
}

#[test]
fn every_code_point_alone_is_its_nfkc() {
    let mut wrong = Vec::new();
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        let s = c.to_string();
        let expected = if passed_through(c) { s.clone() } else { reference(&s) };
        if ours(&s) != expected {
            wrong.push(c);
        }
    }
    assert!(
        wrong.is_empty(),
        "{} code points differ, first {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

#[test]
fn every_canonical_pair_composes() {
    // Every letter + combining mark that has a precomposed form, as NFD spells it.
    let mut checked = 0;
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        let decomposed: String = c.to_string().nfd().collect();
        if decomposed.chars().count() >= 2 && !decomposed.chars().any(passed_through) {
            assert_eq!(ours(&decomposed), reference(&decomposed), "{c:?} as {decomposed:?}");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Letters, marks, compatibility forms and Hangul jamo, as support text might mix them.
fn mixed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('a', 'z'),
        prop::char::range('а', 'я'),
        prop::char::range('\u{C0}', '\u{17F}'),
        prop::char::range('\u{300}', '\u{30F}'),
        Just('\u{306}'),
        Just('\u{308}'),
        prop::char::range('\u{FF01}', '\u{FF5E}'),
        prop::char::range('\u{FB00}', '\u{FB06}'),
        prop::char::range('\u{2460}', '\u{24FF}'),
        prop::char::range('\u{1100}', '\u{1112}'),
        prop::char::range('\u{1161}', '\u{1175}'),
        Just(' '),
    ]
}

proptest! {
    /// Any text where no letter carries more than one mark normalises exactly as NFKC.
    #[test]
    fn text_with_single_marks_matches_the_crate(chars in prop::collection::vec(mixed_char(), 0..24)) {
        let mut text = String::new();
        let mut prev_mark = false;
        for c in chars {
            let mark = ('\u{300}'..='\u{36F}').contains(&c);
            if !(mark && prev_mark) {
                text.push(c);
            }
            prev_mark = mark;
        }
        prop_assert_eq!(ours(&text), reference(&text));
    }
}
