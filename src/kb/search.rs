//! Query → ranked hits.
//!
//! Each query word becomes a group of alternative index terms, each with a weight: the word's
//! stem (exact), completions of the word being typed (prefix), words within its typo budget
//! (fuzzy, scored by the distance from what was typed), and — when the word finds nothing —
//! the word retyped on the other keyboard layout or transliterated. Concepts found in the query
//! (synonyms, translations) are groups of their own, and adjacent query words add a phrase
//! bonus. A document scores, per group, its best alternative's BM25F score times the
//! alternative's weight; groups add up, scaled by the share of query words matched. The top
//! candidates are then blended with feedback, recency and resolution success.

use super::index::{Index, Posting, FIELDS};
use super::keyboard::{
    could_be_wrong_layout, latin_keys_to_russian, russian_keys_to_latin, translit_to_cyrillic,
};
use super::{Article, KnowledgeBase};
use crate::span::Utf16Map;
use crate::text::{Script, Token};
use serde::{Deserialize, Serialize};

/// Queries are cut to this many bytes (a search box, not a document).
const MAX_QUERY_BYTES: usize = 512;
/// Query words considered (the rest are ignored).
const MAX_QUERY_WORDS: usize = 24;
/// Candidates blended after relevance ranking.
const CANDIDATES: usize = 64;

/// What the searcher asks for, and their context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Hits to return (1–100).
    pub limit: usize,
    /// Treat the last word as still being typed (search-as-you-type); a trailing space ends it.
    pub prefix: bool,
    /// The searcher's language: articles in it get a small boost.
    pub lang: Option<String>,
    /// `beginner` / `advanced`.
    pub audience: Option<String>,
    /// The searcher's product tier.
    pub tier: Option<String>,
    /// The product version.
    pub version: Option<String>,
    /// Boost articles of this category.
    pub category: Option<String>,
    /// Boost articles of this product area.
    pub area: Option<String>,
    /// Only articles of this category.
    pub only_category: Option<String>,
    /// Today, as `YYYY-MM-DD`, for recency (the core never reads the clock; without it every
    /// article counts as equally recent).
    pub today: Option<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            prefix: true,
            lang: None,
            audience: None,
            tier: None,
            version: None,
            category: None,
            area: None,
            only_category: None,
            today: None,
        }
    }
}

/// How a hit's score was made.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Breakdown {
    /// BM25F relevance relative to the best hit (0…1), before sharpening.
    pub relevance: f32,
    /// Smoothed helpful rate.
    pub feedback: f32,
    /// Recency.
    pub recency: f32,
    /// Smoothed resolution rate.
    pub resolution: f32,
    /// Context boosts added.
    pub context: f32,
    /// Raw BM25F score.
    pub bm25f: f32,
}

/// A highlighted piece of the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// Which field it comes from: `symptoms`, `steps`, `body`, `title`.
    pub field: &'static str,
    /// The text.
    pub text: String,
    /// Matched words as `[start, end)` UTF-16 offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Article language.
    pub lang: String,
    /// Final score.
    pub score: f32,
    /// Its parts.
    pub breakdown: Breakdown,
    /// Query words and the article words they matched (`"pasword→password"`, `"~password"` for
    /// a concept).
    pub matched: Vec<String>,
    /// Matched words of the title as UTF-16 ranges.
    pub title_highlights: Vec<[usize; 2]>,
    /// The best passage.
    pub snippet: Snippet,
}

/// Hits, and a correction when nothing matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    /// Best first.
    pub hits: Vec<Hit>,
    /// A corrected query when there are no hits and one can be made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<String>,
}

/// How a query term was reached.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Via {
    Exact,
    Prefix,
    Fuzzy,
    Layout,
    Translit,
    Concept,
    Phrase,
}

#[derive(Debug, Clone)]
struct Alternative {
    term: u32,
    /// What the term is worth as this word (the group counts its best alternative).
    weight: f32,
    /// What it adds on top, whichever alternative is best: a concept's bonus for the meaning of
    /// the query as a whole, given once per concept.
    bonus: f32,
    via: Via,
}

#[derive(Debug, Clone)]
struct Group {
    typed: String,
    alternatives: Vec<Alternative>,
    /// Word groups count toward coordination; concept and phrase groups are bonuses.
    word: bool,
}

/// A scored document competing for the candidate list. Ordered worst first: a lower score,
/// then (on equal scores) a higher document number, is "greater", so that a max-heap's top is
/// the one to drop.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    doc: u32,
    score: f32,
    matched: u16,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.score.total_cmp(&self.score).then(self.doc.cmp(&other.doc))
    }
}

impl KnowledgeBase {
    /// Searches the knowledge base.
    ///
    /// ```
    /// use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
    /// let kb = KnowledgeBase::embedded();
    /// let result = kb.search("ghbkj;tybt dslktnftn", &SearchOptions::default()); // "приложение вылетает" on the wrong layout
    /// assert!(result.hits[0].id.starts_with("kb-mobile-crash"), "{:?}", result.hits[0].id);
    /// let none = kb.search("zzzqqq", &SearchOptions::default());
    /// assert!(none.hits.is_empty());
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        let query = cut(query, MAX_QUERY_BYTES);
        let typing = options.prefix && !query.ends_with(char::is_whitespace);
        let tokens = self.query_tokens(query, typing);
        let groups = self.query_groups(&tokens, typing);
        let scored = self.score(&groups);
        let hits = self.rank(scored, &groups, options);
        let did_you_mean = if hits.is_empty() { self.did_you_mean(&tokens) } else { None };
        SearchResult { hits, did_you_mean }
    }

    /// Suggests articles for a ticket: its subject and message are the query (no prefix
    /// completion), articles of the ticket's category and area are boosted, and articles in
    /// the ticket's language (`lang`) come before other-language ones of comparable relevance.
    ///
    /// ```
    /// use helpdesk_ai::kb::KnowledgeBase;
    /// let kb = KnowledgeBase::embedded();
    /// let hits = kb.suggest_for_ticket("Charged twice", "You billed my card two times this month, please refund", Some("billing_issue"), Some("billing_system"), Some("en"), 3);
    /// assert!(hits[0].id.contains("double-charge"), "{}", hits[0].id);
    /// ```
    pub fn suggest_for_ticket(
        &self,
        subject: &str,
        message: &str,
        category: Option<&str>,
        area: Option<&str>,
        lang: Option<&str>,
        limit: usize,
    ) -> Vec<Hit> {
        let text = format!("{subject}\n{}", cut(message, 2000));
        let options = SearchOptions {
            limit: limit.clamp(1, 100) * 2,
            prefix: false,
            category: category.map(str::to_string),
            area: area.map(str::to_string),
            ..SearchOptions::default()
        };
        let tokens = self.pipeline.tokens(&text);
        let groups = self.query_groups(&tokens, false);
        let scored = self.score(&groups);
        let mut hits = self.rank(scored, &groups, &options);
        if let Some(lang) = lang.filter(|l| !l.is_empty()) {
            // A reply quotes these: the customer's language first, when nearly as relevant.
            crate::sort::sort_by_key(&mut hits, |h| !(h.lang == lang && h.breakdown.relevance >= 0.5));
        }
        hits.truncate(limit.clamp(1, 100));
        hits
    }

    /// The query's tokens — or those of the query retyped on the Russian layout, when it was
    /// typed on the English one with the keys that are Russian letters there (`,` б, `.` ю,
    /// `;` ж, `'` э, `[` х, `]` ъ, `` ` `` ё) inside words (the tokeniser would cut `c,hjc` at
    /// the comma, so the per-word fix cannot see it) and the retyped query knows more of its
    /// words than the query as typed.
    fn query_tokens(&self, query: &str, typing: bool) -> Vec<Token> {
        let original = self.pipeline.tokens(query);
        let bytes = query.as_bytes();
        let letter_at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_alphabetic);
        let letters_as_punctuation = bytes
            .iter()
            .enumerate()
            .any(|(i, b)| b",.;'[]`".contains(b) && (letter_at(i.checked_sub(1)) || letter_at(Some(i + 1))));
        if !letters_as_punctuation || query.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
        {
            return original;
        }
        let retyped = self.pipeline.tokens(&latin_keys_to_russian(query));
        if self.known_words(&retyped, typing) > self.known_words(&original, typing) {
            retyped
        } else {
            original
        }
    }

    /// How many of the query's words the index knows (as typed, or as the start of a word for
    /// the one being typed).
    fn known_words(&self, tokens: &[Token], typing: bool) -> usize {
        let last_end = tokens.iter().rev().find(|t| t.is_wordlike()).map(|t| t.end);
        tokens
            .iter()
            .filter(|t| t.is_wordlike() && !t.stop)
            .filter(|t| {
                self.index.lookup(&t.stem).is_some_and(|id| self.index.doc_freq(id) > 0)
                    || typing && Some(t.end) == last_end && !self.index.complete(&t.norm, 1).is_empty()
            })
            .count()
    }

    fn query_groups(&self, tokens: &[Token], typing: bool) -> Vec<Group> {
        let m = self.weights.matches;
        let words: Vec<&Token> = tokens.iter().filter(|t| t.is_wordlike()).take(MAX_QUERY_WORDS).collect();
        let last_end = words.last().map(|t| t.end);
        let content: Vec<&Token> = {
            let c: Vec<&Token> = words.iter().copied().filter(|t| !t.stop).collect();
            let mut c = if c.is_empty() { words.clone() } else { c };
            // A word said twice is still one word of the query (the one being typed stays: it
            // completes to other words).
            let mut seen = rustc_hash::FxHashSet::default();
            c.retain(|t| seen.insert(t.norm.as_str()) || (typing && Some(t.end) == last_end));
            c
        };
        let mut groups: Vec<Group> = Vec::new();
        let mut converted_text = String::new();
        let mut transliterated = false;
        for t in &content {
            let being_typed = typing && Some(t.end) == last_end;
            let mut alternatives = self.word_alternatives(&t.norm, &t.stem, being_typed, 1.0, Via::Exact);
            if alternatives.is_empty() {
                // Nothing for the word as typed: try the other keyboard layout, then
                // transliteration, each as a whole word.
                let retyped = match t.script {
                    Script::Latin if could_be_wrong_layout(&t.norm) => Some(latin_keys_to_russian(&t.norm)),
                    Script::Cyrillic => Some(russian_keys_to_latin(&t.norm)),
                    _ => None,
                };
                if let Some(word) = retyped {
                    let stem = self.pipeline.stem(&word);
                    alternatives = self.word_alternatives(&word, &stem, being_typed, m.layout, Via::Layout);
                    if !alternatives.is_empty() {
                        converted_text.push_str(&word);
                        converted_text.push(' ');
                    }
                }
                if alternatives.is_empty() && t.script == Script::Latin {
                    alternatives = self.translit_alternatives(t, being_typed);
                    if !alternatives.is_empty() {
                        transliterated = true;
                        converted_text.push_str(&translit_to_cyrillic(&t.norm));
                        converted_text.push(' ');
                    }
                }
            }
            groups.push(Group { typed: t.norm.clone(), alternatives, word: true });
        }
        // One transliterated word makes the rest of the Latin words suspects too: "fail slishkom
        // bolshoi" is "файл слишком большой", although "fail" is an English word.
        if transliterated {
            for (t, group) in content.iter().zip(&mut groups) {
                if t.script == Script::Latin && group.alternatives.iter().all(|a| a.via != Via::Translit) {
                    let being_typed = typing && Some(t.end) == last_end;
                    group.alternatives.extend(self.translit_alternatives(t, being_typed));
                    converted_text.push_str(&translit_to_cyrillic(&t.norm));
                    converted_text.push(' ');
                }
            }
        }
        // Concepts of the query: synonyms and translations. A concept stands in for the words it
        // covers, so an article that says the same thing in other words — or in the other
        // language — matches those words. Concepts of retyped words (other layout,
        // transliteration) are groups of their own.
        let mut concept_ids: Vec<String> = Vec::new();
        let mut with_bonus: Vec<u32> = Vec::new();
        let converted_tokens =
            if converted_text.is_empty() { Vec::new() } else { self.pipeline.tokens(&converted_text) };
        for (list, original) in [(tokens, true), (converted_tokens.as_slice(), false)] {
            for found in self.concepts.find(list) {
                let Some(c) = self.concepts.get(found.concept) else { continue };
                let Some(term) = self.index.lookup(&format!("~{}", c.id)) else { continue };
                let mut attached = false;
                for t in list[found.first_token..found.end_token].iter().filter(|_| original) {
                    let Some(g) = content.iter().position(|w| std::ptr::eq(*w, t)) else { continue };
                    // The concept's bonus rides on its first word, once.
                    let bonus = if with_bonus.contains(&term) { 0.0 } else { m.concept };
                    with_bonus.push(term);
                    let alternatives = &mut groups[g].alternatives;
                    match alternatives.iter_mut().find(|a| a.term == term) {
                        Some(a) => a.bonus += bonus,
                        None => alternatives.push(Alternative {
                            term,
                            weight: m.synonym,
                            bonus,
                            via: Via::Concept,
                        }),
                    }
                    attached = true;
                }
                if !attached && !concept_ids.contains(&c.id) {
                    concept_ids.push(c.id.clone());
                }
            }
        }
        for id in concept_ids {
            if let Some(term) = self.index.lookup(&format!("~{id}")) {
                groups.push(Group {
                    typed: format!("~{id}"),
                    alternatives: vec![Alternative {
                        term,
                        weight: m.concept,
                        bonus: 0.0,
                        via: Via::Concept,
                    }],
                    word: false,
                });
            }
        }
        // Adjacent words that are adjacent in an article too.
        for pair in content.windows(2) {
            if let Some(term) = self.index.lookup(&format!("{} {}", pair[0].stem, pair[1].stem)) {
                groups.push(Group {
                    typed: format!("{} {}", pair[0].norm, pair[1].norm),
                    alternatives: vec![Alternative { term, weight: m.phrase, bonus: 0.0, via: Via::Phrase }],
                    word: false,
                });
            }
        }
        groups
    }

    /// Alternatives for a Latin word read as transliterated Russian.
    fn translit_alternatives(&self, t: &Token, being_typed: bool) -> Vec<Alternative> {
        let word = translit_to_cyrillic(&t.norm);
        let stem = self.pipeline.stem(&word);
        self.word_alternatives(&word, &stem, being_typed, self.weights.matches.translit, Via::Translit)
    }

    /// Index terms a typed word may mean, with weights: exact stem, completions when the word
    /// is being typed, typo corrections when there is no exact match.
    fn word_alternatives(
        &self,
        norm: &str,
        stem: &str,
        being_typed: bool,
        scale: f32,
        via: Via,
    ) -> Vec<Alternative> {
        let m = self.weights.matches;
        let mut out: Vec<Alternative> = Vec::new();
        let push = |term: u32, weight: f32, via: Via, out: &mut Vec<Alternative>| match out
            .iter_mut()
            .find(|a| a.term == term)
        {
            Some(a) if a.weight < weight => {
                a.weight = weight;
                a.via = via;
            }
            Some(_) => {}
            None => out.push(Alternative { term, weight, bonus: 0.0, via }),
        };
        let exact = self.index.lookup(stem).filter(|&id| self.index.doc_freq(id) > 0);
        if let Some(id) = exact {
            push(id, m.exact * scale, via, &mut out);
        }
        let typed_chars = norm.chars().count();
        if being_typed && typed_chars >= 2 {
            // A short prefix fits many words: its most frequent completions are enough to show
            // while the word is young, and each one costs a posting list.
            let completions = match typed_chars {
                2 => 4,
                3 => 8,
                _ => 12,
            };
            for (id, extra) in self.index.complete(norm, completions) {
                // A completion close to what was typed is worth nearly an exact match.
                let closeness = typed_chars as f32 / (typed_chars + extra) as f32;
                push(id, m.prefix * scale * (0.6 + 0.4 * closeness), Via::Prefix, &mut out);
            }
        }
        if being_typed && typed_chars >= 3 {
            // Words of the dictionaries the word may become, in either language: "уве…" is on its
            // way to "уведомления", which finds an English article on notifications.
            let mut concepts: Vec<usize> = Vec::new();
            for c in self.concepts.complete(norm) {
                if concepts.len() >= 4 {
                    break;
                }
                if concepts.contains(&c) {
                    continue;
                }
                concepts.push(c);
                let Some(concept) = self.concepts.get(c) else { continue };
                if let Some(id) =
                    self.index.lookup(&format!("~{}", concept.id)).filter(|&id| self.index.doc_freq(id) > 0)
                {
                    push(id, m.prefix * m.synonym * scale * 0.6, Via::Concept, &mut out);
                }
            }
        }
        if exact.is_none() {
            for word in [stem, norm] {
                let chars = word.chars().count().max(1) as f32;
                for (id, distance) in self.index.fuzzy(word).into_iter().take(6) {
                    // Scored by the typed word: one edit in a long word costs less than in a short one.
                    push(id, m.fuzzy * scale * (1.0 - distance as f32 / (chars + 1.0)), Via::Fuzzy, &mut out);
                }
            }
        }
        if via != Via::Exact {
            for a in &mut out {
                if a.via != Via::Prefix && a.via != Via::Fuzzy {
                    a.via = via;
                }
            }
        }
        out
    }

    /// BM25F relevance of every matching document: `(doc, score, word groups matched)`.
    fn score(&self, groups: &[Group]) -> Vec<(u32, f32, u16)> {
        let index: &Index = &self.index;
        let slots = index.doc_slots();
        if slots == 0 || groups.is_empty() {
            return Vec::new();
        }
        let w = &self.weights;
        let field_weight =
            [w.fields.title, w.fields.tags, w.fields.symptoms, w.fields.body, w.fields.queries];
        let avg = index.average_len();
        let (k1, b) = (w.bm25.k1, w.bm25.b);
        // Per field and length code: the field weight over BM25's length normalisation
        // 1 − b + b·len/avg, so that a posting costs a table lookup per field, not a division.
        let mut per_length = [[0f32; 256]; FIELDS];
        for (f, table) in per_length.iter_mut().enumerate() {
            for (code, entry) in table.iter_mut().enumerate() {
                let len = super::index::code_length(code as u8) as f32;
                *entry = field_weight[f] / (1.0 - b + b * len / avg[f]);
            }
        }
        let lens = index.length_codes();
        let n = index.live_docs() as f32;
        // BM25F of one posting, with `scale` = idf × (k1 + 1).
        let posting_score = |p: &Posting, scale: f32| -> Option<f32> {
            let len = lens.get(p.doc as usize)?;
            let mut tf = 0f32;
            for f in 0..FIELDS {
                tf += f32::from(p.tf[f]) * per_length[f][usize::from(len[f])];
            }
            Some(scale * tf / (tf + k1)).filter(|s| *s > 0.0)
        };
        let scale_of = |alt: &Alternative| {
            let df = index.term(alt.term).postings.len() as f32;
            crate::math::ln(1.0 + (n - df + 0.5) / (df + 0.5)) * (k1 + 1.0)
        };
        let mut total = vec![0f32; slots];
        let mut matched = vec![0u16; slots];
        let mut best = vec![0f32; slots];
        let mut touched: Vec<u32> = Vec::new();
        let mut all_touched: Vec<u32> = Vec::new();
        for group in groups {
            let alternatives: Vec<&Alternative> =
                group.alternatives.iter().filter(|a| a.weight > 0.0 || a.bonus > 0.0).collect();
            if let [alt] = alternatives.as_slice() {
                // One alternative: its scores go straight to the totals.
                let scale = scale_of(alt);
                for p in &index.term(alt.term).postings {
                    let Some(s) = posting_score(p, scale) else { continue };
                    let d = p.doc as usize;
                    if total[d] == 0.0 && matched[d] == 0 {
                        all_touched.push(p.doc);
                    }
                    total[d] += (alt.weight + alt.bonus) * s;
                    matched[d] += u16::from(group.word && alt.weight > 0.0);
                }
                continue;
            }
            // Several: a document counts the best one (and every bonus).
            for alt in alternatives {
                let scale = scale_of(alt);
                for p in &index.term(alt.term).postings {
                    let Some(s) = posting_score(p, scale) else { continue };
                    let d = p.doc as usize;
                    if total[d] == 0.0 && matched[d] == 0 && best[d] == 0.0 {
                        all_touched.push(p.doc);
                    }
                    if alt.weight > 0.0 {
                        if best[d] == 0.0 {
                            touched.push(p.doc);
                        }
                        best[d] = best[d].max(alt.weight * s);
                    }
                    total[d] += alt.bonus * s;
                }
            }
            for &d in &touched {
                let d = d as usize;
                total[d] += best[d];
                matched[d] += u16::from(group.word);
                best[d] = 0.0;
            }
            touched.clear();
        }
        let words = groups.iter().filter(|g| g.word).count().max(1) as f32;
        // The best CANDIDATES, kept in a heap whose top is the worst of them (lower score, then
        // higher document number): most documents are turned away by one comparison.
        let mut top: std::collections::BinaryHeap<Candidate> =
            std::collections::BinaryHeap::with_capacity(CANDIDATES + 1);
        for d in all_touched {
            let share = f32::from(matched[d as usize]) / words;
            // Coordination: a document matching every query word beats one matching half.
            let score = total[d as usize] * (0.35 + 0.65 * share * share);
            if score <= 0.0 {
                continue;
            }
            let candidate = Candidate { doc: d, score, matched: matched[d as usize] };
            if top.len() < CANDIDATES {
                top.push(candidate);
            } else if top.peek().is_some_and(|worst| candidate < *worst) {
                top.pop();
                top.push(candidate);
            }
        }
        top.into_sorted_vec().into_iter().map(|c| (c.doc, c.score, c.matched)).collect()
    }

    /// Blends relevance (`scored`: the best candidates, best first) with feedback, recency,
    /// resolution success and context, and builds the hits.
    fn rank(&self, scored: Vec<(u32, f32, u16)>, groups: &[Group], options: &SearchOptions) -> Vec<Hit> {
        let Some(&(_, top, _)) = scored.first() else { return Vec::new() };
        let w = &self.weights;
        let today = options.today.as_deref().and_then(super::parse_day);
        let mut ranked: Vec<(f32, Breakdown, &Article, u32)> = Vec::new();
        for (doc, bm25f, _) in scored {
            let Some(article) = self.articles.get(doc as usize).and_then(Option::as_ref) else { continue };
            if options.only_category.as_deref().is_some_and(|c| c != article.category) {
                continue;
            }
            let relevance = bm25f / top;
            let e = &article.effectiveness;
            let c = w.context;
            let fits = |wanted: &Option<String>, have: &str| {
                wanted.as_deref().is_some_and(|x| !have.is_empty() && x == have)
            };
            let tier_fits = options
                .tier
                .as_deref()
                .is_some_and(|t| article.product_tier == t || article.product_tier == "all");
            let context = c.language * f32::from(u8::from(fits(&options.lang, &article.lang)))
                + c.audience * f32::from(u8::from(fits(&options.audience, &article.audience)))
                + c.tier * f32::from(u8::from(tier_fits))
                + c.version * f32::from(u8::from(fits(&options.version, &article.version)))
                + c.category * f32::from(u8::from(fits(&options.category, &article.category)))
                + c.area * f32::from(u8::from(fits(&options.area, &article.area)));
            let breakdown = Breakdown {
                relevance,
                feedback: w.feedback_score(e),
                recency: w.recency_score(article.updated_day(), today),
                resolution: w.resolution_score(e),
                context,
                bm25f,
            };
            let score = w.blend.relevance * crate::math::powf(relevance, w.relevance_sharpness)
                + w.blend.feedback * breakdown.feedback
                + w.blend.recency * breakdown.recency
                + w.blend.resolution * breakdown.resolution
                + context;
            ranked.push((score, breakdown, article, doc));
        }
        crate::sort::sort_by(&mut ranked, |a, b| b.0.total_cmp(&a.0).then_with(|| a.2.id.cmp(&b.2.id)));
        ranked.truncate(options.limit.clamp(1, 100));
        ranked
            .into_iter()
            .map(|(score, breakdown, article, doc)| {
                let (matched, stems, surfaces) = self.matched_terms(doc, groups);
                Hit {
                    id: article.id.clone(),
                    title: article.title.clone(),
                    lang: article.lang.clone(),
                    score: (score * 1e4).round() / 1e4,
                    breakdown,
                    matched,
                    title_highlights: self.highlights(&article.title, &stems, &surfaces),
                    snippet: self.snippet(doc, article, &stems, &surfaces),
                }
            })
            .collect()
    }

    /// What matched in a document: display strings, and the matched words' stems and surface
    /// forms.
    fn matched_terms(&self, doc: u32, groups: &[Group]) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut shown = Vec::new();
        let mut stems = Vec::new();
        let mut surfaces = Vec::new();
        for g in groups {
            // The article's own word first (it can be highlighted), a shared concept only when
            // no word of the group is in the article.
            let words = g.alternatives.iter().filter(|a| a.via != Via::Concept);
            for alt in words.chain(g.alternatives.iter().filter(|a| a.via == Via::Concept)) {
                let term = self.index.term(alt.term);
                if term.postings.binary_search_by_key(&doc, |p| p.doc).is_err() {
                    continue;
                }
                match alt.via {
                    Via::Concept => shown.push(term.text.clone()),
                    Via::Phrase => shown.push(format!("\"{}\"", g.typed)),
                    _ => {
                        let word =
                            if term.surface.is_empty() { term.text.as_str() } else { term.surface.as_str() };
                        shown.push(if word == g.typed {
                            word.to_string()
                        } else {
                            format!("{}→{word}", g.typed)
                        });
                        stems.push(term.text.clone());
                        surfaces.push(word.to_string());
                    }
                }
                break;
            }
        }
        (shown, stems, surfaces)
    }

    /// Where the matched words are in `text`, as UTF-16 ranges. Uses the bare tokeniser and
    /// stems a word only when it could be a form of a matched stem (the full pipeline per
    /// passage would cost more than the whole search).
    fn highlights(&self, text: &str, stems: &[String], surfaces: &[String]) -> Vec<[usize; 2]> {
        if stems.is_empty() {
            return Vec::new();
        }
        let map = Utf16Map::new(text);
        let mut out = Vec::new();
        // Lower-case once; when that keeps every byte offset (nearly always), words are cut from
        // the lower-cased copy instead of being lower-cased one by one.
        let lower = text.to_lowercase();
        let same_offsets = lower.len() == text.len();
        for t in crate::text::tokenize(text) {
            if t.kind == crate::text::TokenKind::Punct {
                continue;
            }
            let word: std::borrow::Cow<str> = match lower.get(t.start..t.end).filter(|_| same_offsets) {
                Some(w) if !w.contains('ё') => w.into(),
                Some(w) => w.replace('ё', "е").into(),
                None => text[t.start..t.end].to_lowercase().replace('ё', "е").into(),
            };
            let matched = surfaces.iter().any(|s| *s == *word)
                || stems
                    .iter()
                    .any(|s| word.starts_with(s.as_str()) && self.pipeline.stem_known(&word) == s.as_str());
            if matched {
                out.push([map.utf16(t.start), map.utf16(t.end)]);
            }
        }
        out
    }

    /// The passage with the most matched words: a symptom, a step, or a body sentence (the
    /// first of equals). Passages are pre-scored by looking for the matched words as substrings
    /// of their lower-cased text — a word's stem when it begins its surface form (one search
    /// finds both), else either — and the first passage with every word wins outright; only the
    /// winner is tokenised for highlights.
    fn snippet(&self, doc: u32, article: &Article, stems: &[String], surfaces: &[String]) -> Snippet {
        let needles: Vec<(&str, Option<&str>)> = stems
            .iter()
            .zip(surfaces)
            .map(|(stem, surface)| {
                if surface.starts_with(stem.as_str()) {
                    (stem.as_str(), None)
                } else {
                    (surface.as_str(), Some(stem.as_str()))
                }
            })
            .collect();
        let mut best: Option<(usize, &super::Passage)> = None;
        if let Some(passages) = self.passages.get(doc as usize) {
            for (i, p) in passages.list.iter().enumerate() {
                let end = passages.list.get(i + 1).map_or(passages.lower.len(), |next| next.start);
                let text = passages.lower.get(p.start..end).unwrap_or("");
                let hits = needles
                    .iter()
                    .filter(|(a, b)| text.contains(a) || b.is_some_and(|b| text.contains(b)))
                    .count();
                if best.is_none_or(|(most, _)| hits > most) {
                    best = Some((hits, p));
                    if hits == needles.len() {
                        break;
                    }
                }
            }
        }
        let (field, text) = match best {
            Some((_, p)) => (p.field, p.text(article)),
            None => ("title", article.title.as_str()),
        };
        let text = cut(text, 240).to_string();
        Snippet { field, highlights: self.highlights(&text, stems, surfaces), text }
    }

    /// A corrected query: each unknown word replaced by its closest indexed word, or the whole
    /// query retyped on the other layout when that is what finds words.
    fn did_you_mean(&self, tokens: &[Token]) -> Option<String> {
        let mut changed = false;
        let mut words = Vec::new();
        for t in tokens.iter().filter(|t| t.is_wordlike()) {
            if self.index.lookup(&t.stem).is_some_and(|id| self.index.doc_freq(id) > 0) {
                words.push(t.norm.clone());
                continue;
            }
            let corrected = self
                .index
                .fuzzy(&t.norm)
                .first()
                .and_then(|(id, _)| self.index.surface_of(*id))
                .map(str::to_string);
            match corrected {
                Some(w) => {
                    words.push(w);
                    changed = true;
                }
                None => words.push(t.norm.clone()),
            }
        }
        changed.then(|| words.join(" "))
    }
}

/// `text` cut to at most `max` bytes at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded()
    }

    #[test]
    fn exact_beats_prefix_beats_fuzzy() {
        let kb = KnowledgeBase::from_json(
            r#"[{"id": "exact", "title": "invoice"}, {"id": "prefix", "title": "invoices archive"}, {"id": "fuzzy", "title": "invoize"}]"#,
        )
        .unwrap();
        let ids: Vec<String> =
            kb.search("invoice ", &SearchOptions::default()).hits.iter().map(|h| h.id.clone()).collect();
        assert_eq!(ids[0], "exact", "{ids:?}");
    }

    #[test]
    fn snippets_and_highlights_use_utf16_offsets() {
        let kb = KnowledgeBase::from_json(r#"[{"id": "a", "title": "Сброс 🔑 пароля", "body": "Откройте страницу входа. Нажмите «Забыли пароль?»."}]"#).unwrap();
        let hit = &kb.search("пароль", &SearchOptions::default()).hits[0];
        let title: Vec<u16> = hit.title.encode_utf16().collect();
        let [s, e] = hit.title_highlights[0];
        assert_eq!(String::from_utf16(&title[s..e]).unwrap(), "пароля");
        assert!(hit.snippet.text.contains("Забыли пароль"), "{:?}", hit.snippet);
    }

    #[test]
    fn did_you_mean_when_nothing_matches() {
        let kb = KnowledgeBase::from_json(r#"[{"id": "a", "title": "Webhooks are not delivered"}]"#).unwrap();
        let r = kb.search("webhoks deliverd", &SearchOptions { prefix: false, ..Default::default() });
        assert_eq!(r.hits[0].id, "a", "typos still find it");
        let r = kb.search("qwrtzx", &SearchOptions::default());
        assert!(r.hits.is_empty() && r.did_you_mean.is_none());
    }

    #[test]
    fn hostile_queries_do_not_panic() {
        let kb = kb();
        for q in [
            "",
            " ",
            "\u{0}",
            "ё",
            &"а".repeat(10_000),
            "🔑🔑🔑",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "' OR 1=1 --",
            "<script>",
        ] {
            let _ = kb.search(q, &SearchOptions::default());
        }
    }

    #[test]
    fn the_articles_own_word_is_shown_and_highlighted_before_a_concept() {
        // "pasword" is also a spelling the concept dictionary lists, so the word being typed
        // completes to the `password` concept too; the hit still shows and highlights the word.
        let hit = &kb().search("reset pasword", &SearchOptions { limit: 3, ..Default::default() }).hits[0];
        assert_eq!(hit.id, "kb-reset-password-en");
        assert!(hit.matched.contains(&"pasword→password".to_string()), "{:?}", hit.matched);
        let title: Vec<u16> = hit.title.encode_utf16().collect();
        let marked: Vec<String> =
            hit.title_highlights.iter().map(|[s, e]| String::from_utf16_lossy(&title[*s..*e])).collect();
        assert_eq!(marked, ["Reset", "password"]);
    }

    #[test]
    fn a_word_being_typed_completes_across_languages() {
        // No Russian article mentions notifications; "уве…" on its way to "уведомления" still
        // finds the English one, through the dictionary's words.
        let hits = kb().search("уве", &SearchOptions::default()).hits;
        assert_eq!(
            hits[0].id,
            "kb-push-notifications-en",
            "{:?}",
            hits.iter().map(|h| &h.id).collect::<Vec<_>>()
        );
        assert!(hits[0].matched.contains(&"~notifications".to_string()));
    }

    #[test]
    fn layout_keys_that_are_punctuation_in_english_are_retyped() {
        let kb = kb();
        // "сбросить пароль" and "экспорт в эксель" typed on the English layout: "," and "'" are
        // Russian letters there, and cut the words apart for the tokeniser.
        let top = |q: &str| {
            kb.search(q, &SearchOptions::default()).hits.first().map(|h| h.id.clone()).unwrap_or_default()
        };
        assert!(top("c,hjcbnm gfhjkm").starts_with("kb-reset-password"), "{}", top("c,hjcbnm gfhjkm"));
        assert!(top("'rcgjhn d 'rctkm").starts_with("kb-export-report-pdf"), "{}", top("'rcgjhn d 'rctkm"));
        // English with punctuation stays English.
        assert!(
            top("reset password, please").starts_with("kb-reset-password"),
            "{}",
            top("reset password, please")
        );
    }

    #[test]
    fn translit_and_layout_find_russian_articles() {
        let kb = kb();
        let top = |q: &str| {
            kb.search(q, &SearchOptions::default()).hits.first().map(|h| h.id.clone()).unwrap_or_default()
        };
        assert!(top("c,hjc gfhjkz").starts_with("kb-reset-password"), "{}", top("c,hjc gfhjkz"));
        assert!(top("oshibka sinhronizacii 1c").contains("1c"), "{}", top("oshibka sinhronizacii 1c"));
    }
}
