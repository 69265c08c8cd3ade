//! The JSON contract every host shares (CLI JSON Lines, wasm, worker): how a JSON ticket is read
//! and how a result is written. Kept in the core so that every host answers identically.

#[cfg(feature = "triage")]
use crate::classify::{Head, LabelledTicket, TicketClassifier};
use crate::kb::{KnowledgeBase, SearchOptions};
#[cfg(feature = "triage")]
use crate::labels::{Area, Category, Complexity, Priority};
#[cfg(feature = "triage")]
use crate::sentiment::{conversation, ConversationMessage, Sender};
#[cfg(feature = "triage")]
use crate::triage::Triager;
#[cfg(feature = "triage")]
use crate::{Analyzer, Ticket};
use serde_json::{json, Value};

#[cfg(feature = "triage")]
/// Reads a ticket from a JSON object: `id` (string or number), `subject`, and `message` (or
/// `text` / `body`). Unknown fields are ignored; a field of the wrong type is an error.
///
/// ```
/// use helpdesk_ai::contract::ticket_from_json;
/// let t = ticket_from_json(&serde_json::json!({"id": 7, "text": "hi"})).unwrap();
/// assert_eq!((t.id.as_deref(), t.message.as_str()), (Some("7"), "hi"));
/// assert!(ticket_from_json(&serde_json::json!({"message": 5})).is_err());
/// ```
pub fn ticket_from_json(value: &Value) -> Result<Ticket, String> {
    if !value.is_object() {
        return Err(format!("expected a JSON object, found {}", kind_of(value)));
    }
    Ok(Ticket {
        id: match value.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            None | Some(Value::Null) => None,
            Some(other) => {
                return Err(format!("field `id` must be a string or a number, found {}", kind_of(other)))
            }
        },
        subject: string_field(value, &["subject"])?,
        message: string_field(value, &["message", "text", "body"])?,
    })
}

#[cfg(feature = "triage")]
/// Analyses one JSON ticket; the result echoes the input's `id` exactly as given.
pub fn analyze_json(analyzer: &Analyzer, value: &Value) -> Result<Value, String> {
    answer_ticket(value, |ticket| analyzer.analyze(ticket))
}

#[cfg(feature = "triage")]
/// Triages one JSON ticket (the `helpdesk triage` line); the result echoes the input's `id`.
pub fn triage_json(triager: &Triager, value: &Value) -> Result<Value, String> {
    answer_ticket(value, |ticket| triager.triage(ticket))
}

#[cfg(feature = "triage")]
/// Reads a JSON ticket, runs `run` on it and writes the result as JSON with the input's `id`.
fn answer_ticket<T: serde::Serialize>(
    value: &Value,
    run: impl FnOnce(&Ticket) -> Result<T, crate::InputError>,
) -> Result<Value, String> {
    let ticket = ticket_from_json(value)?;
    let result = run(&ticket).map_err(|e| e.to_string())?;
    let mut out = serde_json::to_value(&result).map_err(|e| e.to_string())?;
    echo_id(value, &mut out);
    Ok(out)
}

#[cfg(feature = "triage")]
/// Reads a labelled example for training or evaluation: a ticket (or `{"text": ...}`) plus any
/// of `category`, `area`, `priority`, `complexity` (the exact label strings of DESIGN.md) and
/// `intent` (any label up to 255 bytes — a team's own intents are welcome). At least one label.
///
/// ```
/// use helpdesk_ai::classify::Head;
/// use helpdesk_ai::contract::labelled_from_json;
/// let v = serde_json::json!({"message": "cant log in", "category": "account_issue", "area": "authentication", "priority": "P2", "complexity": "L1"});
/// assert_eq!(labelled_from_json(&v).unwrap().label(Head::Category), Some("account_issue"));
/// let chat = serde_json::json!({"text": "how do I cancel my card?", "intent": "cancel_card"});
/// assert_eq!(labelled_from_json(&chat).unwrap().label(Head::Intent), Some("cancel_card"));
/// assert!(labelled_from_json(&serde_json::json!({"message": "x", "category": "nope"})).is_err());
/// assert!(labelled_from_json(&serde_json::json!({"message": "no labels"})).is_err());
/// ```
pub fn labelled_from_json(value: &Value) -> Result<LabelledTicket, String> {
    let ticket = ticket_from_json(value)?;
    let mut labels = Vec::new();
    for head in Head::ALL {
        let name = head.name();
        let known = |s: &str| match head {
            Head::Category => Category::parse(s).is_some(),
            Head::Area => Area::parse(s).is_some(),
            Head::Priority => Priority::parse(s).is_some(),
            Head::Complexity => Complexity::parse(s).is_some(),
            Head::Intent => !s.trim().is_empty() && s.len() <= 255,
        };
        match value.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if known(s) => labels.push((head, s.clone())),
            Some(Value::String(s)) => return Err(format!("field `{name}`: unknown label {s:?}")),
            Some(other) => return Err(format!("field `{name}` must be a string, found {}", kind_of(other))),
        }
    }
    if labels.is_empty() {
        return Err("no label: expected `category`, `area`, `priority`, `complexity` or `intent`".into());
    }
    Ok(LabelledTicket { ticket, labels })
}

#[cfg(feature = "triage")]
/// Classifies one JSON ticket or message (`{"id", "text"}` or `{"id", "subject", "message"}`)
/// with every head of a model: `{"id", "<head>": {"label", "confidence", "alternatives":
/// [[label, p], …], "because": [{"feature", "weight"}, …]}, …}`.
///
/// ```
/// use helpdesk_ai::contract::classify_json;
/// use helpdesk_ai::triage::Triager;
/// let triager = Triager::default();
/// let model = triager.classifier().unwrap();
/// let out = classify_json(triager.analyzer(), model, &serde_json::json!({"id": 7, "text": "hello there!"})).unwrap();
/// assert_eq!(out["intent"]["label"], "greeting");
/// assert_eq!(out["id"], 7);
/// ```
pub fn classify_json(
    analyzer: &Analyzer,
    classifier: &TicketClassifier,
    value: &Value,
) -> Result<Value, String> {
    let ticket = ticket_from_json(value)?;
    let predictions = classifier.predict(analyzer, &ticket).map_err(|e| e.to_string())?;
    let mut out = serde_json::Map::new();
    for p in predictions {
        let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
        let alternatives: Vec<Value> =
            p.alternatives.iter().map(|(l, c)| serde_json::json!([l, round(*c)])).collect();
        let because = serde_json::to_value(&p.because).map_err(|e| e.to_string())?;
        out.insert(
            p.head.name().to_string(),
            serde_json::json!({"label": p.label, "confidence": round(p.confidence), "alternatives": alternatives, "because": because}),
        );
    }
    let mut out = Value::Object(out);
    echo_id(value, &mut out);
    Ok(out)
}

/// Searches the knowledge base for one JSON query line: `{"q": "...", "limit"?, "prefix"?,
/// "lang"?, "audience"?, "tier"?, "version"?, "category"?, "area"?, "today"?}` →
/// `{"q", "hits": [{"id", "title", "score", "breakdown", "matched", "snippet", …}], "did_you_mean"?}`.
///
/// ```
/// use helpdesk_ai::contract::search_json;
/// use helpdesk_ai::kb::KnowledgeBase;
/// let kb = KnowledgeBase::embedded();
/// let out = search_json(&kb, &serde_json::json!({"q": "reset passw", "limit": 3})).unwrap();
/// assert!(out["hits"][0]["id"].as_str().unwrap().starts_with("kb-reset-password"));
/// assert!(search_json(&kb, &serde_json::json!({"query": "x"})).is_err());
/// ```
pub fn search_json(kb: &KnowledgeBase, value: &Value) -> Result<Value, String> {
    let q = match value.get("q") {
        Some(Value::String(q)) => q.clone(),
        Some(other) => return Err(format!("field `q` must be a string, found {}", kind_of(other))),
        None => return Err("expected {\"q\": \"your query\"}".into()),
    };
    let mut options: SearchOptions = match value {
        Value::Object(map) => {
            let mut map = map.clone();
            map.retain(|k, _| k != "q" && k != "id" && k != "expected" && k != "kind");
            serde_json::from_value(Value::Object(map)).map_err(|e| format!("search options: {e}"))?
        }
        _ => return Err("expected a JSON object".into()),
    };
    options.limit = options.limit.clamp(1, 100);
    let result = kb.search(&q, &options);
    let mut out = json!({"q": q});
    if let (Some(obj), Ok(Value::Object(r))) = (out.as_object_mut(), serde_json::to_value(&result)) {
        obj.extend(r);
    }
    echo_id(value, &mut out);
    Ok(out)
}

#[cfg(feature = "triage")]
/// Follows sentiment through one JSON conversation:
/// `{"id", "messages": [{"sender": "customer"|"agent"|"bot", "text", "at"?}]}`.
pub fn conversation_json(analyzer: &Analyzer, value: &Value) -> Result<Value, String> {
    let messages = value
        .get("messages")
        .and_then(Value::as_array)
        .ok_or("expected `messages`: an array of {\"sender\", \"text\"}")?;
    let mut analysed = Vec::with_capacity(messages.len());
    for (i, m) in messages.iter().enumerate() {
        let sender = match m.get("sender").and_then(Value::as_str).unwrap_or("customer") {
            "customer" | "user" | "client" => Sender::Customer,
            "agent" | "operator" => Sender::Agent,
            "bot" => Sender::Bot,
            other => return Err(format!("message {i}: unknown sender {other:?} (customer, agent or bot)")),
        };
        let text = string_field(m, &["text", "message"]).map_err(|e| format!("message {i}: {e}"))?;
        let at = m.get("at").and_then(Value::as_i64);
        let tokens = analyzer.tokens(&text);
        analysed.push((sender, analyzer.sentiment_analyzer().analyze(&text, &tokens), at));
    }
    let messages: Vec<_> = analysed
        .iter()
        .map(|(sender, s, at)| ConversationMessage { sender: *sender, sentiment: s, at: *at })
        .collect();
    let mut out = serde_json::to_value(conversation(&messages)).map_err(|e| e.to_string())?;
    echo_id(value, &mut out);
    Ok(out)
}

/// Parses one line of JSON Lines input into an object, with a message fit for the error line.
pub fn parse_line(text: &str) -> Result<Value, String> {
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return Err("empty line: expected a JSON object".into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    if !value.is_object() {
        return Err(format!("expected a JSON object, found {}", kind_of(&value)));
    }
    Ok(value)
}

/// The error object written in place of a result: `{"error": {"line": N, "message": …}}`.
pub fn error_value(line: usize, message: &str) -> Value {
    json!({"error": {"line": line, "message": message}})
}

/// Answers one line of JSON Lines input: the result of `handle`, or an error object. When the
/// line is a JSON object with an `id`, the error carries it too, so callers can match it:
/// `{"id": …, "error": {"line": N, "message": …}}`. Every host writes exactly this value.
///
/// ```
/// use helpdesk_ai::{contract, Analyzer};
/// let analyzer = Analyzer::default();
/// let out = contract::respond(3, r#"{"id": 9, "message": 5}"#, |v| contract::analyze_json(&analyzer, v));
/// assert_eq!(out["id"], 9);
/// assert_eq!(out["error"]["line"], 3);
/// ```
pub fn respond(line: usize, text: &str, handle: impl FnOnce(&Value) -> Result<Value, String>) -> Value {
    let value = match parse_line(text) {
        Ok(value) => value,
        Err(message) => return error_value(line, &message),
    };
    match handle(&value) {
        Ok(out) => out,
        Err(message) => {
            let mut error = error_value(line, &message);
            if let (Some(id), Some(obj)) = (value.get("id"), error.as_object_mut()) {
                obj.insert("id".into(), id.clone());
            }
            error
        }
    }
}

pub(crate) fn echo_id(input: &Value, out: &mut Value) {
    if let (Some(id), Some(obj)) = (input.get("id"), out.as_object_mut()) {
        obj.insert("id".into(), id.clone());
    }
}

#[cfg(feature = "triage")]
fn string_field(value: &Value, names: &[&str]) -> Result<String, String> {
    for name in names {
        match value.get(*name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => return Ok(s.clone()),
            Some(other) => return Err(format!("field `{name}` must be a string, found {}", kind_of(other))),
        }
    }
    Ok(String::new())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
