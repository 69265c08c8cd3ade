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
    build(analysis, tokens, config, None)
}

/// Like [`features`], and also says what each slot means: `(index, name)` pairs such as
/// `word:login`, `phrase:cannot login`, `concept:auth.password` — the words an explanation
/// shows. Several names may share a slot (hashing); all are listed.
pub fn features_named(
    analysis: &Analysis,
    tokens: &[Token],
    config: &FeatureConfig,
) -> (SparseVector, Vec<(u32, String)>) {
    let mut names = Vec::new();
    let x = build(analysis, tokens, config, Some(&mut names));
    (x, names)
}

/// Collects hashed features, and their names only when asked (naming allocates).
struct Sink<'a> {
    mask: u64,
    raw: Vec<(u64, f32)>,
    names: Option<&'a mut Vec<(u32, String)>>,
}

impl Sink<'_> {
    fn add(&mut self, h: u64, w: f32, name: impl FnOnce() -> String) {
        let i = h & self.mask;
        self.raw.push((i, w));
        if let Some(names) = self.names.as_deref_mut() {
            names.push((i as u32, name()));
        }
    }
}

fn build(
    analysis: &Analysis,
    tokens: &[Token],
    config: &FeatureConfig,
    names: Option<&mut Vec<(u32, String)>>,
) -> SparseVector {
    let mut sink =
        Sink { mask: (config.dim() - 1) as u64, raw: Vec::with_capacity(tokens.len() * 6 + 32), names };

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
        sink.add(hash(b'w', &[kind]), 1.0, || format!("word:{}", t.norm));
        if config.char_ngrams && t.kind == TokenKind::Word && t.norm.chars().count() >= 4 && !t.stop {
            let chars: Vec<char> =
                std::iter::once('<').chain(t.norm.chars()).chain(std::iter::once('>')).collect();
            let mut buf = String::new();
            for n in [3usize, 4] {
                for window in chars.windows(n) {
                    buf.clear();
                    buf.extend(window);
                    sink.add(hash(b'c', &[&buf]), 0.35, || format!("chars:{buf}"));
                }
            }
        }
    }
    for pair in words.windows(2) {
        if !(pair[0].stop && pair[1].stop) {
            sink.add(hash(b'b', &[&pair[0].stem, &pair[1].stem]), 0.8, || {
                format!("phrase:{} {}", pair[0].norm, pair[1].norm)
            });
        }
    }
    for concept in &analysis.concepts {
        sink.add(hash(b'k', &[concept]), 1.5, || format!("concept:{concept}"));
    }
    for e in &analysis.entities {
        let kind = e.entity.kind.as_str();
        sink.add(hash(b'e', &[kind]), 1.0, || format!("entity:{kind}"));
    }
    let s = &analysis.sentiment;
    sink.add(hash(b's', &[s.label.as_str()]), 1.0, || format!("sentiment:{}", s.label.as_str()));
    let urgency = match s.urgency_level {
        crate::sentiment::UrgencyLevel::Low => "low",
        crate::sentiment::UrgencyLevel::Normal => "normal",
        crate::sentiment::UrgencyLevel::High => "high",
        crate::sentiment::UrgencyLevel::Critical => "critical",
    };
    sink.add(hash(b'u', &[urgency]), 1.0, || format!("urgency:{urgency}"));
    for emotion in s.emotions.iter().filter(|e| e.score >= 0.3) {
        sink.add(hash(b'm', &[emotion.emotion.as_str()]), 1.0, || {
            format!("emotion:{}", emotion.emotion.as_str())
        });
    }
    let lang = analysis.language.code.code();
    sink.add(hash(b'l', &[lang]), 0.5, || format!("language:{lang}"));
    sink.add(hash(b'x', &["bias"]), 1.0, || BIAS.to_string());

    // Merge duplicates, then L2-normalise so long e-mails and one-liners weigh the same.
    let mut raw = sink.raw;
    // The standard sort, not crate::sort: this runs on every ticket over hundreds of features,
    // where its own copy of the sort is worth its size.
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

/// The name of the always-on bias feature (never shown as a reason).
pub(crate) const BIAS: &str = "bias";
