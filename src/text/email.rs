//! Mail bodies: HTML to text, and the new text separated from quoted replies and signatures.

/// Whether a body looks like HTML rather than plain text.
///
/// ```
/// use helpdesk_ai::text::looks_like_html;
/// assert!(looks_like_html("<html><body><p>Hi</p></body></html>"));
/// assert!(!looks_like_html("if a < b and c > d"));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    if !head.contains(&b'<') {
        return false;
    }
    ["<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span", "<!doctype", "</p>", "</div>"]
        .iter()
        .any(|tag| head.windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag.as_bytes())))
}

/// Strips HTML to readable text: drops `<script>`/`<style>`/`<head>` content and comments,
/// turns block tags into line breaks, keeps `<blockquote>` content as `> ` quoted lines so the
/// reply splitter can recognise it, and decodes entities.
///
/// ```
/// use helpdesk_ai::text::html_to_text;
/// let text = html_to_text("<p>Hello&nbsp;team,</p><p>API returns <b>500</b> &amp; fails</p><style>p{}</style>");
/// assert_eq!(text, "Hello team,\nAPI returns 500 & fails");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut quote_depth = 0usize;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt], quote_depth);
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone '<' is text.
            push_text(&mut out, rest, quote_depth);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let closing = tag.starts_with('/');
        rest = &rest[gt + 1..];
        match name.as_str() {
            "script" | "style" | "head" | "title" if !closing => {
                let close = format!("</{name}");
                rest = find_ascii_ci(rest, &close)
                    .map_or("", |pos| rest[pos..].find('>').map_or("", |gt| &rest[pos + gt + 1..]));
            }
            "blockquote" => {
                quote_depth = if closing { quote_depth.saturating_sub(1) } else { quote_depth + 1 };
                newline(&mut out);
            }
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
            | "table" | "hr" => newline(&mut out),
            "td" | "th" => out.push(' '),
            _ => {}
        }
    }
    push_text(&mut out, rest, quote_depth);
    // Collapse runs of blank lines and trailing spaces.
    let mut cleaned = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !cleaned.is_empty() {
            cleaned.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        cleaned.push_str(line.trim_start_matches(' '));
    }
    cleaned
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    haystack.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, raw: &str, quote_depth: usize) {
    let decoded = decode_entities(raw);
    let mut collapsed = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space && !collapsed.is_empty() {
                collapsed.push(' ');
            } else if space && !out.is_empty() && !out.ends_with(['\n', ' ']) {
                out.push(' ');
            }
            space = false;
            collapsed.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }
    if space && !collapsed.is_empty() {
        collapsed.push(' ');
    }
    if collapsed.is_empty() {
        return;
    }
    if quote_depth > 0 && (out.is_empty() || out.ends_with('\n')) {
        out.push_str(&"> ".repeat(quote_depth));
    }
    out.push_str(&collapsed);
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => '\u{a0}',
                "mdash" => '—',
                "ndash" => '–',
                "laquo" => '«',
                "raquo" => '»',
                "hellip" => '…',
                "rsquo" => '’',
                "lsquo" => '‘',
                "euro" => '€',
                "copy" => '©',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parts of a message body, as byte ranges of the body.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct MessageParts {
    /// The text the customer wrote now (possibly several pieces around inline quotes).
    pub new_text: Vec<std::ops::Range<usize>>,
    /// Quoted earlier messages (`> …` lines, "On … wrote:" and everything below it).
    pub quoted: Vec<std::ops::Range<usize>>,
    /// The signature block, when one was recognised.
    pub signature: Option<std::ops::Range<usize>>,
}

/// Lines that open a quoted earlier message; everything from them on is history.
const REPLY_HEADERS: &[&str] = &[
    "-----original message-----",
    "----- original message -----",
    "-----исходное сообщение-----",
    "---------- forwarded message",
    "-------- пересылаемое сообщение",
    "begin forwarded message",
];

/// Sign-offs that start a signature when they stand alone on a line near the end.
const SIGN_OFFS: &[&str] = &[
    "best regards",
    "kind regards",
    "regards",
    "best",
    "cheers",
    "thanks",
    "thank you",
    "thanks in advance",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "best wishes",
    "warm regards",
    "thx",
    "с уважением",
    "спасибо",
    "заранее спасибо",
    "всего доброго",
    "с наилучшими пожеланиями",
    "хорошего дня",
    "благодарю",
    "спасибо заранее",
];

/// Separates a plain-text body into new text, quoted history and signature.
///
/// Recognises `>`-quoted lines, "On Mon, Mar 3, 2025 at 10:00 Jane <j@x.io> wrote:" and its
/// Russian forms ("… пишет:", "… написал(а):"), Outlook's "From: … Sent: …" / "От: … Отправлено: …"
/// blocks, forwarded-message markers, `-- ` signature separators, "Sent from my iPhone", and
/// sign-offs ("Best regards," / "С уважением,") followed by a few short lines.
///
/// ```
/// use helpdesk_ai::text::split_reply;
/// let body = "The export still fails.\n\nBest regards,\nJane\n\nOn Mon, Mar 3, 2025 at 9:14 AM Support <help@acme.io> wrote:\n> Please try again.";
/// let parts = split_reply(body);
/// assert_eq!(&body[parts.new_text[0].clone()], "The export still fails.");
/// assert!(body[parts.signature.clone().unwrap()].starts_with("Best regards"));
/// assert!(body[parts.quoted[0].clone()].contains("Please try again"));
/// ```
pub fn split_reply(body: &str) -> MessageParts {
    // Line table: (start, end-without-newline).
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in body.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    if start <= body.len() {
        lines.push((start, body.len()));
    }
    let text_of = |&(s, e): &(usize, usize)| body[s..e].trim_end_matches('\r');

    // 1. Where does the history begin? (Top-posting: everything below a reply header.)
    let mut history_from = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let t = text_of(line).trim();
        let lower = t.to_lowercase();
        let header = REPLY_HEADERS.iter().any(|h| lower.starts_with(h))
            || is_wrote_line(&lower, lines.get(i + 1).map(|l| text_of(l).trim().to_lowercase()))
            || is_outlook_header(&lower, lines.get(i + 1).map(|l| text_of(l).trim().to_lowercase()));
        if header {
            history_from = i;
            break;
        }
    }

    let mut parts = MessageParts::default();
    // 2. Inline `>` quotes above the history split the new text into pieces.
    let mut piece: Option<(usize, usize)> = None;
    let mut quote: Option<(usize, usize)> = None;
    let mut body_lines_end = history_from;

    // 3. The signature: a "-- " line, a mobile footer, or a sign-off near the end.
    let mut signature_from = None;
    for (i, line) in lines[..history_from].iter().enumerate() {
        let t = text_of(line);
        let trimmed = t.trim();
        let lower = trimmed.to_lowercase();
        let remaining = lines[i + 1..history_from].iter().filter(|l| !text_of(l).trim().is_empty()).count();
        if t == "-- " || trimmed == "--" {
            signature_from = Some(i);
            break;
        }
        if lower.starts_with("sent from my")
            || lower.starts_with("отправлено с")
            || lower.starts_with("get outlook for")
        {
            signature_from = Some(i);
            break;
        }
        let bare = lower.trim_end_matches([',', '!', '.', ' ']).trim();
        if SIGN_OFFS.contains(&bare) && remaining <= 6 && i > 0 {
            signature_from = Some(i);
            break;
        }
    }
    if let Some(sig) = signature_from {
        body_lines_end = sig;
        let (s, _) = lines[sig];
        let end = lines[..history_from].last().map_or(s, |&(_, e)| e);
        let end = trim_end_ws(body, s, end);
        if end > s {
            parts.signature = Some(s..end);
        }
    }

    for line in &lines[..body_lines_end] {
        let t = text_of(line);
        let is_quote = t.trim_start().starts_with('>');
        let (s, e) = (line.0, line.0 + t.len());
        if t.trim().is_empty() {
            continue;
        }
        let (cur, other) = if is_quote { (&mut quote, &mut piece) } else { (&mut piece, &mut quote) };
        if let Some((os, oe)) = other.take() {
            let target = if is_quote { &mut parts.new_text } else { &mut parts.quoted };
            target.push(os..oe);
        }
        *cur = Some(cur.map_or((s, e), |(cs, _)| (cs, e)));
    }
    if let Some((s, e)) = piece {
        parts.new_text.push(s..e);
    }
    if let Some((s, e)) = quote {
        parts.quoted.push(s..e);
    }
    if history_from < lines.len() {
        let s = lines[history_from].0;
        let e = trim_end_ws(body, s, body.len());
        if e > s {
            parts.quoted.push(s..e);
        }
    }
    crate::sort::sort_by_key(&mut parts.new_text, |r| r.start);
    crate::sort::sort_by_key(&mut parts.quoted, |r| r.start);
    parts
}

fn trim_end_ws(body: &str, start: usize, end: usize) -> usize {
    start + body[start..end].trim_end().len()
}

/// "On Mon, Mar 3, 2025 at 9:14 AM Jane <j@x.io> wrote:" (possibly wrapped over two lines),
/// "3 мар. 2025 г., в 10:00, Иван <i@x.ru> пишет:", "… написал(а):".
fn is_wrote_line(lower: &str, next: Option<String>) -> bool {
    let ends = |l: &str| {
        let l = l.trim_end();
        l.ends_with("wrote:")
            || l.ends_with("пишет:")
            || l.ends_with("написал:")
            || l.ends_with("написала:")
            || l.ends_with("написал(а):")
            || l.ends_with("schrieb:")
            || l.ends_with("a écrit :")
    };
    if ends(lower)
        && (lower.starts_with("on ")
            || lower.contains('@')
            || lower.chars().any(|c| c.is_ascii_digit())
            || lower.len() < 120)
    {
        return true;
    }
    lower.starts_with("on ") && lower.len() > 10 && next.is_some_and(|n| ends(&n) && n.len() < 80)
}

/// Outlook-style "From: … / Sent: …" or "От: … / Отправлено: …" header blocks.
fn is_outlook_header(lower: &str, next: Option<String>) -> bool {
    let from = lower.starts_with("from:") || lower.starts_with("от:") || lower.starts_with("from :");
    from && next.is_some_and(|n| {
        n.starts_with("sent:")
            || n.starts_with("date:")
            || n.starts_with("отправлено:")
            || n.starts_with("дата:")
            || n.starts_with("to:")
            || n.starts_with("кому:")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_reply_with_signature_and_quote() {
        let body = "Добрый день!\nОтчёт снова пустой.\n\nС уважением,\nИрина Петрова\nООО «Ромашка»\n\n5 марта 2025 г., в 10:12, Support <help@acme.io> пишет:\n> Попробуйте обновить страницу.";
        let p = split_reply(body);
        let new: Vec<&str> = p.new_text.iter().map(|r| &body[r.clone()]).collect();
        assert_eq!(new, ["Добрый день!\nОтчёт снова пустой."]);
        assert!(body[p.signature.unwrap()].ends_with("ООО «Ромашка»"));
        assert!(body[p.quoted[0].clone()].contains("Попробуйте"));
    }

    #[test]
    fn inline_quotes_split_new_text() {
        let body = "> Which browser?\nChrome 120\n> And the OS?\nWindows 11";
        let p = split_reply(body);
        let new: Vec<&str> = p.new_text.iter().map(|r| &body[r.clone()]).collect();
        assert_eq!(new, ["Chrome 120", "Windows 11"]);
        assert_eq!(p.quoted.len(), 2);
    }

    #[test]
    fn outlook_header_starts_history() {
        let body = "Still broken.\n\nFrom: Support <help@acme.io>\nSent: Monday, March 3, 2025 10:00\nTo: me\nSubject: RE: export";
        let p = split_reply(body);
        assert_eq!(&body[p.new_text[0].clone()], "Still broken.");
        assert!(body[p.quoted[0].clone()].starts_with("From:"));
    }

    #[test]
    fn mobile_footer_is_a_signature() {
        let body = "App crashes on launch\n\nSent from my iPhone";
        let p = split_reply(body);
        assert_eq!(&body[p.new_text[0].clone()], "App crashes on launch");
        assert_eq!(&body[p.signature.unwrap()], "Sent from my iPhone");
    }

    #[test]
    fn plain_text_is_all_new() {
        let body = "Thanks for the quick fix, everything works now";
        let p = split_reply(body);
        assert_eq!(p.new_text, vec![0..body.len()]);
        assert!(p.signature.is_none() && p.quoted.is_empty());
    }

    #[test]
    fn html_blockquote_becomes_quoted_lines() {
        let text = html_to_text("<div>New text</div><blockquote><p>old reply</p></blockquote>");
        assert_eq!(text, "New text\n> old reply");
        let p = split_reply(&text);
        assert_eq!(&text[p.new_text[0].clone()], "New text");
    }

    #[test]
    fn entities_decode_and_bad_ones_survive() {
        assert_eq!(html_to_text("a &lt;b&gt; &#1055;&#x440;&#1080; &bogus; &"), "a <b> При &bogus; &");
    }
}
