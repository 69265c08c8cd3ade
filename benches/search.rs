//! Knowledge-base search speed: one keystroke (a query typed letter by letter, every prefix
//! searched) on the default KB and on a generated 50,000-article KB, and index build time.
//!
//! `cargo bench --bench search`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
use std::hint::black_box;

#[path = "support/generated_kb.rs"]
mod generated_kb;
use generated_kb::{generated, QUERIES};

fn keystrokes(c: &mut Criterion) {
    let default_kb = KnowledgeBase::embedded();
    let mut large = KnowledgeBase::default();
    large.add_all(generated(50_000)).expect("generated articles are valid");
    let options = SearchOptions::default();
    let mut group = c.benchmark_group("keystroke");
    for (name, kb) in [("default-kb", &default_kb), ("generated-50k", &large)] {
        // One iteration = every prefix of every query, so the time per keystroke is the
        // reported time divided by the number of prefixes (printed in the id).
        let prefixes: Vec<&str> =
            QUERIES.iter().flat_map(|q| q.char_indices().map(move |(i, c)| &q[..i + c.len_utf8()])).collect();
        group.bench_with_input(
            BenchmarkId::new(name, format!("{}-keystrokes", prefixes.len())),
            &prefixes,
            |b, p| {
                b.iter(|| {
                    for q in p {
                        black_box(kb.search(q, &options));
                    }
                })
            },
        );
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let articles = generated(2_000);
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("default-kb", |b| b.iter(|| black_box(KnowledgeBase::embedded())));
    group.bench_function("generated-2k", |b| {
        b.iter(|| {
            let mut kb = KnowledgeBase::default();
            kb.add_all(articles.clone()).unwrap_or_default();
            black_box(kb)
        })
    });
    group.finish();
}

criterion_group!(benches, keystrokes, build);
criterion_main!(benches);
