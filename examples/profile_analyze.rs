//! Runs `Analyzer::analyze` in a loop, for profilers (`perf record`, `valgrind --tool=callgrind`).
use helpdesk_ai::{Analyzer, Ticket};
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let analyzer = Analyzer::default();
    let t = Ticket::new("API authentication failed", "Hi, I'm getting an error when trying to connect our CRM via API. The error message says 'Authentication failed' (HTTP 401) but I'm using the correct API key. This is blocking our sales team since yesterday. Please help urgently! -- Jane, jane@acme.io");
    let mut total = 0;
    for _ in 0..n {
        total += analyzer.analyze(&t).map(|a| a.entities.len()).unwrap_or(0);
    }
    println!("{total}");
}
