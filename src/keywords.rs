//! Keywords in the four groups of the seed: technical terms, product features, problem words
//! and emotional markers.
//!
//! Keywords are not word counts: they are the concepts of the dictionary and the entities the
//! extractor found, grouped by the role they play, each with the words the customer used.

use crate::concepts::{ConceptDictionary, ConceptKind, ConceptMatch};
use crate::entities::{Entity, EntityKind};
use serde::{Deserialize, Serialize};

/// One keyword: what the customer wrote, and the concept it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyword {
    /// The words as first written in the message.
    pub text: String,
    /// The concept id (or the entity's normalised value) — the same for "пароль" and "password".
    pub key: String,
    /// How often it occurs.
    pub count: usize,
}

/// The four keyword groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Keywords {
    /// API, database, webhook, 401, ORA-00942, Salesforce …
    pub technical: Vec<Keyword>,
    /// Dashboard, reports, billing, 2FA …
    pub features: Vec<Keyword>,
    /// Error, broken, not working, white screen …
    pub problems: Vec<Keyword>,
    /// Frustrated, urgent, please help, blocking our team …
    pub emotional: Vec<Keyword>,
}

impl Keywords {
    /// Every keyword key of every group, for features and search.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.technical
            .iter()
            .chain(&self.features)
            .chain(&self.problems)
            .chain(&self.emotional)
            .map(|k| k.key.as_str())
    }
}

/// A found item to group: a concept match or an entity, with the text it covers.
pub(crate) enum Source<'a> {
    Concept(&'a ConceptMatch),
    Entity(&'a Entity),
}

/// Groups concept matches and entities, each with the text it covers, into keywords.
pub(crate) fn extract<'a>(
    dict: &ConceptDictionary,
    sources: impl IntoIterator<Item = (Source<'a>, &'a str)>,
) -> Keywords {
    let mut out = Keywords::default();
    for (source, surface) in sources {
        let (group, key) = match source {
            Source::Concept(m) => {
                let Some(concept) = dict.get(m.concept) else { continue };
                let group = match concept.kind {
                    ConceptKind::Technical => &mut out.technical,
                    ConceptKind::Feature | ConceptKind::Object => &mut out.features,
                    ConceptKind::Problem | ConceptKind::Symptom => &mut out.problems,
                    ConceptKind::Emotion | ConceptKind::Urgency | ConceptKind::Impact => &mut out.emotional,
                    ConceptKind::Action | ConceptKind::Request | ConceptKind::Question => continue,
                };
                (group, concept.id.clone())
            }
            Source::Entity(e) => {
                let group = match e.kind {
                    EntityKind::HttpStatus
                    | EntityKind::ErrorCode
                    | EntityKind::Exception
                    | EntityKind::Endpoint
                    | EntityKind::Integration => &mut out.technical,
                    EntityKind::Feature => &mut out.features,
                    _ => continue,
                };
                let key = e.value.clone().unwrap_or_else(|| e.text.to_lowercase());
                (group, key)
            }
        };
        match group.iter_mut().find(|k| k.key == key) {
            Some(k) => k.count += 1,
            None => group.push(Keyword { text: surface.trim().to_string(), key, count: 1 }),
        }
    }
    for group in [&mut out.technical, &mut out.features, &mut out.problems, &mut out.emotional] {
        // Stable sort: equal counts keep the order of first appearance.
        crate::sort::sort_by_key(group, |k| std::cmp::Reverse(k.count));
    }
    out
}
