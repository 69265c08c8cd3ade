//! What routing decides about a ticket.

use super::escalation::{EscalationAction, EscalationStep};
use super::reply::AutoReply;
use super::roster::Seniority;
use super::select::Pool;
use super::time::Timestamp;
use crate::triage::Decision;
use serde::Serialize;

/// An agent routing chose (or lists as a fallback).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentChoice {
    /// The agent's id.
    pub id: String,
    /// The agent's name.
    pub name: String,
    /// The agent's own team.
    pub team: String,
    /// The agent's seniority.
    pub seniority: Seniority,
    /// Where the agent was found: the team, cross-trained, the backup team, supervisors, or
    /// (P1) any senior.
    pub via: Pool,
    /// Whether the agent can take the ticket now.
    pub available: bool,
    /// Minutes until the agent is expected to pick the ticket up.
    pub eta_minutes: u32,
}

/// The ticket's service-level deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sla {
    /// When the first response is due.
    pub first_response_due: Timestamp,
    /// When the resolution is due.
    pub resolution_due: Timestamp,
    /// The first-response target in minutes (of working time when `business_hours`).
    pub first_response_minutes: u32,
    /// The resolution target in minutes (of working time when `business_hours`).
    pub resolution_minutes: u32,
    /// Whether the clock runs in business hours only (else round the clock).
    pub business_hours: bool,
}

/// Routing's answer for one ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoutingDecision {
    /// The ticket's id, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
    /// The id of the rule that matched (the fallback's when none did).
    pub rule: String,
    /// The team's id.
    pub team: String,
    /// The team's name, in the ticket's language.
    pub team_name: String,
    /// The team's support level (`L1`, `L2`, …).
    pub level: String,
    /// The classifier decision the routing followed.
    pub decision: Decision,
    /// Knowledge base first: the customer gets the suggested articles, and the ticket goes to
    /// an agent only if they do not help.
    pub self_service: bool,
    /// The ticket waits in the team's queue rather than going to a named agent (no roster,
    /// nobody suitable free, manual review, or self-service first).
    pub queue: bool,
    /// The chosen agent, when a roster was given and someone suitable can take it.
    pub agent: Option<AgentChoice>,
    /// The next best agents, best first.
    pub fallback_agents: Vec<AgentChoice>,
    /// Minutes until an agent is expected to pick the ticket up, when known.
    pub eta_minutes: Option<u32>,
    /// The deadlines.
    pub sla: Sla,
    /// Where the ticket goes if it is not handled in time.
    pub escalation_path: Vec<EscalationStep>,
    /// Escalations due at once (VIP, complaint, negative sentiment …).
    pub escalations: Vec<EscalationAction>,
    /// The immediate reply to the customer.
    pub auto_reply: AutoReply,
    /// Why, in words, in the order the decisions were taken.
    pub reasons: Vec<String>,
}
