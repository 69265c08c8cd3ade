//! Routing, SLA and escalation, with auto-replies: once a ticket is understood, where it goes,
//! by when it must be answered, what happens if it is not, and what the customer is told at once.
//!
//! Everything is a pure function of its arguments — time included: the routing moment is the
//! ticket's `created_at` (or its `now`), and [`Router::due_now`] takes the moment to judge. No
//! I/O, no clock, no global state; the same answer natively, on an edge worker and in a browser.
//!
//! Everything a support lead tunes is data under `data/routing/`, embedded as the default:
//! - `rules.json`: teams, the ordered routing rules (the seed's "Technical + Integration + High →
//!   Senior Technical, 4 h", "Billing → Billing, 24 h", "General + Low → knowledge base, then
//!   Junior support, 48 h"…), the priority policies (P1 → senior agents only, P2 → available
//!   specialists, P3 → any qualified agent, P4 → junior agents or the queue), the customer tiers,
//!   what each classifier decision (auto / suggest / manual) changes, and selection weights;
//! - `calendar.json`: business hours (working days, hours, holidays, a fixed UTC offset);
//! - `escalation.json`: the escalation matrix and automatic triggers;
//! - `templates.json`: auto-reply templates per language (en, ru) and channel style.
//!
//! ```
//! use helpdesk_ai::labels::{Area, Category, Complexity, Priority};
//! use helpdesk_ai::routing::{Roster, Router, RoutingInput, SAMPLE_ROSTER_JSON};
//! use helpdesk_ai::routing::time::Timestamp;
//!
//! let router = Router::default();
//! let roster = Roster::from_json(SAMPLE_ROSTER_JSON).unwrap();
//! let created = Timestamp::parse("2026-03-09T14:30:00+03:00").unwrap().unix; // Monday, 14:30 MSK
//! let mut ticket = RoutingInput::new(Category::TechnicalIssue, Area::Integration, Priority::P2, Complexity::L2, created);
//! ticket.ticket_id = Some("SUP-12345".into());
//!
//! let d = router.route(&ticket, Some(&roster), None);
//! assert_eq!((d.rule.as_str(), d.team.as_str()), ("technical-integration-high", "senior_technical"));
//! assert_eq!(d.sla.first_response_due.to_string(), "2026-03-10T09:30:00+03:00"); // 4 business hours
//! assert_eq!(d.auto_reply.subject.as_deref(), Some("[#SUP-12345] Technical integration issue escalated"));
//! assert!(d.agent.is_some() && !d.reasons.is_empty());
//! ```

mod decision;
mod error;
pub mod escalation;
mod input;
pub mod reply;
pub mod roster;
mod rules;
mod select;
pub mod sla;
pub mod time;

pub use decision::{AgentChoice, RoutingDecision, Sla};
pub use error::RoutingError;
pub use escalation::{EscalationAction, EscalationMatrix, EscalationStep, TicketState, Trigger};
pub use input::{Channel, CustomerHistory, KbSuggestion, PastTicket, RoutingInput, Tier};
pub use reply::{AutoReply, Templates};
pub use roster::{Agent, AgentStatus, Roster, Seniority};
pub use select::Pool;
pub use sla::BusinessCalendar;

use crate::labels::Complexity;
use crate::text::Language;
use escalation::{Plan, StateView};
use reply::{date_text, duration_text, Values};
use roster::language_bit;
use rules::{Rule, RuleSet, MAX_MINUTES};
use select::{select, Request};
use time::Timestamp;

/// The embedded routing rules (`data/routing/rules.json`).
pub const DEFAULT_RULES_JSON: &str = include_str!("../../data/routing/rules.json");
/// The embedded business calendar (`data/routing/calendar.json`).
pub const DEFAULT_CALENDAR_JSON: &str = include_str!("../../data/routing/calendar.json");
/// The embedded escalation matrix (`data/routing/escalation.json`).
pub const DEFAULT_ESCALATION_JSON: &str = include_str!("../../data/routing/escalation.json");
/// The embedded reply templates (`data/routing/templates.json`).
pub const DEFAULT_TEMPLATES_JSON: &str = include_str!("../../data/routing/templates.json");
/// A sample roster of 12 agents over five teams (`data/routing/roster.sample.json`), echoing
/// the seed's example (Alexey: integrations, 6/10, 4.8, ru+en; Maria: billing, 4/10, 4.9, ru).
pub const SAMPLE_ROSTER_JSON: &str = include_str!("../../data/routing/roster.sample.json");

/// The routing engine: rules, calendar, escalation matrix and templates, validated together.
#[derive(Debug, Clone)]
pub struct Router {
    rules: RuleSet,
    calendar: BusinessCalendar,
    escalation: EscalationMatrix,
    templates: Templates,
}

impl Default for Router {
    /// The embedded defaults, which reproduce the seed.
    fn default() -> Self {
        // A unit test proves the embedded data is valid; every other input returns an error.
        Router::from_parts(
            DEFAULT_RULES_JSON,
            DEFAULT_CALENDAR_JSON,
            DEFAULT_ESCALATION_JSON,
            DEFAULT_TEMPLATES_JSON,
        )
        .expect("the embedded routing data is valid")
    }
}

/// The deadlines of one ticket.
struct SlaPlan {
    business: bool,
    first_response: u32,
    resolution: u32,
    first_response_due: i64,
    resolution_due: i64,
}

impl Router {
    /// A router with these rules and the embedded calendar, escalation matrix and templates.
    ///
    /// ```
    /// use helpdesk_ai::routing::{Router, DEFAULT_RULES_JSON};
    /// assert!(Router::from_json(DEFAULT_RULES_JSON).is_ok());
    /// let err = Router::from_json("{\"teams\": []").unwrap_err();
    /// assert!(err.to_string().starts_with("rules: EOF while parsing"), "{err}");
    /// ```
    pub fn from_json(rules: &str) -> Result<Router, RoutingError> {
        Router::from_parts(rules, DEFAULT_CALENDAR_JSON, DEFAULT_ESCALATION_JSON, DEFAULT_TEMPLATES_JSON)
    }

    /// A router from its four documents (use the `DEFAULT_*_JSON` constants for the parts you
    /// keep). Rules are checked against the templates and escalation levels they refer to.
    pub fn from_parts(
        rules: &str,
        calendar: &str,
        escalation: &str,
        templates: &str,
    ) -> Result<Router, RoutingError> {
        let calendar = BusinessCalendar::from_json(calendar)?;
        let escalation = EscalationMatrix::from_json(escalation)?;
        let templates = Templates::from_json(templates)?;
        let rules = RuleSet::from_json(rules, &templates, escalation.levels())?;
        Ok(Router { rules, calendar, escalation, templates })
    }

    /// The business calendar.
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// The escalation matrix.
    pub fn escalation(&self) -> &EscalationMatrix {
        &self.escalation
    }

    /// The reply templates.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// The ids of the rules, in the order they are tried, then the fallback's.
    pub fn rule_ids(&self) -> Vec<&str> {
        self.rules.rules.iter().chain([&self.rules.fallback]).map(|r| r.id.as_str()).collect()
    }

    fn sla_plan(&self, input: &crate::routing::RoutingInput, rule: &Rule, created: i64) -> SlaPlan {
        let priority = &self.rules.priorities[input.priority as usize];
        let tier = &self.rules.tiers[input.tier as usize];
        // The rule's target is the promise for the kind of ticket; the priority caps it (a P1
        // billing ticket is not answered "within 24 hours"); the tier scales it.
        let scale = |m: u32| {
            (u64::from(m) * u64::from(tier.sla_percent)).div_ceil(100).clamp(1, u64::from(MAX_MINUTES) * 10)
                as u32
        };
        let first_response = scale(rule.first_response.min(priority.first_response));
        let resolution = self.rules.resolution[input.complexity as usize];
        let resolution =
            scale(priority.resolution_max.map_or(resolution, |cap| resolution.min(cap))).max(first_response);
        let business = !(priority.round_the_clock || tier.round_the_clock);
        SlaPlan {
            business,
            first_response,
            resolution,
            first_response_due: self.calendar.deadline(created, first_response, business),
            resolution_due: self.calendar.deadline(created, resolution, business),
        }
    }

    fn team_of(&self, input: &RoutingInput, rule: &Rule) -> usize {
        self.rules.decision(input.decision).team.unwrap_or(rule.team)
    }

    fn escalation_plan(&self, sla: &SlaPlan, created: i64, level: usize) -> Plan<'_> {
        Plan {
            calendar: &self.calendar,
            business: sla.business,
            created,
            first_response: (sla.first_response, sla.first_response_due),
            resolution: (sla.resolution, sla.resolution_due),
            level,
        }
    }

    /// Routes one ticket: the rule, team, agent (when a roster is given), SLA, escalation path,
    /// escalations due at once, the auto-reply, and the reasons. Never fails: a ticket no rule
    /// matches takes the fallback rule.
    ///
    /// ```
    /// use helpdesk_ai::labels::{Area, Category, Complexity, Priority};
    /// use helpdesk_ai::routing::{Router, RoutingInput};
    /// use helpdesk_ai::text::Language;
    /// let mut ticket = RoutingInput::new(Category::BillingIssue, Area::BillingSystem, Priority::P3, Complexity::L1, 1_773_039_600);
    /// ticket.language = Language::Ru;
    /// let d = Router::default().route(&ticket, None, None);
    /// assert_eq!((d.team.as_str(), d.sla.first_response_minutes, d.queue), ("billing", 1440, true));
    /// assert_eq!(d.auto_reply.lang, Language::Ru);
    /// assert!(d.auto_reply.body.contains("24 рабочих часов"), "{}", d.auto_reply.body);
    /// ```
    pub fn route(
        &self,
        input: &RoutingInput,
        roster: Option<&Roster>,
        history: Option<&CustomerHistory>,
    ) -> RoutingDecision {
        let rules = &self.rules;
        let created = time::clamp(input.created_at);
        let now = time::clamp(input.now.unwrap_or(created));
        let rule = rules.matching(input);
        let decision = rules.decision(input.decision);
        let priority = &rules.priorities[input.priority as usize];
        let tier = &rules.tiers[input.tier as usize];
        let team_index = self.team_of(input, rule);
        let team = &rules.teams[team_index];
        let template = decision.reply.unwrap_or(rule.reply);
        let lang = self.templates.language_for(template, input.language);
        let mut reasons: Vec<String> = Vec::with_capacity(12);

        // Reasons are joined from pieces rather than `format!`ted: routing's budget is microseconds.
        let rule_team = rules.teams[rule.team].name(Language::En);
        let what = if rule.note.is_empty() { rule_team } else { rule.note.as_str() };
        reasons.push(["rule \"", &rule.id, "\": ", what].concat());
        if !decision.note.is_empty() {
            reasons.push(["classifier decision ", input.decision_name(), ": ", &decision.note].concat());
        }
        if decision.team.is_some() && decision.team != Some(rule.team) {
            reasons.push(["sent to ", team.name(Language::En), " instead of ", rule_team].concat());
        }
        if !priority.note.is_empty() {
            reasons.push([input.priority.as_str(), ": ", &priority.note].concat());
        }
        if !tier.note.is_empty() {
            reasons.push([input.tier.as_str(), " customer: ", &tier.note].concat());
        }

        let sla = self.sla_plan(input, rule, created);
        let offset = self.calendar.offset_minutes();
        reasons.push(
            [
                "first response within ",
                &duration_text(sla.first_response, sla.business, Language::En),
                ", resolution within ",
                &duration_text(sla.resolution, sla.business, Language::En),
                if sla.business { " (business hours: " } else { " (round the clock" },
                if sla.business { self.calendar.description() } else { "" },
                ")",
            ]
            .concat(),
        );

        let self_service = (rule.self_service_first || tier.self_service_first)
            && priority.self_service
            && decision.assign
            && !input.kb.is_empty();
        if self_service {
            reasons.push(format!(
                "knowledge base first: {} article(s) suggested; {} takes the ticket if they do not help",
                input.kb.len(),
                team.name(Language::En)
            ));
        }

        let mut agent: Option<AgentChoice> = None;
        let mut fallback_agents: Vec<AgentChoice> = Vec::new();
        let mut eta_minutes = None;
        let mut agent_seniority = None;
        match (decision.assign, roster) {
            (false, _) => reasons.push(
                ["no agent assigned: the ticket waits in the ", team.name(Language::En), " queue"].concat(),
            ),
            (true, None) => reasons.push(
                ["no roster given: the ticket goes to the ", team.name(Language::En), " queue"].concat(),
            ),
            (true, Some(roster)) => {
                let chosen = self.choose(input, rule, team_index, roster, history, now, &mut reasons);
                let picks = chosen.as_slice();
                let hold = |best: &select::Pick| {
                    self_service
                        || (priority.queue_when_unavailable && (!best.available || best.above_preference))
                };
                match picks.first() {
                    None => reasons.push(format!(
                        "nobody on the roster can take it{}: the ticket waits in the {} queue",
                        if priority.min_seniority.is_some() {
                            " at the seniority its priority demands"
                        } else {
                            ""
                        },
                        team.name(Language::En)
                    )),
                    Some(best) => {
                        eta_minutes = Some(best.eta);
                        let skip = if hold(best) {
                            if !self_service {
                                reasons.push(format!(
                                    "{}: no suitable agent free now, the ticket is queued ({} is next, in about {} min)",
                                    input.priority,
                                    roster.agents()[best.agent as usize].name,
                                    best.eta
                                ));
                            }
                            0
                        } else {
                            reasons.push(describe(
                                roster,
                                best,
                                self.rules.teams[team_index].name(Language::En),
                                input,
                            ));
                            let a = &roster.agents()[best.agent as usize];
                            agent_seniority = Some(a.seniority);
                            agent = Some(choice(roster, best));
                            1
                        };
                        fallback_agents = picks[skip..].iter().map(|p| choice(roster, p)).collect();
                    }
                }
            }
        }
        let queue = agent.is_none();

        let plan = self.escalation_plan(&sla, created, team.level);
        let escalation_path = self.escalation.path(&plan);
        let view = StateView {
            input,
            level: None,
            level_since: None,
            first_response_at: None,
            resolved_at: None,
            agent_seniority,
            handled: &[],
        };
        let escalations = self.escalation.due(&plan, &view, now);
        for e in &escalations {
            reasons.push(["escalate to ", &e.to, " now: ", &e.reason].concat());
        }

        let sla_text = duration_text(sla.first_response, sla.business, lang);
        let due_text = date_text(sla.first_response_due, offset, lang);
        let eta_text = eta_minutes
            .filter(|_| agent.is_some())
            .map(|m| duration_text(m, false, lang))
            .unwrap_or_default();
        let team_name = team.name(lang);
        let values = Values {
            ticket_id: input.ticket_id.as_deref().unwrap_or(""),
            subject: input.subject.as_deref().unwrap_or(""),
            team: team_name,
            agent: agent.as_ref().map_or(team_name, |a| a.name.as_str()),
            sla: &sla_text,
            due: &due_text,
            eta: &eta_text,
            kb: &input.kb,
        };
        let auto_reply = self.templates.render(template, lang, input.channel, &values);

        RoutingDecision {
            ticket_id: input.ticket_id.clone(),
            rule: rule.id.clone(),
            team: team.id.clone(),
            team_name: team.name(input.language).to_string(),
            level: self.escalation.levels()[team.level].clone(),
            decision: input.decision,
            self_service,
            queue,
            agent,
            fallback_agents,
            eta_minutes,
            sla: Sla {
                first_response_due: Timestamp::new(sla.first_response_due, offset),
                resolution_due: Timestamp::new(sla.resolution_due, offset),
                first_response_minutes: sla.first_response,
                resolution_minutes: sla.resolution,
                business_hours: sla.business,
            },
            escalation_path,
            escalations,
            auto_reply,
            reasons,
        }
    }

    /// The candidates for a ticket, best first, with the reasons that shaped the choice.
    #[allow(clippy::too_many_arguments)]
    fn choose(
        &self,
        input: &RoutingInput,
        rule: &Rule,
        team_index: usize,
        roster: &Roster,
        history: Option<&CustomerHistory>,
        now: i64,
        reasons: &mut Vec<String>,
    ) -> select::Picks {
        let rules = &self.rules;
        let team = &rules.teams[team_index];
        let priority = &rules.priorities[input.priority as usize];
        let tier = &rules.tiers[input.tier as usize];
        let policy = &rules.selection;
        let mut soft_min = tier.min_seniority.max(rule.min_seniority);

        // Repeat customers: who helped them before, and how hard their tickets tend to be.
        const FAMILIAR: usize = 8;
        let mut familiar = [(0u32, 0.0f32); FAMILIAR];
        let mut familiar_len = 0;
        let history = history.filter(|h| match (&h.customer_id, &input.customer_id) {
            (Some(a), Some(b)) if a != b => {
                reasons.push("the history given belongs to another customer: ignored".into());
                false
            }
            _ => true,
        });
        if let Some(h) = history {
            let hp = &rules.history;
            let escalated = h.tickets.iter().filter(|t| t.escalated).count();
            let complex =
                h.tickets.iter().filter(|t| t.complexity.is_some_and(|c| c >= Complexity::L3)).count();
            let wants_experienced = (hp.experienced_after_escalations > 0
                && escalated >= hp.experienced_after_escalations as usize)
                || (hp.experienced_after_complex > 0 && complex >= hp.experienced_after_complex as usize);
            if wants_experienced && soft_min.is_none_or(|s| s < Seniority::Experienced) {
                soft_min = Some(Seniority::Experienced);
                reasons.push(format!(
                    "repeat customer with {escalated} escalated and {complex} complex ticket(s) before: an experienced agent"
                ));
            }
            for t in h.tickets.iter().rev().filter(|t| t.resolved && t.satisfied != Some(false)) {
                let Some(i) = roster.index_of(&t.agent) else { continue };
                match familiar[..familiar_len].iter_mut().find(|(a, _)| *a == i) {
                    Some(entry) => entry.1 = (entry.1 + hp.familiarity_bonus).min(2.0 * hp.familiarity_bonus),
                    None if familiar_len < FAMILIAR => {
                        familiar[familiar_len] = (i, hp.familiarity_bonus);
                        familiar_len += 1;
                    }
                    None => {}
                }
            }
        }

        let mut skills = 0u64;
        for s in rule.skills.iter().chain(&rules.area_skills[input.area as usize]) {
            match roster.skill_bit(s) {
                Some(bit) => skills |= 1 << bit,
                None => reasons.push(format!("no agent on the roster lists the skill {s:?}")),
            }
        }

        let hard_min = priority.min_seniority;
        let ceiling = match (priority.max_seniority, tier.max_seniority) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let prefer_max =
            ceiling.filter(|&max| soft_min.is_none_or(|s| s <= max) && hard_min.is_none_or(|h| h <= max));
        if let (Some(max), None) = (ceiling, prefer_max) {
            let wanted = soft_min.max(hard_min).map_or("", |s| s.as_str());
            reasons.push(
                [
                    "the preference for ",
                    max.as_str(),
                    " agents gives way to the ",
                    wanted,
                    " level asked for",
                ]
                .concat(),
            );
        }
        // An agent should be able to handle the ticket's complexity — unless the priority or
        // tier explicitly wants juniors, whose tickets then escalate if they must.
        let needed = self.escalation.seniority_for(input.complexity);
        let capable_min = match prefer_max {
            Some(max) => needed.map(|n| n.min(max)),
            None => needed,
        };

        let team_id = roster.team_id(&team.id);
        let backup = team.backup.and_then(|b| roster.team_id(&rules.teams[b].id));
        let on_shift = team_id.is_some_and(|t| roster.on_shift(t));
        if !on_shift {
            reasons.push(["nobody from ", team.name(Language::En), " is on shift"].concat());
        }
        let team_share = team_id.map(|t| roster.utilisation(t));
        let team_over = team_share.is_some_and(|u| u * 100.0 > f64::from(policy.team_overflow_percent));
        let all_over = roster.all_teams_above(f64::from(policy.all_teams_supervisor_percent) / 100.0);
        if all_over {
            reasons.push(format!(
                "every team is above {}% of capacity: supervisors take tickets first",
                policy.all_teams_supervisor_percent
            ));
        } else if team_over && on_shift {
            reasons.push(format!(
                "{} is at {:.0}% of capacity (above {}%): cross-trained agents first",
                team.name(Language::En),
                team_share.unwrap_or(1.0) * 100.0,
                policy.team_overflow_percent
            ));
        }

        let request = Request {
            team: team_id,
            backup,
            team_over,
            all_over,
            skills,
            skills_required: priority.skills_required,
            language: language_bit(input.language),
            hard_min,
            soft_min,
            capable_min,
            prefer_max,
            any_senior: hard_min == Some(Seniority::Senior),
            now,
            familiar: &familiar[..familiar_len],
            want: policy.fallback_agents + 1,
            policy,
        };
        select(roster, &request)
    }

    /// What is due now for a ticket in a state: escalations along the matrix (no response, no
    /// resolution, complaint) and the automatic triggers (SLA breach or risk, VIP, negative
    /// sentiment, failed attempts, complexity above the agent), minus those already handled,
    /// earliest first.
    ///
    /// ```
    /// use helpdesk_ai::labels::{Area, Category, Complexity, Priority};
    /// use helpdesk_ai::routing::{Router, RoutingInput, TicketState, Trigger};
    /// use helpdesk_ai::routing::time::Timestamp;
    /// let router = Router::default();
    /// let at = |s: &str| Timestamp::parse(s).unwrap().unix;
    /// let ticket = RoutingInput::new(Category::TechnicalIssue, Area::CoreProduct, Priority::P3, Complexity::L2, at("2026-03-09T10:00:00+03:00"));
    /// let state = TicketState::new(ticket);
    /// assert!(router.due_now(&state, at("2026-03-09T13:59:00+03:00")).is_empty());
    /// let due = router.due_now(&state, at("2026-03-09T14:00:00+03:00"));
    /// assert_eq!((due[0].trigger, due[0].to.as_str()), (Trigger::NoResponse, "L2"));
    /// ```
    pub fn due_now(&self, state: &TicketState, now: i64) -> Vec<EscalationAction> {
        let input = &state.ticket;
        let created = time::clamp(input.created_at);
        let rule = self.rules.matching(input);
        let team = &self.rules.teams[self.team_of(input, rule)];
        let sla = self.sla_plan(input, rule, created);
        let plan = self.escalation_plan(&sla, created, team.level);
        let view = StateView {
            input,
            level: state.level.as_deref(),
            level_since: state.level_since.map(time::clamp),
            first_response_at: state.first_response_at,
            resolved_at: state.resolved_at,
            agent_seniority: state.agent_seniority,
            handled: &state.handled,
        };
        self.escalation.due(&plan, &view, time::clamp(now))
    }
}

impl RoutingInput {
    fn decision_name(&self) -> &'static str {
        match self.decision {
            crate::triage::Decision::Auto => "auto",
            crate::triage::Decision::Suggest => "suggest",
            crate::triage::Decision::Manual => "manual",
        }
    }
}

fn choice(roster: &Roster, pick: &select::Pick) -> AgentChoice {
    let a = &roster.agents()[pick.agent as usize];
    AgentChoice {
        id: a.id.clone(),
        name: a.name.clone(),
        team: a.team.clone(),
        seniority: a.seniority,
        via: pick.pool,
        available: pick.available,
        eta_minutes: pick.eta,
    }
}

/// The chosen agent in words.
fn describe(roster: &Roster, pick: &select::Pick, team_name: &str, input: &RoutingInput) -> String {
    use std::fmt::Write as _;
    let a = &roster.agents()[pick.agent as usize];
    let mut s = String::with_capacity(128);
    let _ = write!(s, "{} ({}, {}): ", a.name, a.id, a.seniority);
    if pick.available {
        let _ = write!(s, "available, load {}/{}, rating {:.1}", a.load, a.capacity, a.rating);
    } else {
        let _ =
            write!(s, "the soonest free ({}, in about {} min), rating {:.1}", a.status, pick.eta, a.rating);
    }
    match pick.pool {
        Pool::Team => {}
        Pool::CrossTrained => s.push_str(&["; cross-trained for ", team_name].concat()),
        Pool::Backup => s.push_str(&["; from the backup team ", &a.team].concat()),
        Pool::Supervisor => s.push_str("; supervisor"),
        Pool::AnySenior => s.push_str(&["; a senior agent from ", &a.team, " (P1 needs a senior)"].concat()),
    }
    if pick.familiar {
        s.push_str("; has resolved this customer's tickets before");
    }
    if pick.language_miss {
        s.push_str(&["; does not speak ", input.language.code(), " (nobody who does can take it)"].concat());
    }
    if pick.skills_missing > 0 {
        let _ = write!(s, "; lacks {} of the wanted skills", pick.skills_missing);
    }
    if pick.below_min {
        s.push_str("; below the seniority asked for (nobody at that level can take it)");
    }
    if pick.incapable {
        s.push_str(
            &[
                "; below the level an ",
                input.complexity.as_str(),
                " ticket needs (nobody who can handle it is free)",
            ]
            .concat(),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_is_valid() {
        Router::from_parts(
            DEFAULT_RULES_JSON,
            DEFAULT_CALENDAR_JSON,
            DEFAULT_ESCALATION_JSON,
            DEFAULT_TEMPLATES_JSON,
        )
        .expect("the embedded routing data is valid");
        Roster::from_json(SAMPLE_ROSTER_JSON).expect("the sample roster is valid");
    }
}
