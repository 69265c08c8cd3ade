//! Criterion benchmarks of the core's understanding step.
//!
//! Run with `cargo bench --bench analyze`. The headline number is `analyze/typical_300_chars`:
//! one call of `Analyzer::analyze` on a typical ~300-character ticket (everything: language,
//! entities, redaction, keywords, concepts, sentiment).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use helpdesk_ai::entities::EntityExtractor;
use helpdesk_ai::redact::Redactor;
use helpdesk_ai::text::split_reply;
use helpdesk_ai::triage::Triager;
use helpdesk_ai::{Analyzer, Ticket};

const TYPICAL_EN: &str =
    "Hi, I'm getting an error when trying to connect our CRM via API. The error message says \
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

    let triager = Triager::default();
    c.bench_function("triage/typical_300_chars", |b| b.iter(|| triager.triage(black_box(&en))));
    c.bench_function("triage/typical_300_chars_ru", |b| b.iter(|| triager.triage(black_box(&ru))));

    // The parts, to see where the time goes.
    let pipeline = analyzer.pipeline();
    let tokens = pipeline.tokens(TYPICAL_EN);
    let entities = EntityExtractor::default();
    let redactor = Redactor::default();
    let mut parts = c.benchmark_group("part");
    parts.bench_function("tokens", |b| b.iter(|| pipeline.tokens(black_box(TYPICAL_EN))));
    parts.bench_function("language", |b| {
        b.iter(|| analyzer.language_detector().detect(black_box(TYPICAL_EN), &tokens))
    });
    parts.bench_function("concepts", |b| b.iter(|| analyzer.concepts().find(black_box(&tokens))));
    parts.bench_function("sentiment", |b| {
        b.iter(|| analyzer.sentiment_analyzer().analyze(black_box(TYPICAL_EN), &tokens))
    });
    parts.bench_function("entities", |b| b.iter(|| entities.extract(black_box(TYPICAL_EN))));
    parts.bench_function("redact", |b| b.iter(|| redactor.redact(black_box(TYPICAL_EN))));
    parts.bench_function("split_reply", |b| b.iter(|| split_reply(black_box(TYPICAL_EN))));
    parts.finish();
    c.bench_function("build/analyzer_default", |b| b.iter(Analyzer::default));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60);
    targets = bench
}
criterion_main!(benches);
