//! Types queries letter by letter and prints the time per keystroke (mean, p50, p99) on the
//! default KB and on a generated 50,000-article KB; also a target for `perf record`.
//!
//! `cargo run --release --example kb_keystrokes [-- --only-default]`
use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
use std::time::Instant;

#[path = "../benches/support/generated_kb.rs"]
mod generated_kb;
use generated_kb::QUERIES;

fn measure(name: &str, kb: &KnowledgeBase, rounds: usize) {
    let options = SearchOptions::default();
    let mut times = Vec::new();
    for round in 0..rounds + 1 {
        for q in QUERIES {
            for (i, c) in q.char_indices() {
                let t = Instant::now();
                std::hint::black_box(kb.search(&q[..i + c.len_utf8()], &options));
                if round > 0 {
                    times.push(t.elapsed().as_secs_f64() * 1e6); // the first round warms up
                }
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!("{name:<14} {} keystrokes: mean {mean:.0} µs, p50 {:.0} µs, p99 {:.0} µs", times.len(), at(0.5), at(0.99));
}

fn main() {
    let t = Instant::now();
    let kb = KnowledgeBase::embedded();
    println!("default KB: {} articles, built in {:?}", kb.len(), t.elapsed());
    measure("default KB", &kb, 30);
    if std::env::args().any(|a| a == "--only-default") {
        return;
    }
    let t = Instant::now();
    let mut large = KnowledgeBase::default();
    large.add_all(generated_kb::generated(50_000)).expect("generated articles are valid");
    let (terms, bytes) = large.index_size();
    println!("generated KB: 50000 articles, built in {:?}; {terms} terms, index ≈ {} MB", t.elapsed(), bytes / 1_000_000);
    measure("generated 50k", &large, 3);
}
