//! Criterion benchmarks of routing.
//!
//! Run with `cargo bench --bench routing`. The headline number is `routing/route_500_agents`:
//! one `Router::route` of a P2 integration ticket (rule, SLA on the business calendar, agent
//! selection, escalation path and due-now check, rendered e-mail reply with two KB suggestions)
//! against a 500-agent roster. The target is under 20 µs natively.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use helpdesk_ai::labels::{Area, Category, Complexity, Priority};
use helpdesk_ai::routing::{
    Agent, AgentStatus, CustomerHistory, KbSuggestion, PastTicket, Roster, Router, RoutingInput, Seniority,
    TicketState,
};
use helpdesk_ai::text::Language;

const TEAMS: [&str; 8] = [
    "senior_technical",
    "technical",
    "billing",
    "account",
    "junior",
    "general",
    "product",
    "customer_success",
];
const SKILLS: [&str; 10] = [
    "integration",
    "api",
    "authentication",
    "core_product",
    "mobile",
    "billing",
    "reporting",
    "payments",
    "webhooks",
    "feedback",
];

/// A deterministic roster of `n` agents spread over the default rules' teams.
fn roster(n: usize) -> Roster {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let agents = (0..n)
        .map(|i| {
            let capacity = 6 + next(6) as u32;
            let status = match next(10) {
                0 => AgentStatus::Offline,
                1 | 2 => AgentStatus::Busy,
                _ => AgentStatus::Available,
            };
            Agent {
                id: format!("a{i}"),
                name: format!("Agent {i}"),
                team: TEAMS[next(TEAMS.len() as u64) as usize].to_string(),
                skills: (0..3).map(|_| SKILLS[next(SKILLS.len() as u64) as usize].to_string()).collect(),
                languages: match next(3) {
                    0 => vec!["en".into()],
                    1 => vec!["ru".into()],
                    _ => vec!["en".into(), "ru".into()],
                },
                seniority: Seniority::ALL[next(4) as usize],
                rating: 3.5 + next(15) as f32 / 10.0,
                load: next(u64::from(capacity) + 1) as u32,
                capacity,
                status,
                returns_at: (status != AgentStatus::Available && next(2) == 0)
                    .then(|| 1_773_046_800 + next(7200) as i64),
                cross_trained: if next(5) == 0 {
                    vec![TEAMS[next(TEAMS.len() as u64) as usize].to_string()]
                } else {
                    vec![]
                },
                supervisor: next(25) == 0,
            }
        })
        .collect();
    Roster::new(agents).expect("the generated roster is valid")
}

fn ticket() -> RoutingInput {
    let mut t = RoutingInput::new(
        Category::TechnicalIssue,
        Area::Integration,
        Priority::P2,
        Complexity::L2,
        1_773_045_000,
    );
    t.ticket_id = Some("SUP-12345".into());
    t.subject = Some("API integration broken: Authentication failed".into());
    t.language = Language::Ru;
    t.customer_id = Some("c-42".into());
    t.kb = vec![
        KbSuggestion {
            title: "API keys and authentication".into(),
            url: Some("https://kb.example.com/api-auth".into()),
            id: None,
        },
        KbSuggestion {
            title: "Webhook troubleshooting".into(),
            url: Some("https://kb.example.com/webhooks".into()),
            id: None,
        },
    ];
    t
}

fn bench(c: &mut Criterion) {
    let router = Router::default();
    let big = roster(500);
    let small = Roster::from_json(helpdesk_ai::routing::SAMPLE_ROSTER_JSON).expect("sample roster");
    let input = ticket();
    let mut p1 = input.clone();
    p1.priority = Priority::P1;
    let history = CustomerHistory {
        customer_id: Some("c-42".into()),
        tickets: (0..5)
            .map(|i| PastTicket {
                agent: format!("a{}", i * 7),
                resolved: true,
                satisfied: Some(true),
                escalated: i == 0,
                complexity: None,
            })
            .collect(),
    };

    let mut group = c.benchmark_group("routing");
    group
        .bench_function("route_500_agents", |b| b.iter(|| router.route(black_box(&input), Some(&big), None)));
    group.bench_function("route_500_agents_p1_history", |b| {
        b.iter(|| router.route(black_box(&p1), Some(&big), Some(&history)))
    });
    group.bench_function("route_12_agents", |b| {
        b.iter(|| router.route(black_box(&input), Some(&small), None))
    });
    group.bench_function("route_no_roster", |b| b.iter(|| router.route(black_box(&input), None, None)));
    let mut state = TicketState::new(input.clone());
    state.level = Some("L1".into());
    group.bench_function("due_now", |b| b.iter(|| router.due_now(black_box(&state), 1_773_100_000)));
    group.finish();

    c.bench_function("build/router_default", |b| b.iter(Router::default));
    c.bench_function("build/roster_500", |b| b.iter(|| roster(500)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60);
    targets = bench
}
criterion_main!(benches);
