//! Ranking weights (data: `data/kb/ranking.json`) and the seed's blend of relevance, feedback,
//! recency and resolution success.

use super::article::{Effectiveness, KbError};
use serde::{Deserialize, Serialize};

/// The blend's four weights (they need not sum to 1; they are used as given).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blend {
    /// Content relevance.
    pub relevance: f32,
    /// Helpful / not-helpful votes.
    pub feedback: f32,
    /// How recently the article was updated.
    pub recency: f32,
    /// How often it resolved the tickets it was suggested for.
    pub resolution: f32,
}

/// Bayesian smoothing of the feedback and resolution rates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Smoothing {
    /// Pseudo-observations of the prior.
    pub strength: f32,
    /// Prior helpful rate.
    pub feedback_prior: f32,
    /// Prior resolution rate.
    pub resolution_prior: f32,
}

/// Field weights for BM25F.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldWeights {
    /// Title.
    pub title: f32,
    /// Tags.
    pub tags: f32,
    /// Symptoms.
    pub symptoms: f32,
    /// Steps and body.
    pub body: f32,
    /// Queries the article answered (learned from feedback).
    #[serde(default = "default_queries_weight")]
    pub queries: f32,
}

fn default_queries_weight() -> f32 {
    3.0
}

/// BM25 parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bm25 {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation.
    pub b: f32,
}

/// How much each kind of match is worth: exact beats prefix beats fuzzy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchWeights {
    /// The word as typed (stemmed).
    pub exact: f32,
    /// A completion of the word being typed.
    pub prefix: f32,
    /// A word within the typo budget (further scaled by distance).
    pub fuzzy: f32,
    /// The word retyped on the other keyboard layout.
    pub layout: f32,
    /// Latin-letter Russian transliterated.
    pub translit: f32,
    /// A concept of a retyped query word (other keyboard layout, transliteration), as a bonus.
    pub concept: f32,
    /// A shared concept standing in for the query words it covers: a synonym or translation
    /// counts as that word matched ("удалить" finds an article that says "delete").
    #[serde(default = "default_synonym")]
    pub synonym: f32,
    /// Two query words adjacent in the article too.
    pub phrase: f32,
}

fn default_synonym() -> f32 {
    0.9
}

/// Additive boosts when the article fits the searcher's context.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextBoosts {
    /// Same language as asked for.
    pub language: f32,
    /// Same audience level.
    pub audience: f32,
    /// Same product tier.
    pub tier: f32,
    /// Same product version.
    pub version: f32,
    /// Same ticket category.
    pub category: f32,
    /// Same product area.
    pub area: f32,
}

/// Every ranking knob, as data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankingWeights {
    /// The seed's blend.
    pub blend: Blend,
    /// Exponent on relative relevance.
    pub relevance_sharpness: f32,
    /// Rate smoothing.
    pub smoothing: Smoothing,
    /// Half-life of recency, in days.
    pub recency_half_life_days: f32,
    /// BM25F field weights.
    pub fields: FieldWeights,
    /// BM25 parameters.
    pub bm25: Bm25,
    /// Match-kind weights.
    #[serde(rename = "match")]
    pub matches: MatchWeights,
    /// Context boosts.
    pub context: ContextBoosts,
}

const DEFAULT_WEIGHTS: &str = include_str!("../../data/kb/ranking.json");

impl Default for RankingWeights {
    fn default() -> Self {
        // A unit test proves the embedded file parses; the fallback is never taken.
        RankingWeights::from_json(DEFAULT_WEIGHTS).unwrap_or(RankingWeights {
            blend: Blend { relevance: 1.0, feedback: 0.0, recency: 0.0, resolution: 0.0 },
            relevance_sharpness: 1.0,
            smoothing: Smoothing { strength: 1.0, feedback_prior: 0.5, resolution_prior: 0.5 },
            recency_half_life_days: 365.0,
            fields: FieldWeights { title: 1.0, tags: 1.0, symptoms: 1.0, body: 1.0, queries: 1.0 },
            bm25: Bm25 { k1: 1.2, b: 0.75 },
            matches: MatchWeights {
                exact: 1.0,
                prefix: 1.0,
                fuzzy: 1.0,
                layout: 1.0,
                translit: 1.0,
                concept: 1.0,
                synonym: 1.0,
                phrase: 1.0,
            },
            context: ContextBoosts {
                language: 0.0,
                audience: 0.0,
                tier: 0.0,
                version: 0.0,
                category: 0.0,
                area: 0.0,
            },
        })
    }
}

impl RankingWeights {
    /// Reads weights from JSON (a `_comment` key is allowed); every number must be finite and
    /// not negative.
    ///
    /// ```
    /// use helpdesk_ai::kb::RankingWeights;
    /// let w = RankingWeights::default();
    /// assert_eq!(w.blend.relevance, 0.40);
    /// assert!(RankingWeights::from_json(r#"{"blend": 1}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Self, KbError> {
        let mut value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| KbError::Weights(e.to_string()))?;
        if let Some(obj) = value.as_object_mut() {
            obj.remove("_comment");
        }
        let w: RankingWeights = serde_json::from_value(value).map_err(|e| KbError::Weights(e.to_string()))?;
        let numbers = serde_json::to_value(w).map_err(|e| KbError::Weights(e.to_string()))?;
        fn check(v: &serde_json::Value, path: &str) -> Result<(), KbError> {
            match v {
                serde_json::Value::Number(n) => match n.as_f64() {
                    Some(x) if x.is_finite() && x >= 0.0 => Ok(()),
                    _ => Err(KbError::Weights(format!("`{path}` must be a finite number ≥ 0"))),
                },
                serde_json::Value::Object(o) => {
                    o.iter().try_for_each(|(k, v)| check(v, &format!("{path}.{k}")))
                }
                _ => Err(KbError::Weights(format!("`{path}` must be a finite number ≥ 0"))),
            }
        }
        check(&numbers, "weights")?;
        if w.recency_half_life_days <= 0.0 || w.smoothing.strength <= 0.0 {
            return Err(KbError::Weights("half-life and smoothing strength must be positive".into()));
        }
        Ok(w)
    }

    /// The smoothed helpful rate.
    pub fn feedback_score(&self, e: &Effectiveness) -> f32 {
        let s = self.smoothing;
        (e.helpful as f32 + s.strength * s.feedback_prior) / ((e.helpful + e.not_helpful) as f32 + s.strength)
    }

    /// The smoothed resolution rate.
    pub fn resolution_score(&self, e: &Effectiveness) -> f32 {
        let s = self.smoothing;
        let rate = (e.resolved as f32 + s.strength * s.resolution_prior)
            / (e.suggested.max(e.resolved) as f32 + s.strength);
        rate.min(1.0)
    }

    /// Recency in 0…1: 1 for an article updated today, halving every half-life; 0.5 when the
    /// date or "today" is unknown.
    pub fn recency_score(&self, updated_day: Option<i64>, today: Option<i64>) -> f32 {
        match (updated_day, today) {
            (Some(u), Some(t)) => crate::math::powf(0.5, (t - u).max(0) as f32 / self.recency_half_life_days),
            _ => 0.5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_weights_parse_and_smoothing_is_bayesian() {
        let w = RankingWeights::from_json(DEFAULT_WEIGHTS).expect("embedded ranking weights parse");
        let new = Effectiveness::default();
        assert!(
            (w.feedback_score(&new) - w.smoothing.feedback_prior).abs() < 1e-6,
            "a new article gets the prior"
        );
        let loved = Effectiveness { helpful: 90, not_helpful: 10, ..Default::default() };
        let hated = Effectiveness { helpful: 1, not_helpful: 30, ..Default::default() };
        assert!(
            w.feedback_score(&loved) > w.feedback_score(&new)
                && w.feedback_score(&new) > w.feedback_score(&hated)
        );
        assert!(w.recency_score(Some(100), Some(100)) > w.recency_score(Some(0), Some(100)));
        assert!(RankingWeights::from_json(&DEFAULT_WEIGHTS.replace("0.40", "-1")).is_err());
    }
}
