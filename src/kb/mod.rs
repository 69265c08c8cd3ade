//! Knowledge-base search as you type: typo-tolerant, English and Russian, across languages,
//! ranked by the seed's blend of relevance, feedback, recency and resolution success.
//!
//! - [`article`]: articles and their validation.
//! - [`index`]: the incremental inverted index, prefix dictionary and typo index.
//! - [`keyboard`]: wrong-layout and transliteration fixes.
//! - [`rank`]: the ranking weights (data) and the blend.
//! - [`search`](KnowledgeBase::search): query → hits with score breakdown, matched terms,
//!   highlighted snippet (UTF-16 offsets for JavaScript) and "did you mean".
//!
//! ```
//! use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
//! let kb = KnowledgeBase::from_json(r#"[
//!   {"id": "reset", "lang": "en", "title": "Reset a forgotten password", "body": "Use the link on the sign-in page."},
//!   {"id": "refund", "lang": "ru", "title": "Двойное списание и возврат денег", "body": "Вернём деньги за второе списание."}
//! ]"#).unwrap();
//! let typed = |q: &str| kb.search(q, &SearchOptions::default()).hits[0].id.clone();
//! assert_eq!(typed("reset passw"), "reset");      // as typed, mid-word
//! assert_eq!(typed("pasword"), "reset");          // a typo
//! assert_eq!(typed("забыл пароль"), "reset");     // Russian query, English article
//! assert_eq!(typed("charged twice"), "refund");   // English query, Russian article
//! ```

pub mod article;
pub mod index;
pub mod keyboard;
pub mod rank;
mod search;

pub use article::{articles_from_json, parse_day, Article, Effectiveness, KbError, LearnedQuery};
pub use rank::RankingWeights;
pub use search::{Breakdown, Hit, SearchOptions, SearchResult, Snippet};

use crate::concepts::ConceptDictionary;
use crate::text::{Pipeline, Token};
use index::{DocTerms, Index, BODY, FIELDS, QUERIES, SYMPTOMS, TAGS, TITLE};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// A learned query counts in the index up to this many times (term frequencies saturate anyway;
/// the count itself keeps growing).
const MAX_QUERY_REPEATS: u32 = 8;

/// A query as remembered: normalised, single-spaced, at most 200 characters.
fn query_key(query: &str) -> String {
    let key: String = crate::text::normalize(query).split_whitespace().collect::<Vec<_>>().join(" ");
    key.chars().take(200).collect()
}

/// The most distinct unanswered queries remembered (the oldest are not dropped; new ones are
/// simply not added beyond this, so memory stays bounded).
const MAX_UNANSWERED: usize = 10_000;

/// A knowledge base: articles, their index and what users told us about them.
pub struct KnowledgeBase {
    pipeline: Pipeline,
    concepts: ConceptDictionary,
    weights: RankingWeights,
    articles: Vec<Option<Article>>,
    /// Per document, its passages (symptoms, steps, body sentences) lower-cased once, for
    /// choosing snippets without lower-casing on every keystroke.
    passages: Vec<Passages>,
    by_id: FxHashMap<String, u32>,
    index: Index,
    unanswered: BTreeMap<String, u32>,
}

impl Default for KnowledgeBase {
    /// An empty knowledge base with the embedded text resources and ranking weights: the
    /// concept dictionary extended with the search thesaurus (`data/kb/synonyms.tsv`).
    fn default() -> Self {
        let pipeline = Pipeline::default();
        let mut concepts = ConceptDictionary::embedded(&pipeline);
        // The embedded thesaurus is checked by a unit test; without it search still works.
        let _ = concepts.extend_with_synonyms(THESAURUS, &pipeline);
        KnowledgeBase {
            pipeline,
            concepts,
            weights: RankingWeights::default(),
            articles: Vec::new(),
            passages: Vec::new(),
            by_id: FxHashMap::default(),
            index: Index::default(),
            unanswered: BTreeMap::new(),
        }
    }
}

const DEFAULT_KB: &str = include_str!("../../data/kb/articles.json");
const THESAURUS: &str = include_str!("../../data/kb/synonyms.tsv");

/// A passage a snippet may show: which field, and where it sits in the article.
#[derive(Debug, Clone)]
pub(crate) struct Passage {
    pub(crate) field: &'static str,
    /// Index into `symptoms`/`steps`, or the byte range of a body sentence.
    pub(crate) at: (usize, usize),
    /// Where its lower-cased text starts in [`Passages::lower`].
    pub(crate) start: usize,
}

impl Passage {
    /// The passage's text in the article.
    pub(crate) fn text<'a>(&self, article: &'a Article) -> &'a str {
        match self.field {
            "symptoms" => article.symptoms.get(self.at.0).map_or("", String::as_str),
            "steps" => article.steps.get(self.at.0).map_or("", String::as_str),
            _ => article.body.get(self.at.0..self.at.1).unwrap_or(""),
        }
    }
}

/// An article's passages (symptoms, steps, body sentences), and their text lower-cased once and
/// joined by newlines: a snippet is chosen by searching that one string for each matched word,
/// not every passage for every word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Passages {
    pub(crate) lower: String,
    pub(crate) list: Vec<Passage>,
}

fn passages(article: &Article) -> Passages {
    let mut out = Passages::default();
    let mut push = |field: &'static str, at: (usize, usize), text: &str| {
        out.list.push(Passage { field, at, start: out.lower.len() });
        out.lower.push_str(&text.to_lowercase());
        out.lower.push('\n');
    };
    for (i, s) in article.symptoms.iter().enumerate() {
        push("symptoms", (i, 0), s);
    }
    for (i, s) in article.steps.iter().enumerate() {
        push("steps", (i, 0), s);
    }
    let mut start = 0;
    for sentence in article.body.split_inclusive(['.', '!', '?']) {
        let end = start + sentence.len();
        let lead = sentence.len() - sentence.trim_start().len();
        let trail = sentence.len() - sentence.trim_end().len();
        if end - trail > start + lead {
            let range = (start + lead, end - trail);
            push("body", range, &article.body[range.0..range.1]);
        }
        start = end;
    }
    out
}

/// A user's verdict on an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// The article was opened.
    View,
    /// "Did this solve your problem?" — yes.
    Helpful,
    /// … — no.
    NotHelpful,
    /// It was suggested (for a ticket or in results).
    Suggested,
    /// A ticket was resolved with it.
    Resolved,
    /// The user read it and did not file a ticket.
    Deflected,
}

impl Feedback {
    /// Parses `view`, `helpful`, `not_helpful`, `suggested`, `resolved`, `deflected`.
    pub fn parse(text: &str) -> Option<Feedback> {
        Some(match text {
            "view" => Feedback::View,
            "helpful" => Feedback::Helpful,
            "not_helpful" => Feedback::NotHelpful,
            "suggested" => Feedback::Suggested,
            "resolved" => Feedback::Resolved,
            "deflected" => Feedback::Deflected,
            _ => return None,
        })
    }
}

/// How one article performs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStats {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its counters.
    pub effectiveness: Effectiveness,
    /// Resolved ÷ suggested (raw, unsmoothed; 0 when never suggested).
    pub resolution_rate: f32,
    /// Helpful ÷ votes (0 when never voted on).
    pub helpful_rate: f32,
    /// `ok`, `update` (voted unhelpful or resolves little) or `retire` (rarely useful and old).
    pub advice: &'static str,
}

/// The feedback loop's report: what works, what to fix, what is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KbStats {
    /// Live articles.
    pub articles: usize,
    /// Deflected ÷ views over all articles.
    pub deflection_rate: f32,
    /// Per article, worst first.
    pub per_article: Vec<ArticleStats>,
    /// Queries with no good answer, most frequent first: the missing topics.
    pub missing_topics: Vec<(String, u32)>,
}

impl KnowledgeBase {
    /// The embedded default knowledge base (the project's own articles, en and ru).
    pub fn embedded() -> Self {
        // A unit test proves the embedded articles load; the empty fallback is never taken.
        KnowledgeBase::from_json(DEFAULT_KB).unwrap_or_default()
    }

    /// A knowledge base from a JSON array of articles (see [`Article`]).
    pub fn from_json(json: &str) -> Result<Self, KbError> {
        let articles = articles_from_json(json)?; // before building anything
        let mut kb = KnowledgeBase::default();
        kb.add_all(articles)?;
        Ok(kb)
    }

    /// Adds articles; ids must be new. Nothing is added if any is invalid.
    pub fn add_all(&mut self, articles: Vec<Article>) -> Result<(), KbError> {
        let mut seen = rustc_hash::FxHashSet::default();
        for a in &articles {
            a.validate()?;
            if self.by_id.contains_key(&a.id) || !seen.insert(a.id.as_str()) {
                return Err(KbError::DuplicateId(a.id.clone()));
            }
        }
        if self.by_id.len() + articles.len() > article::MAX_ARTICLES {
            return Err(KbError::TooMany(self.by_id.len() + articles.len()));
        }
        for a in articles {
            self.insert(a);
        }
        Ok(())
    }

    /// Adds an article, or replaces the one with the same id — in place, without a rebuild.
    pub fn upsert(&mut self, article: Article) -> Result<(), KbError> {
        article.validate()?;
        if self.by_id.contains_key(&article.id) {
            self.remove(&article.id)?;
        } else if self.by_id.len() >= article::MAX_ARTICLES {
            return Err(KbError::TooMany(self.by_id.len() + 1));
        }
        self.insert(article);
        Ok(())
    }

    /// Removes an article.
    pub fn remove(&mut self, id: &str) -> Result<Article, KbError> {
        let doc = self.by_id.remove(id).ok_or_else(|| KbError::UnknownArticle(id.to_string()))?;
        self.index.remove(doc);
        if let Some(p) = self.passages.get_mut(doc as usize) {
            *p = Passages::default();
        }
        self.articles[doc as usize].take().ok_or_else(|| KbError::UnknownArticle(id.to_string()))
    }

    fn insert(&mut self, article: Article) {
        let (entries, lens) = self.doc_terms(&article);
        let doc = self.index.add(&entries, lens);
        if self.articles.len() <= doc as usize {
            self.articles.resize(doc as usize + 1, None);
            self.passages.resize(doc as usize + 1, Passages::default());
        }
        self.passages[doc as usize] = passages(&article);
        self.by_id.insert(article.id.clone(), doc);
        self.articles[doc as usize] = Some(article);
    }

    /// Replaces the ranking weights.
    pub fn set_weights(&mut self, weights: RankingWeights) {
        self.weights = weights;
    }

    /// The ranking weights.
    pub fn weights(&self) -> &RankingWeights {
        &self.weights
    }

    /// An article by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).and_then(|&d| self.articles[d as usize].as_ref())
    }

    /// Live articles, in no particular order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.articles.iter().flatten()
    }

    /// Number of live articles.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Index statistics: `(distinct terms, approximate heap bytes)`.
    pub fn index_size(&self) -> (usize, usize) {
        (self.index.term_count(), self.index.heap_bytes())
    }

    /// Records a user's verdict on an article; ranking uses it from the next search on.
    ///
    /// ```
    /// use helpdesk_ai::kb::{Feedback, KnowledgeBase};
    /// let mut kb = KnowledgeBase::embedded();
    /// kb.record_feedback("kb-reset-password-en", Feedback::Helpful).unwrap();
    /// assert!(kb.record_feedback("no-such-article", Feedback::Helpful).is_err());
    /// ```
    pub fn record_feedback(&mut self, id: &str, feedback: Feedback) -> Result<(), KbError> {
        let doc = *self.by_id.get(id).ok_or_else(|| KbError::UnknownArticle(id.to_string()))?;
        let Some(article) = self.articles[doc as usize].as_mut() else {
            return Err(KbError::UnknownArticle(id.to_string()));
        };
        let e = &mut article.effectiveness;
        let counter = match feedback {
            Feedback::View => &mut e.views,
            Feedback::Helpful => &mut e.helpful,
            Feedback::NotHelpful => &mut e.not_helpful,
            Feedback::Suggested => &mut e.suggested,
            Feedback::Resolved => &mut e.resolved,
            Feedback::Deflected => &mut e.deflected,
        };
        *counter = counter.saturating_add(1);
        Ok(())
    }

    /// Records a verdict on an article found for `query`; when the verdict says the article
    /// answered it (helpful, resolved, deflected), the query is also [learned](Self::learn).
    ///
    /// ```
    /// use helpdesk_ai::kb::{Feedback, KnowledgeBase};
    /// let mut kb = KnowledgeBase::embedded();
    /// kb.record_feedback_for_query("kb-reset-password-en", Feedback::Helpful, "locked out, forgot the secret word").unwrap();
    /// let learned = &kb.article("kb-reset-password-en").unwrap().learned_queries;
    /// assert_eq!(learned[0].query, "locked out, forgot the secret word");
    /// ```
    pub fn record_feedback_for_query(
        &mut self,
        id: &str,
        feedback: Feedback,
        query: &str,
    ) -> Result<(), KbError> {
        self.record_feedback(id, feedback)?;
        if matches!(feedback, Feedback::Helpful | Feedback::Resolved | Feedback::Deflected) {
            self.learn(query, id)?;
        }
        Ok(())
    }

    /// Remembers a query that found nothing useful (the host calls this when a search had no
    /// hits, or the user gave up): the stats list these as missing topics.
    pub fn record_unanswered(&mut self, query: &str) {
        let key = query_key(query);
        if key.is_empty() {
            return;
        }
        if let Some(n) = self.unanswered.get_mut(&key) {
            *n = n.saturating_add(1);
        } else if self.unanswered.len() < MAX_UNANSWERED {
            self.unanswered.insert(key, 1);
        }
    }

    /// The feedback report: resolution and deflection rates, articles to update or retire,
    /// missing topics. `today` (days since 1970-01-01) decides what is old; without it
    /// nothing is called old.
    pub fn stats(&self, today: Option<i64>) -> KbStats {
        let mut views = 0u64;
        let mut deflected = 0u64;
        let mut per_article: Vec<ArticleStats> = self
            .articles()
            .map(|a| {
                let e = a.effectiveness;
                views += u64::from(e.views);
                deflected += u64::from(e.deflected);
                let votes = e.helpful + e.not_helpful;
                let helpful_rate = if votes > 0 { e.helpful as f32 / votes as f32 } else { 0.0 };
                let resolution_rate =
                    if e.suggested > 0 { (e.resolved as f32 / e.suggested as f32).min(1.0) } else { 0.0 };
                let old = matches!((a.updated_day(), today), (Some(u), Some(t)) if t - u > 730);
                let advice =
                    if votes >= 10 && helpful_rate < 0.5 || e.suggested >= 20 && resolution_rate < 0.1 {
                        "update"
                    } else if old && e.views < 20 {
                        "retire"
                    } else {
                        "ok"
                    };
                ArticleStats {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    effectiveness: e,
                    resolution_rate,
                    helpful_rate,
                    advice,
                }
            })
            .collect();
        let rank = |s: &ArticleStats| match s.advice {
            "update" => 0,
            "retire" => 1,
            _ => 2,
        };
        crate::sort::sort_by(&mut per_article, |a, b| {
            rank(a).cmp(&rank(b)).then(a.helpful_rate.total_cmp(&b.helpful_rate)).then(a.id.cmp(&b.id))
        });
        let mut missing_topics: Vec<(String, u32)> =
            self.unanswered.iter().map(|(q, n)| (q.clone(), *n)).collect();
        crate::sort::sort_by(&mut missing_topics, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        missing_topics.truncate(100);
        KbStats {
            articles: self.len(),
            deflection_rate: if views > 0 { deflected as f32 / views as f32 } else { 0.0 },
            per_article,
            missing_topics,
        }
    }

    /// Every articles as JSON (counters included): what a host saves and loads back.
    pub fn to_json(&self) -> String {
        let mut all: Vec<&Article> = self.articles().collect();
        crate::sort::sort_by(&mut all, |a, b| a.id.cmp(&b.id));
        serde_json::to_string(&all).unwrap_or_else(|_| "[]".into())
    }

    /// The terms of an article per field: stems (with surface forms), concept ids and stem
    /// bigrams.
    fn doc_terms(&self, a: &Article) -> (DocTerms, [u32; FIELDS]) {
        let mut entries: DocTerms = Vec::new();
        let mut lens = [0u32; FIELDS];
        self.field_terms(&a.title, TITLE, &mut entries, &mut lens);
        for tag in &a.tags {
            self.field_terms(tag, TAGS, &mut entries, &mut lens);
        }
        for s in &a.symptoms {
            self.field_terms(s, SYMPTOMS, &mut entries, &mut lens);
        }
        for s in &a.steps {
            self.field_terms(s, BODY, &mut entries, &mut lens);
        }
        self.field_terms(&a.body, BODY, &mut entries, &mut lens);
        for learned in &a.learned_queries {
            for _ in 0..learned.count.min(MAX_QUERY_REPEATS) {
                self.field_terms(&learned.query, QUERIES, &mut entries, &mut lens);
            }
        }
        (entries, lens)
    }

    /// Adds the terms of `text` as field `f`: stems (with surface forms) of words that are not
    /// stopwords, bigrams of adjacent ones, and the concepts it mentions.
    fn field_terms(&self, text: &str, f: usize, entries: &mut DocTerms, lens: &mut [u32; FIELDS]) {
        let tokens = self.pipeline.tokens(text);
        let words: Vec<&Token> = tokens.iter().filter(|t| t.is_wordlike()).collect();
        lens[f] += words.len() as u32;
        for t in &words {
            if !t.stop {
                entries.push((t.stem.clone(), f, Some(t.norm.clone())));
            }
        }
        for pair in words.windows(2) {
            if !pair[0].stop && !pair[1].stop {
                entries.push((format!("{} {}", pair[0].stem, pair[1].stem), f, None));
            }
        }
        for m in self.concepts.find(&tokens) {
            if let Some(c) = self.concepts.get(m.concept) {
                entries.push((format!("~{}", c.id), f, None));
            }
        }
    }

    /// Learns that `query` was answered by article `id` — a user said it helped, a ticket asked
    /// that way was resolved with it: the query's words become the article's own (field
    /// `queries`), so the next person who asks that way finds it. Each article keeps up to
    /// [`article::MAX_LEARNED_QUERIES`] distinct queries and counts repeats.
    ///
    /// ```
    /// use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
    /// let mut kb = KnowledgeBase::from_json(r#"[
    ///   {"id": "strike", "title": "Strikethrough text in Markdown", "body": "Wrap the words in two tildes."},
    ///   {"id": "bold", "title": "Bold text in Markdown", "body": "Wrap the words in two asterisks."}]"#).unwrap();
    /// let top = |kb: &KnowledgeBase, q: &str| kb.search(q, &SearchOptions::default()).hits[0].id.clone();
    /// assert_eq!(top(&kb, "line through my words"), "bold"); // no shared word: a coin toss
    /// kb.learn("draw a line through words", "strike").unwrap();
    /// assert_eq!(top(&kb, "line through my words"), "strike");
    /// ```
    pub fn learn(&mut self, query: &str, id: &str) -> Result<(), KbError> {
        let doc = *self.by_id.get(id).ok_or_else(|| KbError::UnknownArticle(id.to_string()))?;
        let key = query_key(query);
        if key.is_empty() {
            return Ok(());
        }
        let Some(article) = self.articles[doc as usize].as_mut() else {
            return Err(KbError::UnknownArticle(id.to_string()));
        };
        let learned = &mut article.learned_queries;
        match learned.iter().position(|l| l.query == key) {
            Some(i) => {
                let l = &mut learned[i];
                l.count = l.count.saturating_add(1);
                if l.count > MAX_QUERY_REPEATS {
                    return Ok(()); // counted, but the index has weighed it enough
                }
            }
            None if learned.len() < article::MAX_LEARNED_QUERIES => {
                learned.push(LearnedQuery { query: key.clone(), count: 1 })
            }
            None => return Ok(()),
        }
        let mut entries = Vec::new();
        let mut lens = [0u32; FIELDS];
        self.field_terms(&key, QUERIES, &mut entries, &mut lens);
        self.index.extend(doc, &entries, lens);
        Ok(())
    }

    /// Serialises the knowledge base — articles with their counters, the index itself, and
    /// the unanswered queries — to checksummed bytes that [`KnowledgeBase::from_bytes`] loads
    /// without re-reading a word of the articles: build a large index once (natively, at build
    /// time) and ship the bytes.
    ///
    /// Layout (version 2): `"HDKB"`, u16 version, then a varint-length JSON array of the
    /// articles in document-slot order (`null` for a free slot), a varint-length JSON array of
    /// `[query, count]`, the index (documents, terms with postings, surface forms, typo keys,
    /// free slots), and a CRC-32 of everything before it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let articles: Vec<Option<&Article>> = self.articles.iter().map(Option::as_ref).collect();
        let unanswered: Vec<(&String, &u32)> = self.unanswered.iter().collect();
        let mut out = Vec::new();
        out.extend_from_slice(b"HDKB");
        out.extend_from_slice(&BYTES_VERSION.to_le_bytes());
        for json in [serde_json::to_vec(&articles), serde_json::to_vec(&unanswered)] {
            let json = json.unwrap_or_else(|_| b"[]".to_vec());
            crate::binary::push_varint(&mut out, json.len() as u32);
            out.extend_from_slice(&json);
        }
        self.index.write(&mut out);
        let crc = crate::binary::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Loads bytes written by [`KnowledgeBase::to_bytes`] (version 1, which held the articles
    /// only, is rebuilt from them); damaged bytes are a clear error.
    ///
    /// ```
    /// use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
    /// let kb = KnowledgeBase::embedded();
    /// let bytes = kb.to_bytes();
    /// let loaded = KnowledgeBase::from_bytes(&bytes).unwrap();
    /// let search = |kb: &KnowledgeBase| serde_json::to_string(&kb.search("pasword reset", &SearchOptions::default())).unwrap();
    /// assert_eq!(search(&loaded), search(&kb));
    /// assert!(KnowledgeBase::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KbError> {
        if bytes.len() < 10 || &bytes[..4] != b"HDKB" {
            return Err(KbError::Bytes("not a helpdesk-ai knowledge base"));
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if !(1..=BYTES_VERSION).contains(&version) {
            return Err(KbError::Bytes("unsupported version"));
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crate::binary::crc32(body) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
            return Err(KbError::Bytes("checksum mismatch: corrupted or truncated"));
        }
        if version == 1 {
            let (articles, unanswered): (String, Vec<(String, u32)>) =
                serde_json::from_slice(&body[6..]).map_err(|_| KbError::Bytes("malformed contents"))?;
            let mut kb = KnowledgeBase::from_json(&articles)?;
            kb.unanswered = unanswered.into_iter().take(MAX_UNANSWERED).collect();
            return Ok(kb);
        }
        let mut r = crate::binary::Reader::new(body, 6);
        fn json<'a>(r: &mut crate::binary::Reader<'a>) -> Result<&'a [u8], KbError> {
            let n = r.count(1).map_err(KbError::Bytes)?;
            r.take(n).map_err(KbError::Bytes)
        }
        let articles: Vec<Option<Article>> =
            serde_json::from_slice(json(&mut r)?).map_err(|_| KbError::Bytes("malformed articles"))?;
        let unanswered: Vec<(String, u32)> = serde_json::from_slice(json(&mut r)?)
            .map_err(|_| KbError::Bytes("malformed unanswered queries"))?;
        let index = Index::read(&mut r).map_err(KbError::Bytes)?;
        if r.remaining() != 0 {
            return Err(KbError::Bytes("trailing bytes after the index"));
        }
        if articles.len() != index.doc_slots() || articles.len() > article::MAX_ARTICLES {
            return Err(KbError::Bytes("the articles and the index disagree"));
        }
        let mut kb = KnowledgeBase::default();
        for (doc, article) in articles.iter().enumerate() {
            if article.is_some() != index.doc(doc as u32).is_some() {
                return Err(KbError::Bytes("the articles and the index disagree"));
            }
            if let Some(a) = article {
                a.validate()?;
                if kb.by_id.insert(a.id.clone(), doc as u32).is_some() {
                    return Err(KbError::DuplicateId(a.id.clone()));
                }
            }
        }
        kb.passages = articles.iter().map(|a| a.as_ref().map(passages).unwrap_or_default()).collect();
        kb.articles = articles;
        kb.index = index;
        kb.unanswered = unanswered.into_iter().take(MAX_UNANSWERED).collect();
        Ok(kb)
    }
}

/// The version of [`KnowledgeBase::to_bytes`]'s format this build writes.
const BYTES_VERSION: u16 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_kb_loads_every_article() {
        let articles = articles_from_json(DEFAULT_KB).expect("the embedded KB is valid");
        let kb = KnowledgeBase::embedded();
        assert_eq!(kb.len(), articles.len());
        assert!(kb.len() >= 30);
    }

    #[test]
    fn embedded_thesaurus_extends_the_concepts() {
        let pipeline = Pipeline::default();
        let mut concepts = ConceptDictionary::embedded(&pipeline);
        let before = concepts.term_count();
        concepts.extend_with_synonyms(THESAURUS, &pipeline).expect("the embedded thesaurus is valid");
        assert!(concepts.term_count() > before + 3000, "{} -> {}", before, concepts.term_count());
    }

    #[test]
    fn update_and_remove_in_place() {
        let mut kb = KnowledgeBase::from_json(r#"[{"id": "a", "title": "Export reports to PDF"}]"#).unwrap();
        assert_eq!(kb.search("export pdf", &SearchOptions::default()).hits.len(), 1);
        kb.upsert(Article { id: "a".into(), title: "Invite teammates".into(), ..Default::default() })
            .unwrap();
        assert!(kb.search("export pdf", &SearchOptions::default()).hits.is_empty());
        assert_eq!(kb.search("invite", &SearchOptions::default()).hits[0].id, "a");
        kb.remove("a").unwrap();
        assert!(kb.search("invite", &SearchOptions::default()).hits.is_empty());
        assert!(kb.remove("a").is_err());
        assert!(
            KnowledgeBase::from_json(r#"[{"id": "a", "title": "x"}, {"id": "a", "title": "y"}]"#).is_err()
        );
    }

    #[test]
    fn index_bytes_load_to_the_same_search_after_edits() {
        let mut kb = KnowledgeBase::embedded();
        kb.remove("kb-reset-password-en").unwrap();
        kb.upsert(Article {
            id: "new".into(),
            title: "Invite teammates by link".into(),
            ..Default::default()
        })
        .unwrap();
        kb.record_feedback("new", Feedback::Helpful).unwrap();
        kb.record_unanswered("export to notion");
        for _ in 0..3 {
            kb.learn("the zebra onboarding checklist", "new").unwrap();
        }
        let loaded = KnowledgeBase::from_bytes(&kb.to_bytes()).unwrap();
        // Learned queries survive both formats, and a KB rebuilt from its JSON searches the same.
        let rebuilt = KnowledgeBase::from_json(&kb.to_json()).unwrap();
        assert_eq!(rebuilt.article("new").unwrap().learned_queries[0].count, 3);
        let search = |kb: &KnowledgeBase| {
            serde_json::to_string(&kb.search("zebra checklist", &SearchOptions::default())).unwrap()
        };
        assert_eq!(search(&rebuilt), search(&kb));
        assert!(search(&kb).contains("\"new\""));
        assert_eq!(loaded.len(), kb.len());
        assert_eq!(loaded.stats(None), kb.stats(None));
        for q in [
            "invite",
            "pasword",
            "не приходят уведомл",
            "ghbdtn",
            "charged twice refund",
            "oshibka sinhronizacii",
        ] {
            let search =
                |kb: &KnowledgeBase| serde_json::to_string(&kb.search(q, &SearchOptions::default())).unwrap();
            assert_eq!(search(&loaded), search(&kb), "{q}");
        }
        // The loaded one keeps working incrementally: the freed slot is reused.
        let mut loaded = loaded;
        loaded
            .upsert(Article { id: "again".into(), title: "Reset password".into(), ..Default::default() })
            .unwrap();
        assert_eq!(loaded.search("reset password", &SearchOptions::default()).hits[0].id, "again");
        assert_eq!(KnowledgeBase::from_bytes(&loaded.to_bytes()).unwrap().len(), loaded.len());
    }

    #[test]
    fn feedback_moves_ranking_and_shows_in_stats() {
        let json = r#"[{"id": "a", "title": "Reset password"}, {"id": "b", "title": "Reset password"}]"#;
        let mut kb = KnowledgeBase::from_json(json).unwrap();
        for _ in 0..30 {
            kb.record_feedback("b", Feedback::Helpful).unwrap();
            kb.record_feedback("a", Feedback::NotHelpful).unwrap();
        }
        assert_eq!(kb.search("reset password", &SearchOptions::default()).hits[0].id, "b");
        kb.record_unanswered("How do I  export to Notion?");
        kb.record_unanswered("how do i export to notion?");
        let stats = kb.stats(None);
        assert_eq!(stats.per_article[0].id, "a");
        assert_eq!(stats.per_article[0].advice, "update");
        assert_eq!(stats.missing_topics[0], ("how do i export to notion?".to_string(), 2));
    }
}
