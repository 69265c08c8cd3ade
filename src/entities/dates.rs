//! Calendar helpers for dates and durations: month and weekday names (English and Russian),
//! number words, relative-date phrases and ISO 8601 formatting. Nothing here reads a clock:
//! relative expressions become symbolic values such as `relative:-1d`.

/// Lowercases and folds `ё` to `е`, collapsing runs of whitespace to one space.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        for l in c.to_lowercase() {
            out.push(if l == 'ё' { 'е' } else { l });
        }
    }
    out
}

/// The month (1..=12) named by an English or Russian month word or abbreviation.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = norm(word);
    let w = w.trim_end_matches('.');
    let first3: String = w.chars().take(3).collect();
    let m = match first3.as_str() {
        "jan" | "янв" => 1,
        "feb" | "фев" => 2,
        "mar" | "мар" => 3,
        "apr" | "апр" => 4,
        "may" | "май" | "мая" | "мае" => 5,
        "jun" | "июн" => 6,
        "jul" | "июл" => 7,
        "aug" | "авг" => 8,
        "sep" | "сен" => 9,
        "oct" | "окт" => 10,
        "nov" | "ноя" => 11,
        "dec" | "дек" => 12,
        _ => return None,
    };
    Some(m)
}

/// Days in `month` of `year` (`None` year: the longest the month can be, so 29 for February).
pub(crate) fn days_in_month(month: u32, year: Option<u32>) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// `YYYY-MM-DD`, or `--MM-DD` without a year; `None` when the day does not exist.
pub(crate) fn format_date(year: Option<u32>, month: u32, day: u32) -> Option<String> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(month, year) {
        return None;
    }
    Some(match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    })
}

/// A two-digit year read as 20YY; four-digit years pass through.
pub(crate) fn full_year(y: &str) -> Option<u32> {
    let n: u32 = y.parse().ok()?;
    Some(if y.len() == 2 { 2000 + n } else { n })
}

/// The English weekday name (`monday`..`sunday`) of an English or Russian weekday word.
pub(crate) fn weekday(word: &str) -> Option<&'static str> {
    let w = norm(word);
    let pairs: [(&str, &str, &'static str); 7] = [
        ("mon", "пон", "monday"),
        ("tue", "вто", "tuesday"),
        ("wed", "сре", "wednesday"),
        ("thu", "чет", "thursday"),
        ("fri", "пят", "friday"),
        ("sat", "суб", "saturday"),
        ("sun", "вос", "sunday"),
    ];
    pairs.iter().find(|(en, ru, _)| w.starts_with(en) || w.starts_with(ru)).map(|p| p.2)
}

/// The value of a number word (`a`, `two`, `пару`, `три`...), or of digits.
pub(crate) fn number_word(word: &str) -> Option<String> {
    let w = norm(word);
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Some(w.replace(',', "."));
    }
    let n = match w.as_str() {
        "a" | "an" | "one" | "один" | "одну" | "одна" | "одни" => 1,
        "two" | "couple of" | "a couple of" | "два" | "две" | "пару" | "пара" => 2,
        "three" | "три" => 3,
        "four" | "четыре" => 4,
        "five" | "пять" => 5,
        "six" | "шесть" => 6,
        "seven" | "семь" => 7,
        "eight" | "восемь" => 8,
        "nine" | "девять" => 9,
        "ten" | "десять" => 10,
        "eleven" | "одиннадцать" => 11,
        "twelve" | "двенадцать" => 12,
        "fifteen" | "пятнадцать" => 15,
        "twenty" | "двадцать" => 20,
        "thirty" | "тридцать" => 30,
        "forty" | "сорок" => 40,
        _ => return None,
    };
    Some(n.to_string())
}

/// Regex alternation of the number words [`number_word`] understands.
pub(crate) const NUMBER_WORDS: &str = "a\\s+couple\\s+of|couple\\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|один|одну|одна|одни|два|две|пару|пара|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать|пятнадцать|двадцать|тридцать|сорок";

/// Regex alternation of duration units (English and Russian, with common abbreviations).
pub(crate) const UNITS: &str = "seconds|second|secs|sec|minutes|minute|mins|min|hours|hour|hrs|hr|h|days|day|weeks|week|wks|wk|months|month|years|year|yrs|yr|секунды|секунду|секунд|сек|минуты|минуту|минут|мин|часов|часа|час|ч|дней|дня|день|сутки|суток|недели|неделю|неделя|недель|месяцев|месяца|месяц|мес|года|год|лет";

/// The unit of a duration word: `S`, `MIN`, `H`, `D`, `W`, `MON`, `Y`.
pub(crate) fn unit_code(word: &str) -> Option<&'static str> {
    let w = norm(word);
    let w = w.as_str();
    let code = if w.starts_with("sec") || w.starts_with("сек") {
        "S"
    } else if w.starts_with("min") || w.starts_with("мин") {
        "MIN"
    } else if w.starts_with('h') || w.starts_with("час") || w == "ч" {
        "H"
    } else if w.starts_with("day") || w.starts_with("дн") || w == "день" || w.starts_with("сут") {
        "D"
    } else if w.starts_with("w") || w.starts_with("нед") {
        "W"
    } else if w.starts_with("mon") || w.starts_with("мес") {
        "MON"
    } else if w.starts_with('y') || w.starts_with("год") || w == "лет" {
        "Y"
    } else {
        return None;
    };
    Some(code)
}

/// ISO 8601 duration for `n` units: `PT3H`, `P2D`, `PT30M`, `P1.5W`...
pub(crate) fn iso_duration(n: &str, unit: &str) -> String {
    match unit {
        "S" => format!("PT{n}S"),
        "MIN" => format!("PT{n}M"),
        "H" => format!("PT{n}H"),
        "D" => format!("P{n}D"),
        "W" => format!("P{n}W"),
        "MON" => format!("P{n}M"),
        _ => format!("P{n}Y"),
    }
}

/// The short unit used in relative values: `relative:-30min`, `relative:-2h`, `-3d`, `-1w`, `-1m`, `-1y`.
pub(crate) fn relative_unit(unit: &str) -> &'static str {
    match unit {
        "S" => "s",
        "MIN" => "min",
        "H" => "h",
        "D" => "d",
        "W" => "w",
        "MON" => "m",
        _ => "y",
    }
}

/// Fixed relative-date phrases (normalised with [`norm`]) and their symbolic values.
pub(crate) const RELATIVE: &[(&str, &str)] = &[
    ("the day before yesterday", "relative:-2d"),
    ("day before yesterday", "relative:-2d"),
    ("the day after tomorrow", "relative:+2d"),
    ("day after tomorrow", "relative:+2d"),
    ("yesterday morning", "relative:-1d"),
    ("yesterday afternoon", "relative:-1d"),
    ("yesterday evening", "relative:-1d"),
    ("yesterday", "relative:-1d"),
    ("last night", "relative:-1d"),
    ("earlier today", "relative:0d"),
    ("this morning", "relative:0d"),
    ("this afternoon", "relative:0d"),
    ("this evening", "relative:0d"),
    ("tonight", "relative:0d"),
    ("today", "relative:0d"),
    ("tomorrow", "relative:+1d"),
    ("last week", "relative:-1w"),
    ("this week", "relative:0w"),
    ("next week", "relative:+1w"),
    ("last month", "relative:-1m"),
    ("this month", "relative:0m"),
    ("next month", "relative:+1m"),
    ("last year", "relative:-1y"),
    ("this year", "relative:0y"),
    ("over the weekend", "weekday:weekend"),
    ("last weekend", "weekday:weekend"),
    ("this weekend", "weekday:weekend"),
    ("on the weekend", "weekday:weekend"),
    ("позавчера", "relative:-2d"),
    ("послезавтра", "relative:+2d"),
    ("вчера утром", "relative:-1d"),
    ("вчера днем", "relative:-1d"),
    ("вчера вечером", "relative:-1d"),
    ("вчера ночью", "relative:-1d"),
    ("со вчерашнего дня", "relative:-1d"),
    ("со вчера", "relative:-1d"),
    ("вчера", "relative:-1d"),
    ("сегодня утром", "relative:0d"),
    ("сегодня днем", "relative:0d"),
    ("сегодня вечером", "relative:0d"),
    ("сегодня ночью", "relative:0d"),
    ("сегодня", "relative:0d"),
    ("этим утром", "relative:0d"),
    ("с утра", "relative:0d"),
    ("утром", "relative:0d"),
    ("завтра", "relative:+1d"),
    ("на прошлой неделе", "relative:-1w"),
    ("на той неделе", "relative:-1w"),
    ("с прошлой недели", "relative:-1w"),
    ("на этой неделе", "relative:0w"),
    ("на следующей неделе", "relative:+1w"),
    ("в прошлом месяце", "relative:-1m"),
    ("с прошлого месяца", "relative:-1m"),
    ("в этом месяце", "relative:0m"),
    ("в следующем месяце", "relative:+1m"),
    ("в прошлом году", "relative:-1y"),
    ("в этом году", "relative:0y"),
    ("на выходных", "weekday:weekend"),
    ("в выходные", "weekday:weekend"),
];

/// The symbolic value of a fixed relative phrase.
pub(crate) fn relative_value(phrase: &str) -> Option<&'static str> {
    let n = norm(phrase);
    RELATIVE.iter().find(|(p, _)| *p == n).map(|p| p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(norm("  Отчёт  ПО\tдням "), "отчет по дням");
        assert_eq!(month_number("марта"), Some(3));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("мая"), Some(5));
        assert_eq!(month_number("foo"), None);
        assert_eq!(format_date(Some(2023), 2, 29), None);
        assert_eq!(format_date(Some(2024), 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(format_date(None, 3, 3).as_deref(), Some("--03-03"));
        assert_eq!(weekday("понедельника"), Some("monday"));
        assert_eq!(weekday("Friday"), Some("friday"));
        assert_eq!(number_word("пару").as_deref(), Some("2"));
        assert_eq!(number_word("1,5").as_deref(), Some("1.5"));
        assert_eq!(unit_code("дня"), Some("D"));
        assert_eq!(unit_code("минут"), Some("MIN"));
        assert_eq!(unit_code("months"), Some("MON"));
        assert_eq!(iso_duration("3", "H"), "PT3H");
        assert_eq!(relative_value("На  прошлой неделе"), Some("relative:-1w"));
        for (p, _) in RELATIVE {
            assert_eq!(norm(p), *p, "phrase {p} must be normalised");
        }
    }
}
