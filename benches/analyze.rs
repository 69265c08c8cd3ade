//! Criterion benchmarks of the core's understanding step.
//!
//! Run with `cargo bench --bench analyze`. The headline number is `analyze/typical_300_chars`:
//! one call of `Analyzer::analyze` on a typical ~300-character ticket (everything: language,
//! entities, redaction, keywords, concepts, sentiment).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use helpdesk_ai::{Analyzer, Ticket};

const TYPICAL_EN: &str = "Hi, I'm getting an error when trying to connect our CRM via API. The error message says \
'Authentication failed' (HTTP 401) but I'm using the correct API key. This is blocking our sales team since \
yesterday. Please help urgently! -- Jane, jane@acme.io";

const TYPICAL_RU: &str = "Здравствуйте! С 5 марта при вызове API получаем ошибку 502, интеграция с amoCRM не работает, \
отдел продаж стоит. Списали 2990 рублей за тариф, а доступа нет. Срочно помогите, пожалуйста! Ирина, +7 916 123-45-67";

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::default();
    let en = Ticket::new("API authentication failed", TYPICAL_EN);
    let ru = Ticket::new("Ошибка 502 в интеграции", TYPICAL_RU);
    let mut group = c.benchmark_group("analyze");
    group.bench_function("typical_300_chars", |b| b.iter(|| analyzer.analyze(black_box(&en))));
    group.bench_function("typical_300_chars_ru", |b| b.iter(|| analyzer.analyze(black_box(&ru))));
    group.finish();

    let pipeline = analyzer.pipeline();
    c.bench_function("tokens/typical_300_chars", |b| b.iter(|| pipeline.tokens(black_box(TYPICAL_EN))));
    c.bench_function("build/analyzer_default", |b| b.iter(Analyzer::default));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60);
    targets = bench
}
criterion_main!(benches);
