//! Types queries letter by letter and prints the time per keystroke (mean, p50, p99) on the
//! default KB and on a generated 50,000-article KB; also a target for `perf record`.
//!
//! `cargo run --release --example kb_keystrokes [-- --only-default]`
//! `cargo run --release --example kb_keystrokes -- --kb articles.json --queries queries.jsonl`
//! (any KB, e.g. the one `node bench/search/gen.mjs --out DIR` writes, and its queries)
use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
use std::time::Instant;

#[path = "../benches/support/generated_kb.rs"]
mod generated_kb;
use generated_kb::QUERIES;

fn measure<S: AsRef<str>>(name: &str, kb: &KnowledgeBase, queries: &[S], rounds: usize) {
    let options = SearchOptions::default();
    let mut times = Vec::new();
    for round in 0..rounds + 1 {
        for q in queries {
            let q = q.as_ref();
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
    println!(
        "{name:<14} {} keystrokes: mean {mean:.0} µs, p50 {:.0} µs, p99 {:.0} µs",
        times.len(),
        at(0.5),
        at(0.99)
    );
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    if let (Some(kb), Some(queries)) = (arg("--kb"), arg("--queries")) {
        let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let t = Instant::now();
        let kb = KnowledgeBase::from_json(&read(&kb)).expect("a valid KB");
        println!("{} articles, built in {:?}", kb.len(), t.elapsed());
        let queries: Vec<String> = read(&queries)
            .lines()
            .filter_map(|l| {
                serde_json::from_str::<serde_json::Value>(l).ok()?.get("q")?.as_str().map(str::to_string)
            })
            .collect();
        measure("given KB", &kb, &queries, 2);
        return;
    }
    let t = Instant::now();
    let kb = KnowledgeBase::embedded();
    println!("default KB: {} articles, built in {:?}", kb.len(), t.elapsed());
    measure("default KB", &kb, &QUERIES, 30);
    if std::env::args().any(|a| a == "--only-default") {
        return;
    }
    let t = Instant::now();
    let mut large = KnowledgeBase::default();
    large.add_all(generated_kb::generated(50_000)).expect("generated articles are valid");
    let (terms, bytes) = large.index_size();
    println!(
        "generated KB: 50000 articles, built in {:?}; {terms} terms, index ≈ {} MB",
        t.elapsed(),
        bytes / 1_000_000
    );
    measure("generated 50k", &large, &QUERIES, 3);
}
