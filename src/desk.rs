//! The whole desk in one object: triage, then knowledge-base suggestions, then routing — what
//! every host (CLI, wasm, worker) answers for a ticket.
//!
//! Time is an argument: a ticket's `created_at` when it has one, else the `now` the host passes
//! (the core never reads the clock).

use crate::contract::{self, ticket_from_json};
use crate::kb::{Hit, KnowledgeBase};
use crate::labels::{Area, Category, Complexity, Priority};
use crate::routing::time::Timestamp;
use crate::routing::{KbSuggestion, Roster, Router, RoutingInput};
use crate::triage::{Triage, Triager};
use crate::Ticket;
use serde_json::{json, Value};

/// Triager, knowledge base, router and (optionally) a roster of agents.
pub struct HelpDesk {
    /// Understanding and classification.
    pub triager: Triager,
    /// Articles for suggestions and auto-replies.
    pub kb: KnowledgeBase,
    /// Routing rules, business calendar, escalation matrix and reply templates.
    pub router: Router,
    /// Agents to choose from; without one, routing names the team only.
    pub roster: Option<Roster>,
}

impl Default for HelpDesk {
    /// The embedded defaults: model, rules, default KB, the seed's routing; no roster.
    fn default() -> Self {
        HelpDesk {
            triager: Triager::default(),
            kb: KnowledgeBase::embedded(),
            router: Router::default(),
            roster: None,
        }
    }
}

/// Suggestions carried in a triage result.
const SUGGESTIONS: usize = 3;

impl HelpDesk {
    /// Triages one JSON ticket and adds `suggestions` (top articles) and `routing` (team,
    /// agent, SLA, escalation path, auto-reply, reasons). Optional ticket fields read for
    /// routing: `created_at` (RFC 3339), `tier`, `channel`, `customer_id`, `vip`, `complaint`,
    /// `failed_attempts`. Without `created_at` or `now`, `routing` is replaced by
    /// `routing_error`.
    ///
    /// ```
    /// use helpdesk_ai::desk::HelpDesk;
    /// let desk = HelpDesk::default();
    /// let ticket = serde_json::json!({"id": 1, "subject": "Charged twice", "message": "You billed my card twice this month",
    ///                                  "created_at": "2026-11-20T10:00:00Z", "tier": "premium"});
    /// let out = desk.triage_json(&ticket, None).unwrap();
    /// assert_eq!(out["category"]["label"], "billing_issue");
    /// assert_eq!(out["routing"]["team"], "billing");
    /// assert!(out["suggestions"][0]["id"].as_str().unwrap().contains("double-charge"));
    /// ```
    pub fn triage_json(&self, value: &Value, now: Option<i64>) -> Result<Value, String> {
        let ticket = ticket_from_json(value)?;
        let triage = self.triager.triage(&ticket).map_err(|e| e.to_string())?;
        let hits = self.suggest(&ticket, &triage, SUGGESTIONS);
        let suggestions: Vec<Value> = hits
            .iter()
            .map(|h| json!({"id": h.id, "title": h.title, "lang": h.lang, "score": h.score}))
            .collect();
        let kb: Vec<KbSuggestion> = hits
            .iter()
            .map(|h| KbSuggestion { title: h.title.clone(), url: None, id: Some(h.id.clone()) })
            .collect();
        let routing = self
            .routing_input(&triage, value, now, kb)
            .map(|input| self.router.route(&input, self.roster.as_ref(), None));
        let mut out = serde_json::to_value(&triage).map_err(|e| e.to_string())?;
        if let Some(obj) = out.as_object_mut() {
            obj.insert("suggestions".into(), Value::Array(suggestions));
            match routing {
                Ok(decision) => {
                    obj.insert("routing".into(), serde_json::to_value(&decision).map_err(|e| e.to_string())?);
                }
                Err(message) => {
                    obj.insert("routing_error".into(), Value::String(message));
                }
            }
        }
        contract::echo_id(value, &mut out);
        Ok(out)
    }

    /// Suggests knowledge-base articles for one JSON ticket (`limit`, 1–20, default 3): the
    /// ticket is triaged, and its category, area and language steer the ranking.
    /// `{"id", "category", "area", "suggestions": [hits]}`.
    ///
    /// ```
    /// use helpdesk_ai::desk::HelpDesk;
    /// let desk = HelpDesk::default();
    /// let out = desk.suggest_json(&serde_json::json!({"subject": "2FA", "message": "I lost my phone with the authenticator app"})).unwrap();
    /// assert!(out["suggestions"][0]["id"].as_str().unwrap().starts_with("kb-2fa-lost-phone"));
    /// ```
    pub fn suggest_json(&self, value: &Value) -> Result<Value, String> {
        let ticket = ticket_from_json(value)?;
        let triage = self.triager.triage(&ticket).map_err(|e| e.to_string())?;
        let limit = value.get("limit").and_then(Value::as_u64).map_or(3, |n| n.clamp(1, 20) as usize);
        let hits = self.suggest(&ticket, &triage, limit);
        let mut out = json!({
            "category": triage.category.label,
            "area": triage.area.label,
            "suggestions": serde_json::to_value(&hits).map_err(|e| e.to_string())?,
        });
        contract::echo_id(value, &mut out);
        Ok(out)
    }

    /// Articles for a triaged ticket: its category and area boost, its language first.
    fn suggest(&self, ticket: &Ticket, triage: &Triage, limit: usize) -> Vec<Hit> {
        self.kb.suggest_for_ticket(
            &ticket.subject,
            &ticket.message,
            Some(&triage.category.label),
            Some(&triage.area.label),
            Some(triage.language.code.code()),
            limit,
        )
    }

    fn routing_input(
        &self,
        triage: &Triage,
        value: &Value,
        now: Option<i64>,
        kb: Vec<KbSuggestion>,
    ) -> Result<RoutingInput, String> {
        let created_at = match value.get("created_at") {
            Some(Value::String(s)) => Timestamp::parse(s).map_err(|e| format!("`created_at`: {e}"))?.unix,
            Some(Value::Number(n)) => {
                n.as_i64().ok_or("`created_at` must be an RFC 3339 time or Unix seconds")?
            }
            None | Some(Value::Null) => {
                now.ok_or("routing needs the ticket's `created_at` (RFC 3339) or the host's current time")?
            }
            Some(_) => return Err("`created_at` must be an RFC 3339 time or Unix seconds".into()),
        };
        let (Some(category), Some(area), Some(priority), Some(complexity)) = (
            Category::parse(&triage.category.label),
            Area::parse(&triage.area.label),
            Priority::parse(&triage.priority.label),
            Complexity::parse(&triage.complexity.label),
        ) else {
            return Err("the model gave no labels to route by".into());
        };
        let mut input = RoutingInput::new(category, area, priority, complexity, created_at);
        input.ticket_id = value.get("id").map(|id| match id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        input.subject = value.get("subject").and_then(Value::as_str).map(|s| s.chars().take(200).collect());
        input.decision = triage.decision;
        input.language = triage.language.code;
        input.now = now;
        input.sentiment = Some(triage.sentiment.score);
        input.kb = kb;
        let field = |name: &str| value.get(name).filter(|v| !v.is_null());
        if let Some(tier) = field("tier") {
            input.tier = serde_json::from_value(tier.clone()).map_err(|_| {
                format!("`tier`: expected enterprise, premium, standard or trial, found {tier}")
            })?;
        }
        if let Some(channel) = field("channel") {
            input.channel = serde_json::from_value(channel.clone()).map_err(|_| {
                format!("`channel`: expected email, chat, social, phone or web, found {channel}")
            })?;
        }
        input.customer_id = field("customer_id").and_then(Value::as_str).map(str::to_string);
        input.vip = field("vip").and_then(Value::as_bool).unwrap_or(false);
        input.complaint = field("complaint").and_then(Value::as_bool).unwrap_or(false);
        input.failed_attempts =
            field("failed_attempts").and_then(Value::as_u64).map_or(0, |n| n.min(1000) as u32);
        Ok(input)
    }
}
