//! Routing, SLA, escalation and auto-replies: table-driven tests of every seed rule, the
//! priority and tier policies, overflow, business hours, every escalation trigger, templates,
//! validation errors; and property tests that nothing — input, roster or rule set — panics.

use helpdesk_ai::labels::{Area, Category, Complexity, Priority};
use helpdesk_ai::routing::time::Timestamp;
use helpdesk_ai::routing::{
    Agent, AgentStatus, Channel, CustomerHistory, KbSuggestion, PastTicket, Pool, Roster, Router,
    RoutingDecision, RoutingInput, Seniority, TicketState, Tier, Trigger, DEFAULT_CALENDAR_JSON,
    DEFAULT_ESCALATION_JSON, DEFAULT_RULES_JSON, DEFAULT_TEMPLATES_JSON, SAMPLE_ROSTER_JSON,
};
use helpdesk_ai::sentiment::Trend;
use helpdesk_ai::text::Language;
use helpdesk_ai::triage::Decision;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

use Seniority::{Experienced, Intermediate, Junior, Senior};

fn router() -> &'static Router {
    static ROUTER: OnceLock<Router> = OnceLock::new();
    ROUTER.get_or_init(Router::default)
}

fn at(text: &str) -> i64 {
    Timestamp::parse(text).unwrap().unix
}

/// Monday 14:30 Moscow time, the seed's availability example.
const MONDAY_1430: &str = "2026-03-09T14:30:00+03:00";
const FRIDAY_1700: &str = "2026-03-06T17:00:00+03:00";

fn ticket(category: Category, area: Area, priority: Priority) -> RoutingInput {
    RoutingInput::new(category, area, priority, Complexity::L2, at(MONDAY_1430))
}

fn tech(priority: Priority) -> RoutingInput {
    ticket(Category::TechnicalIssue, Area::CoreProduct, priority)
}

fn agent(id: &str, team: &str, seniority: Seniority, load: u32, capacity: u32) -> Agent {
    Agent {
        id: id.into(),
        name: id.to_uppercase(),
        team: team.into(),
        skills: vec![],
        languages: vec!["en".into(), "ru".into()],
        seniority,
        rating: 4.5,
        load,
        capacity,
        status: AgentStatus::Available,
        returns_at: None,
        cross_trained: vec![],
        supervisor: false,
    }
}

fn skilled(mut a: Agent, skills: &[&str]) -> Agent {
    a.skills = skills.iter().map(|s| s.to_string()).collect();
    a
}

fn busy_until(mut a: Agent, until: &str) -> Agent {
    a.status = AgentStatus::Busy;
    a.returns_at = Some(at(until));
    a
}

fn roster(agents: Vec<Agent>) -> Roster {
    Roster::new(agents).unwrap()
}

fn chosen(d: &RoutingDecision) -> &str {
    d.agent.as_ref().map_or("<queue>", |a| a.id.as_str())
}

fn has_reason(d: &RoutingDecision, needle: &str) -> bool {
    d.reasons.iter().any(|r| r.contains(needle))
}

// ---------------------------------------------------------------- rules of the seed

#[test]
fn every_seed_rule_routes_as_the_seed_says() {
    use Area::*;
    use Category::*;
    use Priority::*;
    // (category, area, priority, rule, team, first response minutes, reply template)
    let table = [
        (
            TechnicalIssue,
            Integration,
            P2,
            "technical-integration-high",
            "senior_technical",
            240,
            "technical_integration",
        ),
        (
            TechnicalIssue,
            Integration,
            P1,
            "technical-integration-high",
            "senior_technical",
            30,
            "technical_integration",
        ),
        (TechnicalIssue, Integration, P3, "technical-any", "technical", 480, "technical"),
        (TechnicalIssue, CoreProduct, P2, "technical-any", "technical", 240, "technical"),
        (BillingIssue, BillingSystem, P3, "billing-any", "billing", 1440, "billing_forwarded"),
        (BillingIssue, Reporting, P4, "billing-any", "billing", 1440, "billing_forwarded"),
        (BillingIssue, BillingSystem, P2, "billing-any", "billing", 240, "billing_forwarded"),
        (BillingIssue, BillingSystem, P1, "billing-any", "billing", 30, "billing_forwarded"),
        (GeneralInquiry, CoreProduct, P4, "general-low", "junior", 2880, "general_kb"),
        (GeneralInquiry, Reporting, P3, "general-any", "general", 1440, "general"),
        (AccountIssue, Authentication, P2, "account-access", "account", 240, "account_access"),
        (AccountIssue, CoreProduct, P3, "account-any", "account", 480, "account"),
        (FeatureRequest, Reporting, P4, "feature-request", "product", 2880, "feature_request"),
        (FeatureRequest, Reporting, P3, "feature-request", "product", 1440, "feature_request"),
        (FeedbackComplaint, CoreProduct, P3, "feedback-complaint", "customer_success", 480, "feedback"),
    ];
    for (category, area, priority, rule, team, minutes, template) in table {
        let d = router().route(&ticket(category, area, priority), None, None);
        let row = format!("{category} {area} {priority}");
        assert_eq!((d.rule.as_str(), d.team.as_str()), (rule, team), "{row}");
        assert_eq!(d.sla.first_response_minutes, minutes, "{row}");
        assert_eq!(d.auto_reply.template, template, "{row}");
        assert_eq!(d.sla.business_hours, priority != P1, "{row}: P1 runs round the clock");
        assert!(d.queue && d.agent.is_none(), "{row}: no roster, so the team queue");
        assert!(d.reasons[0].starts_with(&format!("rule \"{rule}\"")), "{row}: {:?}", d.reasons);
    }
    let covered: Vec<&str> = table.iter().map(|r| r.3).collect();
    for id in router().rule_ids() {
        assert!(id == "fallback" || covered.contains(&id), "rule {id} has no row in the table");
    }
}

#[test]
fn a_ticket_no_rule_matches_takes_the_fallback() {
    let mut rules: Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
    rules["rules"] = json!([rules["rules"][1].clone()]); // billing only
    let r = Router::from_json(&rules.to_string()).unwrap();
    let d = r.route(&tech(Priority::P3), None, None);
    assert_eq!(
        (d.rule.as_str(), d.team.as_str(), d.auto_reply.template.as_str()),
        ("fallback", "general", "acknowledge")
    );
    assert_eq!(
        r.route(&ticket(Category::BillingIssue, Area::BillingSystem, Priority::P3), None, None).rule,
        "billing-any"
    );
}

#[test]
fn the_seed_example_crm_api_ticket() {
    // "I'm getting an error when trying to connect our CRM via API … Authentication failed …
    // blocking our sales team" → Technical Issue, Integration, High, L2, 95 % → Senior Technical
    // Support, SLA 4 h, "Technical specialist will respond within 4 hours".
    let mut t = ticket(Category::TechnicalIssue, Area::Integration, Priority::P2);
    t.ticket_id = Some("SUP-12345".into());
    t.language = Language::En;
    let d = router().route(&t, Some(&Roster::from_json(SAMPLE_ROSTER_JSON).unwrap()), None);
    assert_eq!(d.team_name, "Senior Technical Support");
    assert_eq!(d.sla.first_response_due.to_string(), "2026-03-10T09:30:00+03:00");
    assert_eq!(d.auto_reply.subject.as_deref(), Some("[#SUP-12345] Technical integration issue escalated"));
    assert!(
        d.auto_reply.body.contains("A technical specialist will respond within 4 business hours"),
        "{}",
        d.auto_reply.body
    );
    let a = d.agent.as_ref().unwrap();
    assert_eq!((a.team.as_str(), a.via), ("senior_technical", Pool::Team));
    assert_eq!(d.level, "L2");
}

#[test]
fn general_low_goes_to_the_knowledge_base_first_then_junior_support() {
    let sample = Roster::from_json(SAMPLE_ROSTER_JSON).unwrap();
    let mut t = ticket(Category::GeneralInquiry, Area::CoreProduct, Priority::P4);
    t.language = Language::En;
    let d = router().route(&t, Some(&sample), None);
    assert!(!d.self_service, "no suggestions: straight to Junior Support");
    assert_eq!(chosen(&d), "a10");
    t.kb = vec![KbSuggestion {
        title: "Exporting data".into(),
        url: Some("https://kb.example.com/export".into()),
        id: None,
    }];
    let d = router().route(&t, Some(&sample), None);
    assert!(d.self_service && d.queue && d.agent.is_none());
    assert_eq!(d.fallback_agents[0].id, "a10", "Kate takes it if the article does not help");
    assert!(
        d.auto_reply.body.contains("Exporting data: https://kb.example.com/export"),
        "{}",
        d.auto_reply.body
    );
    assert!(has_reason(&d, "knowledge base first"), "{:?}", d.reasons);
    assert_eq!(d.sla.first_response_minutes, 2880);
}

// ---------------------------------------------------------------- priority policies

#[test]
fn p1_goes_to_senior_agents_only() {
    // (roster, expected agent, expected pool): seniors in the team, then any senior, else the queue.
    let cases: Vec<(Vec<Agent>, &str, Option<Pool>)> = vec![
        (
            vec![agent("j", "technical", Junior, 0, 10), agent("s", "technical", Senior, 8, 10)],
            "s",
            Some(Pool::Team),
        ),
        (
            vec![agent("j", "technical", Junior, 0, 10), agent("bs", "billing", Senior, 9, 10)],
            "bs",
            Some(Pool::AnySenior),
        ),
        (
            vec![agent("j", "technical", Junior, 0, 10), agent("e", "technical", Experienced, 0, 10)],
            "<queue>",
            None,
        ),
        (
            // The team is overloaded and a cross-trained junior is free; every team is above 80 %
            // and a junior supervisor is free: still the (busy) senior.
            vec![
                agent("s", "technical", Senior, 10, 10),
                agent("j", "technical", Junior, 9, 10),
                Agent { cross_trained: vec!["technical".into()], ..agent("x", "billing", Junior, 9, 10) },
                Agent { supervisor: true, ..agent("sup", "general", Intermediate, 9, 10) },
            ],
            "s",
            Some(Pool::Team),
        ),
    ];
    for (i, (agents, expected, pool)) in cases.into_iter().enumerate() {
        let d = router().route(&tech(Priority::P1), Some(&roster(agents)), None);
        assert_eq!(chosen(&d), expected, "case {i}: {:?}", d.reasons);
        assert_eq!(d.agent.as_ref().map(|a| a.via), pool, "case {i}");
        for a in d.agent.iter().chain(&d.fallback_agents) {
            assert_eq!(a.seniority, Senior, "case {i}: P1 never lists a non-senior ({})", a.id);
        }
    }
}

#[test]
fn p2_wants_specialists_p3_any_qualified_agent() {
    let specialist_busy = busy_until(
        skilled(agent("spec", "technical", Experienced, 2, 10), &["core_product"]),
        "2026-03-09T14:50:00+03:00",
    );
    let generalist_free = agent("gen", "technical", Experienced, 0, 10);
    let specialist_free = skilled(agent("spec2", "technical", Experienced, 8, 10), &["core_product"]);
    let r1 = roster(vec![specialist_busy.clone(), generalist_free.clone()]);
    let r2 = roster(vec![specialist_busy, generalist_free, specialist_free]);
    // (roster, priority, expected agent, available)
    let cases = [
        (&r1, Priority::P2, "spec", false),
        (&r1, Priority::P3, "gen", true),
        (&r2, Priority::P2, "spec2", true),
        (&r2, Priority::P3, "spec2", true),
    ];
    for (r, priority, expected, available) in cases {
        let d = router().route(&tech(priority), Some(r), None);
        assert_eq!(chosen(&d), expected, "{priority}: {:?}", d.reasons);
        assert_eq!(d.agent.as_ref().unwrap().available, available);
    }
    let d = router().route(&tech(Priority::P2), Some(&r1), None);
    assert_eq!(d.eta_minutes, Some(25), "back at 14:50, plus 5 minutes to pick it up");
}

#[test]
fn p4_goes_to_junior_agents_or_the_queue() {
    let d = router().route(
        &tech(Priority::P4),
        Some(&roster(vec![agent("s", "technical", Senior, 0, 10), agent("j", "technical", Junior, 5, 8)])),
        None,
    );
    assert_eq!(chosen(&d), "j");
    let r = roster(vec![
        agent("s", "technical", Senior, 0, 10),
        busy_until(agent("j", "technical", Junior, 5, 8), "2026-03-09T16:00:00+03:00"),
    ]);
    let d = router().route(&tech(Priority::P4), Some(&r), None);
    assert!(d.queue && d.agent.is_none(), "no junior free: queued, the senior is not used");
    let ids: Vec<&str> = d.fallback_agents.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["s", "j"]);
    assert!(has_reason(&d, "queued"), "{:?}", d.reasons);
}

// ---------------------------------------------------------------- customer tiers

#[test]
fn customer_tiers_choose_seniority_and_scale_the_sla() {
    let team = roster(vec![
        agent("i", "technical", Intermediate, 0, 10),
        agent("e", "technical", Experienced, 5, 10),
        agent("s", "technical", Senior, 8, 10),
        agent("j", "technical", Junior, 6, 8),
    ]);
    // (tier, expected agent, first-response minutes of the 480-minute technical rule)
    let cases = [
        (Tier::Enterprise, "s", 240),
        (Tier::Premium, "e", 360),
        (Tier::Standard, "i", 480),
        (Tier::Trial, "j", 720),
    ];
    for (tier, expected, minutes) in cases {
        let mut t = tech(Priority::P3);
        t.tier = tier;
        let d = router().route(&t, Some(&team), None);
        assert_eq!(chosen(&d), expected, "{tier}: {:?}", d.reasons);
        assert_eq!(d.sla.first_response_minutes, minutes, "{tier}");
    }
    // Trial users with suggestions help themselves first.
    let mut t = tech(Priority::P3);
    t.tier = Tier::Trial;
    t.kb = vec![KbSuggestion { title: "Dashboard is blank".into(), url: None, id: Some("KB-12".into()) }];
    let d = router().route(&t, Some(&team), None);
    assert!(d.self_service && d.queue, "{:?}", d.reasons);
    // An enterprise customer with no senior on the roster gets the best there is, and is told why.
    let juniors =
        roster(vec![agent("i", "technical", Intermediate, 3, 10), agent("j", "technical", Junior, 0, 10)]);
    let mut t = tech(Priority::P3);
    t.tier = Tier::Enterprise;
    let d = router().route(&t, Some(&juniors), None);
    assert_eq!(chosen(&d), "i", "the intermediate can handle an L2 ticket, the less loaded junior cannot");
    assert!(has_reason(&d, "below the seniority asked for"), "{:?}", d.reasons);
    // The tier outranks P4's preference for juniors.
    let mut t = tech(Priority::P4);
    t.tier = Tier::Enterprise;
    let d = router().route(&t, Some(&team), None);
    assert_eq!(chosen(&d), "s");
    assert!(has_reason(&d, "gives way to the senior level"), "{:?}", d.reasons);
}

#[test]
fn agents_who_can_handle_the_complexity_come_first() {
    let team =
        roster(vec![agent("j", "technical", Junior, 0, 8), agent("e", "technical", Experienced, 7, 10)]);
    // (priority, complexity, expected agent, complexity escalation due at once)
    let cases = [
        (Priority::P3, Complexity::L1, "j", false),
        (Priority::P3, Complexity::L3, "e", false),
        (Priority::P4, Complexity::L3, "j", true), // P4 wants juniors: it escalates if it must
    ];
    for (priority, complexity, expected, escalates) in cases {
        let mut t = tech(priority);
        t.complexity = complexity;
        let d = router().route(&t, Some(&team), None);
        assert_eq!(chosen(&d), expected, "{priority} {complexity}: {:?}", d.reasons);
        let flagged = d.escalations.iter().any(|e| e.trigger == Trigger::ComplexityAboveAgent);
        assert_eq!(flagged, escalates, "{priority} {complexity}");
    }
    let only_junior = roster(vec![agent("j", "technical", Junior, 0, 8)]);
    let mut t = tech(Priority::P3);
    t.complexity = Complexity::L4;
    let d = router().route(&t, Some(&only_junior), None);
    assert_eq!(chosen(&d), "j");
    assert!(has_reason(&d, "below the level an L4 ticket needs"), "{:?}", d.reasons);
}

// ---------------------------------------------------------------- overflow and availability

#[test]
fn overflow_rules_of_the_seed() {
    let t1 = Agent { rating: 5.0, ..agent("t1", "technical", Experienced, 9, 10) };
    let t2 = agent("t2", "technical", Experienced, 10, 10);
    let cross = Agent {
        rating: 3.0,
        cross_trained: vec!["technical".into()],
        ..agent("x", "billing", Experienced, 9, 10)
    };
    let billing = agent("b", "billing", Experienced, 0, 10);
    let sup = Agent { supervisor: true, ..agent("sup", "customer_success", Experienced, 9, 10) };

    // Team at 95 % (> 90 %): the cross-trained agent goes first, though t1 scores better.
    let d = router().route(
        &tech(Priority::P3),
        Some(&roster(vec![t1.clone(), t2.clone(), cross.clone(), billing.clone()])),
        None,
    );
    assert_eq!((chosen(&d), d.agent.as_ref().unwrap().via), ("x", Pool::CrossTrained));
    assert!(has_reason(&d, "above 90%"), "{:?}", d.reasons);

    // Team at 50 %: its own agents first, though the cross-trained one is less loaded.
    let calm = roster(vec![
        agent("t1", "technical", Experienced, 5, 10),
        agent("t2", "technical", Experienced, 5, 10),
        Agent { load: 0, ..cross.clone() },
    ]);
    assert_eq!(router().route(&tech(Priority::P3), Some(&calm), None).agent.unwrap().via, Pool::Team);

    // Every team above 80 %: supervisors take tickets.
    let all_busy = roster(vec![
        t1.clone(),
        t2.clone(),
        Agent { load: 9, ..billing.clone() },
        cross.clone(),
        sup.clone(),
    ]);
    let d = router().route(&tech(Priority::P3), Some(&all_busy), None);
    assert_eq!((chosen(&d), d.agent.as_ref().unwrap().via), ("sup", Pool::Supervisor));
    assert!(has_reason(&d, "supervisors"), "{:?}", d.reasons);

    // Not every team is overloaded: a supervisor is a last resort, after waiting for the team.
    let waiting = roster(vec![busy_until(t1, "2026-03-09T15:30:00+03:00"), Agent { load: 1, ..sup }]);
    let d = router().route(&tech(Priority::P3), Some(&waiting), None);
    assert_eq!(chosen(&d), "t1");
    assert_eq!(d.eta_minutes, Some(65));
    assert_eq!(d.fallback_agents[0].via, Pool::Supervisor);

    // Nobody free in the team: a free agent of the backup team (senior technical) first.
    let backup = roster(vec![
        busy_until(agent("t", "technical", Experienced, 1, 10), "2026-03-09T16:00:00+03:00"),
        agent("st", "senior_technical", Senior, 5, 10),
    ]);
    let d = router().route(&tech(Priority::P3), Some(&backup), None);
    assert_eq!((chosen(&d), d.agent.as_ref().unwrap().via), ("st", Pool::Backup));
}

#[test]
fn availability_from_the_seed_roster_on_monday_1430() {
    let sample = Roster::from_json(SAMPLE_ROSTER_JSON).unwrap();
    let mut t = tech(Priority::P3);
    t.language = Language::En;
    let d = router().route(&t, Some(&sample), None);
    // John (en, 5/10) beats Sergey (7/10); Emma is busy until 15:00; Ivan speaks only Russian;
    // the senior technical agents (backup team) come after the free team agents.
    assert_eq!(chosen(&d), "a3");
    assert_eq!(d.eta_minutes, Some(20), "5 minutes to pick up + 5 open tickets × 3");
    let fallbacks: Vec<&str> = d.fallback_agents.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(fallbacks, ["a5", "a11", "a1"]);

    let emma =
        roster(vec![busy_until(agent("emma", "technical", Senior, 9, 10), "2026-03-09T15:00:00+03:00")]);
    let d = router().route(&tech(Priority::P3), Some(&emma), None);
    assert_eq!((d.eta_minutes, d.agent.as_ref().unwrap().available), (Some(35), false), "back in 30 minutes");
    let mut later = tech(Priority::P3);
    later.now = Some(at("2026-03-09T15:10:00+03:00"));
    let d = router().route(&later, Some(&emma), None);
    assert_eq!((d.eta_minutes, d.agent.as_ref().unwrap().available), (Some(32), true), "she is back");

    let sick = roster(vec![Agent {
        status: AgentStatus::Offline,
        ..agent("anna", "technical", Experienced, 0, 10)
    }]);
    let d = router().route(&tech(Priority::P3), Some(&sick), None);
    assert!(d.agent.is_none() && d.fallback_agents.is_empty(), "offline with no return date: never chosen");
}

#[test]
fn language_is_a_qualification() {
    let ru_only = Agent { languages: vec!["ru".into()], ..agent("ru", "technical", Experienced, 0, 10) };
    let en_only = Agent { languages: vec!["en".into()], ..agent("en", "technical", Experienced, 8, 10) };
    let both = roster(vec![ru_only.clone(), en_only]);
    for (language, expected) in [(Language::En, "en"), (Language::Ru, "ru"), (Language::Und, "ru")] {
        let mut t = tech(Priority::P3);
        t.language = language;
        assert_eq!(chosen(&router().route(&t, Some(&both), None)), expected, "{language:?}");
    }
    let mut t = tech(Priority::P3);
    t.language = Language::En;
    let d = router().route(&t, Some(&roster(vec![ru_only])), None);
    assert_eq!(chosen(&d), "ru");
    assert!(has_reason(&d, "does not speak en"), "{:?}", d.reasons);
}

// ---------------------------------------------------------------- repeat customers

#[test]
fn repeat_customers_get_familiar_and_experienced_agents() {
    let team = roster(vec![
        agent("a", "technical", Intermediate, 4, 10),
        agent("b", "technical", Intermediate, 4, 10),
    ]);
    let past = |agent: &str, satisfied: Option<bool>, escalated: bool| PastTicket {
        agent: agent.into(),
        resolved: true,
        satisfied,
        escalated,
        complexity: None,
    };
    let mut t = tech(Priority::P3);
    t.customer_id = Some("c-1".into());
    assert_eq!(chosen(&router().route(&t, Some(&team), None)), "a", "a tie goes to the first agent");
    let history =
        CustomerHistory { customer_id: Some("c-1".into()), tickets: vec![past("b", Some(true), false)] };
    let d = router().route(&t, Some(&team), Some(&history));
    assert_eq!(chosen(&d), "b");
    assert!(has_reason(&d, "resolved this customer's tickets before"), "{:?}", d.reasons);
    let unhappy = CustomerHistory { customer_id: None, tickets: vec![past("b", Some(false), false)] };
    assert_eq!(chosen(&router().route(&t, Some(&team), Some(&unhappy))), "a");
    let someone_else = CustomerHistory { customer_id: Some("c-2".into()), ..history };
    let d = router().route(&t, Some(&team), Some(&someone_else));
    assert_eq!(chosen(&d), "a");
    assert!(has_reason(&d, "another customer"), "{:?}", d.reasons);

    let mixed = roster(vec![
        agent("i", "technical", Intermediate, 0, 10),
        agent("e", "technical", Experienced, 5, 10),
    ]);
    let escalated =
        CustomerHistory { customer_id: None, tickets: vec![past("x", None, true), past("y", None, true)] };
    let d = router().route(&t, Some(&mixed), Some(&escalated));
    assert_eq!(chosen(&d), "e");
    assert!(has_reason(&d, "experienced agent"), "{:?}", d.reasons);
}

// ---------------------------------------------------------------- classifier decision

#[test]
fn the_classifier_decision_changes_what_happens() {
    let sample = Roster::from_json(SAMPLE_ROSTER_JSON).unwrap();
    let mut t = ticket(Category::BillingIssue, Area::BillingSystem, Priority::P3);
    let cases = [
        (Decision::Auto, "billing", true, "billing_forwarded"),
        (Decision::Suggest, "billing", true, "acknowledge"),
        (Decision::Manual, "triage", false, "acknowledge"),
    ];
    for (decision, team, assigned, template) in cases {
        t.decision = decision;
        let d = router().route(&t, Some(&sample), None);
        assert_eq!(d.rule, "billing-any", "{decision:?}: the best guess is still reported");
        assert_eq!(
            (d.team.as_str(), d.agent.is_some(), d.auto_reply.template.as_str()),
            (team, assigned, template),
            "{decision:?}"
        );
        assert_eq!(d.decision, decision);
    }
    assert!(has_reason(&router().route(&t, Some(&sample), None), "classifies it"));
}

// ---------------------------------------------------------------- SLA on the business calendar

#[test]
fn sla_deadlines_on_business_hours_across_a_weekend() {
    // (created, category, area, priority, tier, first response due, resolution due, business hours)
    let cases = [
        (
            FRIDAY_1700,
            Category::TechnicalIssue,
            Area::Integration,
            Priority::P2,
            Tier::Standard,
            "2026-03-09T12:00:00+03:00",
            "2026-03-11T14:00:00+03:00",
            true,
        ),
        (
            FRIDAY_1700,
            Category::TechnicalIssue,
            Area::Integration,
            Priority::P1,
            Tier::Standard,
            "2026-03-06T17:30:00+03:00",
            "2026-03-07T01:00:00+03:00",
            false,
        ),
        (
            FRIDAY_1700,
            Category::TechnicalIssue,
            Area::CoreProduct,
            Priority::P3,
            Tier::Standard,
            "2026-03-09T16:00:00+03:00",
            "2026-03-16T11:00:00+03:00",
            true,
        ),
        (
            FRIDAY_1700,
            Category::TechnicalIssue,
            Area::Integration,
            Priority::P2,
            Tier::Enterprise,
            "2026-03-09T10:00:00+03:00",
            "2026-03-10T11:00:00+03:00",
            true,
        ),
        (
            "2026-03-07T11:00:00+03:00",
            Category::GeneralInquiry,
            Area::CoreProduct,
            Priority::P4,
            Tier::Standard,
            "2026-03-16T12:00:00+03:00",
            "2026-03-16T12:00:00+03:00",
            true,
        ),
    ];
    for (created, category, area, priority, tier, first, resolution, business) in cases {
        let mut t = RoutingInput::new(category, area, priority, Complexity::L2, at(created));
        t.tier = tier;
        let d = router().route(&t, None, None);
        let row = format!("{created} {category} {priority} {tier}");
        assert_eq!(d.sla.first_response_due.to_string(), first, "{row}");
        assert_eq!(d.sla.resolution_due.to_string(), resolution, "{row}");
        assert_eq!(d.sla.business_hours, business, "{row}");
    }
    // A holiday on Monday pushes the deadline to Tuesday.
    let calendar = DEFAULT_CALENDAR_JSON.replace("\"holidays\": []", "\"holidays\": [\"2026-03-09\"]");
    let r =
        Router::from_parts(DEFAULT_RULES_JSON, &calendar, DEFAULT_ESCALATION_JSON, DEFAULT_TEMPLATES_JSON)
            .unwrap();
    let t = RoutingInput::new(
        Category::TechnicalIssue,
        Area::Integration,
        Priority::P2,
        Complexity::L2,
        at(FRIDAY_1700),
    );
    assert_eq!(r.route(&t, None, None).sla.first_response_due.to_string(), "2026-03-10T12:00:00+03:00");
}

// ---------------------------------------------------------------- escalation

/// A P3 technical ticket (Technical Support, L1) created Monday 10:00: first response due 18:00.
fn state() -> TicketState {
    TicketState::new(RoutingInput::new(
        Category::TechnicalIssue,
        Area::CoreProduct,
        Priority::P3,
        Complexity::L2,
        at("2026-03-09T10:00:00+03:00"),
    ))
}

#[test]
fn every_escalation_trigger() {
    // (name, setup, now, keys expected, key that must be absent, target of the first expected key)
    type Case = (
        &'static str,
        fn(&mut TicketState),
        &'static str,
        &'static [&'static str],
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        ("nothing yet", |_| {}, "2026-03-09T13:59:00+03:00", &[], "no_response:L1>L2", ""),
        (
            "L1 → L2 after 4 h without a response",
            |_| {},
            "2026-03-09T14:00:00+03:00",
            &["no_response:L1>L2"],
            "sla_risk:first_response",
            "L2",
        ),
        (
            "answered: no L1 → L2",
            |s| s.first_response_at = Some(at("2026-03-09T11:00:00+03:00")),
            "2026-03-09T14:00:00+03:00",
            &[],
            "no_response:L1>L2",
            "",
        ),
        (
            "L2 → L3 after 8 h unresolved",
            |s| {
                s.level = Some("L2".into());
                s.first_response_at = Some(at("2026-03-09T11:00:00+03:00"));
            },
            "2026-03-09T18:00:00+03:00",
            &["no_resolution:L2>L3"],
            "no_response:L1>L2",
            "L3",
        ),
        (
            "L3 → Engineering after 24 business hours",
            |s| {
                s.level = Some("L3".into());
                s.first_response_at = Some(at("2026-03-09T11:00:00+03:00"));
            },
            "2026-03-11T16:00:00+03:00",
            &["no_resolution:L3>engineering"],
            "sla_risk:resolution",
            "engineering",
        ),
        (
            "complaint → management",
            |s| s.ticket.complaint = true,
            "2026-03-09T10:00:00+03:00",
            &["complaint:any>management"],
            "vip",
            "management",
        ),
        (
            "negative feedback is a complaint",
            |s| {
                s.ticket.category = Category::FeedbackComplaint;
                s.ticket.sentiment = Some(-0.3);
            },
            "2026-03-09T10:00:00+03:00",
            &["complaint:any>management"],
            "negative_sentiment",
            "management",
        ),
        (
            "praise is not",
            |s| {
                s.ticket.category = Category::FeedbackComplaint;
                s.ticket.sentiment = Some(0.8);
            },
            "2026-03-09T10:00:00+03:00",
            &[],
            "complaint:any>management",
            "",
        ),
        (
            "SLA breach",
            |_| {},
            "2026-03-09T18:00:00+03:00",
            &["sla_breach:first_response", "no_response:L1>L2"],
            "sla_breach:resolution",
            "supervisor",
        ),
        (
            "SLA risk at 80 %",
            |_| {},
            "2026-03-09T16:24:00+03:00",
            &["sla_risk:first_response"],
            "sla_breach:first_response",
            "supervisor",
        ),
        (
            "VIP",
            |s| s.ticket.vip = true,
            "2026-03-09T10:00:00+03:00",
            &["vip"],
            "complaint:any>management",
            "senior",
        ),
        (
            "enterprise counts as VIP",
            |s| s.ticket.tier = Tier::Enterprise,
            "2026-03-09T10:00:00+03:00",
            &["vip"],
            "",
            "senior",
        ),
        (
            "very negative sentiment",
            |s| s.ticket.sentiment = Some(-0.7),
            "2026-03-09T10:00:00+03:00",
            &["negative_sentiment"],
            "",
            "supervisor",
        ),
        (
            "negative and declining",
            |s| {
                s.ticket.sentiment = Some(-0.2);
                s.ticket.sentiment_trend = Some(Trend::Declining);
            },
            "2026-03-09T10:00:00+03:00",
            &["negative_sentiment"],
            "",
            "supervisor",
        ),
        (
            "mildly negative and stable",
            |s| {
                s.ticket.sentiment = Some(-0.2);
                s.ticket.sentiment_trend = Some(Trend::Stable);
            },
            "2026-03-09T10:00:00+03:00",
            &[],
            "negative_sentiment",
            "",
        ),
        (
            "two failed attempts",
            |s| s.ticket.failed_attempts = 2,
            "2026-03-09T10:00:00+03:00",
            &["failed_attempts"],
            "",
            "L2",
        ),
        (
            "one failed attempt",
            |s| s.ticket.failed_attempts = 1,
            "2026-03-09T10:00:00+03:00",
            &[],
            "failed_attempts",
            "",
        ),
        (
            "complexity above the agent",
            |s| {
                s.ticket.complexity = Complexity::L3;
                s.agent_seniority = Some(Junior);
            },
            "2026-03-09T10:00:00+03:00",
            &["complexity_above_agent"],
            "",
            "L2",
        ),
        (
            "an agent up to it",
            |s| {
                s.ticket.complexity = Complexity::L3;
                s.agent_seniority = Some(Experienced);
            },
            "2026-03-09T10:00:00+03:00",
            &[],
            "complexity_above_agent",
            "",
        ),
        (
            "already handled",
            |s| s.handled = vec!["no_response:L1>L2".into()],
            "2026-03-09T14:00:00+03:00",
            &[],
            "no_response:L1>L2",
            "",
        ),
        (
            "resolved: nothing is due",
            |s| {
                s.ticket.vip = true;
                s.resolved_at = Some(at("2026-03-09T12:00:00+03:00"));
            },
            "2026-03-10T12:00:00+03:00",
            &[],
            "vip",
            "",
        ),
    ];
    for (name, setup, now, expected, absent, to) in cases {
        let mut s = state();
        setup(&mut s);
        let due = router().due_now(&s, at(now));
        let keys: Vec<&str> = due.iter().map(|a| a.key.as_str()).collect();
        for k in expected {
            assert!(keys.contains(k), "{name}: {k} missing from {keys:?}");
        }
        if expected.is_empty() {
            assert!(keys.is_empty(), "{name}: {keys:?}");
        }
        if !absent.is_empty() {
            assert!(!keys.contains(&absent), "{name}: {absent} should not be due: {keys:?}");
        }
        if let Some(first) = expected.first() {
            let action = due.iter().find(|a| a.key == *first).unwrap();
            assert_eq!(action.to, to, "{name}");
            assert!(!action.reason.is_empty() && action.overdue_minutes >= 0, "{name}");
        }
    }
}

#[test]
fn escalation_actions_carry_trigger_and_overdue_time() {
    let due = router().due_now(&state(), at("2026-03-09T15:00:00+03:00"));
    assert_eq!(due.len(), 1);
    let a = &due[0];
    assert_eq!((a.trigger, a.to.as_str(), a.overdue_minutes), (Trigger::NoResponse, "L2", 60));
    assert_eq!(a.due_at.to_string(), "2026-03-09T14:00:00+03:00");
    assert_eq!(a.reason, "no first response after 4 business hours at L1");
}

#[test]
fn routing_reports_the_path_and_what_is_due_at_once() {
    let mut t = tech(Priority::P3);
    t.vip = true;
    let d = router().route(&t, None, None);
    let path: Vec<(&str, &str)> =
        d.escalation_path.iter().map(|s| (s.from.as_str(), s.to.as_str())).collect();
    assert_eq!(path, [("L1", "L2"), ("L2", "L3"), ("L3", "engineering"), ("any", "management")]);
    assert_eq!(d.escalation_path[0].due_at.unwrap().to_string(), "2026-03-10T09:30:00+03:00");
    assert_eq!(d.escalation_path[1].due_at.unwrap().to_string(), "2026-03-10T17:30:00+03:00");
    assert_eq!(d.escalations.len(), 1);
    assert_eq!((d.escalations[0].trigger, d.escalations[0].to.as_str()), (Trigger::Vip, "senior"));
    assert!(has_reason(&d, "escalate to senior now"), "{:?}", d.reasons);
}

// ---------------------------------------------------------------- auto-replies

#[test]
fn replies_follow_language_and_channel() {
    let mut t = ticket(Category::BillingIssue, Area::BillingSystem, Priority::P3);
    t.ticket_id = Some("SUP-7".into());
    t.subject = Some("Charged twice this month".into());
    t.kb = (1..=5)
        .map(|i| KbSuggestion {
            title: format!("Article {i}"),
            url: Some(format!("https://kb.example.com/{i}")),
            id: None,
        })
        .collect();
    // (language, channel, reply language, has subject, KB articles shown, text expected)
    let cases = [
        (Language::En, Channel::Email, Language::En, true, 3, "Billing inquiry forwarded to specialists"),
        (Language::Ru, Channel::Email, Language::Ru, true, 3, "в течение 24 рабочих часов"),
        (Language::En, Channel::Chat, Language::En, false, 2, "they will reply within 24 business hours"),
        (
            Language::Ru,
            Channel::Social,
            Language::Ru,
            false,
            1,
            "Специалисты по оплате ответят в течение 24 рабочих часов",
        ),
        (Language::Und, Channel::Phone, Language::En, false, 2, "Thanks! Your billing question"),
        (Language::En, Channel::Web, Language::En, true, 3, "Subject: Charged twice this month"),
    ];
    for (language, channel, reply_language, subject, articles, text) in cases {
        t.language = language;
        t.channel = channel;
        let r = router().route(&t, None, None).auto_reply;
        let row = format!("{language:?} {channel}");
        assert_eq!((r.lang, r.channel, r.subject.is_some()), (reply_language, channel, subject), "{row}");
        let everything = format!("{}\n{}", r.subject.as_deref().unwrap_or(""), r.body);
        assert!(everything.contains(text), "{row}: {everything}");
        let shown = (1..=5).filter(|i| r.body.contains(&format!("Article {i}"))).count();
        assert_eq!(shown, articles, "{row}: {}", r.body);
        if channel == Channel::Social {
            assert!(!r.body.contains("Charged twice"), "{row}: a public reply never quotes the subject");
        }
    }
    t.channel = Channel::Email;
    t.language = Language::En;
    let email = router().route(&t, None, None).auto_reply;
    assert!(email.body.starts_with("Hello,") && email.body.ends_with("Customer Support"), "{}", email.body);
    t.channel = Channel::Chat;
    let chat = router().route(&t, None, None).auto_reply;
    assert!(chat.body.len() < email.body.len() && chat.body.lines().count() <= 4, "{}", chat.body);
}

#[test]
fn placeholders_in_values_are_not_expanded() {
    let mut t = ticket(Category::BillingIssue, Area::BillingSystem, Priority::P3);
    t.language = Language::En;
    t.subject = Some("{sla} {team} {{kb}} }{".into());
    t.ticket_id = Some("SUP-1\u{202E}\r\n{ticket_id}".into());
    t.kb = vec![
        KbSuggestion { title: "Click me".into(), url: Some("javascript:alert(1)".into()), id: None },
        KbSuggestion {
            title: "Refunds\u{0}\u{1b}".into(),
            url: Some("https://kb.example.com/refunds".into()),
            id: None,
        },
    ];
    let r = router().route(&t, None, None).auto_reply;
    assert!(r.body.contains("Subject: {sla} {team} {{kb}} }{"), "{}", r.body);
    assert!(r.body.contains("Ticket: #SUP-1 {ticket_id}"), "{}", r.body);
    assert!(r.body.contains("- Click me\n- Refunds: https://kb.example.com/refunds"), "{}", r.body);
    assert!(!r.body.contains("javascript:") && !r.body.chars().any(|c| c.is_control() && c != '\n'));
    t.subject = Some("x".repeat(10_000));
    let r = router().route(&t, None, None).auto_reply;
    assert!(r.body.len() < 2_000, "values are capped: {}", r.body.len());
}

// ---------------------------------------------------------------- validation

fn rules_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn bad_rules_are_refused_with_the_rule_named() {
    let cases: Vec<(String, &str)> = vec![
        (rules_with(|v| v["rules"][1]["team"] = json!("bilingg")), "rules: rule 2 (\"billing-any\"): unknown team \"bilingg\""),
        (rules_with(|v| v["rules"][0]["reply"] = json!("nope")), "rules: rule 1 (\"technical-integration-high\"): reply: unknown template \"nope\""),
        (
            rules_with(|v| v["rules"][2]["when"]["category"] = json!(["general", "billing_issue"])),
            "rules: rule 3 (\"general-low\"): when.category: unknown category \"general\"",
        ),
        (rules_with(|v| v["rules"][2]["when"]["priority"] = json!([])), "rules: rule 3 (\"general-low\"): when.priority: an empty list matches nothing"),
        (
            rules_with(|v| v["rules"][4]["when"] = json!({})),
            "rules: rule 6 (\"technical-any\"): can never match: rule 5 (\"account-any\") catches every ticket it would",
        ),
        (rules_with(|v| v["rules"][3]["id"] = json!("billing-any")), "rules: rule 4 (\"billing-any\"): the id is used by rule 2 too"),
        (rules_with(|v| v["rules"][0]["first_response_minutes"] = json!(0)), "first_response_minutes must be between 1 and 525600"),
        (rules_with(|v| v["rules"][0]["tean"] = json!("x")), "rules: rule 1 (\"technical-integration-high\"): unknown field `tean`"),
        (rules_with(|v| v["rules"][0]["min_seniority"] = json!("guru")), "min_seniority: unknown seniority \"guru\""),
        (rules_with(|v| v["fallback"]["when"] = json!({"priority": "P1"})), "rules: fallback: the fallback matches every ticket"),
        (rules_with(|v| v["teams"][0]["level"] = json!("L9")), "rules: team \"senior_technical\": unknown level \"L9\""),
        (rules_with(|v| v["teams"][0]["backup"] = json!("nobody")), "backup: unknown team \"nobody\""),
        (rules_with(|v| drop(v["priorities"].as_object_mut().unwrap().remove("P4"))), "rules: priorities: \"P4\" is missing"),
        (rules_with(|v| v["priorities"]["P5"] = json!({"first_response_minutes": 5})), "rules: priorities: unknown key \"P5\""),
        (rules_with(|v| v["tiers"]["trial"]["sla_percent"] = json!(0)), "rules: tier trial: sla_percent must be between 1 and 1000"),
        (rules_with(|v| v["decisions"]["manual"]["team"] = json!("robots")), "rules: decision manual: unknown team \"robots\""),
        (rules_with(|v| v["selection"]["fallback_agents"] = json!(100)), "fallback_agents must be at most 7"),
        ("{\"teams\": [".to_string(), "rules: EOF while parsing"),
    ];
    for (json, message) in cases {
        let err = Router::from_json(&json).unwrap_err();
        assert!(err.to_string().contains(message), "expected {message:?}, got {err}");
    }
    let err = Router::from_parts(
        DEFAULT_RULES_JSON,
        DEFAULT_CALENDAR_JSON,
        DEFAULT_ESCALATION_JSON,
        "{\"templates\": {}}",
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "templates: templates: no templates");
}

#[test]
fn json_in_and_out() {
    let input: RoutingInput = serde_json::from_str(
        r#"{"id": "SUP-9", "category": "account_issue", "area": "authentication", "priority": "P2", "complexity": "L2",
            "decision": "suggest", "language": "ru", "tier": "premium", "channel": "chat", "created_at": "2026-03-06T17:00:00+03:00",
            "now": 1772805700, "customer_id": "c-1", "sentiment": -0.4, "sentiment_trend": "declining", "vip": false,
            "failed_attempts": 1, "kb": [{"title": "Reset your password", "url": "https://kb.example.com/reset"}]}"#,
    )
    .unwrap();
    assert_eq!((input.ticket_id.as_deref(), input.now), (Some("SUP-9"), Some(1_772_805_700)));
    let d = router().route(&input, Some(&Roster::from_json(SAMPLE_ROSTER_JSON).unwrap()), None);
    let v = serde_json::to_value(&d).unwrap();
    for key in [
        "rule",
        "team",
        "team_name",
        "queue",
        "self_service",
        "agent",
        "fallback_agents",
        "eta_minutes",
        "sla",
        "escalation_path",
        "escalations",
        "auto_reply",
        "reasons",
    ] {
        assert!(v.get(key).is_some(), "{key} missing: {v}");
    }
    assert_eq!(
        v["sla"]["first_response_due"],
        json!("2026-03-09T11:00:00+03:00"),
        "180 business minutes (240 × 75 %)"
    );
    assert_eq!(v["decision"], json!("suggest"));
    assert_eq!(v["auto_reply"]["lang"], json!("ru"));
    assert_eq!(v["auto_reply"]["subject"], Value::Null);
    assert_eq!(v["escalations"][0]["trigger"], json!("negative_sentiment"));
    let state: TicketState =
        serde_json::from_value(json!({"ticket": serde_json::to_value(&input).unwrap(), "level": "L1"}))
            .unwrap();
    assert_eq!(state.ticket, input);
}

// ---------------------------------------------------------------- properties

fn any_input() -> impl Strategy<Value = RoutingInput> {
    let labels = (
        prop::sample::select(Category::ALL),
        prop::sample::select(Area::ALL),
        prop::sample::select(Priority::ALL),
        prop::sample::select(Complexity::ALL),
        prop::sample::select(vec![Decision::Auto, Decision::Suggest, Decision::Manual]),
        prop::sample::select(vec![Language::En, Language::Ru, Language::Und]),
        prop::sample::select(Tier::ALL),
        prop::sample::select(Channel::ALL),
    );
    let time = prop_oneof![
        Just(at(MONDAY_1430)),
        Just(at(FRIDAY_1700)),
        any::<i64>(),
        -100_000_000_000i64..300_000_000_000
    ];
    let extra = (
        time.clone(),
        prop::option::of(time),
        prop::option::of(".{0,40}"),
        prop::option::of(any::<f64>()),
        any::<bool>(),
        any::<u32>(),
        prop::collection::vec((".{0,30}", prop::option::of(".{0,30}")), 0..4),
    );
    (labels, extra).prop_map(
        |((c, a, p, x, d, l, t, ch), (created, now, text, sentiment, vip, attempts, kb))| {
            let mut i = RoutingInput::new(c, a, p, x, created);
            i.decision = d;
            i.language = l;
            i.tier = t;
            i.channel = ch;
            i.now = now;
            i.ticket_id = text.clone();
            i.subject = text;
            i.sentiment = sentiment;
            i.vip = vip;
            i.failed_attempts = attempts;
            i.kb = kb.into_iter().map(|(title, url)| KbSuggestion { title, url, id: None }).collect();
            i
        },
    )
}

fn any_roster() -> impl Strategy<Value = Roster> {
    let teams =
        prop::sample::select(vec!["technical", "senior_technical", "billing", "general", "junior", "x"]);
    let one = (
        teams.clone(),
        prop::sample::select(Seniority::ALL),
        0u32..20,
        1u32..20,
        prop::sample::select(AgentStatus::ALL),
        prop::option::of(any::<i64>()),
        prop::collection::vec(teams, 0..2),
        any::<bool>(),
        prop::collection::vec(
            prop::sample::select(vec!["integration", "billing", "core_product", "mobile"]),
            0..3,
        ),
        0.0f32..=5.0,
    );
    prop::collection::vec(one, 0..40).prop_map(|agents| {
        let agents = agents
            .into_iter()
            .enumerate()
            .map(
                |(
                    i,
                    (team, seniority, load, capacity, status, returns_at, cross, supervisor, skills, rating),
                )| Agent {
                    status,
                    returns_at,
                    cross_trained: cross.into_iter().map(String::from).collect(),
                    supervisor,
                    rating,
                    ..skilled(agent(&format!("a{i}"), team, seniority, load, capacity), &skills)
                },
            )
            .collect();
        roster(agents)
    })
}

/// Every path into a JSON document, as JSON pointers.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(x, format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

fn any_json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "",
            "P1",
            "P0",
            "L2",
            "any",
            "next_level",
            "senior",
            "guru",
            "technical",
            "billing",
            "en",
            "ru",
            "{sla}",
            "{nope}",
            "{",
            "}",
            "24:00",
            "+03:00",
            "mon",
            "email",
            "social",
            "auto",
            "required",
            "management",
            "acknowledge",
            "general",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A default document with one value replaced (or removed) at a random place.
fn mutate(doc: &str, pick: usize, replacement: Value, remove: bool) -> String {
    let mut v: Value = serde_json::from_str(doc).unwrap();
    let mut paths = Vec::new();
    pointers(&v, String::new(), &mut paths);
    let path = &paths[pick % paths.len()];
    if remove && !path.is_empty() {
        let (parent, key) = path.rsplit_once('/').unwrap();
        match v.pointer_mut(parent) {
            Some(Value::Object(m)) => drop(m.remove(&key.replace("~1", "/").replace("~0", "~"))),
            Some(Value::Array(a)) => {
                if let Ok(i) = key.parse::<usize>() {
                    a.remove(i);
                }
            }
            _ => {}
        }
    } else if let Some(slot) = v.pointer_mut(path) {
        *slot = replacement;
    }
    v.to_string()
}

fn check_decision(d: &RoutingDecision, input: &RoutingInput) -> Result<(), TestCaseError> {
    prop_assert!(!d.team.is_empty() && !d.rule.is_empty() && !d.auto_reply.body.is_empty());
    prop_assert!(d.sla.first_response_due.unix <= d.sla.resolution_due.unix);
    prop_assert!(d.sla.first_response_due.unix >= helpdesk_ai::routing::time::clamp(input.created_at));
    prop_assert_eq!(d.queue, d.agent.is_none());
    if input.priority == Priority::P1 && input.decision != Decision::Manual {
        for a in d.agent.iter().chain(&d.fallback_agents) {
            prop_assert_eq!(a.seniority, Senior);
        }
    }
    prop_assert!(!d.auto_reply.body.chars().any(|c| c.is_control() && c != '\n'));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn every_ticket_gets_a_decision(input in any_input(), r in any_roster(), with_roster in any::<bool>(), now in any::<i64>()) {
        let d = router().route(&input, with_roster.then_some(&r), None);
        check_decision(&d, &input)?;
        let mut state = TicketState::new(input);
        state.level = Some(["L1", "L2", "L3", "engineering", "management", "??"][(now.unsigned_abs() % 6) as usize].into());
        state.level_since = Some(now / 2);
        state.agent_seniority = Some(Seniority::ALL[(now.unsigned_abs() % 4) as usize]);
        let due = router().due_now(&state, now);
        for a in &due {
            prop_assert!(!a.key.is_empty() && a.overdue_minutes >= 0);
        }
    }

    #[test]
    fn garbage_rules_never_panic(text in ".{0,200}", value in any_json_value()) {
        let _ = Router::from_json(&text);
        let _ = Router::from_json(&value.to_string());
        let _ = Router::from_parts(&text, &text, &text, &text);
        let _ = Roster::from_json(&value.to_string());
    }

    #[test]
    fn mutated_data_never_panics(
        which in 0usize..4,
        pick in any::<usize>(),
        replacement in any_json_value(),
        remove in any::<bool>(),
        input in any_input(),
    ) {
        let mut docs = [DEFAULT_RULES_JSON.to_string(), DEFAULT_CALENDAR_JSON.to_string(), DEFAULT_ESCALATION_JSON.to_string(), DEFAULT_TEMPLATES_JSON.to_string()];
        docs[which] = mutate(&docs[which], pick, replacement, remove);
        if let Ok(r) = Router::from_parts(&docs[0], &docs[1], &docs[2], &docs[3]) {
            let sample = Roster::from_json(SAMPLE_ROSTER_JSON).unwrap();
            let d = r.route(&input, Some(&sample), None);
            check_decision(&d, &input)?;
            let _ = r.due_now(&TicketState::new(input), at(MONDAY_1430) + 7 * 86_400);
        }
    }

    #[test]
    fn mutated_rosters_never_panic(pick in any::<usize>(), replacement in any_json_value(), remove in any::<bool>(), input in any_input()) {
        if let Ok(r) = Roster::from_json(&mutate(SAMPLE_ROSTER_JSON, pick, replacement, remove)) {
            check_decision(&router().route(&input, Some(&r), None), &input)?;
        }
    }
}
