//! WebAssembly bindings: a thin conversion layer over the core (no logic of its own).
//!
//! [`SearchEngine`] is the knowledge base alone — all a help widget's search box needs, and
//! the whole of the small build without the `triage` feature; [`Engine`] is the whole desk.

#[cfg(feature = "triage")]
use crate::classify::TicketClassifier;
use crate::contract;
#[cfg(feature = "triage")]
use crate::desk::HelpDesk;
use crate::kb::{Feedback, KnowledgeBase};
#[cfg(feature = "triage")]
use crate::routing::time::Timestamp;
#[cfg(feature = "triage")]
use crate::routing::{Roster, Router};
use wasm_bindgen::prelude::*;

/// The knowledge base as JavaScript sees it: search, feedback, stats, loading and saving.
#[wasm_bindgen]
pub struct SearchEngine {
    kb: KnowledgeBase,
}

#[wasm_bindgen]
impl SearchEngine {
    /// The embedded default knowledge base.
    #[wasm_bindgen(constructor)]
    pub fn new() -> SearchEngine {
        SearchEngine { kb: KnowledgeBase::embedded() }
    }

    /// Replaces the knowledge base with a JSON array of articles (text); errors name the
    /// article and leave the current one in place.
    #[wasm_bindgen(js_name = loadKb)]
    pub fn load_kb(&mut self, articles_json: &str) -> Result<(), JsError> {
        self.kb = kb_from_json(articles_json)?;
        Ok(())
    }

    /// Replaces the knowledge base with bytes written by `kbBytes` (a prebuilt index).
    #[wasm_bindgen(js_name = loadKbBytes)]
    pub fn load_kb_bytes(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.kb = kb_from_bytes(bytes)?;
        Ok(())
    }

    /// The knowledge base — index, articles and counters — as bytes for `loadKbBytes`.
    #[wasm_bindgen(js_name = kbBytes)]
    pub fn kb_bytes(&self) -> Vec<u8> {
        self.kb.to_bytes()
    }

    /// Searches with a JSON query line `{"q", "limit"?, "lang"?, ...}` — exactly what
    /// `helpdesk search` writes for it.
    #[wasm_bindgen(js_name = searchLineJson)]
    pub fn search_line_json(&self, line: &str) -> String {
        search_line(&self.kb, line)
    }

    /// Searches the knowledge base; returns `{"hits": [...], "did_you_mean"?}` as JSON text.
    #[wasm_bindgen(js_name = searchJson)]
    pub fn search_json(&self, query: &str, limit: usize) -> String {
        search(&self.kb, query, limit)
    }

    /// An article as JSON text, or `null` when no article has this id.
    #[wasm_bindgen(js_name = articleJson)]
    pub fn article_json(&self, id: &str) -> String {
        article_json(&self.kb, id)
    }

    /// Records a verdict on an article: `view`, `helpful`, `not_helpful`, `suggested`,
    /// `resolved` or `deflected`; with the `query` it was found for, a verdict that it answered
    /// (helpful, resolved, deflected) also teaches the KB that query.
    #[wasm_bindgen(js_name = recordFeedback)]
    pub fn record_feedback(
        &mut self,
        article_id: &str,
        verdict: &str,
        query: Option<String>,
    ) -> Result<(), JsError> {
        record_feedback(&mut self.kb, article_id, verdict, query.as_deref())
    }

    /// Remembers a query that found nothing useful (a missing topic in the stats).
    #[wasm_bindgen(js_name = recordUnanswered)]
    pub fn record_unanswered(&mut self, query: &str) {
        self.kb.record_unanswered(query);
    }

    /// Learns that `query` was answered by article `id` (see `KnowledgeBase::learn`).
    pub fn learn(&mut self, query: &str, id: &str) -> Result<(), JsError> {
        learn(&mut self.kb, query, id)
    }

    /// The feedback report as JSON text; `today` (`YYYY-MM-DD`, optional) decides what is old.
    #[wasm_bindgen(js_name = kbStatsJson)]
    pub fn kb_stats_json(&self, today: Option<String>) -> String {
        kb_stats(&self.kb, today)
    }
}

impl Default for SearchEngine {
    fn default() -> Self {
        SearchEngine::new()
    }
}

// The knowledge-base calls both engines answer, written once.

fn kb_from_json(articles_json: &str) -> Result<KnowledgeBase, JsError> {
    KnowledgeBase::from_json(articles_json).map_err(|e| js_error("invalid_kb", &e.to_string()))
}

fn kb_from_bytes(bytes: &[u8]) -> Result<KnowledgeBase, JsError> {
    KnowledgeBase::from_bytes(bytes).map_err(|e| js_error("invalid_kb", &e.to_string()))
}

fn search(kb: &KnowledgeBase, query: &str, limit: usize) -> String {
    let options = crate::kb::SearchOptions { limit: limit.clamp(1, 100), ..Default::default() };
    serde_json::to_string(&kb.search(query, &options))
        .unwrap_or_else(|e| contract::error_value(1, &e.to_string()).to_string())
}

fn search_line(kb: &KnowledgeBase, line: &str) -> String {
    contract::respond(1, line, |v| contract::search_json(kb, v)).to_string()
}

fn article_json(kb: &KnowledgeBase, id: &str) -> String {
    kb.article(id).and_then(|a| serde_json::to_string(a).ok()).unwrap_or_else(|| "null".into())
}

fn record_feedback(
    kb: &mut KnowledgeBase,
    article_id: &str,
    verdict: &str,
    query: Option<&str>,
) -> Result<(), JsError> {
    let feedback = Feedback::parse(verdict)
        .ok_or_else(|| js_error("invalid_feedback", &format!("unknown verdict {verdict:?}")))?;
    match query {
        Some(q) => kb.record_feedback_for_query(article_id, feedback, q),
        None => kb.record_feedback(article_id, feedback),
    }
    .map_err(|e| js_error("unknown_article", &e.to_string()))
}

fn learn(kb: &mut KnowledgeBase, query: &str, id: &str) -> Result<(), JsError> {
    kb.learn(query, id).map_err(|e| js_error("unknown_article", &e.to_string()))
}

fn kb_stats(kb: &KnowledgeBase, today: Option<String>) -> String {
    let today = today.as_deref().and_then(crate::kb::parse_day);
    serde_json::to_string(&kb.stats(today))
        .unwrap_or_else(|e| contract::error_value(1, &e.to_string()).to_string())
}

/// The engine as JavaScript sees it.
#[cfg(feature = "triage")]
#[wasm_bindgen]
pub struct Engine {
    desk: HelpDesk,
    /// A model loaded for `classifyJson` (e.g. intents); `None` uses the triage model.
    classifier: Option<TicketClassifier>,
}

fn js_error(code: &str, message: &str) -> JsError {
    JsError::new(&format!("{code}: {message}"))
}

#[cfg(feature = "triage")]
#[wasm_bindgen]
impl Engine {
    /// An engine with the embedded defaults.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine { desk: HelpDesk::default(), classifier: None }
    }

    /// Replaces the knowledge base with a JSON array of articles (text); errors name the
    /// article and leave the current one in place.
    #[wasm_bindgen(js_name = loadKb)]
    pub fn load_kb(&mut self, articles_json: &str) -> Result<(), JsError> {
        self.desk.kb = kb_from_json(articles_json)?;
        Ok(())
    }

    /// Replaces the knowledge base with bytes written by `kbBytes` (a prebuilt index).
    #[wasm_bindgen(js_name = loadKbBytes)]
    pub fn load_kb_bytes(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.desk.kb = kb_from_bytes(bytes)?;
        Ok(())
    }

    /// The knowledge base, counters included, as bytes for `loadKbBytes`.
    #[wasm_bindgen(js_name = kbBytes)]
    pub fn kb_bytes(&self) -> Vec<u8> {
        self.desk.kb.to_bytes()
    }

    /// Searches the knowledge base; returns `{"hits": [...], "did_you_mean"?}` as JSON text.
    #[wasm_bindgen(js_name = searchJson)]
    pub fn search_json(&self, query: &str, limit: usize) -> String {
        search(&self.desk.kb, query, limit)
    }

    /// Searches with a JSON query line `{"q", "limit"?, "lang"?, ...}` — exactly what
    /// `helpdesk search` writes for it.
    #[wasm_bindgen(js_name = searchLineJson)]
    pub fn search_line_json(&self, line: &str) -> String {
        search_line(&self.desk.kb, line)
    }

    /// An article as JSON text, or `null` when no article has this id.
    #[wasm_bindgen(js_name = articleJson)]
    pub fn article_json(&self, id: &str) -> String {
        article_json(&self.desk.kb, id)
    }

    /// Suggests articles for one JSON ticket: `{"id", "category", "area", "suggestions"}`.
    #[wasm_bindgen(js_name = suggestJson)]
    pub fn suggest_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| self.desk.suggest_json(v)).to_string()
    }

    /// The feedback report as JSON text; `today` (`YYYY-MM-DD`, optional) decides what is old.
    #[wasm_bindgen(js_name = kbStatsJson)]
    pub fn kb_stats_json(&self, today: Option<String>) -> String {
        kb_stats(&self.desk.kb, today)
    }

    /// Remembers a query that found nothing useful (a missing topic in the stats).
    #[wasm_bindgen(js_name = recordUnanswered)]
    pub fn record_unanswered(&mut self, query: &str) {
        self.desk.kb.record_unanswered(query);
    }

    /// Learns that `query` was answered by article `id` (see `KnowledgeBase::learn`).
    pub fn learn(&mut self, query: &str, id: &str) -> Result<(), JsError> {
        learn(&mut self.desk.kb, query, id)
    }

    /// Trains a model on JSON Lines of labelled examples (tickets with category/area/priority/
    /// complexity, or `{"text", "intent"}`) and returns its bytes; bad lines are skipped and
    /// counted in the error if nothing is left.
    #[wasm_bindgen(js_name = trainJsonl)]
    pub fn train_jsonl(&self, jsonl: &str) -> Result<Vec<u8>, JsError> {
        let mut examples = Vec::new();
        let mut bad = 0usize;
        for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
            match contract::parse_line(line).and_then(|v| contract::labelled_from_json(&v)) {
                Ok(e) => examples.push(e),
                Err(_) => bad += 1,
            }
        }
        let model = self
            .desk
            .triager
            .train(&examples, &crate::classify::TrainOptions::default())
            .map_err(|e| js_error("train_failed", &format!("{e} ({bad} unreadable line(s))")))?;
        Ok(model.to_bytes())
    }

    /// Records a verdict on an article: `view`, `helpful`, `not_helpful`, `suggested`,
    /// `resolved` or `deflected`.
    #[wasm_bindgen(js_name = recordFeedback)]
    pub fn record_feedback(
        &mut self,
        article_id: &str,
        verdict: &str,
        query: Option<String>,
    ) -> Result<(), JsError> {
        record_feedback(&mut self.desk.kb, article_id, verdict, query.as_deref())
    }

    /// Loads a model (bytes from `helpdesk train` or `trainJsonl`): `classifyJson` uses it,
    /// and so does triage when it has the four ticket heads.
    #[wasm_bindgen(js_name = loadModel)]
    pub fn load_model(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        let classifier =
            TicketClassifier::from_bytes(bytes).map_err(|e| js_error("invalid_model", &e.to_string()))?;
        // An intent-only model serves `classifyJson` and leaves triage's model in place.
        let _ = self.desk.triager.replace_classifier(classifier.clone());
        self.classifier = Some(classifier);
        Ok(())
    }

    /// Classifies one JSON message with every head of the loaded model (or the default one).
    #[wasm_bindgen(js_name = classifyJson)]
    pub fn classify_json(&self, line: &str) -> String {
        let analyzer = self.desk.triager.analyzer();
        match self.classifier.as_ref().or(self.desk.triager.classifier()) {
            Some(c) => contract::respond(1, line, |v| contract::classify_json(analyzer, c, v)).to_string(),
            None => contract::error_value(1, "no model loaded").to_string(),
        }
    }

    /// Analyses a ticket object `{id?, subject?, message}` and returns the analysis object.
    pub fn analyze(&self, ticket: JsValue) -> Result<JsValue, JsError> {
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(ticket).map_err(|e| js_error("invalid_ticket", &e.to_string()))?;
        let out = contract::analyze_json(self.desk.triager.analyzer(), &value)
            .map_err(|m| js_error("invalid_ticket", &m))?;
        out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| js_error("internal", &e.to_string()))
    }

    /// Analyses one JSON ticket given as text and returns the result as JSON text — exactly the
    /// line `helpdesk analyze` writes for it (errors included), which is how native and wasm
    /// results are compared byte for byte.
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| contract::analyze_json(self.desk.triager.analyzer(), v)).to_string()
    }

    /// Triages one JSON ticket given as text — with knowledge-base suggestions and routing —
    /// and returns exactly the line `helpdesk triage --now NOW` writes. `now` (RFC 3339) is the
    /// time for tickets without `created_at`: the core never reads the clock, so pass
    /// `new Date().toISOString()`.
    #[wasm_bindgen(js_name = triageJson)]
    pub fn triage_json(&self, line: &str, now: Option<String>) -> String {
        let now = match now.as_deref().map(Timestamp::parse) {
            Some(Ok(t)) => Some(t.unix),
            Some(Err(e)) => return contract::error_value(1, &format!("now: {e}")).to_string(),
            None => None,
        };
        contract::respond(1, line, |v| self.desk.triage_json(v, now)).to_string()
    }

    /// Replaces the roster of agents (JSON text, see data/routing/roster.sample.json).
    #[wasm_bindgen(js_name = loadRoster)]
    pub fn load_roster(&mut self, roster_json: &str) -> Result<(), JsError> {
        self.desk.roster =
            Some(Roster::from_json(roster_json).map_err(|e| js_error("invalid_roster", &e.to_string()))?);
        Ok(())
    }

    /// Replaces the routing rules (JSON text, see data/routing/rules.json).
    #[wasm_bindgen(js_name = loadRoutingRules)]
    pub fn load_routing_rules(&mut self, rules_json: &str) -> Result<(), JsError> {
        self.desk.router =
            Router::from_json(rules_json).map_err(|e| js_error("invalid_rules", &e.to_string()))?;
        Ok(())
    }

    /// Follows sentiment through a conversation given as JSON text.
    #[wasm_bindgen(js_name = conversationJson)]
    pub fn conversation_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| contract::conversation_json(self.desk.triager.analyzer(), v))
            .to_string()
    }
}

#[cfg(feature = "triage")]
impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

#[cfg(feature = "triage")]
use serde::Serialize;
