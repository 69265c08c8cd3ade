use super::*;
use std::sync::OnceLock;

fn ex() -> &'static EntityExtractor {
    static EX: OnceLock<EntityExtractor> = OnceLock::new();
    EX.get_or_init(EntityExtractor::new)
}

fn found(text: &str) -> Vec<(EntityKind, String, Option<String>)> {
    ex().extract(text).into_iter().map(|e| (e.kind, e.text, e.value)).collect()
}

/// `(input, kind, surface text, value)`: the input must yield an entity of that kind with
/// exactly that text and value.
fn check_table(table: &[(&str, EntityKind, &str, &str)]) {
    let mut failures = Vec::new();
    for &(input, kind, surface, value) in table {
        let got = found(input);
        let ok = got.iter().any(|(k, t, v)| *k == kind && t == surface && v.as_deref() == Some(value));
        if !ok {
            failures.push(format!("{input:?}: want {kind:?} {surface:?}={value:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The input must yield no entity of `kind`.
fn check_absent(table: &[(&str, EntityKind)]) {
    let mut failures = Vec::new();
    for &(input, kind) in table {
        let got = found(input);
        if got.iter().any(|(k, _, _)| *k == kind) {
            failures.push(format!("{input:?}: unexpected {kind:?} in {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

use EntityKind as K;

#[test]
fn http_status() {
    check_table(&[
        ("Getting HTTP 502 from the gateway", K::HttpStatus, "HTTP 502", "502"),
        ("error 500 when saving", K::HttpStatus, "error 500", "500"),
        ("500 Internal Server Error on checkout", K::HttpStatus, "500 Internal Server Error", "500"),
        ("the API returns 401", K::HttpStatus, "401", "401"),
        ("I got a 403 Forbidden", K::HttpStatus, "403 Forbidden", "403"),
        ("Unauthorized (401) after login", K::HttpStatus, "Unauthorized (401)", "401"),
        ("page shows 404 not found", K::HttpStatus, "404 not found", "404"),
        ("status code: 429", K::HttpStatus, "status code: 429", "429"),
        ("HTTP/1.1 503 Service Unavailable", K::HttpStatus, "HTTP/1.1 503 Service Unavailable", "503"),
        ("ошибка 403 при входе", K::HttpStatus, "ошибка 403", "403"),
        ("код 404 на странице", K::HttpStatus, "код 404", "404"),
        ("сервер возвращает 500", K::HttpStatus, "500", "500"),
        ("получаю 502 ошибку", K::HttpStatus, "502 ошибку", "502"),
        ("ошибка 401 при вызове API", K::HttpStatus, "ошибка 401", "401"),
        ("we see 504 errors all day", K::HttpStatus, "504 errors", "504"),
    ]);
}

#[test]
fn error_codes_and_exceptions() {
    check_table(&[
        ("Installer fails with 0x80070005", K::ErrorCode, "0x80070005", "0x80070005"),
        ("ora-00942: table or view does not exist", K::ErrorCode, "ora-00942", "ORA-00942"),
        ("device shows E1001", K::ErrorCode, "E1001", "E1001"),
        (
            "Chrome says ERR_CONNECTION_REFUSED",
            K::ErrorCode,
            "ERR_CONNECTION_REFUSED",
            "ERR_CONNECTION_REFUSED",
        ),
        (
            "NET::ERR_CERT_DATE_INVALID",
            K::ErrorCode,
            "NET::ERR_CERT_DATE_INVALID",
            "NET::ERR_CERT_DATE_INVALID",
        ),
        ("insert failed: SQLSTATE 23505", K::ErrorCode, "SQLSTATE 23505", "SQLSTATE 23505"),
        ("SQLSTATE[42S02]: table missing", K::ErrorCode, "SQLSTATE[42S02]", "SQLSTATE 42S02"),
        ("open() failed, errno 13", K::ErrorCode, "errno 13", "ERRNO 13"),
        ("error code 1603 during install", K::ErrorCode, "error code 1603", "1603"),
        ("код ошибки 0x800f081f", K::ErrorCode, "код ошибки 0x800f081f", "0x800F081F"),
        ("ошибка 1001 при синхронизации", K::ErrorCode, "ошибка 1001", "1001"),
        ("AADSTS50126 on sign in", K::ErrorCode, "AADSTS50126", "AADSTS50126"),
        (
            "java.lang.NullPointerException at line 3",
            K::Exception,
            "java.lang.NullPointerException",
            "java.lang.NullPointerException",
        ),
        ("Uncaught TypeError: x is undefined", K::Exception, "TypeError", "TypeError"),
        ("socket hang up ECONNRESET", K::Exception, "ECONNRESET", "ECONNRESET"),
        (
            "java.lang.IllegalStateException: closed",
            K::Exception,
            "java.lang.IllegalStateException",
            "java.lang.IllegalStateException",
        ),
        ("KeyError: 'user_id'", K::Exception, "KeyError", "KeyError"),
        ("падает с NullPointerException", K::Exception, "NullPointerException", "NullPointerException"),
        ("System.IO.IOException: disk full", K::Exception, "System.IO.IOException", "System.IO.IOException"),
        ("app dies with SIGSEGV", K::Exception, "SIGSEGV", "SIGSEGV"),
    ]);
}

#[test]
fn endpoints_urls_emails_phones() {
    check_table(&[
        ("GET /api/v2/users returns 500", K::Endpoint, "GET /api/v2/users", "GET /api/v2/users"),
        ("calling /v1/orders/{id} fails", K::Endpoint, "/v1/orders/{id}", "/v1/orders/{id}"),
        ("POST /webhooks times out", K::Endpoint, "POST /webhooks", "POST /webhooks"),
        ("запрос к /api/v1/invoices?page=2.", K::Endpoint, "/api/v1/invoices?page=2", "/api/v1/invoices"),
        (
            "see https://status.example.com/incidents/42.",
            K::Url,
            "https://status.example.com/incidents/42",
            "https://status.example.com/incidents/42",
        ),
        ("open WWW.Example.com please", K::Url, "WWW.Example.com", "www.example.com"),
        ("сайт shop.example.ru не открывается", K::Url, "shop.example.ru", "shop.example.ru"),
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            K::Url,
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
        ("write to John.Doe@Example.com today", K::Email, "John.Doe@Example.com", "john.doe@example.com"),
        (
            "почта ivan.petrov@mail.ru не получает письма",
            K::Email,
            "ivan.petrov@mail.ru",
            "ivan.petrov@mail.ru",
        ),
        ("call me at +7 916 123-45-67", K::Phone, "+7 916 123-45-67", "+79161234567"),
        ("звоните 8 (495) 123-45-67", K::Phone, "8 (495) 123-45-67", "+74951234567"),
        ("US office +1 415 555 0132", K::Phone, "+1 415 555 0132", "+14155550132"),
        ("or (415) 555-0132", K::Phone, "(415) 555-0132", "+14155550132"),
        ("8-800-555-35-35 горячая линия", K::Phone, "8-800-555-35-35", "+78005553535"),
    ]);
}

#[test]
fn money() {
    check_table(&[
        ("charged $49 for nothing", K::Money, "$49", "49 USD"),
        ("invoice total $1,299.99", K::Money, "$1,299.99", "1299.99 USD"),
        ("paid 49 € yesterday", K::Money, "49 €", "49 EUR"),
        ("€49 per month", K::Money, "€49", "49 EUR"),
        ("списали 2990 рублей", K::Money, "2990 рублей", "2990 RUB"),
        ("оплатил 1 500 ₽", K::Money, "1 500 ₽", "1500 RUB"),
        ("стоимость 1500 руб.", K::Money, "1500 руб.", "1500 RUB"),
        ("refund USD 20 please", K::Money, "USD 20", "20 USD"),
        ("it cost 20 dollars", K::Money, "20 dollars", "20 USD"),
        ("заплатил 100 долларов", K::Money, "100 долларов", "100 USD"),
        ("only £5", K::Money, "£5", "5 GBP"),
        ("цена 49,90 €", K::Money, "49,90 €", "49.90 EUR"),
        ("1\u{a0}299 ₽ за месяц", K::Money, "1\u{a0}299 ₽", "1299 RUB"),
    ]);
}

#[test]
fn dates() {
    check_table(&[
        ("since March 3rd nothing works", K::Date, "March 3rd", "--03-03"),
        ("on 3 March 2024 we paid", K::Date, "3 March 2024", "2024-03-03"),
        ("log from 2024-03-03", K::Date, "2024-03-03", "2024-03-03"),
        ("оплата 03.03.2024 не прошла", K::Date, "03.03.2024", "2024-03-03"),
        ("с 5 марта не работает", K::Date, "5 марта", "--03-05"),
        ("5 марта 2024 г. списали", K::Date, "5 марта 2024 г.", "2024-03-05"),
        ("it broke yesterday", K::Date, "yesterday", "relative:-1d"),
        ("вчера всё работало", K::Date, "вчера", "relative:-1d"),
        ("today it is down", K::Date, "today", "relative:0d"),
        ("сегодня не могу войти", K::Date, "сегодня", "relative:0d"),
        ("позавчера пришел счет", K::Date, "позавчера", "relative:-2d"),
        ("it started last week", K::Date, "last week", "relative:-1w"),
        ("на прошлой неделе всё было ок", K::Date, "на прошлой неделе", "relative:-1w"),
        ("broken since Tuesday", K::Date, "since Tuesday", "weekday:tuesday"),
        ("не работает с понедельника", K::Date, "с понедельника", "weekday:monday"),
        ("it failed on Monday", K::Date, "on Monday", "weekday:monday"),
        ("this morning the app crashed", K::Date, "this morning", "relative:0d"),
        ("утром не грузилось", K::Date, "утром", "relative:0d"),
        ("2 days ago I was charged", K::Date, "2 days ago", "relative:-2d"),
        ("три дня назад", K::Date, "три дня назад", "relative:-3d"),
        ("payment on 12/25/2023", K::Date, "12/25/2023", "2023-12-25"),
        ("платеж от 05/03/2024", K::Date, "05/03/2024", "2024-03-05"),
        ("in May 2024", K::Date, "May 2024", "2024-05"),
        ("в марте 2024 года", K::Date, "в марте 2024 года", "2024-03"),
        ("at 2024-03-03T10:15:00Z", K::Date, "2024-03-03T10:15:00Z", "2024-03-03"),
    ]);
}

#[test]
fn durations() {
    check_table(&[
        ("down for 3 hours now", K::Duration, "for 3 hours", "PT3H"),
        ("waited 2 days", K::Duration, "2 days", "P2D"),
        ("не работает уже 3 дня", K::Duration, "уже 3 дня", "P3D"),
        ("ждал 30 минут", K::Duration, "30 минут", "PT30M"),
        ("broken since 2 weeks", K::Duration, "since 2 weeks", "P2W"),
        ("уже неделю не могу войти", K::Duration, "уже неделю", "P1W"),
        ("for an hour", K::Duration, "for an hour", "PT1H"),
        ("загрузка идет полчаса", K::Duration, "полчаса", "PT30M"),
        ("в течение 2 месяцев", K::Duration, "в течение 2 месяцев", "P2M"),
        ("took 1.5 hours", K::Duration, "1.5 hours", "PT1.5H"),
    ]);
}

#[test]
fn tickets_and_versions() {
    check_table(&[
        ("re: INV-20931 not paid", K::TicketId, "INV-20931", "INV-20931"),
        ("order ORD-123456 missing", K::TicketId, "order ORD-123456", "ORD-123456"),
        ("see #48213", K::TicketId, "#48213", "48213"),
        ("ticket 48213 is still open", K::TicketId, "ticket 48213", "48213"),
        ("где мой заказ №12345?", K::TicketId, "заказ №12345", "12345"),
        ("order #A-77 never arrived", K::TicketId, "order #A-77", "A-77"),
        ("escalated SUP-12345", K::TicketId, "SUP-12345", "SUP-12345"),
        ("по заявке 778812", K::TicketId, "заявке 778812", "778812"),
        ("inv-20931 again", K::TicketId, "inv-20931", "INV-20931"),
        ("after update to v2.3.1", K::Version, "v2.3.1", "2.3.1"),
        ("app version 5.4 crashes", K::Version, "app version 5.4", "5.4"),
        ("Chrome version 120", K::Version, "version 120", "120"),
        ("версия 3.2.1 не запускается", K::Version, "версия 3.2.1", "3.2.1"),
        ("on iOS 17.2 it crashes", K::Version, "17.2", "iOS 17.2"),
        ("with iOS 17.4.1 only", K::Version, "17.4.1", "iOS 17.4.1"),
        ("Android 14 only", K::Version, "14", "Android 14"),
        ("Chrome 120 shows blank page", K::Version, "120", "Chrome 120"),
        ("updated to 4.12.0 today", K::Version, "4.12.0", "4.12.0"),
    ]);
}

#[test]
fn lexicon_kinds() {
    check_table(&[
        ("works in Firefox but not Chrome", K::Browser, "Firefox", "Firefox"),
        ("works in Firefox but not Chrome", K::Browser, "Chrome", "Chrome"),
        ("в Яндекс Браузере не открывается", K::Browser, "Яндекс Браузере", "Yandex Browser"),
        ("Microsoft Edge blank page", K::Browser, "Microsoft Edge", "Edge"),
        ("upgraded to Windows 11", K::Os, "Windows 11", "Windows 11"),
        ("на macOS всё ок", K::Os, "macOS", "macOS"),
        ("на андроиде вылетает", K::Os, "андроиде", "Android"),
        ("Ubuntu 22.04 server", K::Os, "Ubuntu", "Ubuntu"),
        ("on my iPhone 13 Pro", K::Device, "iPhone 13 Pro", "iPhone 13 Pro"),
        ("Samsung A52 freezes", K::Device, "Samsung A52", "Samsung A52"),
        ("Galaxy S23 Ultra", K::Device, "Galaxy S23 Ultra", "Galaxy S23 Ultra"),
        ("Pixel 7a camera", K::Device, "Pixel 7a", "Pixel 7a"),
        ("Redmi Note 12 Pro не заряжается", K::Device, "Redmi Note 12 Pro", "Redmi Note 12 Pro"),
        ("на айфоне 13", K::Device, "айфоне", "iPhone"),
        ("с планшета не работает", K::Device, "планшета", "tablet"),
        ("на ноутбуке", K::Device, "ноутбуке", "laptop"),
        ("iPad shows nothing", K::Device, "iPad", "iPad"),
        ("dashboard is empty", K::Feature, "dashboard", "dashboard"),
        ("reports are slow", K::Feature, "reports", "reports"),
        ("set up SSO with Okta", K::Feature, "SSO", "SSO"),
        ("2FA codes never arrive", K::Feature, "2FA", "2FA"),
        ("export to CSV fails", K::Feature, "export", "export"),
        ("API keys page is blank", K::Feature, "API keys", "API keys"),
        ("billing page 404", K::Feature, "billing page", "billing page"),
        ("отчеты не формируются", K::Feature, "отчеты", "reports"),
        ("не приходят уведомления", K::Feature, "уведомления", "notifications"),
        ("двухфакторная аутентификация не работает", K::Feature, "двухфакторная аутентификация", "2FA"),
        ("отчёт по продажам", K::Feature, "отчёт", "reports"),
        ("sync with Salesforce broke", K::Integration, "Salesforce", "Salesforce"),
        ("Zapier zap stopped", K::Integration, "Zapier", "Zapier"),
        ("интеграция с 1С", K::Integration, "1С", "1C"),
        ("amoCRM не получает лиды", K::Integration, "amoCRM", "amoCRM"),
        ("выгрузка в Битрикс24", K::Integration, "Битрикс24", "Bitrix24"),
        ("оплата через ЮKassa", K::Integration, "ЮKassa", "ЮKassa"),
        ("через Яндекс.Кассу", K::Integration, "Яндекс.Кассу", "ЮKassa"),
        ("в Тинькофф не проходит платеж", K::Integration, "Тинькофф", "Tinkoff"),
        ("Microsoft Teams notifications", K::Integration, "Microsoft Teams", "Microsoft Teams"),
        ("Google Workspace login", K::Integration, "Google Workspace", "Google Workspace"),
    ]);
}

#[test]
fn mixed_english_russian() {
    let got = found("После обновления до v2.3.1 в Chrome на Windows 11 ошибка 500 при GET /api/v2/users, уже 3 дня, тикет SUP-12345");
    let kinds: Vec<(EntityKind, &str)> = got.iter().map(|(k, t, _)| (*k, t.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (K::Version, "v2.3.1"),
            (K::Browser, "Chrome"),
            (K::Os, "Windows 11"),
            (K::HttpStatus, "ошибка 500"),
            (K::Endpoint, "GET /api/v2/users"),
            (K::Duration, "уже 3 дня"),
            (K::TicketId, "тикет SUP-12345"),
        ]
    );
}

#[test]
fn negatives() {
    check_absent(&[
        ("we have 3 users", K::Duration),
        ("we have 3 users", K::Money),
        ("we have 300 users", K::HttpStatus),
        ("got 404 users in the list", K::HttpStatus),
        ("what version are you on?", K::Version),
        ("версия приложения какая?", K::Version),
        ("in 2024 we moved", K::HttpStatus),
        ("in 2024 we moved", K::Date),
        ("since 2023 the price grew", K::HttpStatus),
        ("401", K::HttpStatus),
        ("call ORD-123456", K::Phone),
        ("ticket 48213", K::Phone),
        ("2024-03-03", K::Phone),
        ("v2.3.1", K::Phone),
        ("INV-20931", K::Phone),
        ("UTF-16 encoding", K::TicketId),
        ("COVID-19 delays", K::TicketId),
        ("ORA-00942", K::TicketId),
        ("an edge case in export", K::Browser),
        ("close all windows first", K::Os),
        ("the knowledge base", K::Browser),
        ("server 192.168.1.10 down", K::Version),
        ("тестовая среда недоступна", K::Date),
        ("в 3 часа ночи", K::Duration),
        ("once a day", K::Duration),
        ("и/или 24/7", K::Endpoint),
        ("file at /usr/local/bin/app", K::Endpoint),
        ("the Error was shown", K::Exception),
        ("Internal Server Error", K::Exception),
        ("issue with login", K::TicketId),
        ("ordered 2 items", K::TicketId),
        ("May I ask a question about 3 items", K::Date),
        ("2024 года выпуска", K::Duration),
        ("profiles & профилактика", K::Feature),
        ("price is 5 stars", K::Money),
        ("#ff0000 button", K::TicketId),
    ]);
}

#[test]
fn overlaps_are_resolved() {
    // The Device model wins over the bare family; the e-mail over the bare domain inside it;
    // the URL over the version inside it; the date "2 days ago" over the duration "2 days".
    let cases: &[(&str, &[(EntityKind, &str)])] = &[
        ("iPhone 13 Pro Max", &[(K::Device, "iPhone 13 Pro Max")]),
        ("mail bob@example.com", &[(K::Email, "bob@example.com")]),
        ("https://api.example.com/v2/users", &[(K::Url, "https://api.example.com/v2/users")]),
        ("2 days ago", &[(K::Date, "2 days ago")]),
        ("заказ 300 рублей", &[(K::Money, "300 рублей")]),
        ("ORA-00942", &[(K::ErrorCode, "ORA-00942")]),
        ("Яндекс Браузер", &[(K::Browser, "Яндекс Браузер")]),
        ("API keys", &[(K::Feature, "API keys")]),
    ];
    for (text, want) in cases {
        let got: Vec<(EntityKind, String)> = found(text).into_iter().map(|(k, t, _)| (k, t)).collect();
        let want: Vec<(EntityKind, String)> = want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }
    // And in general: sorted, non-overlapping.
    let text = "error 500 on GET /api/v2/users since 2024-03-03 for 3 hours, INV-20931, $49, iPhone 13";
    let all = ex().extract(text);
    for w in all.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?} overlaps {:?}", w[0], w[1]);
    }
}

#[test]
fn utf16_spans_after_cyrillic() {
    let text = "Привет! Ошибка 401 в 😀 Chrome";
    let all = ex().extract(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert!(all.len() >= 2, "{all:?}");
    for e in &all {
        assert_eq!(&text[e.span.start..e.span.end], e.text);
        let slice = String::from_utf16(&utf16[e.span.start_utf16..e.span.end_utf16]).unwrap();
        assert_eq!(slice, e.text);
    }
    let status = all.iter().find(|e| e.kind == K::HttpStatus).unwrap();
    assert_eq!((status.span.start_utf16, status.span.end_utf16), (8, 18));
}

#[test]
fn embedded_lexicon_parses() {
    let lex = Lexicon::parse(DEFAULT_LEXICON).expect("embedded lexicon must parse");
    assert!(lex.entries.len() >= 250, "only {} entries", lex.entries.len());
    for kind in [K::Browser, K::Os, K::Device, K::Feature, K::Integration] {
        assert!(lex.entries.iter().any(|e| e.kind == kind), "{kind:?} missing");
    }
    // Every pattern rule compiled, and the pre-pass set too.
    let ex = EntityExtractor::new();
    assert_eq!(ex.rules.len(), patterns::rules().len());
    assert!(ex.lexicon.is_some());
}

#[test]
fn bad_lexicon_lines_report_their_number() {
    let cases: &[(&str, usize, &str)] = &[
        ("# comment\n\nbrowser\tChrome\tchrome\nbogus\tX\tx\n", 4, "unknown kind"),
        ("browser\tChrome\n", 1, "3 tab-separated"),
        ("browser\tChrome\tchrome\nos\tChromeOS\tchrome\n", 2, "already defined on line 1"),
        ("feature\tReports\tот*чет\n", 1, "'*'"),
        ("feature\tReports\t  |  \n", 1, "no aliases"),
        ("feature\t\treports\n", 1, "canonical"),
        ("feature\tX\t-x-\n", 1, "letter or digit"),
    ];
    for (tsv, line, msg) in cases {
        let err = EntityExtractor::with_lexicon(tsv).unwrap_err();
        assert_eq!(err.line, *line, "{tsv:?}: {err}");
        assert!(err.message.contains(msg), "{tsv:?}: {err}");
        let _: &dyn std::error::Error = &err;
    }
    // An empty lexicon is fine: only pattern kinds are found.
    let ex = EntityExtractor::with_lexicon("# nothing\n").unwrap();
    assert_eq!(ex.extract("Chrome error 500").len(), 1);
}

#[test]
fn custom_lexicon_features() {
    let tsv =
        "browser\tEdge\t=Edge\nfeature\tReports\tотчет* | sales report\nintegration\tAcme CRM\tacme crm\n";
    let ex = EntityExtractor::with_lexicon(tsv).unwrap();
    let got: Vec<_> = ex
        .extract("Edge: отчётами  из Acme\tCRM; edge case; Sales   Report")
        .into_iter()
        .map(|e| (e.text, e.value.unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Edge".to_string(), "Edge".to_string()),
            ("отчётами".to_string(), "Reports".to_string()),
            ("Acme\tCRM".to_string(), "Acme CRM".to_string()),
            ("Sales   Report".to_string(), "Reports".to_string()),
        ]
    );
}

#[test]
fn serde_round_trip() {
    let all = ex().extract("ошибка 401 в Chrome");
    let json = serde_json::to_string(&all).unwrap();
    assert!(json.contains("\"kind\":\"http_status\""), "{json}");
    let back: Vec<Entity> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, all);
    for k in EntityKind::ALL {
        assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
    }
}

#[test]
fn large_and_adversarial_inputs_are_fast_enough() {
    // Not a benchmark (no assertion on time): shows the scan stays roughly linear.
    let ticket = "Since yesterday GET /api/v2/users returns 502 Bad Gateway in Chrome 120 on Windows 11. \
        Ошибка 401 при вызове API, заказ №12345, списали 2990 рублей 3 марта, уже 3 дня не работает \
        двухфакторная аутентификация через Okta. Contact +7 916 123-45-67 or ivan@example.com. ";
    let ex = ex();
    for _ in 0..500 {
        ex.extract(ticket); // warm the regex caches
    }
    let n = 5000;
    let t = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..n {
        count += ex.extract(ticket).len();
    }
    let per = t.elapsed() / n;
    println!(
        "extract on {} chars: {:?} per call ({} entities)",
        ticket.chars().count(),
        per,
        count / n as usize
    );
    for unit in ["a/b", "edge", "1 ", "x@", "/x", "отчет", "+7 ", "9.", "case ", "#1"] {
        let size = if cfg!(debug_assertions) { 20_000 } else { 1_000_000 };
        let big = unit.repeat(size / unit.len());
        let t = std::time::Instant::now();
        let all = ex.extract(&big);
        println!(
            "{:>8} x{}: {:?}, {} entities",
            format!("{unit:?}"),
            big.len() / unit.len(),
            t.elapsed(),
            all.len()
        );
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let all = ex().extract(text);
        let mut last_end = 0;
        for e in &all {
            assert!(e.span.start < e.span.end && e.span.end <= text.len());
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert_eq!(&text[e.span.start..e.span.end], e.text);
            assert!(e.span.start >= last_end, "overlap or unsorted at {e:?}");
            last_end = e.span.end;
            assert_eq!(e.span.start_utf16, text[..e.span.start].encode_utf16().count());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_on_any_string(s in any::<String>()) {
            check(&s);
        }

        #[test]
        fn never_panics_on_entity_like_soup(
            parts in proptest::collection::vec(prop_oneof![
                Just("error "), Just("500"), Just("401 "), Just("Chrome "), Just("iOS 17.2"),
                Just("ошибка "), Just("заказ №"), Just("#"), Just("12345"), Just("$"), Just("1,299.99"),
                Just(" ₽"), Just("руб."), Just("3 марта"), Just("2024-03-03"), Just("+7 "), Just("8 (495) "),
                Just("123-45-67"), Just("/api/v2/"), Just("GET "), Just("https://x.io/"), Just("@"),
                Just("v2.3.1"), Just("."), Just(" "), Just("ё"), Just("😀"), Just("\u{a0}"), Just("ORA-"),
                Just("0x"), Just("FFFF"), Just("уже "), Just("дня"), Just("отчет"), Just("Яндекс.Касс"),
                Just("iPhone "), Just("13"), Just(" Pro"), Just("("), Just(")"), Just("-"), Just("\t"),
            ], 0..40)
        ) {
            check(&parts.concat());
        }
    }
}
