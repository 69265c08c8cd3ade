//! Language identification tuned for support messages: short, mixed, full of jargon.
//!
//! Generic detectors (trigram models like `whatlang`) need a sentence or two; a support chat is
//! often three words ("cant login pls", "не приходит код"). So the script decides first —
//! Cyrillic is Russian unless letters only other Cyrillic languages have say otherwise — and
//! Latin text is English when its words are English words the project knows (stopwords, domain
//! vocabulary); `whatlang` only arbitrates the rest. Russian typed in Latin letters
//! ("ne mogu voiti") is recognised from a list of common transliterated words.

use super::{Script, Token, TokenKind};
use rustc_hash::FxHashSet as HashSet;
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
    /// For text in a language the core does not support, that language's ISO 639-3 code as
    /// `whatlang` saw it (`"ukr"`, `"deu"` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

/// Identifies the language of a tokenised text.
#[derive(Debug, Clone)]
pub struct LanguageDetector {
    english: HashSet<String>,
    translit_ru: HashSet<String>,
}

const TRANSLIT_RU: &str = include_str!("../../data/lang/translit_ru.txt");

impl LanguageDetector {
    /// A detector that counts `english_words` (normalised words or their English stems) as
    /// evidence of English.
    pub fn new<'a>(english_words: impl IntoIterator<Item = &'a str>) -> Self {
        let translit_ru: HashSet<String> =
            super::data_lines(TRANSLIT_RU).map(|(_, l)| l.trim().to_lowercase()).collect();
        let english =
            english_words.into_iter().map(str::to_string).filter(|w| !translit_ru.contains(w)).collect();
        LanguageDetector { english, translit_ru }
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
                other: whatlang::detect(text).map(|i| i.lang().code().to_string()),
            };
        }
        // Latin script: English, Russian in Latin letters, or another language.
        let share = latin as f32 / letters as f32;
        if translit_hits >= 2 && translit_hits > en_hits {
            let confidence = share * translit_hits as f32 / (translit_hits + en_hits) as f32;
            return LanguageGuess { code: Language::Ru, confidence, script: Script::Latin, other: None };
        }
        let evidence = en_hits as f32 / latin_words.max(1) as f32;
        // Enough English words settle it without a trigram model (which costs more than the
        // rest of the analysis together).
        if en_hits > 0 && evidence >= 0.3 {
            let confidence = share * (0.6 + 0.4 * evidence.min(1.0));
            return LanguageGuess {
                code: Language::En,
                confidence: confidence.min(1.0),
                script: Script::Latin,
                other: None,
            };
        }
        let info = whatlang::detect(text);
        match info {
            Some(i) if i.lang() == whatlang::Lang::Eng => LanguageGuess {
                code: Language::En,
                confidence: share * (i.confidence() as f32).max(if en_hits > 0 { 0.8 } else { 0.0 }),
                script: Script::Latin,
                other: None,
            },
            Some(i) if i.is_reliable() && latin_words >= 4 => LanguageGuess {
                code: Language::Und,
                confidence: share * i.confidence() as f32,
                script: Script::Latin,
                other: Some(i.lang().code().to_string()),
            },
            // Short Latin text of product words ("SSO SAML Okta"): English is the best bet.
            _ if acronyms > 0 || en_hits > 0 => LanguageGuess {
                code: Language::En,
                confidence: 0.5 * share,
                script: Script::Latin,
                other: None,
            },
            _ => LanguageGuess {
                code: Language::Und,
                confidence: 0.3,
                script: Script::Latin,
                other: info.map(|i| i.lang().code().to_string()),
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
