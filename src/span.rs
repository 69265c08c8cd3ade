//! Where a piece of text sits inside the text it came from.
//!
//! Rust slices strings by UTF-8 byte offsets; JavaScript's `String.prototype.slice` counts UTF-16
//! code units. Every span this crate returns carries both, so a host never has to re-scan the text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of a text, in UTF-8 bytes and in UTF-16 code units.
///
/// ```
/// use helpdesk_ai::span::{Span, Utf16Map};
/// let text = "Ошибка 401";
/// let map = Utf16Map::new(text);
/// let span = map.span(13, 16); // the bytes of "401"
/// assert_eq!(&text[span.start..span.end], "401");
/// assert_eq!((span.start_utf16, span.end_utf16), (7, 10));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte (UTF-8) of the range.
    pub start: usize,
    /// One past the last byte (UTF-8) of the range.
    pub end: usize,
    /// First UTF-16 code unit of the range (what JavaScript indexes by).
    pub start_utf16: usize,
    /// One past the last UTF-16 code unit of the range.
    pub end_utf16: usize,
}

impl Span {
    /// The length of the range in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// Whether two ranges share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text to UTF-16 offsets in `O(log n)` each.
///
/// It records, for every non-ASCII character, how far UTF-16 counting has fallen behind byte
/// counting after it; ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `(byte offset just after a non-ASCII char, bytes minus UTF-16 units up to there)`.
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Indexes `text` once.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut lag = 0usize;
        for (i, c) in text.char_indices() {
            let bytes = c.len_utf8();
            if bytes > 1 {
                lag += bytes - c.len_utf16();
                checkpoints.push((i + bytes, lag));
            }
        }
        Utf16Map { checkpoints }
    }

    /// The UTF-16 offset of a byte offset (which should lie on a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            byte
        } else {
            byte - self.checkpoints[idx - 1].1
        }
    }

    /// A [`Span`] for the byte range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span { start, end, start_utf16: self.utf16(start), end_utf16: self.utf16(end) }
    }
}

/// Serialises an `f32` score rounded to three decimals, so JSON shows `0.753`, not
/// `0.7527112364768982` (the `f32` → `f64` widening of JSON numbers).
#[cfg_attr(not(feature = "triage"), allow(dead_code))]
pub(crate) fn serialize_rounded<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_matches_a_direct_count() {
        let text = "a😀б c ёж 🚀x";
        let map = Utf16Map::new(text);
        for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(map.utf16(i), text[..i].encode_utf16().count(), "at byte {i}");
        }
    }

    #[test]
    fn ascii_text_is_identity() {
        let map = Utf16Map::new("plain ascii");
        assert_eq!(map.span(6, 11), Span { start: 6, end: 11, start_utf16: 6, end_utf16: 11 });
    }
}
