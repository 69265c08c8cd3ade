//! The concept dictionary: support-domain words and phrases in English and Russian mapped to
//! shared concept ids.
//!
//! "password", "пароль", "parol" and "pasword" all become the concept `password`; "charged
//! twice" and "списали дважды" share `charge`. The classifier uses concept ids as features and
//! the knowledge-base search uses them as synonyms, which is what lets a Russian query find an
//! English article. The dictionary is data (`data/concepts.tsv`) a support team can extend.

use crate::error::DataError;
use crate::labels::Area;
use crate::text::{data_lines, Pipeline, Token};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// What role a concept plays in a message; drives the keyword groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptKind {
    /// A thing: password, invoice, report.
    Object,
    /// Something done: charge, reset, export.
    Action,
    /// A problem word: error, broken, not working.
    Problem,
    /// An observed symptom: white screen, freezes, slow.
    Symptom,
    /// A technical term: API, database, SSL, timeout.
    Technical,
    /// A product feature: dashboard, 2FA, notifications.
    Feature,
    /// An emotion: frustrated, angry.
    Emotion,
    /// Urgency: urgent, asap, срочно.
    Urgency,
    /// Business impact: blocking our team, all users.
    Impact,
    /// Feature-request phrasing: please add, would be great.
    Request,
    /// How-to phrasing: how do I, где найти.
    Question,
}

impl ConceptKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "object" => ConceptKind::Object,
            "action" => ConceptKind::Action,
            "problem" => ConceptKind::Problem,
            "symptom" => ConceptKind::Symptom,
            "technical" => ConceptKind::Technical,
            "feature" => ConceptKind::Feature,
            "emotion" => ConceptKind::Emotion,
            "urgency" => ConceptKind::Urgency,
            "impact" => ConceptKind::Impact,
            "request" => ConceptKind::Request,
            "question" => ConceptKind::Question,
            _ => return None,
        })
    }
}

/// One concept of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concept {
    /// Stable identifier, `snake_case`.
    pub id: String,
    /// The product area it belongs to, `None` for domain-wide words.
    pub area: Option<Area>,
    /// Its role.
    pub kind: ConceptKind,
}

/// A concept found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConceptMatch {
    /// Index of the concept in [`ConceptDictionary::concepts`].
    pub concept: usize,
    /// First matched token.
    pub first_token: usize,
    /// One past the last matched token.
    pub end_token: usize,
    /// Byte range of the match in the text.
    pub start: usize,
    /// End of that byte range.
    pub end: usize,
}

/// The dictionary, indexed by the stems of each term's first word.
#[derive(Debug, Clone, Default)]
pub struct ConceptDictionary {
    concepts: Vec<Concept>,
    /// First stem → `(remaining stems, concept)`, longest phrase first.
    index: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// One-word terms as written (normalised) with their concept, sorted: what a word being
    /// typed may complete to.
    words: Vec<(String, usize)>,
    terms: usize,
}

pub(crate) const EMBEDDED: &str = include_str!("../data/concepts.tsv");

impl ConceptDictionary {
    /// The project's embedded dictionary.
    pub fn embedded(pipeline: &Pipeline) -> Self {
        // The embedded file is validated by a unit test; an empty dictionary is the safe fallback.
        Self::from_tsv_with(EMBEDDED, pipeline).unwrap_or_default()
    }

    /// Parses a dictionary with the default text pipeline.
    ///
    /// Format: `id<TAB>area<TAB>kind<TAB>term | term | …`, `#` comments.
    ///
    /// ```
    /// use helpdesk_ai::concepts::ConceptDictionary;
    /// let dict = ConceptDictionary::from_tsv(
    ///     "password\tauthentication\tobject\tpassword | пароль | parol\n\
    ///      not_working\tgeneral\tproblem\tnot working | не работает\n").unwrap();
    /// let ids = dict.ids_in("Пароль не работает");
    /// assert_eq!(ids, ["password", "not_working"]);
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Self, DataError> {
        Self::from_tsv_with(tsv, &Pipeline::default())
    }

    /// Parses a dictionary, stemming its terms with `pipeline`.
    pub fn from_tsv_with(tsv: &str, pipeline: &Pipeline) -> Result<Self, DataError> {
        let mut dict = ConceptDictionary::default();
        let mut seen_terms: HashMap<Vec<String>, usize> = HashMap::default();
        for line in parse_lines("concepts", tsv, pipeline)? {
            let index = dict.concepts.len();
            dict.concepts.push(line.concept);
            for term in line.terms {
                // A term listed twice (or two spellings with one stem) keeps its first concept.
                if seen_terms.contains_key(&term.stems) {
                    continue;
                }
                seen_terms.insert(term.stems.clone(), index);
                dict.push_term(term, index);
            }
        }
        dict.sort_entries();
        Ok(dict)
    }

    /// Adds a thesaurus in the same format (e.g. `data/kb/synonyms.tsv`): a group whose first
    /// term is already a term of this dictionary extends that term's concept, so that its
    /// synonyms reach everything the concept already bridges ("pic" → `photo` → "фото"); any
    /// other group becomes a concept of its own. A term may then belong to several concepts
    /// (the search uses them all). Ids must be new.
    ///
    /// ```
    /// use helpdesk_ai::concepts::ConceptDictionary;
    /// let mut dict = ConceptDictionary::from_tsv("photo\tgeneral\tobject\tphoto | фото\n").unwrap();
    /// dict.extend_with_synonyms("syn_photo\tgeneral\tobject\tphoto | pic | picture\n\
    ///                            syn_delete\tgeneral\taction\tdelete | get rid of\n",
    ///                            &helpdesk_ai::text::Pipeline::default()).unwrap();
    /// assert_eq!(dict.ids_in("удалить фото"), ["photo"]);
    /// assert_eq!(dict.ids_in("get rid of a pic"), ["syn_delete", "photo"]);
    /// ```
    pub fn extend_with_synonyms(&mut self, tsv: &str, pipeline: &Pipeline) -> Result<(), DataError> {
        let known: HashMap<&str, usize> =
            self.concepts.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut groups = Vec::new();
        for line in parse_lines("synonyms", tsv, pipeline)? {
            if known.contains_key(line.concept.id.as_str()) {
                let message = format!("id {:?} is already a concept", line.concept.id);
                return Err(DataError::new("synonyms", line.number, message));
            }
            let anchor = line.terms.first().and_then(|term| self.concept_of(&term.stems));
            groups.push((line, anchor));
        }
        let mut seen_terms: HashMap<Vec<String>, usize> = HashMap::default();
        for (line, anchor) in groups {
            let index = match anchor {
                Some(concept) => concept,
                None => {
                    self.concepts.push(line.concept);
                    self.concepts.len() - 1
                }
            };
            for term in line.terms {
                if seen_terms.contains_key(&term.stems) || self.concept_of(&term.stems) == Some(index) {
                    continue;
                }
                seen_terms.insert(term.stems.clone(), index);
                self.push_term(term, index);
            }
        }
        self.sort_entries();
        Ok(())
    }

    /// The first concept a stemmed term belongs to.
    fn concept_of(&self, stems: &[String]) -> Option<usize> {
        let (first, rest) = stems.split_first()?;
        self.index.get(first)?.iter().find(|(r, _)| r.as_slice() == rest).map(|(_, c)| *c)
    }

    fn push_term(&mut self, term: Term, concept: usize) {
        if let Some(word) = term.word {
            self.words.push((word, concept));
        }
        let mut stems = term.stems.into_iter();
        let first = stems.next().unwrap_or_default();
        self.index.entry(first).or_default().push((stems.collect(), concept));
        self.terms += 1;
    }

    /// Longest phrase first, so that matching tries the most specific term first; one-word
    /// terms in order, for completion.
    fn sort_entries(&mut self) {
        for entries in self.index.values_mut() {
            crate::sort::sort_by(entries, |a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        self.words.sort();
        self.words.dedup();
    }

    /// Concepts with a one-word term that starts with `prefix` (normalised), in the order of
    /// those words — what a word still being typed may mean, in either language.
    ///
    /// ```
    /// use helpdesk_ai::concepts::ConceptDictionary;
    /// let dict = ConceptDictionary::from_tsv("notification\tgeneral\tobject\tnotification | уведомление\n").unwrap();
    /// let found: Vec<&str> = dict.complete("уве").map(|c| dict.concepts()[c].id.as_str()).collect();
    /// assert_eq!(found, ["notification"]);
    /// ```
    pub fn complete<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = usize> + 'a {
        let start = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        self.words[start..].iter().take_while(move |(w, _)| w.starts_with(prefix)).map(|(_, c)| *c)
    }

    /// All concepts, in file order.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The number of distinct terms (stemmed word sequences).
    pub fn term_count(&self) -> usize {
        self.terms
    }

    /// Every stem of every term written in Latin letters: domain vocabulary that is evidence of
    /// English in a short message ("cant login pls").
    pub fn latin_stems(&self) -> impl Iterator<Item = &str> {
        self.index
            .iter()
            .flat_map(|(first, entries)| {
                std::iter::once(first.as_str())
                    .chain(entries.iter().flat_map(|(rest, _)| rest.iter().map(String::as_str)))
            })
            .filter(|stem| crate::text::word_script(stem) == crate::text::Script::Latin)
    }

    /// The concept with index `i`.
    pub fn get(&self, i: usize) -> Option<&Concept> {
        self.concepts.get(i)
    }

    /// Finds every concept term in tokens, nested ones included ("password reset email not
    /// arriving" gives `reset_email_not_received`, and inside it `password`, `password_reset`,
    /// `email` …). Sorted by start, longest first. See [`longest_non_overlapping`] for keywords.
    pub fn find(&self, tokens: &[Token]) -> Vec<ConceptMatch> {
        let mut found = Vec::new();
        for i in 0..tokens.len() {
            if !tokens[i].is_wordlike() {
                continue;
            }
            let Some(entries) = self.index.get(tokens[i].stem.as_str()) else { continue };
            for (rest, concept) in entries {
                let end = i + 1 + rest.len();
                if end <= tokens.len()
                    && rest.iter().zip(&tokens[i + 1..end]).all(|(stem, t)| *stem == t.stem)
                {
                    found.push(ConceptMatch {
                        concept: *concept,
                        first_token: i,
                        end_token: end,
                        start: tokens[i].start,
                        end: tokens[end - 1].end,
                    });
                }
            }
        }
        found
    }

    /// The ids of the concepts in a text, in order of appearance (convenience for examples and
    /// tests; hot paths call [`ConceptDictionary::find`] on tokens they already have).
    pub fn ids_in(&self, text: &str) -> Vec<&str> {
        let tokens = Pipeline::default().tokens(text);
        self.find(&tokens).iter().map(|m| self.concepts[m.concept].id.as_str()).collect()
    }
}

/// One line of a dictionary file: its concept and its terms, each as stems.
struct Line {
    number: usize,
    concept: Concept,
    terms: Vec<Term>,
}

/// A term: its stems, and its normalised form when it is one word.
struct Term {
    stems: Vec<String>,
    word: Option<String>,
}

/// Parses `id<TAB>area<TAB>kind<TAB>term | term | …` lines (`#` comments); errors name `source`
/// and the line.
fn parse_lines(source: &'static str, tsv: &str, pipeline: &Pipeline) -> Result<Vec<Line>, DataError> {
    let mut seen_ids = HashMap::default();
    let mut lines = Vec::new();
    for (number, text) in data_lines(tsv) {
        let err = |message: String| DataError::new(source, number, message);
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != 4 {
            return Err(err(format!(
                "expected 4 tab-separated fields (id, area, kind, terms), found {}",
                fields.len()
            )));
        }
        let id = fields[0].trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(err(format!("concept id {id:?} must be snake_case ASCII")));
        }
        if let Some(first) = seen_ids.insert(id.to_string(), number) {
            return Err(err(format!("concept id {id:?} already defined on line {first}")));
        }
        let area = match fields[1].trim() {
            "general" => None,
            other => Some(Area::parse(other).ok_or_else(|| err(format!("unknown area {other:?}")))?),
        };
        let kind = ConceptKind::parse(fields[2].trim())
            .ok_or_else(|| err(format!("unknown kind {:?}", fields[2].trim())))?;
        let terms = fields[3]
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .filter_map(|term| {
                let words: Vec<crate::text::Token> =
                    pipeline.tokens(term).into_iter().filter(|t| t.is_wordlike()).collect();
                let word = (words.len() == 1).then(|| words[0].norm.clone());
                let stems: Vec<String> = words.into_iter().map(|t| t.stem).collect();
                (!stems.is_empty()).then_some(Term { stems, word })
            })
            .collect();
        lines.push(Line { number, concept: Concept { id: id.to_string(), area, kind }, terms });
    }
    Ok(lines)
}

/// Keeps the longest match at each place, left to right, dropping matches inside it — what a
/// reader would underline.
pub fn longest_non_overlapping(matches: &[ConceptMatch]) -> Vec<ConceptMatch> {
    let mut sorted = matches.to_vec();
    crate::sort::sort_by(&mut sorted, |a, b| {
        a.first_token.cmp(&b.first_token).then(b.end_token.cmp(&a.end_token))
    });
    let mut kept: Vec<ConceptMatch> = Vec::with_capacity(sorted.len());
    for m in sorted {
        if kept.last().is_none_or(|last| m.first_token >= last.end_token) {
            kept.push(m);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionary_parses_and_is_large() {
        let dict = ConceptDictionary::from_tsv_with(EMBEDDED, &Pipeline::default())
            .expect("valid embedded concepts");
        assert!(dict.concepts().len() >= 300, "only {} concepts", dict.concepts().len());
        for area in Area::ALL {
            assert!(dict.concepts().iter().any(|c| c.area == Some(*area)), "no concept for {area}");
        }
    }

    #[test]
    fn nested_terms_are_all_found_but_keywords_take_the_longest() {
        let dict = ConceptDictionary::from_tsv(
            "reset\tauthentication\taction\treset\n\
             password\tauthentication\tobject\tpassword\n\
             password_reset\tauthentication\taction\tpassword reset\n",
        )
        .unwrap();
        let p = Pipeline::default();
        let all = dict.find(&p.tokens("password reset please"));
        let ids: Vec<&str> = all.iter().map(|m| dict.concepts()[m.concept].id.as_str()).collect();
        assert_eq!(ids, ["password_reset", "password", "reset"]);
        let longest = longest_non_overlapping(&all);
        assert_eq!(longest.len(), 1);
        assert_eq!(dict.concepts()[longest[0].concept].id, "password_reset");
    }

    #[test]
    fn bad_lines_name_the_problem() {
        let bad = ConceptDictionary::from_tsv("a\tnowhere\tobject\tx\n").unwrap_err();
        assert!(bad.message.contains("unknown area"));
        let dup = ConceptDictionary::from_tsv("a\tgeneral\tobject\tx\na\tgeneral\tobject\ty\n").unwrap_err();
        assert_eq!(dup.line, 2);
    }

    #[test]
    fn embedded_bridges_english_and_russian() {
        let p = Pipeline::default();
        let dict = ConceptDictionary::embedded(&p);
        let ids = |t: &str| -> Vec<String> {
            dict.find(&p.tokens(t)).iter().map(|m| dict.concepts()[m.concept].id.clone()).collect()
        };
        let en = ids("I forgot my password");
        let ru = ids("Забыл пароль");
        assert!(en.iter().any(|id| ru.contains(id)), "en {en:?} vs ru {ru:?}");
        let en = ids("we were charged twice");
        let ru = ids("с карты дважды списали оплату");
        assert!(en.iter().any(|id| ru.contains(id)), "en {en:?} vs ru {ru:?}");
    }
}
