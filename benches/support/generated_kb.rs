//! What search speed is measured on (shared by the criterion bench and the example): queries
//! to type letter by letter, and a generated knowledge base.

use helpdesk_ai::kb::Article;

/// Queries typed letter by letter: English and Russian, typos, a wrong keyboard layout,
/// transliteration.
pub const QUERIES: [&str; 8] = [
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
pub fn generated(n: usize) -> Vec<Article> {
    const EN: [&str; 48] = [
        "password",
        "reset",
        "login",
        "account",
        "invoice",
        "refund",
        "charge",
        "webhook",
        "api",
        "token",
        "report",
        "dashboard",
        "export",
        "import",
        "csv",
        "mobile",
        "android",
        "ios",
        "crash",
        "sync",
        "slack",
        "jira",
        "salesforce",
        "notification",
        "email",
        "permission",
        "role",
        "project",
        "board",
        "task",
        "attachment",
        "upload",
        "timeout",
        "error",
        "limit",
        "plan",
        "subscription",
        "trial",
        "calendar",
        "comment",
        "search",
        "filter",
        "workspace",
        "invite",
        "sso",
        "saml",
        "backup",
        "restore",
    ];
    const RU: [&str; 32] = [
        "пароль",
        "сброс",
        "вход",
        "аккаунт",
        "счёт",
        "возврат",
        "списание",
        "отчёт",
        "выгрузка",
        "загрузка",
        "приложение",
        "ошибка",
        "синхронизация",
        "уведомление",
        "письмо",
        "права",
        "роль",
        "проект",
        "доска",
        "задача",
        "вложение",
        "тариф",
        "подписка",
        "интеграция",
        "календарь",
        "комментарий",
        "поиск",
        "фильтр",
        "приглашение",
        "резервная",
        "копия",
        "восстановление",
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
