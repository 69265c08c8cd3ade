//! Auto-replies from templates (data), in the ticket's language and the channel's style:
//! e-mail formal and complete, chat short, social brief and public-safe.
//!
//! Template syntax: `{placeholder}` (`{{` and `}}` for literal braces). The placeholders are
//! `ticket_id`, `subject`, `team`, `agent` (the assigned agent's name, else the team's),
//! `sla` (the first-response promise, e.g. "4 business hours"), `due` (its deadline in words),
//! `eta` and `kb` (the knowledge-base suggestions, formatted for the channel).
//!
//! Filling is safe by construction: a template is parsed once, at load, into text and slots, and
//! values are copied into slots literally — a value containing `{sla}` stays `{sla}`. Values are
//! cleaned (control and bidirectional-override characters removed, length capped) and are
//! plain text: a host that shows a reply as HTML escapes it. A body line whose slot has no value
//! (no ticket id, no suggestions) is left out, so no reply says "Ticket #" with nothing after.
//! On social media a reply is public: its templates may not quote the ticket's subject.
//!
//! Russian durations are in the genitive ("4 рабочих часов", "1 часа"), which fits after
//! "в течение" and "около".

use super::error::RoutingError;
use super::input::{Channel, KbSuggestion};
use super::time::{civil_from_days, format_offset, local_day_and_second, push_digits, push_number, weekday};
use crate::text::Language;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const SOURCE: &str = "templates";
const STYLES: [&str; 3] = ["email", "chat", "social"];
const LANGS: [&str; 2] = ["en", "ru"];
/// Addresses longer than this are left out rather than cut (a cut address is a broken link).
const MAX_URL_CHARS: usize = 300;

/// A reply style: what a channel's replies look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Email = 0,
    Chat = 1,
    Social = 2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    TicketId,
    Subject,
    Team,
    Agent,
    Sla,
    Due,
    Eta,
    Kb,
}

const SLOTS: [(&str, Slot); 8] = [
    ("ticket_id", Slot::TicketId),
    ("subject", Slot::Subject),
    ("team", Slot::Team),
    ("agent", Slot::Agent),
    ("sla", Slot::Sla),
    ("due", Slot::Due),
    ("eta", Slot::Eta),
    ("kb", Slot::Kb),
];

impl Slot {
    /// Slots that always have a value (the others may be empty).
    fn always_filled(self) -> bool {
        matches!(self, Slot::Team | Slot::Agent | Slot::Sla | Slot::Due)
    }
}

#[derive(Debug, Clone)]
enum Seg {
    Text(Box<str>),
    Slot(Slot),
}

type Line = Vec<Seg>;

#[derive(Debug, Clone)]
struct Compiled {
    /// Subject alternatives, first whose slots all have values wins (e-mail only).
    subject: Vec<Line>,
    body: Vec<Line>,
}

/// A reply that goes out at once, before any human reads the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AutoReply {
    /// The template's id.
    pub template: String,
    /// The language of the reply (English when the ticket's language has no template).
    pub lang: Language,
    /// The channel it goes to.
    pub channel: Channel,
    /// The subject line (e-mail only; `None` on chat, social and phone).
    pub subject: Option<String>,
    /// The text.
    pub body: String,
}

/// The values a template is filled with.
pub(crate) struct Values<'a> {
    pub ticket_id: &'a str,
    pub subject: &'a str,
    pub team: &'a str,
    pub agent: &'a str,
    pub sla: &'a str,
    pub due: &'a str,
    pub eta: &'a str,
    pub kb: &'a [KbSuggestion],
}

/// The reply templates, parsed and checked.
#[derive(Debug, Clone)]
pub struct Templates {
    ids: Vec<String>,
    index: HashMap<String, usize>,
    /// Per template: per language (en, ru): per style: an index into `compiled`.
    table: Vec<[Option<[usize; 3]>; 2]>,
    compiled: Vec<Compiled>,
    styles: [Style; 5],
    kb_limits: [usize; 3],
    max_value_chars: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplates {
    #[serde(default)]
    note: Option<String>,
    #[serde(default = "default_max_value_chars")]
    max_value_chars: usize,
    #[serde(default)]
    channels: BTreeMap<String, String>,
    #[serde(default)]
    kb_suggestions: BTreeMap<String, usize>,
    templates: BTreeMap<String, BTreeMap<String, BTreeMap<String, serde_json::Value>>>,
}

fn default_max_value_chars() -> usize {
    160
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TextOrLines {
    Text(String),
    Lines(Vec<String>),
}

impl TextOrLines {
    fn into_lines(self) -> Vec<String> {
        match self {
            TextOrLines::Text(t) => t.split('\n').map(str::to_string).collect(),
            TextOrLines::Lines(l) => {
                l.into_iter().flat_map(|l| l.split('\n').map(str::to_string).collect::<Vec<_>>()).collect()
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    #[serde(default)]
    subject: Option<TextOrLines>,
    body: TextOrLines,
}

impl Templates {
    /// Loads templates: `{"templates": {id: {lang: {style: {"subject": …, "body": …}}}}}` with
    /// optional `channels` (channel → style), `kb_suggestions` (style → how many) and
    /// `max_value_chars`. Every template needs English; every language it has needs all three
    /// styles (`email`, `chat`, `social`); e-mail needs a subject (a string, or alternatives
    /// tried in order, the last using only `team`, `agent`, `sla`, `due`).
    ///
    /// ```
    /// use helpdesk_ai::routing::Templates;
    /// let t = |body: &str| format!(r#"{{"templates": {{"ack": {{"en": {{"email": {{"subject": "Received", "body": "{body}"}},
    ///     "chat": {{"body": "Thanks!"}}, "social": {{"body": "Thanks!"}}}}}}}}}}"#);
    /// assert!(Templates::from_json(&t("We reply within {sla}.")).is_ok());
    /// let err = Templates::from_json(&t("We reply within {deadline}.")).unwrap_err();
    /// assert!(err.to_string().starts_with("templates: template \"ack\", en/email: unknown placeholder {deadline}"), "{err}");
    /// ```
    pub fn from_json(json: &str) -> Result<Templates, RoutingError> {
        let raw: RawTemplates = serde_json::from_str(json).map_err(|e| RoutingError::json(SOURCE, "", &e))?;
        let _ = raw.note;
        if !(1..=10_000).contains(&raw.max_value_chars) {
            return Err(RoutingError::new(SOURCE, "max_value_chars", "must be between 1 and 10000"));
        }
        let mut styles = [Style::Email, Style::Chat, Style::Social, Style::Chat, Style::Email];
        for (channel, style) in &raw.channels {
            let c = Channel::parse(channel).ok_or_else(|| {
                RoutingError::new(SOURCE, "channels", format!("unknown channel {channel:?}"))
            })?;
            styles[c as usize] = style_of(style).ok_or_else(|| {
                RoutingError::new(
                    SOURCE,
                    format!("channels.{channel}"),
                    format!("unknown style {style:?} (email, chat or social)"),
                )
            })?;
        }
        let mut kb_limits = [3, 2, 1];
        for (style, n) in &raw.kb_suggestions {
            let s = style_of(style).ok_or_else(|| {
                RoutingError::new(SOURCE, "kb_suggestions", format!("unknown style {style:?}"))
            })?;
            if *n > 10 {
                return Err(RoutingError::new(SOURCE, format!("kb_suggestions.{style}"), "at most 10"));
            }
            kb_limits[s as usize] = *n;
        }
        if raw.templates.is_empty() {
            return Err(RoutingError::new(SOURCE, "templates", "no templates"));
        }
        let mut t = Templates {
            ids: Vec::new(),
            index: HashMap::default(),
            table: Vec::new(),
            compiled: Vec::new(),
            styles,
            kb_limits,
            max_value_chars: raw.max_value_chars,
        };
        for (id, langs) in raw.templates {
            let item = |rest: &str| format!("template {id:?}{rest}");
            if id.is_empty()
                || !id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
            {
                return Err(RoutingError::new(SOURCE, item(""), "ids use a-z, 0-9, '_' and '-'"));
            }
            let mut row = [None, None];
            for (lang, by_style) in langs {
                let Some(l) = LANGS.iter().position(|x| *x == lang) else {
                    return Err(RoutingError::new(
                        SOURCE,
                        item(""),
                        format!("unknown language {lang:?} (en or ru)"),
                    ));
                };
                let mut slots = [usize::MAX; 3];
                for (style, value) in by_style {
                    let here = item(&format!(", {lang}/{style}"));
                    let Some(s) = style_of(&style) else {
                        return Err(RoutingError::new(
                            SOURCE,
                            here,
                            format!("unknown style {style:?} (email, chat or social)"),
                        ));
                    };
                    let text: RawText = serde_json::from_value(value)
                        .map_err(|e| RoutingError::json(SOURCE, here.clone(), &e))?;
                    let compiled = compile(s, text).map_err(|m| RoutingError::new(SOURCE, here, m))?;
                    slots[s as usize] = t.compiled.len();
                    t.compiled.push(compiled);
                }
                if let Some(missing) = (0..3).find(|&s| slots[s] == usize::MAX) {
                    return Err(RoutingError::new(
                        SOURCE,
                        item(&format!(", {lang}")),
                        format!("no {} text", STYLES[missing]),
                    ));
                }
                row[l] = Some(slots);
            }
            if row[0].is_none() {
                return Err(RoutingError::new(
                    SOURCE,
                    item(""),
                    "no English (en) text: English is the fallback language",
                ));
            }
            t.index.insert(id.clone(), t.ids.len());
            t.ids.push(id);
            t.table.push(row);
        }
        Ok(t)
    }

    /// The template ids.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    pub(crate) fn id(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The language a template is rendered in for a ticket's language.
    pub(crate) fn language_for(&self, template: usize, language: Language) -> Language {
        if language == Language::Ru && self.table[template][1].is_some() {
            Language::Ru
        } else {
            Language::En
        }
    }

    /// Fills a template for a language and channel (falling back to English).
    pub(crate) fn render(
        &self,
        template: usize,
        language: Language,
        channel: Channel,
        values: &Values<'_>,
    ) -> AutoReply {
        let row = &self.table[template];
        let lang = self.language_for(template, language);
        // Every template has English (checked on load), so the fallback index is never used.
        let slots = row[usize::from(lang == Language::Ru)].or(row[0]).unwrap_or([0; 3]);
        let style = self.styles[channel as usize];
        let compiled = &self.compiled[slots[style as usize]];
        let filled = Filled::new(self, style, values);
        let subject = if style == Style::Email {
            let mut line = String::new();
            let pick = compiled.subject.iter().find(|alt| filled.has_all(alt)).or(compiled.subject.last());
            if let Some(alt) = pick {
                filled.write(alt, &mut line);
            }
            let end = line.trim_end().len();
            line.truncate(end);
            Some(line)
        } else {
            None
        };
        let mut body = String::with_capacity(512);
        let mut blank = true;
        for line in compiled.body.iter().filter(|l| filled.has_all(l)) {
            let start = body.len();
            filled.write(line, &mut body);
            let is_blank = body[start..].trim().is_empty();
            if is_blank && blank {
                body.truncate(start);
                continue;
            }
            blank = is_blank;
            body.push('\n');
        }
        let end = body.trim_end().len();
        body.truncate(end);
        AutoReply { template: self.ids[template].clone(), lang, channel, subject, body }
    }
}

/// The cleaned values of one rendering, in one buffer.
struct Filled {
    text: String,
    ends: [usize; 8],
}

impl Filled {
    fn new(t: &Templates, style: Style, v: &Values<'_>) -> Filled {
        let max = t.max_value_chars;
        let mut text = String::with_capacity(256);
        let mut ends = [0; 8];
        for (i, value) in
            [v.ticket_id, v.subject, v.team, v.agent, v.sla, v.due, v.eta].into_iter().enumerate()
        {
            clean_into(value, max, &mut text);
            ends[i] = text.len();
        }
        format_kb(v.kb, style, t.kb_limits[style as usize], max, &mut text);
        ends[7] = text.len();
        Filled { text, ends }
    }

    fn get(&self, slot: Slot) -> &str {
        let i = slot as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn has_all(&self, line: &Line) -> bool {
        line.iter().all(|s| match s {
            Seg::Slot(slot) => !self.get(*slot).is_empty(),
            Seg::Text(_) => true,
        })
    }

    fn write(&self, line: &Line, out: &mut String) {
        for seg in line {
            match seg {
                Seg::Text(t) => out.push_str(t),
                Seg::Slot(slot) => out.push_str(self.get(*slot)),
            }
        }
    }
}

fn style_of(name: &str) -> Option<Style> {
    match name {
        "email" => Some(Style::Email),
        "chat" => Some(Style::Chat),
        "social" => Some(Style::Social),
        _ => None,
    }
}

fn compile(style: Style, raw: RawText) -> Result<Compiled, String> {
    let subject = match (style, raw.subject) {
        (Style::Email, None) => return Err("an e-mail text needs a subject".into()),
        (Style::Email, Some(s)) => {
            let alts: Vec<Line> = s.into_lines().iter().map(|l| parse_line(l)).collect::<Result<_, _>>()?;
            if alts.is_empty() || alts.iter().any(|a| a.is_empty()) {
                return Err("an empty subject".into());
            }
            let last = alts.last().map(Vec::as_slice).unwrap_or_default();
            if let Some(Seg::Slot(s)) =
                last.iter().find(|s| matches!(s, Seg::Slot(slot) if !slot.always_filled()))
            {
                let name = SLOTS.iter().find(|(_, x)| x == s).map_or("", |(n, _)| *n);
                return Err(format!("the last subject alternative uses {{{name}}}, which may be empty; end with one that uses only team, agent, sla, due"));
            }
            alts
        }
        (_, Some(_)) => return Err("only e-mail texts have a subject".into()),
        (_, None) => Vec::new(),
    };
    let body: Vec<Line> = raw.body.into_lines().iter().map(|l| parse_line(l)).collect::<Result<_, _>>()?;
    if body.iter().all(|l| l.iter().all(|s| matches!(s, Seg::Text(t) if t.trim().is_empty()))) {
        return Err("an empty body".into());
    }
    if style == Style::Social && body.iter().flatten().any(|s| matches!(s, Seg::Slot(Slot::Subject))) {
        return Err("a social-media reply is public: it may not quote the ticket's {subject}".into());
    }
    Ok(Compiled { subject, body })
}

/// Splits one line into text and slots; `{{`/`}}` are literal braces.
fn parse_line(line: &str) -> Result<Line, String> {
    let mut segs = Vec::new();
    let mut text = String::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, n)| n) == Some('{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().map(|&(_, n)| n) == Some('}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let rest = &line[i + 1..];
                let Some(end) = rest.find('}') else {
                    return Err(format!("an unclosed '{{' in {:?}", clip(line)));
                };
                let name = &rest[..end];
                let Some(&(_, slot)) = SLOTS.iter().find(|(n, _)| *n == name) else {
                    let known: Vec<&str> = SLOTS.iter().map(|(n, _)| *n).collect();
                    return Err(format!(
                        "unknown placeholder {{{}}} (known: {})",
                        clip(name),
                        known.join(", ")
                    ));
                };
                if !text.is_empty() {
                    segs.push(Seg::Text(std::mem::take(&mut text).into_boxed_str()));
                }
                segs.push(Seg::Slot(slot));
                for _ in 0..name.chars().count() + 1 {
                    chars.next();
                }
            }
            '}' => return Err(format!("a lone '}}' in {:?} (write '}}}}' for a brace)", clip(line))),
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        segs.push(Seg::Text(text.into_boxed_str()));
    }
    Ok(segs)
}

/// A value made safe to put in a reply: control and bidi-override characters removed, runs of
/// whitespace collapsed, at most `max` characters (an ellipsis marks a cut).
pub(crate) fn clean(value: &str, max: usize) -> String {
    let mut out = String::with_capacity(value.len().min(max * 4));
    clean_into(value, max, &mut out);
    out
}

/// [`clean`], appending to a buffer.
fn clean_into(value: &str, max: usize, out: &mut String) {
    let mut count = 0;
    let mut space = false;
    let mut any = false;
    for c in value.chars() {
        if is_bidi_control(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = any;
            continue;
        }
        if space {
            if count + 1 >= max {
                break;
            }
            out.push(' ');
            count += 1;
            space = false;
        }
        if count >= max {
            out.push('…');
            return;
        }
        out.push(c);
        any = true;
        count += 1;
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.chars().count() <= MAX_URL_CHARS
        && !u.chars().any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c));
    ok.then_some(u)
}

fn format_kb(kb: &[KbSuggestion], style: Style, limit: usize, max: usize, out: &mut String) {
    let mut n = 0;
    for s in kb {
        if n == limit {
            break;
        }
        let start = out.len();
        out.push_str(match (style, n) {
            (Style::Email, _) => "\n- ",
            (_, 0) => " ",
            _ => "; ",
        });
        let title_start = out.len();
        clean_into(&s.title, max, out);
        if out.len() == title_start {
            out.truncate(start);
            continue;
        }
        let link = s.url.as_deref().and_then(safe_url);
        match (style, link) {
            (Style::Email, Some(l)) => {
                out.push_str(": ");
                out.push_str(l);
            }
            (Style::Email, None) => {
                if let Some(id) = s.id.as_deref() {
                    let id = clean(id, 40);
                    if !id.is_empty() {
                        out.push_str(" (");
                        out.push_str(&id);
                        out.push(')');
                    }
                }
            }
            (_, Some(l)) => {
                out.push_str(" (");
                out.push_str(l);
                out.push(')');
            }
            (_, None) => {}
        }
        n += 1;
    }
}

/// A duration in words: "30 minutes", "4 business hours", "3 days"; Russian in the genitive
/// ("30 минут", "4 рабочих часов", "1 часа"). Hours are rounded up (a promise never shrinks).
pub(crate) fn duration_text(minutes: u32, business: bool, language: Language) -> String {
    let ru = language == Language::Ru;
    let (n, unit) = if minutes < 60 || (minutes < 120 && minutes % 60 != 0) {
        (minutes, 0)
    } else {
        let hours = minutes.div_ceil(60);
        if !business && hours >= 48 && hours % 24 == 0 {
            (hours / 24, 2)
        } else {
            (hours, 1)
        }
    };
    let mut out = String::with_capacity(32);
    push_number(&mut out, u64::from(n));
    out.push(' ');
    if ru {
        let one = n % 10 == 1 && n % 100 != 11;
        if business {
            out.push_str(if one { "рабочего " } else { "рабочих " });
        }
        out.push_str(match (unit, one) {
            (0, true) => "минуты",
            (0, false) => "минут",
            (1, true) => "часа",
            (1, false) => "часов",
            (_, true) => "дня",
            (_, false) => "дней",
        });
    } else {
        if business {
            out.push_str("business ");
        }
        out.push_str(["minute", "hour", "day"][unit]);
        if n != 1 {
            out.push('s');
        }
    }
    out
}

/// A deadline in words, in the calendar's offset: "Monday, 9 March, 12:00 (UTC+03:00)".
pub(crate) fn date_text(unix: i64, offset_minutes: i32, language: Language) -> String {
    const EN_DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const RU_DAYS: [&str; 7] =
        ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const RU_MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let (day, second) = local_day_and_second(unix, offset_minutes);
    let (_, month, d) = civil_from_days(day);
    let wd = weekday(day) as usize;
    let m = (month as usize).clamp(1, 12) - 1;
    let (wday, mon) =
        if language == Language::Ru { (RU_DAYS[wd], RU_MONTHS[m]) } else { (EN_DAYS[wd], EN_MONTHS[m]) };
    let mut out = String::with_capacity(64);
    out.push_str(wday);
    out.push_str(", ");
    push_number(&mut out, u64::from(d));
    out.push(' ');
    out.push_str(mon);
    out.push_str(", ");
    push_digits(&mut out, (second / 3600) as u64, 2);
    out.push(':');
    push_digits(&mut out, (second / 60 % 60) as u64, 2);
    out.push_str(" (UTC");
    if offset_minutes != 0 {
        format_offset(offset_minutes, &mut out);
    }
    out.push(')');
    out
}

fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../data/routing/templates.json");

    fn values<'a>(kb: &'a [KbSuggestion], subject: &'a str) -> Values<'a> {
        Values {
            ticket_id: "SUP-1",
            subject,
            team: "Billing",
            agent: "Maria",
            sla: "24 business hours",
            due: "Monday",
            eta: "",
            kb,
        }
    }

    #[test]
    fn embedded_templates_load() {
        let t = Templates::from_json(DEFAULT).expect("embedded templates");
        assert!(t.id("acknowledge").is_some());
    }

    #[test]
    fn placeholders_are_filled_once_and_cleaned() {
        let t = Templates::from_json(
            r#"{"templates": {"x": {"en": {
                "email": {"subject": ["Re: {subject} [{ticket_id}]", "Re: your request"], "body": "Hi {{there}}\nAbout: {subject}\nDue {sla}.\nETA {eta}\nRead:{kb}"},
                "chat": {"body": "ok {sla}"}, "social": {"body": "ok"}}}}}"#,
        )
        .unwrap();
        let kb = [
            KbSuggestion {
                title: "Reset\u{202E} password".into(),
                url: Some("javascript:alert(1)".into()),
                id: Some("KB-7".into()),
            },
            KbSuggestion {
                title: "Billing FAQ".into(),
                url: Some("https://kb.example/faq".into()),
                id: None,
            },
        ];
        let r = t.render(0, Language::En, Channel::Email, &values(&kb, "{sla}\u{7}\nInjected"));
        assert_eq!(r.subject.as_deref(), Some("Re: {sla} Injected [SUP-1]"));
        assert_eq!(r.body, "Hi {there}\nAbout: {sla} Injected\nDue 24 business hours.\nRead:\n- Reset password (KB-7)\n- Billing FAQ: https://kb.example/faq");
        let long = "x".repeat(500);
        let r = t.render(0, Language::Ru, Channel::Web, &values(&[], &long));
        assert_eq!(r.lang, Language::En);
        assert!(r.subject.as_deref().unwrap().chars().count() < 180, "{:?}", r.subject);
        assert!(!r.body.contains("Read:"), "no suggestions, no line: {}", r.body);
        let r = t.render(0, Language::En, Channel::Chat, &values(&[], ""));
        assert_eq!((r.subject, r.body.as_str()), (None, "ok 24 business hours"));
    }

    #[test]
    fn bad_templates_are_refused_with_their_name() {
        let ok_chat = r#""chat": {"body": "b"}, "social": {"body": "b"}"#;
        let cases = [
            (format!(r#"{{"templates": {{"x": {{"en": {{"email": {{"subject": "s", "body": "{{sla_due}}"}}, {ok_chat}}}}}}}}}"#), "unknown placeholder {sla_due}"),
            (format!(r#"{{"templates": {{"x": {{"en": {{"email": {{"subject": "s", "body": "{{sla"}}, {ok_chat}}}}}}}}}"#), "unclosed"),
            (format!(r#"{{"templates": {{"x": {{"en": {{"email": {{"subject": "s", "body": "a }} b"}}, {ok_chat}}}}}}}}}"#), "lone"),
            (format!(r#"{{"templates": {{"x": {{"en": {{"email": {{"body": "b"}}, {ok_chat}}}}}}}}}"#), "needs a subject"),
            (format!(r#"{{"templates": {{"x": {{"en": {{"email": {{"subject": "[{{ticket_id}}]", "body": "b"}}, {ok_chat}}}}}}}}}"#), "last subject alternative"),
            (r#"{"templates": {"x": {"en": {"email": {"subject": "s", "body": "b"}, "chat": {"body": "b"}, "social": {"body": "{subject}"}}}}}"#.to_string(), "public"),
            (r#"{"templates": {"x": {"en": {"email": {"subject": "s", "body": "b"}, "chat": {"body": "b"}}}}}"#.to_string(), "no social text"),
            (format!(r#"{{"templates": {{"x": {{"ru": {{"email": {{"subject": "s", "body": "b"}}, {ok_chat}}}}}}}}}"#), "no English"),
            (format!(r#"{{"templates": {{"x": {{"de": {{"email": {{"subject": "s", "body": "b"}}, {ok_chat}}}}}}}}}"#), "unknown language"),
        ];
        for (json, message) in cases {
            let err = Templates::from_json(&json).unwrap_err();
            assert!(err.item.starts_with("template \"x\""), "{err}");
            assert!(err.message.contains(message), "{err}");
        }
    }

    #[test]
    fn durations_and_dates_in_words() {
        assert_eq!(duration_text(240, true, Language::En), "4 business hours");
        assert_eq!(duration_text(30, false, Language::En), "30 minutes");
        assert_eq!(duration_text(60, false, Language::En), "1 hour");
        assert_eq!(duration_text(90, false, Language::En), "90 minutes");
        assert_eq!(duration_text(2880, false, Language::En), "2 days");
        assert_eq!(duration_text(2880, true, Language::En), "48 business hours");
        assert_eq!(duration_text(240, true, Language::Ru), "4 рабочих часов");
        assert_eq!(duration_text(60, true, Language::Ru), "1 рабочего часа");
        assert_eq!(duration_text(1260, false, Language::Ru), "21 часа");
        assert_eq!(duration_text(21, false, Language::Ru), "21 минуты");
        assert_eq!(duration_text(11, false, Language::Ru), "11 минут");
        assert_eq!(duration_text(4320, false, Language::Ru), "3 дней");
        assert_eq!(date_text(1_773_046_800, 180, Language::En), "Monday, 9 March, 12:00 (UTC+03:00)");
        assert_eq!(date_text(1_773_046_800, 180, Language::Ru), "понедельник, 9 марта, 12:00 (UTC+03:00)");
        assert_eq!(date_text(0, 0, Language::En), "Thursday, 1 January, 00:00 (UTC)");
    }

    #[test]
    fn clean_caps_and_strips() {
        assert_eq!(clean("  a\u{0}\u{1b}[31m b\n\nc  ", 100), "a [31m b c");
        assert_eq!(clean("abcdef", 3), "abc…");
        assert_eq!(clean("ab cd", 3), "ab");
        assert_eq!(clean("", 3), "");
    }
}
