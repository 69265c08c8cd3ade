//! Integration tests of the whole understanding step on real multilingual tickets.

use helpdesk_ai::entities::EntityKind;
use helpdesk_ai::redact::PiiKind;
use helpdesk_ai::sentiment::SentimentLabel;
use helpdesk_ai::{Analyzer, Field, InputError, Language, Ticket};
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::default)
}

fn has_entity(a: &helpdesk_ai::Analysis, kind: EntityKind, value: &str) -> bool {
    a.entities.iter().any(|e| {
        e.entity.kind == kind && (e.entity.value.as_deref() == Some(value) || e.entity.text == value)
    })
}

#[test]
fn seed_example_ticket() {
    let a = analyzer()
        .analyze(&Ticket::new(
            "",
            "Hi, I'm getting an error when trying to connect our CRM via API. The error message says \
             'Authentication failed' but I'm using the correct API key. This is blocking our sales team. \
             Please help urgently!",
        ))
        .unwrap();
    assert_eq!(a.language.code, Language::En);
    assert_eq!(a.sentiment.label, SentimentLabel::Negative);
    assert!(a.sentiment.descriptor.contains("polite"), "{}", a.sentiment.descriptor);
    let technical: Vec<&str> = a.keywords.technical.iter().map(|k| k.key.as_str()).collect();
    assert!(technical.contains(&"api"), "{technical:?}");
    assert!(!a.keywords.problems.is_empty() && !a.keywords.emotional.is_empty(), "{:?}", a.keywords);
}

#[test]
fn mixed_russian_ticket_with_entities_and_pii() {
    let message = "Добрый день! Со вчерашнего дня при вызове API ошибка 401, ключ sk_live_51HqT2aBcDeFgHiJkLmNoPqRs. \
                   Списали 2990 рублей по счёту INV-20931. Телефон +7 (916) 123-45-67, почта ivan@romashka.ru";
    let a = analyzer().analyze(&Ticket::new("Ошибка 401", message)).unwrap();
    assert_eq!(a.language.code, Language::Ru);
    assert!(has_entity(&a, EntityKind::HttpStatus, "401"), "{:#?}", a.entities);
    assert!(has_entity(&a, EntityKind::TicketId, "INV-20931"), "{:#?}", a.entities);
    assert!(a.entities.iter().any(|e| e.entity.kind == EntityKind::Money));
    assert!(a.entities.iter().any(|e| e.entity.kind == EntityKind::Date));
    let kinds: Vec<PiiKind> = a.redaction.masked.iter().map(|m| m.masked.kind).collect();
    for kind in [PiiKind::ApiKey, PiiKind::Phone, PiiKind::Email] {
        assert!(kinds.contains(&kind), "{kind:?} not masked: {kinds:?}");
    }
    assert!(!a.redaction.message.contains("ivan@romashka.ru"));
    assert!(!a.redaction.message.contains("sk_live_51HqT2aBcDeFgHiJkLmNoPqRs"));
    // Spans index the original fields, in bytes and in UTF-16 units.
    for e in &a.entities {
        let field = if e.field == Field::Subject { "Ошибка 401" } else { message };
        assert_eq!(&field[e.entity.span.start..e.entity.span.end], e.entity.text);
        let utf16: Vec<u16> = field.encode_utf16().collect();
        let js = String::from_utf16(&utf16[e.entity.span.start_utf16..e.entity.span.end_utf16]).unwrap();
        assert_eq!(js, e.entity.text);
    }
}

#[test]
fn html_mail_with_quoted_reply_and_signature() {
    let html = "<html><body><p>Hello,</p><p>The dashboard shows a <b>white screen</b> again in Chrome 120. This is really frustrating!</p>\
                <p>Best regards,<br>Tom Baker<br>+1 415 555 0132</p>\
                <div>On Mon, Mar 3, 2025 at 9:14 AM Support &lt;help@acme.io&gt; wrote:</div>\
                <blockquote><p>Thanks, everything works great now!</p></blockquote></body></html>";
    let a = analyzer().analyze(&Ticket::new("Re: dashboard", html)).unwrap();
    assert!(a.text.html);
    let plain = a.text.plain.as_deref().unwrap();
    assert!(plain.contains("white screen") && !plain.contains("<b>"));
    assert!(a.text.signature && a.text.quoted_bytes > 0);
    // The quoted "works great" must not make the new complaint positive.
    assert_eq!(a.sentiment.label, SentimentLabel::Negative);
    assert!(a.entities.iter().any(|e| e.entity.kind == EntityKind::Browser));
    assert!(a.concepts.iter().any(|c| c.contains("white_screen")), "{:?}", a.concepts);
}

#[test]
fn english_query_and_russian_query_share_concepts() {
    let en = analyzer().analyze(&Ticket::new("", "password reset email not arriving")).unwrap();
    let ru = analyzer().analyze(&Ticket::new("", "не приходит письмо для сброса пароля")).unwrap();
    let shared: Vec<_> = en.concepts.iter().filter(|c| ru.concepts.contains(c)).collect();
    assert!(shared.len() >= 2, "en {:?} ru {:?}", en.concepts, ru.concepts);
}

#[test]
fn typos_and_no_punctuation_still_understood() {
    let a = analyzer().analyze(&Ticket::new("", "cant login forgot my pasword pls help asap")).unwrap();
    assert_eq!(a.language.code, Language::En);
    assert!(a.concepts.iter().any(|c| c == "password"), "{:?}", a.concepts);
    assert!(a.sentiment.urgency > 0.3, "{}", a.sentiment.urgency);
}

#[test]
fn empty_and_binary_input_are_clear_errors() {
    assert_eq!(analyzer().analyze(&Ticket::new("  ", "\n\t")).unwrap_err(), InputError::Empty);
    let garbage: String = (0u8..64).map(|b| char::from(b % 20)).collect();
    assert!(matches!(analyzer().analyze(&Ticket::new("", garbage)), Err(InputError::NotText { .. })));
}

#[test]
fn huge_message_is_truncated_not_refused() {
    let big = "The export to CSV fails with error 500. ".repeat(130_000); // ~5 MB
    let a = analyzer().analyze(&Ticket::new("big", big)).unwrap();
    assert!(a.text.truncated);
    assert!(has_entity(&a, EntityKind::HttpStatus, "500"));
}

#[test]
fn other_languages_degrade_to_und() {
    let a = analyzer()
        .analyze(&Ticket::new("", "Bonjour, je n'arrive pas à me connecter à mon compte depuis hier soir"))
        .unwrap();
    assert_eq!(a.language.code, Language::Und);
    let a = analyzer()
        .analyze(&Ticket::new("", "Добрий день, не можу увійти в обліковий запис, підкажіть що робити"))
        .unwrap();
    assert_eq!(a.language.code, Language::Und);
    let a = analyzer().analyze(&Ticket::new("", "ne mogu voiti v akkaunt pomogite")).unwrap();
    assert_eq!(a.language.code, Language::Ru);
}

#[test]
fn same_input_same_output() {
    let t = Ticket::new("Счёт", "Списали дважды 1 500 ₽, верните деньги!!!");
    let a = serde_json::to_string(&analyzer().analyze(&t).unwrap()).unwrap();
    let b = serde_json::to_string(&Analyzer::default().analyze(&t).unwrap()).unwrap();
    assert_eq!(a, b);
}
