//! Hashed features of a ticket: what the linear model reads.
//!
//! Words are stems (so inflections share weights), bigrams catch phrases ("not working"),
//! character n-grams survive typos ("pasword"), concept ids carry meaning across languages
//! ("пароль" and "password" are the same feature), and entity kinds and sentiment add what the
//! text pipeline already understood. Every feature name is hashed into a fixed-size space, so
//! the model never needs a vocabulary.

use crate::analyze::Analysis;
use crate::text::{Token, TokenKind};

/// A sparse feature vector: `(index, value)` pairs, indexes unique, L2-normalised.
pub type SparseVector = Vec<(u32, f32)>;

/// How features are made; stored with a model so prediction matches training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureConfig {
    /// The feature space has `2^bits` slots.
    pub bits: u8,
    /// Character n-grams of words (3- and 4-grams) for typo tolerance.
    pub char_ngrams: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig { bits: 18, char_ngrams: true }
    }
}

impl FeatureConfig {
    /// The number of slots.
    pub fn dim(&self) -> usize {
        1usize << self.bits
    }
}

/// 64-bit FNV-1a of the namespace and parts. Written out rather than taken from a hasher crate
/// because the model's feature indexes must be identical on every platform: word-size-dependent
/// hashers (FxHash) give different values on wasm32 and x86_64.
fn hash(namespace: u8, parts: &[&str]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    };
    eat(namespace);
    for p in parts {
        p.bytes().for_each(&mut eat);
        eat(0xff);
    }
    // FNV's low bits mix poorly; fold the high half in before masking.
    h ^ (h >> 29)
}

/// Builds the feature vector of an analysed ticket from its analysis and tokens.
pub fn features(analysis: &Analysis, tokens: &[Token], config: &FeatureConfig) -> SparseVector {
    let mask = (config.dim() - 1) as u64;
    let mut raw: Vec<(u64, f32)> = Vec::with_capacity(tokens.len() * 6 + 32);
    let mut push = |h: u64, w: f32| raw.push((h & mask, w));

    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_wordlike()).collect();
    for t in &words {
        let kind = match t.kind {
            TokenKind::Number | TokenKind::Amount => "#num",
            TokenKind::Email => "#email",
            TokenKind::Url => "#url",
            TokenKind::Path => "#path",
            TokenKind::Reference => "#ref",
            _ => t.stem.as_str(),
        };
        push(hash(b'w', &[kind]), 1.0);
        if config.char_ngrams && t.kind == TokenKind::Word && t.norm.chars().count() >= 4 && !t.stop {
            let chars: Vec<char> = std::iter::once('<').chain(t.norm.chars()).chain(std::iter::once('>')).collect();
            let mut buf = String::new();
            for n in [3usize, 4] {
                for window in chars.windows(n) {
                    buf.clear();
                    buf.extend(window);
                    push(hash(b'c', &[&buf]), 0.35);
                }
            }
        }
    }
    for pair in words.windows(2) {
        if !(pair[0].stop && pair[1].stop) {
            push(hash(b'b', &[&pair[0].stem, &pair[1].stem]), 0.8);
        }
    }
    for concept in &analysis.concepts {
        push(hash(b'k', &[concept]), 1.5);
    }
    for e in &analysis.entities {
        push(hash(b'e', &[e.entity.kind.as_str()]), 1.0);
    }
    let s = &analysis.sentiment;
    push(hash(b's', &[s.label.as_str()]), 1.0);
    push(hash(b'u', &[match s.urgency_level {
        crate::sentiment::UrgencyLevel::Low => "low",
        crate::sentiment::UrgencyLevel::Normal => "normal",
        crate::sentiment::UrgencyLevel::High => "high",
        crate::sentiment::UrgencyLevel::Critical => "critical",
    }]), 1.0);
    for emotion in s.emotions.iter().filter(|e| e.score >= 0.3) {
        push(hash(b'm', &[emotion.emotion.as_str()]), 1.0);
    }
    push(hash(b'l', &[analysis.language.code.code()]), 0.5);
    push(hash(b'x', &["bias"]), 1.0);

    // Merge duplicates, then L2-normalise so long e-mails and one-liners weigh the same.
    raw.sort_unstable_by_key(|&(i, _)| i);
    let mut out: SparseVector = Vec::with_capacity(raw.len());
    for (i, w) in raw {
        match out.last_mut() {
            Some((last, v)) if u64::from(*last) == i => *v += w,
            _ => out.push((i as u32, w)),
        }
    }
    let norm = out.iter().map(|(_, v)| v * v).sum::<f32>().sqrt().max(f32::EPSILON);
    for (_, v) in &mut out {
        *v /= norm;
    }
    out
}
