//! The bilingual text pipeline: normalise → tokenise → expand contractions → stem → stopwords.
//!
//! English and Russian are first-class and may be mixed in one message ("ошибка 401 при вызове
//! API"): each token is stemmed by the stemmer of its own script, so a sentence never has to be
//! assigned a single language before it can be understood. Text in any other script passes
//! through normalised but unstemmed, which is how everything else degrades to `und`.
//!
//! ```
//! use helpdesk_ai::text::Pipeline;
//! let pipeline = Pipeline::default();
//! let tokens = pipeline.tokens("Can't reset my пароля since v2.3.1");
//! let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
//! assert_eq!(stems, ["cannot", "reset", "my", "парол", "sinc", "v2.3.1"]);
//! assert!(tokens[2].stop); // "my" is a stopword
//! ```

#[cfg(feature = "triage")]
mod email;
#[cfg(feature = "triage")]
mod lang;
mod nfkc;
mod nfkc_tables;
mod normalize;
mod script;
mod tokenize;

#[cfg(feature = "triage")]
pub use email::{html_to_text, looks_like_html, split_reply, MessageParts};
#[cfg(feature = "triage")]
pub use lang::{Language, LanguageDetector, LanguageGuess};
pub use nfkc::{nfkc, Nfkc};
pub use normalize::normalize;
#[cfg(feature = "triage")]
pub(crate) use script::is_letter;
pub use script::{word_script, Script};
pub use tokenize::{tokenize, RawToken, TokenKind};

use crate::error::DataError;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A token with its normalised form, stem and script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// First byte of the token in the text it came from.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// Lower-cased, NFKC, `ё→е` form — or one word of a contraction's expansion.
    pub norm: String,
    /// Snowball stem of `norm` for words (English stemmer for Latin script, Russian for
    /// Cyrillic); `norm` itself for codes, numbers and other scripts.
    pub stem: String,
    /// The dominant script of the token.
    pub script: Script,
    /// Whether the word is a stopword of its language.
    pub stop: bool,
}

impl Token {
    /// Whether the token is a word or word-like code (not punctuation or an emoticon).
    pub fn is_wordlike(&self) -> bool {
        !matches!(self.kind, TokenKind::Punct | TokenKind::Emoticon)
    }
}

/// Text processing resources: stemmers, stopword lists and English contractions.
pub struct Pipeline {
    english: Stemmer,
    russian: Stemmer,
    stop_en: HashSet<String>,
    stop_ru: HashSet<String>,
    contractions: HashMap<String, Vec<String>>,
    /// Stems of frequent words (stopwords, contraction parts), computed once: stemming is the
    /// most expensive step of tokenisation and these words are about half of any text.
    known_stems: HashMap<String, (String, bool)>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("stop_en", &self.stop_en.len())
            .field("stop_ru", &self.stop_ru.len())
            .field("contractions", &self.contractions.len())
            .finish()
    }
}

const STOPWORDS_EN: &str = include_str!("../../data/stopwords/en.txt");
const STOPWORDS_RU: &str = include_str!("../../data/stopwords/ru.txt");
const CONTRACTIONS: &str = include_str!("../../data/contractions.tsv");

impl Default for Pipeline {
    /// The pipeline with the project's embedded stopwords and contractions.
    fn default() -> Self {
        // The embedded data is checked by a unit test, so this cannot fail at run time.
        Pipeline::new(STOPWORDS_EN, STOPWORDS_RU, CONTRACTIONS).unwrap_or_else(|_| Pipeline::bare())
    }
}

impl Pipeline {
    /// Builds a pipeline from stopword lists (one word per line) and a contractions table
    /// (`contraction<TAB>expansion`). Lines starting with `#` are comments.
    pub fn new(stop_en: &str, stop_ru: &str, contractions: &str) -> Result<Self, DataError> {
        let words =
            |list: &str| -> HashSet<String> { data_lines(list).map(|(_, line)| normalize(line)).collect() };
        let mut table = HashMap::default();
        for (number, line) in data_lines(contractions) {
            let (short, long) = line.split_once('\t').ok_or_else(|| {
                DataError::new("contractions", number, "expected `contraction<TAB>expansion`")
            })?;
            let expansion: Vec<String> = long.split_whitespace().map(normalize).collect();
            if expansion.is_empty() {
                return Err(DataError::new("contractions", number, "empty expansion"));
            }
            table.insert(normalize(short.trim()), expansion);
        }
        let mut pipeline = Pipeline {
            english: Stemmer::create(Algorithm::English),
            russian: Stemmer::create(Algorithm::Russian),
            stop_en: words(stop_en),
            stop_ru: words(stop_ru),
            contractions: table,
            known_stems: HashMap::default(),
        };
        let frequent: Vec<String> = pipeline
            .stop_en
            .iter()
            .chain(&pipeline.stop_ru)
            .chain(pipeline.contractions.values().flatten())
            .cloned()
            .collect();
        for word in frequent {
            let stem = pipeline.stem(&word);
            let stop = pipeline.is_stopword(&word);
            pipeline.known_stems.insert(word, (stem, stop));
        }
        Ok(pipeline)
    }

    fn bare() -> Self {
        Pipeline {
            english: Stemmer::create(Algorithm::English),
            russian: Stemmer::create(Algorithm::Russian),
            stop_en: HashSet::default(),
            stop_ru: HashSet::default(),
            contractions: HashMap::default(),
            known_stems: HashMap::default(),
        }
    }

    /// Precomputes the stems of every word of `text` (e.g. the data files of the vocabulary the
    /// analyser knows), so that those words skip the stemmer when they occur in a message.
    ///
    /// ```
    /// use helpdesk_ai::text::Pipeline;
    /// let mut p = Pipeline::default();
    /// let before = p.tokens("списали дважды");
    /// p.learn_vocabulary("списали | дважды");
    /// assert_eq!(p.tokens("списали дважды"), before); // same result, less work
    /// ```
    pub fn learn_vocabulary(&mut self, text: &str) {
        for t in tokenize(text) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let norm = normalize(&text[t.start..t.end]);
            if self.known_stems.contains_key(&norm)
                || self.contractions.contains_key(&norm)
                || norm.contains('\'')
            {
                continue;
            }
            let script = word_script(&norm);
            if !matches!(script, Script::Latin | Script::Cyrillic)
                || norm.chars().any(|c| c.is_ascii_alphabetic()) && script == Script::Cyrillic
            {
                continue; // homoglyph-mixed words take the slow path that repairs them
            }
            let stem = self.stem(&norm);
            let stop = self.is_stopword(&norm);
            self.known_stems.insert(norm, (stem, stop));
        }
    }

    /// Stems one normalised word by the stemmer of its script.
    ///
    /// ```
    /// use helpdesk_ai::text::Pipeline;
    /// let p = Pipeline::default();
    /// assert_eq!(p.stem("списали"), "списа");
    /// assert_eq!(p.stem("crashes"), "crash");
    /// ```
    pub fn stem(&self, norm: &str) -> String {
        self.stem_in_script(norm, word_script(norm))
    }

    /// The stem of a normalised word, from the cache of known words (stopwords, learned
    /// vocabulary) when it is there — a hash lookup instead of running the stemmer.
    pub fn stem_known(&self, norm: &str) -> std::borrow::Cow<'_, str> {
        match self.known_stems.get(norm) {
            Some((stem, _)) => std::borrow::Cow::Borrowed(stem.as_str()),
            None => std::borrow::Cow::Owned(self.stem(norm)),
        }
    }

    /// Stems a word whose script is already known (the tokeniser has computed it).
    fn stem_in_script(&self, norm: &str, script: Script) -> String {
        match script {
            Script::Latin => self.english.stem(norm).into_owned(),
            Script::Cyrillic => self.russian.stem(norm).into_owned(),
            _ => norm.to_string(),
        }
    }

    /// Whether a normalised word is a stopword in English or Russian.
    pub fn is_stopword(&self, norm: &str) -> bool {
        self.stop_en.contains(norm) || self.stop_ru.contains(norm)
    }

    /// The English stopwords (normalised), for language identification.
    pub fn english_stopwords(&self) -> impl Iterator<Item = &str> {
        self.stop_en.iter().map(String::as_str)
    }

    /// The Russian stopwords (normalised), for language identification.
    pub fn russian_stopwords(&self) -> impl Iterator<Item = &str> {
        self.stop_ru.iter().map(String::as_str)
    }

    /// Tokenises, normalises, expands contractions, stems and marks stopwords.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let raw = tokenize(text);
        let mut out = Vec::with_capacity(raw.len() + 4);
        for t in raw {
            let surface = &text[t.start..t.end];
            let mut norm = normalize(surface);
            let mut script = word_script(&norm);
            if t.kind == TokenKind::Word {
                if let Some(expansion) = self.contractions.get(&norm) {
                    for word in expansion {
                        out.push(self.word_token(t.start, t.end, word.clone(), Script::Latin));
                    }
                    continue;
                }
                // Latin look-alike letters typed inside a Russian word ("пaроль").
                if script == Script::Cyrillic && norm.chars().any(|c| c.is_ascii_alphabetic()) {
                    if let Some(fixed) = fix_homoglyphs(&norm) {
                        norm = fixed;
                    }
                }
                // "can't" unknown as a contraction: keep the word, drop the apostrophe clitic.
                if let Some((head, tail)) = norm.split_once('\'') {
                    if matches!(tail, "s" | "ll" | "d" | "re" | "ve" | "m" | "t") && !head.is_empty() {
                        norm = head.to_string();
                    }
                }
                script = word_script(&norm);
                out.push(self.word_token(t.start, t.end, norm, script));
            } else {
                let stem = norm.clone();
                out.push(Token { start: t.start, end: t.end, kind: t.kind, norm, stem, script, stop: false });
            }
        }
        out
    }

    fn word_token(&self, start: usize, end: usize, norm: String, script: Script) -> Token {
        if let Some((stem, stop)) = self.known_stems.get(&norm) {
            return Token {
                start,
                end,
                kind: TokenKind::Word,
                stem: stem.clone(),
                norm,
                script,
                stop: *stop,
            };
        }
        // Every stopword is in `known_stems`, so a word that reaches here is not one.
        let stem = self.stem_in_script(&norm, script);
        Token { start, end, kind: TokenKind::Word, norm, stem, script, stop: false }
    }
}

/// Replaces Latin look-alikes in a mostly-Cyrillic word; `None` when a Latin letter has no twin.
fn fix_homoglyphs(word: &str) -> Option<String> {
    word.chars()
        .map(|c| if c.is_ascii_alphabetic() { script::cyrillic_homoglyph(c) } else { Some(c) })
        .collect()
}

/// The meaningful lines of a data file: trimmed, without blank lines and `#` comments, with
/// their 1-based line numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        Pipeline::new(STOPWORDS_EN, STOPWORDS_RU, CONTRACTIONS).expect("embedded data is valid");
    }

    #[test]
    fn mixed_language_tokens_use_their_own_stemmer() {
        let p = Pipeline::default();
        let t = p.tokens("ошибка 401 при вызове API");
        let stems: Vec<_> = t.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["ошибк", "401", "при", "вызов", "api"]);
        assert_eq!(t[0].script, Script::Cyrillic);
        assert_eq!(t[4].script, Script::Latin);
    }

    #[test]
    fn contractions_expand_with_the_same_span() {
        let p = Pipeline::default();
        let t = p.tokens("I don’t know");
        let norms: Vec<_> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["i", "do", "not", "know"]);
        assert_eq!((t[1].start, t[1].end), (t[2].start, t[2].end));
    }

    #[test]
    fn homoglyphs_inside_russian_words_are_fixed() {
        let p = Pipeline::default();
        let t = p.tokens("пaроль"); // Latin "a"
        assert_eq!(t[0].norm, "пароль");
        assert_eq!(t[0].stem, p.stem("пароль"));
    }

    #[test]
    fn yo_and_case_do_not_matter() {
        let p = Pipeline::default();
        assert_eq!(p.tokens("ЕЩЁ")[0].stem, p.tokens("еще")[0].stem);
    }

    #[test]
    fn stopwords_are_marked() {
        let p = Pipeline::default();
        let t = p.tokens("the и password");
        assert!(t[0].stop && t[1].stop && !t[2].stop);
    }
}
