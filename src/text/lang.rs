//! Language identification tuned for support messages: short, mixed, full of jargon.
//!
//! Generic detectors (trigram models like `whatlang`) need a sentence or two; a support chat is
//! often three words ("cant login pls", "не приходит код"). So the script decides first —
//! Cyrillic is Russian unless letters only other Cyrillic languages have say otherwise — and
//! Latin text is English when its words are English words the project knows (stopwords, domain
//! vocabulary). Russian typed in Latin letters ("ne mogu voiti") is recognised from a list of
//! common transliterated words, and other Latin-script languages from their function words and
//! letters (`data/lang/function_words.tsv`); other scripts name their language themselves.
//!
//! Why not `whatlang` for the rest, as earlier versions did: its trigram profiles of 69 languages
//! cost the browser package 54 KB gzipped, to name languages the core does not analyse.

use super::{Script, Token, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

/// A language the core understands, or `Und` for any other (text still passes through).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Language {
    /// English.
    #[serde(rename = "en")]
    En,
    /// Russian.
    #[serde(rename = "ru")]
    Ru,
    /// Unknown or unsupported.
    #[serde(rename = "und")]
    Und,
}

impl Language {
    /// The ISO 639-1 code (`"und"` for unknown).
    pub fn code(&self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ru => "ru",
            Language::Und => "und",
        }
    }

    /// Parses `"en"`, `"ru"` (any case); anything else is `Und`.
    pub fn from_code(code: &str) -> Language {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Language::En,
            "ru" | "rus" | "russian" => Language::Ru,
            _ => Language::Und,
        }
    }
}

/// The detected language with how sure the detector is and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageGuess {
    /// The language.
    pub code: Language,
    /// 0…1, rounded to three decimals.
    #[serde(serialize_with = "crate::span::serialize_rounded")]
    pub confidence: f32,
    /// The dominant script of the letters.
    pub script: Script,
    /// For text in a language the core does not support, that language's ISO 639-3 code when
    /// it can tell (`"ukr"`, `"deu"`, `"jpn"` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

/// Identifies the language of a tokenised text.
#[derive(Debug, Clone)]
pub struct LanguageDetector {
    english: HashSet<String>,
    translit_ru: HashSet<String>,
    latin: LatinLanguages,
}

const TRANSLIT_RU: &str = include_str!("../../data/lang/translit_ru.txt");
const FUNCTION_WORDS: &str = include_str!("../../data/lang/function_words.tsv");

/// Function words and letters of Latin-script languages other than English.
#[derive(Debug, Clone, Default)]
struct LatinLanguages {
    /// ISO 639-3 codes, in the data's order (which breaks ties).
    codes: Vec<String>,
    /// A word → the languages that use it.
    words: HashMap<String, Vec<usize>>,
    /// A letter English lacks → the languages whose alphabet has it.
    letters: HashMap<char, Vec<usize>>,
}

impl LatinLanguages {
    fn parse(data: &str) -> Self {
        let mut table = LatinLanguages::default();
        for (_, line) in super::data_lines(data) {
            let mut columns = line.split('\t');
            let (Some(code), Some(words)) = (columns.next(), columns.next()) else { continue };
            let language = table.codes.len();
            table.codes.push(code.trim().to_string());
            for word in words.split_whitespace() {
                table.words.entry(super::normalize(word)).or_default().push(language);
            }
            for letter in columns.next().unwrap_or("").chars().filter(|c| !c.is_whitespace()) {
                table.letters.entry(letter).or_default().push(language);
            }
        }
        table
    }

    /// The language with the most evidence: a point per function word, half a point per letter
    /// of its alphabet that English lacks.
    fn best(&self, text: &str, tokens: &[Token]) -> Option<(&str, f32)> {
        let mut scores = vec![0f32; self.codes.len()];
        for t in tokens.iter().filter(|t| t.script == Script::Latin) {
            for &language in self.words.get(&t.norm).into_iter().flatten() {
                scores[language] += 1.0;
            }
        }
        for c in text.chars().filter(|c| !c.is_ascii()).flat_map(char::to_lowercase) {
            for &language in self.letters.get(&c).into_iter().flatten() {
                scores[language] += 0.5;
            }
        }
        let (best, score) = scores
            .iter()
            .enumerate()
            .fold((0, 0f32), |(bi, bs), (i, &s)| if s > bs { (i, s) } else { (bi, bs) });
        (score > 0.0).then(|| (self.codes[best].as_str(), score))
    }
}

/// The language a letter of a script other than Latin or Cyrillic names on its own.
fn script_language(c: char) -> Option<&'static str> {
    let code = match c as u32 {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => "ell",
        0x0530..=0x058F => "hye",
        0x0590..=0x05FF => "heb",
        0x0600..=0x06FF | 0x0750..=0x077F => "ara",
        0x0900..=0x097F => "hin",
        0x0980..=0x09FF => "ben",
        0x0A00..=0x0A7F => "pan",
        0x0A80..=0x0AFF => "guj",
        0x0B80..=0x0BFF => "tam",
        0x0C00..=0x0C7F => "tel",
        0x0C80..=0x0CFF => "kan",
        0x0D00..=0x0D7F => "mal",
        0x0E00..=0x0E7F => "tha",
        0x10A0..=0x10FF => "kat",
        0x1200..=0x137F => "amh",
        0x1780..=0x17FF => "khm",
        0x3040..=0x30FF => "jpn",
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "kor",
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => "cmn",
        _ => return None,
    };
    Some(code)
}

/// The language of text in other scripts: Japanese when it has any kana (it shares its Han
/// characters with Chinese), else the script with the most letters.
fn other_script_language(text: &str) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for code in text.chars().filter_map(script_language) {
        if code == "jpn" {
            return Some(code);
        }
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    counts
        .iter()
        .fold(None, |best: Option<(&str, usize)>, &(c, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((c, n)),
        })
        .map(|(c, _)| c)
}

impl LanguageDetector {
    /// A detector that counts `english_words` (normalised words or their English stems) as
    /// evidence of English.
    pub fn new<'a>(english_words: impl IntoIterator<Item = &'a str>) -> Self {
        let translit_ru: HashSet<String> =
            super::data_lines(TRANSLIT_RU).map(|(_, l)| l.trim().to_lowercase()).collect();
        let english =
            english_words.into_iter().map(str::to_string).filter(|w| !translit_ru.contains(w)).collect();
        LanguageDetector { english, translit_ru, latin: LatinLanguages::parse(FUNCTION_WORDS) }
    }

    /// Detects the language of `text`, given its tokens.
    ///
    /// ```
    /// use helpdesk_ai::text::{Language, LanguageDetector, Pipeline};
    /// let p = Pipeline::default();
    /// let detector = LanguageDetector::new(p.english_stopwords());
    /// let guess = |t: &str| detector.detect(t, &p.tokens(t)).code;
    /// assert_eq!(guess("не приходит код"), Language::Ru);
    /// assert_eq!(guess("I can't login"), Language::En);
    /// assert_eq!(guess("ошибка 401 при вызове API"), Language::Ru);
    /// assert_eq!(guess("12345 !!!"), Language::Und);
    /// ```
    pub fn detect(&self, text: &str, tokens: &[Token]) -> LanguageGuess {
        let (mut latin, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
        let (mut en_hits, mut translit_hits, mut latin_words, mut cyrillic_words) =
            (0usize, 0usize, 0usize, 0usize);
        let mut acronyms = 0usize;
        for t in tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Code)) {
            let letters = t.norm.chars().filter(|&c| super::script::is_letter(c)).count();
            match t.script {
                Script::Latin => {
                    latin += letters;
                    latin_words += 1;
                    let surface = &text[t.start.min(text.len())..t.end.min(text.len())];
                    if surface.len() >= 2
                        && surface.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    {
                        acronyms += 1; // API, CRM, SSO: jargon, not evidence of English prose
                    }
                    if self.translit_ru.contains(&t.norm) {
                        translit_hits += 1;
                    } else if self.english.contains(&t.norm) || self.english.contains(&t.stem) {
                        en_hits += 1;
                    }
                }
                Script::Cyrillic => {
                    cyrillic += letters;
                    cyrillic_words += 1;
                }
                Script::Other => other += letters,
                Script::None => {}
            }
        }
        let letters = latin + cyrillic + other;
        if letters == 0 {
            return LanguageGuess { code: Language::Und, confidence: 0.0, script: Script::None, other: None };
        }

        // Russian words outweigh Latin jargon: "ошибка 401 при вызове API" is Russian.
        let prose_latin_words = latin_words.saturating_sub(acronyms);
        if cyrillic_words > 0
            && (cyrillic >= other)
            && (cyrillic_words >= prose_latin_words || cyrillic > latin)
        {
            return self.cyrillic(text, cyrillic as f32 / letters as f32);
        }
        if other > latin {
            return LanguageGuess {
                code: Language::Und,
                confidence: other as f32 / letters as f32,
                script: Script::Other,
                other: other_script_language(text).map(str::to_string),
            };
        }
        // Latin script: English, Russian in Latin letters, or another language.
        let share = latin as f32 / letters as f32;
        if translit_hits >= 2 && translit_hits > en_hits {
            let confidence = share * translit_hits as f32 / (translit_hits + en_hits) as f32;
            return LanguageGuess { code: Language::Ru, confidence, script: Script::Latin, other: None };
        }
        let evidence = en_hits as f32 / latin_words.max(1) as f32;
        if en_hits > 0 && evidence >= 0.3 {
            let confidence = share * (0.6 + 0.4 * evidence.min(1.0));
            return LanguageGuess {
                code: Language::En,
                confidence: confidence.min(1.0),
                script: Script::Latin,
                other: None,
            };
        }
        // Too few English words to settle it: another language's function words and letters may.
        match self.latin.best(text, tokens) {
            Some((code, score)) if score >= 2.0 && score > en_hits as f32 => {
                let coverage = (score / latin_words.max(1) as f32).min(1.0);
                let confidence = share * score / (score + en_hits as f32) * (0.5 + 0.5 * coverage);
                LanguageGuess {
                    code: Language::Und,
                    confidence,
                    script: Script::Latin,
                    other: Some(code.to_string()),
                }
            }
            // Short Latin text of product words ("SSO SAML Okta"): English is the best bet.
            _ if acronyms > 0 || en_hits > 0 => LanguageGuess {
                code: Language::En,
                confidence: 0.5 * share,
                script: Script::Latin,
                other: None,
            },
            // A function word of another language, not enough to name it with confidence.
            Some((code, score)) if score >= 1.0 => LanguageGuess {
                code: Language::Und,
                confidence: 0.3,
                script: Script::Latin,
                other: Some(code.to_string()),
            },
            // Latin letters with no sign of any language (typos, names, jargon): at an English and
            // Russian desk, most likely English — said with little confidence.
            _ => LanguageGuess {
                code: Language::En,
                confidence: 0.35 * share,
                script: Script::Latin,
                other: None,
            },
        }
    }

    fn cyrillic(&self, text: &str, share: f32) -> LanguageGuess {
        // Letters only one of the Cyrillic languages uses, in a single pass over the text.
        let (mut russian_only, mut ukrainian, mut belarusian, mut serbian) = (false, false, false, false);
        for c in text.chars().filter(|c| ('\u{0400}'..='\u{04FF}').contains(c)) {
            match c {
                'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => russian_only = true,
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => ukrainian = true,
                'ў' | 'Ў' => belarusian = true,
                'ђ' | 'ј' | 'љ' | 'њ' | 'ћ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' | 'Ђ' | 'Ј' | 'Љ' | 'Њ' | 'Ћ' | 'Џ'
                | 'Ѓ' | 'Ќ' | 'Ѕ' => serbian = true,
                _ => {}
            }
        }
        let other = if !russian_only && ukrainian {
            Some("ukr")
        } else if !russian_only && belarusian {
            Some("bel")
        } else if serbian {
            Some("srp")
        } else {
            None
        };
        match other {
            Some(code) => LanguageGuess {
                code: Language::Und,
                confidence: 0.8 * share,
                script: Script::Cyrillic,
                other: Some(code.to_string()),
            },
            None => {
                let confidence = if russian_only { share } else { 0.9 * share };
                LanguageGuess { code: Language::Ru, confidence, script: Script::Cyrillic, other: None }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::text::Pipeline;

    fn guess(text: &str) -> LanguageGuess {
        let pipeline = Pipeline::default();
        Analyzer::default().language_detector().detect(text, &pipeline.tokens(text))
    }

    #[test]
    fn latin_languages_other_than_english_are_named() {
        for (text, code) in [
            ("Ich kann mich nicht anmelden, bitte helfen Sie mir", "deu"),
            ("Bonjour, je ne peux pas me connecter à mon compte", "fra"),
            ("Hola, no puedo entrar en mi cuenta desde ayer", "spa"),
            ("Ciao, non riesco ad accedere al mio account, grazie", "ita"),
            ("Olá, não consigo entrar na minha conta", "por"),
            ("Hallo, ik kan niet inloggen op mijn account", "nld"),
            ("Dzień dobry, nie mogę się zalogować do konta", "pol"),
            ("Merhaba, hesabıma giriş yapamıyorum, lütfen yardım edin", "tur"),
        ] {
            let g = guess(text);
            assert_eq!((g.code, g.other.as_deref()), (Language::Und, Some(code)), "{text}");
        }
    }

    #[test]
    fn other_scripts_name_their_language() {
        assert_eq!(guess("パスワードを忘れました").other.as_deref(), Some("jpn"));
        assert_eq!(guess("我无法登录我的账户").other.as_deref(), Some("cmn"));
        assert_eq!(guess("Δεν μπορώ να συνδεθώ").other.as_deref(), Some("ell"));
        assert_eq!(guess("لا أستطيع تسجيل الدخول").other.as_deref(), Some("ara"));
    }

    #[test]
    fn english_stays_english_with_accents_typos_and_jargon() {
        for text in
            ["Café menu export fails", "cnat lgoin pls hlep", "SSO SAML Okta", "The résumé upload is broken"]
        {
            assert_eq!(guess(text).code, Language::En, "{text}");
        }
        let unknown = guess("Zorblax fnord");
        assert_eq!(unknown.code, Language::En);
        assert!(unknown.confidence < 0.4, "{unknown:?}");
    }
}
