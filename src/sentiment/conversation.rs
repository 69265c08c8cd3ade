//! The customer's mood across a conversation: timeline, trend, critical moments, alert.

use super::{Emotion, Sentiment, SentimentLabel};
use serde::{Deserialize, Serialize};

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sender {
    /// The customer.
    Customer,
    /// A human agent.
    Agent,
    /// The chatbot.
    Bot,
}

/// One analysed message of a conversation.
#[derive(Debug, Clone, Copy)]
pub struct ConversationMessage<'a> {
    /// Who wrote it.
    pub sender: Sender,
    /// Its sentiment.
    pub sentiment: &'a Sentiment,
    /// When it was written (any monotonic unit, e.g. Unix seconds), if known.
    pub at: Option<i64>,
}

/// One point of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// Position in the conversation.
    pub index: usize,
    /// Who wrote the message.
    pub sender: Sender,
    /// When, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// Its sentiment score.
    pub score: f64,
    /// Its label.
    pub label: SentimentLabel,
    /// Its escalation risk.
    pub escalation_risk: f64,
    /// Its strongest emotions (at most three).
    pub key_emotions: Vec<Emotion>,
}

/// Which way the customer's mood is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Getting better.
    Improving,
    /// About the same.
    Stable,
    /// Getting worse.
    Declining,
}

/// The sentiment of a whole conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationSentiment {
    /// Every message, in order.
    pub timeline: Vec<TimelinePoint>,
    /// The customer's overall mood, −1…1, weighted towards recent messages.
    pub overall: f64,
    /// The customer's trend.
    pub trend: Trend,
    /// Least-squares slope of the customer's scores per message.
    pub slope: f64,
    /// Indexes of customer messages where the mood dropped sharply or the risk was high.
    pub critical_moments: Vec<usize>,
    /// The seed's real-time alert: `red` (frustration — consider escalation), `yellow`
    /// (declining — coaching suggested), `green` (improving — good resolution path), or `none`.
    pub alert: &'static str,
    /// Why the alert was raised, in words.
    pub alert_reason: String,
}

/// Follows the customer's sentiment over a conversation.
///
/// ```
/// use helpdesk_ai::sentiment::{conversation, ConversationMessage, Sender, SentimentAnalyzer, Trend};
/// use helpdesk_ai::text::Pipeline;
/// let p = Pipeline::default();
/// let a = SentimentAnalyzer::embedded(&p);
/// let texts = ["This is terrible, nothing works!!!", "Still broken, I am very frustrated", "OK that fixed it, thank you so much!"];
/// let analysed: Vec<_> = texts.iter().map(|t| a.analyze(t, &p.tokens(t))).collect();
/// let messages: Vec<_> = analysed.iter().map(|s| ConversationMessage { sender: Sender::Customer, sentiment: s, at: None }).collect();
/// let c = conversation(&messages);
/// assert_eq!(c.trend, Trend::Improving);
/// assert_eq!(c.alert, "green");
/// ```
pub fn conversation(messages: &[ConversationMessage<'_>]) -> ConversationSentiment {
    let timeline: Vec<TimelinePoint> = messages
        .iter()
        .enumerate()
        .map(|(index, m)| TimelinePoint {
            index,
            sender: m.sender,
            at: m.at,
            score: m.sentiment.score,
            label: m.sentiment.label,
            escalation_risk: m.sentiment.escalation_risk,
            key_emotions: m.sentiment.emotions.iter().take(3).map(|e| e.emotion).collect(),
        })
        .collect();
    let customer: Vec<&TimelinePoint> = timeline.iter().filter(|p| p.sender == Sender::Customer).collect();

    // Recent messages count more: weight 1, 2, 3, … .
    let (mut sum, mut weights) = (0f64, 0f64);
    for (k, p) in customer.iter().enumerate() {
        let w = (k + 1) as f64;
        sum += w * p.score;
        weights += w;
    }
    let overall = if weights > 0.0 { sum / weights } else { 0.0 };

    let n = customer.len() as f64;
    let slope = if customer.len() >= 2 {
        let mean_x = (n - 1.0) / 2.0;
        let mean_y = customer.iter().map(|p| p.score).sum::<f64>() / n;
        let (mut num, mut den) = (0f64, 0f64);
        for (k, p) in customer.iter().enumerate() {
            let dx = k as f64 - mean_x;
            num += dx * (p.score - mean_y);
            den += dx * dx;
        }
        num / den
    } else {
        0.0
    };
    let trend = if slope > 0.08 {
        Trend::Improving
    } else if slope < -0.08 {
        Trend::Declining
    } else {
        Trend::Stable
    };

    let mut critical_moments = Vec::new();
    for (k, p) in customer.iter().enumerate() {
        let dropped = k > 0 && customer[k - 1].score - p.score >= 0.4;
        if dropped || p.escalation_risk >= 0.6 {
            critical_moments.push(p.index);
        }
    }

    let last = customer.last();
    let frustrated = last.is_some_and(|p| {
        p.escalation_risk >= 0.5
            || (p.label == SentimentLabel::Negative
                && p.key_emotions.iter().any(|e| matches!(e, Emotion::Anger | Emotion::Frustration)))
    });
    let (alert, alert_reason) = if frustrated {
        ("red", "customer frustration detected in the latest message: consider escalation".to_string())
    } else if trend == Trend::Declining {
        (
            "yellow",
            format!("customer sentiment declining ({slope:+.2} per message): agent coaching suggested"),
        )
    } else if trend == Trend::Improving {
        ("green", format!("customer sentiment improving ({slope:+.2} per message): good resolution path"))
    } else {
        ("none", "no change worth an alert".to_string())
    };
    ConversationSentiment {
        timeline,
        overall: (overall * 1000.0).round() / 1000.0,
        trend,
        slope: (slope * 1000.0).round() / 1000.0,
        critical_moments,
        alert,
        alert_reason,
    }
}
