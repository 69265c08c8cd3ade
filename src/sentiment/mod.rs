//! Sentiment, urgency and emotions of a support message, in English and Russian.
//!
//! A lexicon the project writes (`data/sentiment/{en,ru}.tsv`: term, score −4…4, emotion tags)
//! and rules (`data/sentiment/modifiers.tsv`): negation ("not helpful", "не помогло"),
//! intensifiers and diminishers ("very", "очень", "slightly"), contrast ("…, but", "…, но"),
//! shouting in capitals, "!!!", emoticons and politeness. Each message gets a score in −1…1, a
//! label, the emotions it shows, an urgency level, a short descriptor such as "frustrated but
//! polite" and an escalation risk; [`conversation`] follows the customer's mood over a thread.
//!
//! ```
//! use helpdesk_ai::sentiment::{SentimentAnalyzer, SentimentLabel};
//! use helpdesk_ai::text::Pipeline;
//! let pipeline = Pipeline::default();
//! let analyzer = SentimentAnalyzer::embedded(&pipeline);
//! let s = analyzer.analyze("This is blocking our sales team. Please help urgently!", &pipeline.tokens("This is blocking our sales team. Please help urgently!"));
//! assert_eq!(s.label, SentimentLabel::Negative);
//! assert!(s.urgency > 0.5);
//! let happy = "Thanks a lot, the fix works perfectly!";
//! assert_eq!(analyzer.analyze(happy, &pipeline.tokens(happy)).label, SentimentLabel::Positive);
//! ```

mod conversation;

pub use conversation::{
    conversation, ConversationMessage, ConversationSentiment, Sender, TimelinePoint, Trend,
};

use crate::error::DataError;
use crate::text::{data_lines, Pipeline, Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// Negative, neutral or positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentimentLabel {
    /// Unhappy, complaining, angry.
    Negative,
    /// Factual.
    Neutral,
    /// Happy, grateful.
    Positive,
}

impl SentimentLabel {
    /// `"negative"`, `"neutral"` or `"positive"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SentimentLabel::Negative => "negative",
            SentimentLabel::Neutral => "neutral",
            SentimentLabel::Positive => "positive",
        }
    }
}

/// The emotions the analyser recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Emotion {
    /// "I've tried everything", "still not working".
    Frustration,
    /// "unacceptable", "ridiculous", capitals.
    Anger,
    /// "expected better", "let down".
    Disappointment,
    /// "thanks", "спасибо".
    Gratitude,
    /// "please", "пожалуйста", "could you".
    Politeness,
    /// "asap", "срочно", "blocking".
    Urgency,
    /// "works great", "отлично".
    Satisfaction,
    /// "don't understand", "не понимаю".
    Confusion,
    /// "worried", "afraid", "боюсь".
    Worry,
}

impl Emotion {
    const ALL: [Emotion; 9] = [
        Emotion::Frustration,
        Emotion::Anger,
        Emotion::Disappointment,
        Emotion::Gratitude,
        Emotion::Politeness,
        Emotion::Urgency,
        Emotion::Satisfaction,
        Emotion::Confusion,
        Emotion::Worry,
    ];

    fn parse(text: &str) -> Option<Emotion> {
        Emotion::ALL.into_iter().find(|e| e.as_str() == text)
    }

    /// The emotion's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Emotion::Frustration => "frustration",
            Emotion::Anger => "anger",
            Emotion::Disappointment => "disappointment",
            Emotion::Gratitude => "gratitude",
            Emotion::Politeness => "politeness",
            Emotion::Urgency => "urgency",
            Emotion::Satisfaction => "satisfaction",
            Emotion::Confusion => "confusion",
            Emotion::Worry => "worry",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How strongly an emotion shows, 0…1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EmotionScore {
    /// The emotion.
    pub emotion: Emotion,
    /// Its strength, 0…1.
    pub score: f64,
}

/// Urgency in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrgencyLevel {
    /// Nothing pressing.
    Low,
    /// Some time pressure.
    Normal,
    /// Asked for quickly, or blocking work.
    High,
    /// Emergency language.
    Critical,
}

/// A word or mark that moved the score, for explanations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The text as written.
    pub text: String,
    /// Its contribution after negation, intensity and emphasis rules (lexicon scale −4…4).
    pub weight: f64,
    /// Why it was adjusted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Byte start in the analysed text.
    #[serde(skip)]
    pub start: usize,
    /// Byte end in the analysed text.
    #[serde(skip)]
    pub end: usize,
}

/// A rule that adjusted a cue's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A negator came before it ("not helpful").
    Negated,
    /// An intensifier came before it ("very bad").
    Intensified,
    /// A diminisher came before it ("slightly slow").
    Diminished,
    /// Written in capitals.
    Caps,
    /// In the clause after a contrast ("…, but terrible").
    AfterContrast,
    /// In the clause before a contrast (down-weighted).
    BeforeContrast,
    /// In a sentence closed by exclamation marks.
    Exclamation,
}

/// The sentiment of one message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    /// −1 (very negative) … 1 (very positive).
    pub score: f64,
    /// The label the score falls into.
    pub label: SentimentLabel,
    /// How sure the analyser is of the label, 0…1.
    pub confidence: f64,
    /// Emotions present, strongest first.
    pub emotions: Vec<EmotionScore>,
    /// Urgency, 0…1.
    pub urgency: f64,
    /// Urgency in words.
    pub urgency_level: UrgencyLevel,
    /// A short description such as "frustrated but polite".
    pub descriptor: String,
    /// The risk that this customer needs escalation, 0…1.
    pub escalation_risk: f64,
    /// The cues behind the score, strongest first (at most 12).
    pub cues: Vec<Cue>,
}

impl Sentiment {
    /// The strength of one emotion (0 when absent).
    pub fn emotion(&self, emotion: Emotion) -> f64 {
        self.emotions.iter().find(|e| e.emotion == emotion).map_or(0.0, |e| e.score)
    }
}

#[derive(Debug, Clone)]
struct Entry {
    score: f32,
    emotions: Vec<Emotion>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Modifier {
    Negator(f32),
    Scale(f32),
    Contrast(f32),
}

/// Thresholds that turn a score into a label; tuned on the development split of the evaluation
/// data (see `bench/sentiment`), never on its test split.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Scores at or below are negative.
    pub negative: f32,
    /// Scores at or above are positive.
    pub positive: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { negative: -0.025, positive: 0.275 }
    }
}

/// The lexicon-and-rules sentiment analyser.
#[derive(Debug, Clone)]
pub struct SentimentAnalyzer {
    /// First key → (rest of the phrase, entry), longest first.
    lexicon: HashMap<String, Vec<(Vec<String>, Entry)>>,
    modifiers: HashMap<String, Modifier>,
    thresholds: Thresholds,
    entries: usize,
}

pub(crate) const EMBEDDED_EN: &str = include_str!("../../data/sentiment/en.tsv");
pub(crate) const EMBEDDED_RU: &str = include_str!("../../data/sentiment/ru.tsv");
const EMBEDDED_MODIFIERS: &str = include_str!("../../data/sentiment/modifiers.tsv");

/// How far back (in tokens) a negator or intensifier reaches.
const MODIFIER_REACH: usize = 3;

impl SentimentAnalyzer {
    /// The analyser with the project's embedded lexicons.
    pub fn embedded(pipeline: &Pipeline) -> Self {
        // Validated by a unit test; an empty analyser (everything neutral) is the safe fallback.
        Self::new(&[EMBEDDED_EN, EMBEDDED_RU], EMBEDDED_MODIFIERS, pipeline).unwrap_or_else(|_| {
            SentimentAnalyzer {
                lexicon: HashMap::default(),
                modifiers: HashMap::default(),
                thresholds: Thresholds::default(),
                entries: 0,
            }
        })
    }

    /// Builds an analyser from lexicons (`term<TAB>score<TAB>emotions`) and a modifiers table
    /// (`lang<TAB>term<TAB>negator|intensifier|diminisher|contrast<TAB>value`).
    pub fn new(lexicons: &[&str], modifiers: &str, pipeline: &Pipeline) -> Result<Self, DataError> {
        let mut lexicon: HashMap<String, Vec<(Vec<String>, Entry)>> = HashMap::default();
        let mut entries = 0;
        for text in lexicons {
            for (line, row) in data_lines(text) {
                let err = |m: String| DataError::new("sentiment", line, m);
                let fields: Vec<&str> = row.split('\t').collect();
                if fields.len() < 2 || fields.len() > 3 {
                    return Err(err(format!(
                        "expected `term<TAB>score[<TAB>emotions]`, found {} fields",
                        fields.len()
                    )));
                }
                let score: f32 = fields[1]
                    .trim()
                    .parse()
                    .map_err(|_| err(format!("score {:?} is not a number", fields[1])))?;
                if !(-4.0..=4.0).contains(&score) {
                    return Err(err(format!("score {score} is outside -4..4")));
                }
                let mut emotions = Vec::new();
                for name in
                    fields.get(2).map_or("", |f| f.trim()).split(',').map(str::trim).filter(|s| !s.is_empty())
                {
                    emotions
                        .push(Emotion::parse(name).ok_or_else(|| err(format!("unknown emotion {name:?}")))?);
                }
                let keys = keys_of(&pipeline.tokens(fields[0].trim()));
                let Some((first, rest)) = keys.split_first() else { continue };
                let slot = lexicon.entry(first.clone()).or_default();
                if slot.iter().any(|(r, _)| r == rest) {
                    continue; // the first spelling of a stem family wins
                }
                slot.push((rest.to_vec(), Entry { score, emotions }));
                entries += 1;
            }
        }
        for slot in lexicon.values_mut() {
            crate::sort::sort_by_key(slot, |entry| std::cmp::Reverse(entry.0.len()));
        }
        let mut table = HashMap::default();
        for (line, row) in data_lines(modifiers) {
            let err = |m: String| DataError::new("sentiment modifiers", line, m);
            let fields: Vec<&str> = row.split('\t').map(str::trim).collect();
            if fields.len() != 4 {
                return Err(err(format!(
                    "expected `lang<TAB>term<TAB>kind<TAB>value`, found {} fields",
                    fields.len()
                )));
            }
            let value: f32 =
                fields[3].parse().map_err(|_| err(format!("value {:?} is not a number", fields[3])))?;
            let modifier = match fields[2] {
                "negator" => Modifier::Negator(value),
                "intensifier" | "diminisher" => Modifier::Scale(value),
                "contrast" => Modifier::Contrast(value),
                other => return Err(err(format!("unknown modifier kind {other:?}"))),
            };
            // Modifiers are single words after normalisation; phrases use their last word
            // ("not at all" → negation already carried by "not").
            let tokens = pipeline.tokens(fields[1]);
            if let [only] = tokens.as_slice() {
                table.entry(only.norm.clone()).or_insert(modifier);
            }
        }
        Ok(SentimentAnalyzer { lexicon, modifiers: table, thresholds: Thresholds::default(), entries })
    }

    /// Replaces the label thresholds.
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// The label thresholds in use.
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    /// The number of lexicon entries loaded.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// Whether no lexicon entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Analyses a message given its tokens (from [`Pipeline::tokens`] on the same `text`).
    pub fn analyze(&self, text: &str, tokens: &[Token]) -> Sentiment {
        let mut emotion = [0f32; 9];
        let mut cues: Vec<Cue> = Vec::new();
        let mut raw = 0f32;

        let (mut letters, mut upper) = (0usize, 0usize);
        for c in text.chars().filter(|&c| crate::text::is_letter(c)) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        let shouting = letters >= 12 && upper * 10 >= letters * 7;

        // Sentence bookkeeping: cues since the sentence began, and the current clause weight.
        let mut sentence_start_cue = 0;
        let mut clause_weight = 1.0f32;
        let mut exclaims_total = 0usize;
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if t.kind == TokenKind::Punct {
                let bangs = t.norm.matches('!').count();
                if bangs > 0 {
                    exclaims_total += bangs;
                    // "!!!" amplifies the sentence it closes.
                    let boost = 1.0 + 0.12 * bangs.min(3) as f32;
                    for cue in &mut cues[sentence_start_cue..] {
                        raw -= cue.weight as f32;
                        cue.weight *= f64::from(boost);
                        raw += cue.weight as f32;
                        cue.rules.push(Rule::Exclamation);
                    }
                }
                sentence_start_cue = cues.len();
                clause_weight = 1.0;
                i += 1;
                continue;
            }
            if let Some(Modifier::Contrast(after)) = self.modifiers.get(&t.norm) {
                // "…, but …": what follows the contrast matters more than what precedes it.
                for cue in &mut cues[sentence_start_cue..] {
                    raw -= cue.weight as f32;
                    cue.weight *= 0.5;
                    raw += cue.weight as f32;
                    cue.rules.push(Rule::BeforeContrast);
                }
                clause_weight = *after;
                i += 1;
                continue;
            }
            let Some((len, entry)) = self.match_at(tokens, i) else {
                i += 1;
                continue;
            };
            let mut weight = entry.score;
            let mut rules = Vec::new();
            let mut negated = false;
            // Look back for negators and intensifiers within the clause.
            let mut scale = 1.0f32;
            for back in (i.saturating_sub(MODIFIER_REACH)..i).rev() {
                let b = &tokens[back];
                if b.kind == TokenKind::Punct {
                    break;
                }
                match self.modifiers.get(&b.norm) {
                    Some(Modifier::Negator(v)) if !negated => {
                        weight *= v;
                        negated = true;
                        rules.push(Rule::Negated);
                    }
                    Some(Modifier::Scale(v)) if back + 2 >= i => {
                        scale *= v;
                        rules.push(if *v >= 1.0 { Rule::Intensified } else { Rule::Diminished });
                    }
                    Some(Modifier::Contrast(_)) => break,
                    _ => {}
                }
            }
            weight *= scale;
            let surface = &text[t.start.min(text.len())..tokens[i + len - 1].end.min(text.len())];
            if !shouting
                && surface.chars().filter(|&c| crate::text::is_letter(c)).count() >= 3
                && surface.chars().all(|c| !c.is_lowercase())
            {
                weight *= 1.3;
                rules.push(Rule::Caps);
            }
            if clause_weight != 1.0 {
                weight *= clause_weight;
                rules.push(Rule::AfterContrast);
            }
            for e in &entry.emotions {
                let strength = weight.abs().max(1.0);
                let target = match (negated, e) {
                    // "not helpful", "не спасибо": a negated good feeling is a let-down.
                    (true, Emotion::Gratitude | Emotion::Satisfaction) => Some(Emotion::Disappointment),
                    (
                        true,
                        Emotion::Frustration | Emotion::Anger | Emotion::Disappointment | Emotion::Worry,
                    ) => None,
                    (_, e) => Some(*e),
                };
                if let Some(target) = target {
                    emotion[target.index()] += strength;
                }
            }
            raw += weight;
            if weight != 0.0 || !entry.emotions.is_empty() {
                cues.push(Cue {
                    text: surface.to_string(),
                    weight: f64::from(weight),
                    rules,
                    start: t.start,
                    end: tokens[i + len - 1].end,
                });
            }
            i += len;
        }

        if shouting {
            emotion[Emotion::Anger.index()] += 2.0;
            emotion[Emotion::Frustration.index()] += 1.0;
            raw = raw.min(0.0) * 1.3 - 0.5;
        }
        if exclaims_total >= 3 {
            emotion[Emotion::Frustration.index()] +=
                0.5 * (exclaims_total.min(6) as f32 - 2.0) * f32::from(raw < 0.0);
        }

        let score = raw / (raw * raw + 15.0).sqrt();
        let label = if score <= self.thresholds.negative {
            SentimentLabel::Negative
        } else if score >= self.thresholds.positive {
            SentimentLabel::Positive
        } else {
            SentimentLabel::Neutral
        };
        // Confidence grows with distance from the nearest threshold and with evidence.
        let margin = match label {
            SentimentLabel::Negative => self.thresholds.negative - score,
            SentimentLabel::Positive => score - self.thresholds.positive,
            SentimentLabel::Neutral => {
                (score - self.thresholds.negative).min(self.thresholds.positive - score)
            }
        };
        let evidence = 1.0 - crate::math::exp(-(cues.len() as f32) / 2.0);
        let confidence = (0.5 + 0.35 * crate::math::tanh(margin * 4.0) + 0.15 * evidence).clamp(0.0, 1.0);

        let mut emotions: Vec<EmotionScore> = Emotion::ALL
            .into_iter()
            .filter(|e| emotion[e.index()] > 0.0)
            .map(|e| EmotionScore {
                emotion: e,
                score: round3(1.0 - crate::math::exp(-emotion[e.index()] / 2.5)),
            })
            .collect();
        crate::sort::sort_by(&mut emotions, |a, b| {
            b.score.total_cmp(&a.score).then(a.emotion.cmp(&b.emotion))
        });

        let urgency = emotions.iter().find(|e| e.emotion == Emotion::Urgency).map_or(0.0, |e| e.score as f32);
        let urgency =
            (urgency + if exclaims_total >= 2 { 0.1 } else { 0.0 } + if shouting { 0.15 } else { 0.0 })
                .min(1.0);
        let urgency_level = match urgency {
            u if u >= 0.85 => UrgencyLevel::Critical,
            u if u >= 0.5 => UrgencyLevel::High,
            u if u >= 0.2 => UrgencyLevel::Normal,
            _ => UrgencyLevel::Low,
        };
        let strength = |e: Emotion| emotions.iter().find(|x| x.emotion == e).map_or(0.0, |x| x.score as f32);
        let negativity = (-score).max(0.0);
        let escalation_risk = (0.5 * negativity
            + 0.25 * strength(Emotion::Anger)
            + 0.15 * strength(Emotion::Frustration)
            + 0.15 * urgency
            + if shouting { 0.15 } else { 0.0 }
            - 0.1 * strength(Emotion::Politeness))
        .clamp(0.0, 1.0);

        crate::sort::sort_by(&mut cues, |a, b| {
            b.weight.abs().total_cmp(&a.weight.abs()).then(a.start.cmp(&b.start))
        });
        cues.truncate(12);
        for cue in &mut cues {
            cue.weight = (cue.weight * 1000.0).round() / 1000.0;
        }
        let descriptor = describe(label, &emotions, urgency_level);
        Sentiment {
            score: round3(score),
            label,
            confidence: round3(confidence),
            emotions,
            urgency: round3(urgency),
            urgency_level,
            descriptor,
            escalation_risk: round3(escalation_risk),
            cues,
        }
    }

    /// The longest lexicon entry starting at token `i`: `(tokens consumed, entry)`.
    fn match_at<'a>(&'a self, tokens: &[Token], i: usize) -> Option<(usize, &'a Entry)> {
        let slot = self.lexicon.get(key_of(&tokens[i])?)?;
        slot.iter().find_map(|(rest, entry)| {
            let end = i + 1 + rest.len();
            (end <= tokens.len()
                && rest.iter().zip(&tokens[i + 1..end]).all(|(k, t)| key_of(t) == Some(k.as_str())))
            .then_some((1 + rest.len(), entry))
        })
    }
}

/// The lookup key of a token: its stem for words, its normalised form for emoticons.
fn key_of(token: &Token) -> Option<&str> {
    match token.kind {
        TokenKind::Punct => None,
        TokenKind::Emoticon => Some(token.norm.as_str()),
        _ => Some(token.stem.as_str()),
    }
}

fn keys_of(tokens: &[Token]) -> Vec<String> {
    tokens.iter().filter_map(|t| key_of(t).map(str::to_string)).collect()
}

/// Rounds to three decimals in `f64`, so JSON shows `0.699`, not `0.6990000009536743`.
pub(crate) fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// "frustrated but polite", "angry", "grateful", "neutral" …
fn describe(label: SentimentLabel, emotions: &[EmotionScore], urgency: UrgencyLevel) -> String {
    let has = |e: Emotion| emotions.iter().any(|x| x.emotion == e && x.score >= 0.3);
    let negative_feeling = emotions.iter().find(|e| {
        matches!(
            e.emotion,
            Emotion::Anger
                | Emotion::Frustration
                | Emotion::Disappointment
                | Emotion::Worry
                | Emotion::Confusion
        ) && e.score >= 0.3
    });
    let mut text = match (label, negative_feeling.map(|e| e.emotion)) {
        (SentimentLabel::Negative, Some(Emotion::Anger)) => "angry",
        (SentimentLabel::Negative, Some(Emotion::Frustration)) => "frustrated",
        (SentimentLabel::Negative, Some(Emotion::Disappointment)) => "disappointed",
        (SentimentLabel::Negative, Some(Emotion::Worry)) => "worried",
        (SentimentLabel::Negative, Some(Emotion::Confusion)) => "confused",
        (SentimentLabel::Negative, _) => "unhappy",
        (SentimentLabel::Positive, _) if has(Emotion::Gratitude) => "grateful",
        (SentimentLabel::Positive, _) => "satisfied",
        (SentimentLabel::Neutral, Some(Emotion::Confusion)) => "confused",
        (SentimentLabel::Neutral, Some(Emotion::Worry)) => "worried",
        (SentimentLabel::Neutral, _) => "neutral",
    }
    .to_string();
    if has(Emotion::Politeness) && label != SentimentLabel::Positive {
        text.push_str(if label == SentimentLabel::Negative { " but polite" } else { ", polite" });
    }
    if urgency >= UrgencyLevel::High {
        text.push_str(", urgent");
    }
    text
}

#[cfg(test)]
mod tests;
