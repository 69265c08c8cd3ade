//! Knowledge-base search speed: one keystroke (a query typed letter by letter, every prefix
//! searched) on the default KB and on a generated 50,000-article KB, and index build time.
//!
//! `cargo bench --bench search`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use helpdesk_ai::kb::{Article, KnowledgeBase, SearchOptions};
use std::hint::black_box;

const QUERIES: [&str; 8] = [
    "reset passw",
    "pasword resset",
    "не приходят уведомл",
    "webhook not deliverd",
    "ckfr byntuhfwbz",
    "ne mogu voiti v akkaunt",
    "charged twice refund",
    "отчёт показывает неверные цифры",
];

/// A deterministic synthetic KB: articles assembled from product words in both languages, so
/// the vocabulary and posting lists grow as in a real help centre of that size.
fn generated(n: usize) -> Vec<Article> {
    const EN: [&str; 48] = [
        "password", "reset", "login", "account", "invoice", "refund", "charge", "webhook", "api", "token", "report",
        "dashboard", "export", "import", "csv", "mobile", "android", "ios", "crash", "sync", "slack", "jira",
        "salesforce", "notification", "email", "permission", "role", "project", "board", "task", "attachment",
        "upload", "timeout", "error", "limit", "plan", "subscription", "trial", "calendar", "comment", "search",
        "filter", "workspace", "invite", "sso", "saml", "backup", "restore",
    ];
    const RU: [&str; 32] = [
        "пароль", "сброс", "вход", "аккаунт", "счёт", "возврат", "списание", "отчёт", "выгрузка", "загрузка",
        "приложение", "ошибка", "синхронизация", "уведомление", "письмо", "права", "роль", "проект", "доска",
        "задача", "вложение", "тариф", "подписка", "интеграция", "календарь", "комментарий", "поиск", "фильтр",
        "приглашение", "резервная", "копия", "восстановление",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let ru = i % 3 == 0;
            let mut words = |k: usize| -> String {
                (0..k)
                    .map(|_| if ru { RU[next(RU.len())].to_string() } else { EN[next(EN.len())].to_string() })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            Article {
                id: format!("gen-{i}"),
                lang: if ru { "ru" } else { "en" }.into(),
                title: format!("{} {}", words(4), i % 997),
                tags: vec![words(1), words(1)],
                symptoms: vec![words(6), words(5)],
                steps: vec![words(10), words(12), words(8)],
                body: words(40),
                ..Article::default()
            }
        })
        .collect()
}

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
        group.bench_with_input(BenchmarkId::new(name, format!("{}-keystrokes", prefixes.len())), &prefixes, |b, p| {
            b.iter(|| {
                for q in p {
                    black_box(kb.search(q, &options));
                }
            })
        });
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
