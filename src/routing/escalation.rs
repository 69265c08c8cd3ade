//! The seed's escalation matrix (L1 → L2 after 4 h with no response, L2 → L3 after 8 h
//! unresolved, L3 → Engineering after 24 h, any level → management on a complaint) and its
//! automatic triggers (SLA breach or risk, VIP, negative sentiment, repeated failed attempts,
//! complexity above the agent's level), as data; and what is due for a ticket at a given time.

use super::error::RoutingError;
use super::input::{RoutingInput, Tier};
use super::roster::Seniority;
use super::rules::MAX_MINUTES;
use super::sla::BusinessCalendar;
use super::time::{opt_unix_seconds, Timestamp};
use crate::labels::label_enum;
use crate::labels::Complexity;
use crate::sentiment::Trend;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const SOURCE: &str = "escalation";

label_enum! {
    /// Why an escalation happens.
    Trigger {
        /// No first response within the level's time (L1 → L2).
        NoResponse = "no_response",
        /// Not resolved within the level's time (L2 → L3, L3 → Engineering).
        NoResolution = "no_resolution",
        /// The customer complained (any level → management).
        Complaint = "complaint",
        /// An SLA deadline has passed.
        SlaBreach = "sla_breach",
        /// Most of an SLA window has gone without the response or resolution.
        SlaRisk = "sla_risk",
        /// A VIP (or enterprise) customer.
        Vip = "vip",
        /// The customer's sentiment is negative or getting worse.
        NegativeSentiment = "negative_sentiment",
        /// Several resolution attempts have failed.
        FailedAttempts = "failed_attempts",
        /// The ticket is more complex than the assigned agent's level.
        ComplexityAboveAgent = "complexity_above_agent",
    }
}

/// One step of a ticket's escalation path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationStep {
    /// From which level (`any` for every level).
    pub from: String,
    /// To which level or role.
    pub to: String,
    /// On what.
    pub when: Trigger,
    /// After how many minutes at the level (on the ticket's SLA clock), for timed steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_minutes: Option<u32>,
    /// When the step falls due if nothing happens before, for timed steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<Timestamp>,
}

/// Something to do now about a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationAction {
    /// A stable key: put it in [`TicketState::handled`] once acted on, and it is not repeated.
    pub key: String,
    /// Why.
    pub trigger: Trigger,
    /// To which level or role (e.g. `L2`, `supervisor`, `management`).
    pub to: String,
    /// Since when it has been due.
    pub due_at: Timestamp,
    /// Wall-clock minutes since it fell due (0 for something that is due at once).
    pub overdue_minutes: i64,
    /// The reason in words.
    pub reason: String,
}

/// A ticket's state at some moment: the routing input plus what has happened since.
///
/// ```
/// use helpdesk_ai::routing::TicketState;
/// let state: TicketState = serde_json::from_str(r#"{"ticket": {"category": "technical_issue",
///     "area": "core_product", "priority": "P3", "complexity": "L2", "created_at": "2026-03-09T10:00:00+03:00"},
///     "level": "L1", "first_response_at": null}"#).unwrap();
/// assert_eq!(state.level.as_deref(), Some("L1"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketState {
    /// The ticket as it was routed (its labels, tier, sentiment, attempts… as they are now).
    pub ticket: RoutingInput,
    /// The support level it is at; the routed team's level when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Since when it is at that level; `created_at` when not given.
    #[serde(default, with = "opt_unix_seconds", skip_serializing_if = "Option::is_none")]
    pub level_since: Option<i64>,
    /// When an agent first answered, if they have.
    #[serde(default, with = "opt_unix_seconds", skip_serializing_if = "Option::is_none")]
    pub first_response_at: Option<i64>,
    /// When it was resolved, if it is (nothing is due for a resolved ticket).
    #[serde(default, with = "opt_unix_seconds", skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<i64>,
    /// The seniority of the agent who has it, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_seniority: Option<Seniority>,
    /// Keys of actions already taken (see [`EscalationAction::key`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handled: Vec<String>,
}

impl TicketState {
    /// A fresh ticket: at its team's level since creation, no response yet.
    pub fn new(ticket: RoutingInput) -> TicketState {
        TicketState {
            ticket,
            level: None,
            level_since: None,
            first_response_at: None,
            resolved_at: None,
            agent_seniority: None,
            handled: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Level(usize),
    Role(usize),
    NextLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum From {
    Any,
    Level(usize),
}

#[derive(Debug, Clone)]
struct Step {
    from: From,
    to: Target,
    when: Trigger,
    after: Option<u32>,
}

#[derive(Debug, Clone, Default)]
struct Triggers {
    sla_breach: Option<Target>,
    sla_risk: Option<(u32, Target)>,
    vip: Option<(Vec<Tier>, Target)>,
    negative_sentiment: Option<(f64, f64, Target)>,
    failed_attempts: Option<(u32, Target)>,
    complexity_above_agent: Option<Target>,
}

/// The escalation matrix and triggers, validated.
#[derive(Debug, Clone)]
pub struct EscalationMatrix {
    levels: Vec<String>,
    roles: Vec<String>,
    steps: Vec<Step>,
    triggers: Triggers,
    agent_max_complexity: [Complexity; 4],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatrix {
    #[serde(default)]
    note: Option<String>,
    levels: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    matrix: Vec<RawStep>,
    #[serde(default)]
    triggers: RawTriggers,
    #[serde(default)]
    agent_max_complexity: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    from: String,
    to: String,
    when: String,
    #[serde(default)]
    after_minutes: Option<u32>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTriggers {
    #[serde(default)]
    sla_breach: Option<RawTrigger>,
    #[serde(default)]
    sla_risk: Option<RawTrigger>,
    #[serde(default)]
    vip: Option<RawTrigger>,
    #[serde(default)]
    negative_sentiment: Option<RawTrigger>,
    #[serde(default)]
    failed_attempts: Option<RawTrigger>,
    #[serde(default)]
    complexity_above_agent: Option<RawTrigger>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    to: String,
    #[serde(default)]
    at_percent: Option<u32>,
    #[serde(default)]
    tiers: Option<Vec<String>>,
    #[serde(default)]
    score_below: Option<f64>,
    #[serde(default)]
    declining_below: Option<f64>,
    #[serde(default)]
    at_least: Option<u32>,
    #[serde(default)]
    note: Option<String>,
}

/// How the router's plan for a ticket looks to the escalation logic.
pub(crate) struct Plan<'a> {
    pub calendar: &'a BusinessCalendar,
    pub business: bool,
    pub created: i64,
    pub first_response: (u32, i64),
    pub resolution: (u32, i64),
    pub level: usize,
}

impl Plan<'_> {
    fn add(&self, start: i64, minutes: u32) -> i64 {
        self.calendar.deadline(start, minutes, self.business)
    }

    fn stamp(&self, unix: i64) -> Timestamp {
        Timestamp::new(unix, self.calendar.offset_minutes())
    }

    fn clock(&self) -> &'static str {
        if self.business {
            "business "
        } else {
            ""
        }
    }
}

/// A ticket's state as the escalation logic reads it (borrowed, so routing need not clone).
pub(crate) struct StateView<'a> {
    pub input: &'a RoutingInput,
    pub level: Option<&'a str>,
    pub level_since: Option<i64>,
    pub first_response_at: Option<i64>,
    pub resolved_at: Option<i64>,
    pub agent_seniority: Option<Seniority>,
    pub handled: &'a [String],
}

impl EscalationMatrix {
    /// Loads the matrix: `{"levels": [...], "roles": [...], "matrix": [{"from", "to", "when",
    /// "after_minutes"}], "triggers": {...}, "agent_max_complexity": {...}}` (see
    /// `data/routing/escalation.json`).
    pub fn from_json(json: &str) -> Result<EscalationMatrix, RoutingError> {
        let raw: RawMatrix = serde_json::from_str(json).map_err(|e| RoutingError::json(SOURCE, "", &e))?;
        let _ = raw.note;
        let mut names: Vec<&str> = Vec::new();
        for name in raw.levels.iter().chain(&raw.roles) {
            let n = name.as_str();
            if n.trim().is_empty() || n == "any" || n == "next_level" || names.contains(&n) {
                let m = format!("{n:?}: level and role names must be unique, not empty, and not \"any\" or \"next_level\"");
                return Err(RoutingError::new(SOURCE, "levels", m));
            }
            names.push(n);
        }
        if raw.levels.is_empty() {
            return Err(RoutingError::new(SOURCE, "levels", "at least one level is needed"));
        }
        let mut m = EscalationMatrix {
            levels: raw.levels,
            roles: raw.roles,
            steps: Vec::new(),
            triggers: Triggers::default(),
            agent_max_complexity: [Complexity::L1, Complexity::L2, Complexity::L3, Complexity::L4],
        };
        for (i, s) in raw.matrix.iter().enumerate() {
            let item = format!("matrix step {} ({} → {})", i + 1, clip(&s.from), clip(&s.to));
            let _ = &s.note;
            let from =
                if s.from == "any" {
                    From::Any
                } else {
                    From::Level(m.level(&s.from).ok_or_else(|| {
                        RoutingError::new(SOURCE, &item, format!("unknown level {:?}", s.from))
                    })?)
                };
            let to = match m.target(&s.to) {
                Some(Target::NextLevel) | None => {
                    return Err(RoutingError::new(SOURCE, item, format!("unknown level or role {:?}", s.to)));
                }
                Some(t) => t,
            };
            let when = match s.when.as_str() {
                "no_response" => Trigger::NoResponse,
                "no_resolution" => Trigger::NoResolution,
                "complaint" => Trigger::Complaint,
                other => {
                    let msg = format!("unknown condition {other:?} (no_response, no_resolution, complaint)");
                    return Err(RoutingError::new(SOURCE, item, msg));
                }
            };
            match (when, s.after_minutes) {
                (Trigger::Complaint, Some(_)) => {
                    return Err(RoutingError::new(
                        SOURCE,
                        item,
                        "a complaint escalates at once: no after_minutes",
                    ))
                }
                (Trigger::Complaint, None) => {}
                (_, Some(a)) if (1..=MAX_MINUTES).contains(&a) => {}
                _ => {
                    return Err(RoutingError::new(
                        SOURCE,
                        item,
                        format!("after_minutes must be between 1 and {MAX_MINUTES}"),
                    ))
                }
            }
            if let (From::Level(f), Target::Level(t)) = (from, to) {
                if t <= f {
                    return Err(RoutingError::new(
                        SOURCE,
                        item,
                        "escalation goes up: the target level must come after the source",
                    ));
                }
            }
            m.steps.push(Step { from, to, when, after: s.after_minutes });
        }
        let t = raw.triggers;
        let target = |m: &EscalationMatrix, raw: &RawTrigger, name: &str| {
            let _ = &raw.note;
            m.target(&raw.to).ok_or_else(|| {
                RoutingError::new(
                    SOURCE,
                    format!("trigger {name}"),
                    format!("unknown level or role {:?}", raw.to),
                )
            })
        };
        let mut triggers = Triggers::default();
        if let Some(r) = &t.sla_breach {
            triggers.sla_breach = Some(target(&m, r, "sla_breach")?);
        }
        if let Some(r) = &t.sla_risk {
            let pct = r.at_percent.unwrap_or(80);
            if !(1..=99).contains(&pct) {
                return Err(RoutingError::new(
                    SOURCE,
                    "trigger sla_risk",
                    "at_percent must be between 1 and 99",
                ));
            }
            triggers.sla_risk = Some((pct, target(&m, r, "sla_risk")?));
        }
        if let Some(r) = &t.vip {
            let mut tiers = Vec::new();
            for name in r.tiers.iter().flatten() {
                let tier = Tier::parse(name).ok_or_else(|| {
                    RoutingError::new(SOURCE, "trigger vip", format!("unknown tier {name:?}"))
                })?;
                tiers.push(tier);
            }
            triggers.vip = Some((tiers, target(&m, r, "vip")?));
        }
        if let Some(r) = &t.negative_sentiment {
            let below = r.score_below.unwrap_or(-0.5);
            let declining = r.declining_below.unwrap_or(0.0);
            if !(below.is_finite()
                && declining.is_finite()
                && (-1.0..=1.0).contains(&below)
                && (-1.0..=1.0).contains(&declining))
            {
                return Err(RoutingError::new(
                    SOURCE,
                    "trigger negative_sentiment",
                    "scores must be between -1 and 1",
                ));
            }
            triggers.negative_sentiment = Some((below, declining, target(&m, r, "negative_sentiment")?));
        }
        if let Some(r) = &t.failed_attempts {
            let n = r.at_least.unwrap_or(2).max(1);
            triggers.failed_attempts = Some((n, target(&m, r, "failed_attempts")?));
        }
        if let Some(r) = &t.complexity_above_agent {
            triggers.complexity_above_agent = Some(target(&m, r, "complexity_above_agent")?);
        }
        m.triggers = triggers;
        for (seniority, complexity) in &raw.agent_max_complexity {
            let item = "agent_max_complexity";
            let s = Seniority::parse(seniority)
                .ok_or_else(|| RoutingError::new(SOURCE, item, format!("unknown seniority {seniority:?}")))?;
            let c = Complexity::parse(complexity).ok_or_else(|| {
                RoutingError::new(SOURCE, item, format!("unknown complexity {complexity:?}"))
            })?;
            m.agent_max_complexity[s as usize] = c;
        }
        Ok(m)
    }

    /// The least seniority that handles a complexity (`None` when no seniority does).
    pub(crate) fn seniority_for(&self, complexity: Complexity) -> Option<Seniority> {
        Seniority::ALL.iter().copied().find(|s| self.agent_max_complexity[*s as usize] >= complexity)
    }

    /// The support levels, lowest first.
    pub fn levels(&self) -> &[String] {
        &self.levels
    }

    fn level(&self, name: &str) -> Option<usize> {
        self.levels.iter().position(|l| l == name)
    }

    fn target(&self, name: &str) -> Option<Target> {
        if name == "next_level" {
            return Some(Target::NextLevel);
        }
        self.level(name)
            .map(Target::Level)
            .or_else(|| self.roles.iter().position(|r| r == name).map(Target::Role))
    }

    /// The name of a target seen from a level (`None` when "the next level" does not exist).
    fn target_name(&self, target: Target, level: Option<usize>) -> Option<&str> {
        match target {
            Target::Level(l) => Some(&self.levels[l]),
            Target::Role(r) => Some(&self.roles[r]),
            Target::NextLevel => level.and_then(|l| self.levels.get(l + 1)).map(String::as_str),
        }
    }

    fn source_name(&self, from: From) -> &str {
        match from {
            From::Any => "any",
            From::Level(l) => &self.levels[l],
        }
    }

    /// The path a ticket takes if nothing happens: the timed steps from its level upwards,
    /// each due after the previous one, then the steps that apply at any level.
    pub(crate) fn path(&self, plan: &Plan<'_>) -> Vec<EscalationStep> {
        let mut out = Vec::new();
        let mut level = plan.level;
        let mut since = plan.created;
        for _ in 0..self.levels.len() {
            let mut next = None;
            for s in self.steps.iter().filter(|s| s.from == From::Level(level)) {
                let due = s.after.map(|a| plan.add(since, a));
                out.push(EscalationStep {
                    from: self.levels[level].clone(),
                    to: self.target_name(s.to, Some(level)).unwrap_or_default().to_string(),
                    when: s.when,
                    after_minutes: s.after,
                    due_at: due.map(|d| plan.stamp(d)),
                });
                if let (Target::Level(l), Some(d), None) = (s.to, due, next) {
                    next = Some((l, d));
                }
            }
            match next {
                Some((l, d)) => (level, since) = (l, d),
                None => break,
            }
        }
        for s in self.steps.iter().filter(|s| s.from == From::Any) {
            out.push(EscalationStep {
                from: "any".into(),
                to: self.target_name(s.to, None).unwrap_or_default().to_string(),
                when: s.when,
                after_minutes: s.after,
                due_at: None,
            });
        }
        out
    }

    /// What is due at `now` for a ticket in a state, following its plan.
    pub(crate) fn due(&self, plan: &Plan<'_>, state: &StateView<'_>, now: i64) -> Vec<EscalationAction> {
        let mut out: Vec<EscalationAction> = Vec::new();
        if state.resolved_at.is_some_and(|t| t <= now) {
            return out;
        }
        let input = state.input;
        let responded = state.first_response_at.is_some_and(|t| t <= now);
        let level = match state.level {
            Some(name) => self.level(name),
            None => Some(plan.level),
        };
        let level_name = state.level.unwrap_or(&self.levels[plan.level]);
        let since = state.level_since.unwrap_or(plan.created);
        // Keys and reasons are only built for what is actually due: most triggers are not, and
        // formatting is most of the cost of this function.
        let mut push = |due: i64,
                        trigger: Trigger,
                        to: Option<&str>,
                        key: &dyn Fn() -> String,
                        reason: &dyn Fn() -> String| {
            let Some(to) = to else { return };
            if due > now {
                return;
            }
            let key = key();
            if state.handled.contains(&key) || out.iter().any(|a| a.key == key) {
                return;
            }
            let overdue_minutes = (now - due).max(0) / 60;
            out.push(EscalationAction {
                key,
                trigger,
                to: to.to_string(),
                due_at: plan.stamp(due),
                overdue_minutes,
                reason: reason(),
            });
        };

        for s in self
            .steps
            .iter()
            .filter(|s| s.from == From::Any || level.is_some_and(|l| s.from == From::Level(l)))
        {
            let to = self.target_name(s.to, level);
            let key = || format!("{}:{}>{}", s.when, self.source_name(s.from), to.unwrap_or_default());
            match (s.when, s.after) {
                (Trigger::NoResponse, Some(after)) if !responded => {
                    let reason =
                        || format!("no first response {} at {level_name}", in_words(after, plan.clock()));
                    push(plan.add(since, after), s.when, to, &key, &reason);
                }
                (Trigger::NoResolution, Some(after)) => {
                    let reason = || format!("not resolved {} at {level_name}", in_words(after, plan.clock()));
                    push(plan.add(since, after), s.when, to, &key, &reason);
                }
                (Trigger::Complaint, _) if input.is_complaint() => {
                    push(plan.created, s.when, to, &key, &|| "the customer complained".into());
                }
                _ => {}
            }
        }

        let t = &self.triggers;
        let (fr_minutes, fr_due) = plan.first_response;
        let (res_minutes, res_due) = plan.resolution;
        if let Some(target) = t.sla_breach {
            let to = self.target_name(target, level);
            if !responded {
                let reason =
                    || format!("first-response SLA of {} breached", in_words_short(fr_minutes, plan.clock()));
                push(fr_due, Trigger::SlaBreach, to, &|| "sla_breach:first_response".into(), &reason);
            }
            let reason =
                || format!("resolution SLA of {} breached", in_words_short(res_minutes, plan.clock()));
            push(res_due, Trigger::SlaBreach, to, &|| "sla_breach:resolution".into(), &reason);
        }
        if let Some((pct, target)) = t.sla_risk {
            let to = self.target_name(target, level);
            let share = |m: u32| (u64::from(m) * u64::from(pct) / 100) as u32;
            if !responded && now < fr_due {
                let reason = || {
                    format!(
                        "{pct}% of the first-response window used without a response: re-route with priority"
                    )
                };
                let due = plan.add(plan.created, share(fr_minutes));
                push(due, Trigger::SlaRisk, to, &|| "sla_risk:first_response".into(), &reason);
            }
            if now < res_due {
                let reason = || format!("{pct}% of the resolution window used without a resolution");
                let due = plan.add(plan.created, share(res_minutes));
                push(due, Trigger::SlaRisk, to, &|| "sla_risk:resolution".into(), &reason);
            }
        }
        if let Some((tiers, target)) = &t.vip {
            if input.vip || tiers.contains(&input.tier) {
                let reason = || {
                    if input.vip {
                        "a VIP customer".to_string()
                    } else {
                        format!("{} tier: VIP treatment", input.tier)
                    }
                };
                push(plan.created, Trigger::Vip, self.target_name(*target, level), &|| "vip".into(), &reason);
            }
        }
        if let Some((below, declining, target)) = t.negative_sentiment {
            if let Some(score) = input.sentiment.filter(|s| s.is_finite()) {
                let worse = input.sentiment_trend == Some(Trend::Declining) && score < declining;
                if score < below || worse {
                    let reason = || {
                        if score < below {
                            format!("negative sentiment ({score:.2} below {below:.2})")
                        } else {
                            format!("sentiment declining and negative ({score:.2})")
                        }
                    };
                    let to = self.target_name(target, level);
                    push(now, Trigger::NegativeSentiment, to, &|| "negative_sentiment".into(), &reason);
                }
            }
        }
        if let Some((at_least, target)) = t.failed_attempts {
            if input.failed_attempts >= at_least {
                let reason = || format!("{} failed resolution attempts", input.failed_attempts);
                push(
                    now,
                    Trigger::FailedAttempts,
                    self.target_name(target, level),
                    &|| "failed_attempts".into(),
                    &reason,
                );
            }
        }
        if let (Some(target), Some(seniority)) = (t.complexity_above_agent, state.agent_seniority) {
            let max = self.agent_max_complexity[seniority as usize];
            if input.complexity > max {
                let reason = || {
                    format!(
                        "complexity {} is above what a {seniority} agent handles ({max})",
                        input.complexity
                    )
                };
                let to = self.target_name(target, level);
                push(now, Trigger::ComplexityAboveAgent, to, &|| "complexity_above_agent".into(), &reason);
            }
        }
        crate::sort::sort_by(&mut out, |a, b| {
            a.due_at.unix.cmp(&b.due_at.unix).then_with(|| a.key.cmp(&b.key))
        });
        out
    }
}

/// "after 4 business hours" and the like.
fn in_words(minutes: u32, clock: &str) -> String {
    format!("after {}", in_words_short(minutes, clock))
}

fn in_words_short(minutes: u32, clock: &str) -> String {
    if minutes % 60 == 0 {
        let h = minutes / 60;
        format!("{h} {clock}hour{}", if h == 1 { "" } else { "s" })
    } else {
        format!("{minutes} {clock}minutes")
    }
}

fn clip(text: &str) -> String {
    text.chars().take(30).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../data/routing/escalation.json");

    #[test]
    fn embedded_matrix_loads() {
        let m = EscalationMatrix::from_json(DEFAULT).expect("embedded escalation matrix");
        assert_eq!(m.levels(), ["L1", "L2", "L3", "engineering"]);
    }

    #[test]
    fn bad_matrices_name_the_step() {
        let base = r#"{"levels": ["L1", "L2"], "roles": ["management"], "matrix": [STEP]}"#;
        let cases = [
            (
                r#"{"from": "L1", "to": "L9", "when": "no_response", "after_minutes": 240}"#,
                "unknown level or role \"L9\"",
            ),
            (
                r#"{"from": "L2", "to": "L1", "when": "no_resolution", "after_minutes": 240}"#,
                "escalation goes up",
            ),
            (r#"{"from": "L1", "to": "L2", "when": "no_response"}"#, "after_minutes"),
            (r#"{"from": "any", "to": "management", "when": "complaint", "after_minutes": 5}"#, "at once"),
            (r#"{"from": "L1", "to": "L2", "when": "tuesday", "after_minutes": 5}"#, "unknown condition"),
            (
                r#"{"from": "L0", "to": "L2", "when": "no_response", "after_minutes": 5}"#,
                "unknown level \"L0\"",
            ),
        ];
        for (step, message) in cases {
            let err = EscalationMatrix::from_json(&base.replace("STEP", step)).unwrap_err();
            assert!(err.item.starts_with("matrix step 1"), "{err}");
            assert!(err.message.contains(message), "{err}");
        }
        let err = EscalationMatrix::from_json(r#"{"levels": ["L1", "L1"], "matrix": []}"#).unwrap_err();
        assert!(err.message.contains("unique"), "{err}");
        let err = EscalationMatrix::from_json(
            r#"{"levels": ["L1"], "matrix": [], "triggers": {"vip": {"to": "boss"}}}"#,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "escalation: trigger vip: unknown level or role \"boss\"");
    }
}
