//! Fixing what the keyboard did: Russian typed on the English layout (`ghbdtn` → `привет`) and
//! back, and Russian written in Latin letters (`ne mogu voiti` → `не могу войти`).

/// QWERTY keys and the ЙЦУКЕН letters on the same keys (lower case; the shifted punctuation
/// keys that carry letters — `;` `'` `,` `.` `[` `]` — included).
const LAYOUT: [(char, char); 33] = [
    ('q', 'й'),
    ('w', 'ц'),
    ('e', 'у'),
    ('r', 'к'),
    ('t', 'е'),
    ('y', 'н'),
    ('u', 'г'),
    ('i', 'ш'),
    ('o', 'щ'),
    ('p', 'з'),
    ('[', 'х'),
    (']', 'ъ'),
    ('a', 'ф'),
    ('s', 'ы'),
    ('d', 'в'),
    ('f', 'а'),
    ('g', 'п'),
    ('h', 'р'),
    ('j', 'о'),
    ('k', 'л'),
    ('l', 'д'),
    (';', 'ж'),
    ('\'', 'э'),
    ('z', 'я'),
    ('x', 'ч'),
    ('c', 'с'),
    ('v', 'м'),
    ('b', 'и'),
    ('n', 'т'),
    ('m', 'ь'),
    (',', 'б'),
    ('.', 'ю'),
    ('`', 'ё'),
];

/// Retypes text typed on the English layout as the Russian layout would have produced it.
/// Characters off the letter keys are kept.
///
/// ```
/// use helpdesk_ai::kb::keyboard::latin_keys_to_russian;
/// assert_eq!(latin_keys_to_russian("ghbdtn"), "привет");
/// assert_eq!(latin_keys_to_russian("c,hjc gfhjkz"), "сброс пароля");
/// ```
pub fn latin_keys_to_russian(text: &str) -> String {
    text.chars()
        .map(|c| {
            let lower = c.to_ascii_lowercase();
            LAYOUT.iter().find(|(l, _)| *l == lower).map(|(_, r)| *r).unwrap_or(c)
        })
        .collect()
}

/// Retypes text typed on the Russian layout as the English layout would have produced it.
///
/// ```
/// use helpdesk_ai::kb::keyboard::russian_keys_to_latin;
/// assert_eq!(russian_keys_to_latin("зфыыцщкв"), "password");
/// ```
pub fn russian_keys_to_latin(text: &str) -> String {
    text.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| {
            let c = if c == 'ё' { '`' } else { c };
            LAYOUT.iter().find(|(_, r)| *r == c).map(|(l, _)| *l).unwrap_or(c)
        })
        .collect()
}

/// Whether a word could be Russian typed on the English layout: only letter keys (including
/// `;',.[]` inside the word).
pub fn could_be_wrong_layout(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| LAYOUT.iter().any(|(l, _)| *l == c.to_ascii_lowercase()))
}

/// Latin letter groups and the Cyrillic they usually stand for in informal transliteration,
/// longest first so `shch` wins over `sh`.
const TRANSLIT: [(&str, &str); 33] = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("ya", "я"),
    ("ja", "я"),
    ("yo", "ё"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
];

/// Transliterates informal Latin-script Russian to Cyrillic. `y` is read as `ы` inside a word
/// and `й` after a vowel or at its end; `h` as `х`, `c` as `ц`, `w` as `в`, `x` as `кс`, `'` as
/// `ь`. Informal spelling is ambiguous, so callers match the result with typo tolerance.
///
/// ```
/// use helpdesk_ai::kb::keyboard::translit_to_cyrillic;
/// assert_eq!(translit_to_cyrillic("ne mogu voiti v akkaunt"), "не могу воити в аккаунт");
/// assert_eq!(translit_to_cyrillic("parol"), "парол");
/// assert_eq!(translit_to_cyrillic("oshibka"), "ошибка");
/// ```
pub fn translit_to_cyrillic(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len() * 2);
    let mut rest = lower.as_str();
    let mut previous_vowel = false;
    while let Some(c) = rest.chars().next() {
        if let Some((latin, cyr)) = TRANSLIT.iter().find(|(l, _)| rest.starts_with(l)) {
            out.push_str(cyr);
            previous_vowel = matches!(latin.as_bytes()[latin.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u');
            rest = &rest[latin.len()..];
            continue;
        }
        let next_is_letter = rest[c.len_utf8()..].chars().next().is_some_and(|n| n.is_ascii_alphabetic());
        let mapped = match c {
            'y' if previous_vowel || !next_is_letter => "й",
            'y' => "ы",
            'h' => "х",
            'c' => "ц",
            'w' => "в",
            'x' => "кс",
            'q' => "к",
            '\'' => "ь",
            _ => "",
        };
        if mapped.is_empty() {
            out.push(c);
        } else {
            out.push_str(mapped);
        }
        previous_vowel = false;
        rest = &rest[c.len_utf8()..];
    }
    out
}
