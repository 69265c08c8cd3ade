//! Property tests: no input, however hostile, panics an entry point.

use helpdesk_ai::concepts::ConceptDictionary;
use helpdesk_ai::contract;
use helpdesk_ai::kb::{KnowledgeBase, RankingWeights, SearchOptions};
use helpdesk_ai::sentiment::SentimentAnalyzer;
use helpdesk_ai::text::{html_to_text, split_reply, Pipeline};
use helpdesk_ai::{Analyzer, Ticket};
use proptest::prelude::*;
use std::sync::OnceLock;

fn default_model_bytes() -> &'static [u8] {
    include_bytes!("../data/model/default.bin")
}

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::default)
}

/// Text that looks like support mail: words from both languages, codes, markup, quotes,
/// emoji and control characters, in any order.
fn mail_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("пароль ".to_string()),
        Just("не работает!!! ".to_string()),
        Just("API 401 ".to_string()),
        Just("<p>".to_string()),
        Just("</blockquote>".to_string()),
        Just("&#x1F600;&amp;".to_string()),
        Just("\n> quoted\n".to_string()),
        Just("On Mon wrote:\n".to_string()),
        Just("-- \n".to_string()),
        Just("$1,299.99 ".to_string()),
        Just("4111 1111 1111 1111 ".to_string()),
        Just("😡)))".to_string()),
        Just("can't ".to_string()),
        Just("ghp_abcdefghijklmnopqrstuvwxyz0123456789 ".to_string()),
        any::<String>(),
        "[\\PC]{0,20}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics(subject in mail_like(), message in mail_like()) {
        let ticket = Ticket::new(subject, message);
        if let Ok(a) = analyzer().analyze(&ticket) {
            for e in &a.entities {
                let field = if e.field == helpdesk_ai::Field::Subject { &ticket.subject } else { a.text.plain.as_ref().unwrap_or(&ticket.message) };
                prop_assert_eq!(field.get(e.entity.span.start..e.entity.span.end), Some(e.entity.text.as_str()));
            }
            prop_assert!((-1.0..=1.0).contains(&a.sentiment.score));
        }
    }

    #[test]
    fn text_functions_never_panic(text in mail_like()) {
        let p = Pipeline::default();
        for t in p.tokens(&text) {
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start < t.end);
        }
        let plain = html_to_text(&text);
        let parts = split_reply(&plain);
        for r in parts.new_text.iter().chain(&parts.quoted).chain(parts.signature.iter()) {
            prop_assert!(plain.get(r.clone()).is_some());
        }
    }

    #[test]
    fn json_contract_never_panics(line in mail_like()) {
        let result = contract::parse_line(&line).and_then(|v| contract::analyze_json(analyzer(), &v));
        let _ = result;
    }

    #[test]
    fn model_bytes_never_panic(noise in prop::collection::vec(any::<u8>(), 0..400), at in any::<usize>(), flip in 1u8..=255) {
        use helpdesk_ai::classify::TicketClassifier;
        let _ = TicketClassifier::from_bytes(&noise);
        // A real model with one byte changed or cut short: always an error, never a panic.
        let mut model = default_model_bytes().to_vec();
        let i = at % model.len();
        model[i] ^= flip;
        prop_assert!(TicketClassifier::from_bytes(&model).is_err());
        prop_assert!(TicketClassifier::from_bytes(&default_model_bytes()[..i]).is_err());
    }

    #[test]
    fn data_loaders_reject_garbage_without_panicking(data in mail_like()) {
        let _ = ConceptDictionary::from_tsv(&data);
        let _ = SentimentAnalyzer::new(&[&data], &data, &Pipeline::default());
        let _ = Pipeline::new(&data, &data, &data);
    }
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::embedded)
}

/// What people type into a help box, wrong layouts and transliteration included.
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("reset passw".to_string()),
        Just("ghbdtn ".to_string()),
        Just("ne mogu voiti ".to_string()),
        Just("не приходят уведомл".to_string()),
        Just("api 429 ".to_string()),
        Just("~concept ".to_string()),
        Just("\"quoted phrase\" ".to_string()),
        any::<String>(),
        "[\\PC]{0,12}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn search_never_panics(q in query_like(), limit in 0usize..200, prefix in any::<bool>()) {
        let options = SearchOptions { limit, prefix, ..SearchOptions::default() };
        let result = kb().search(&q, &options);
        prop_assert!(result.hits.len() <= 100);
        for hit in &result.hits {
            let utf16 = hit.snippet.text.encode_utf16().count();
            prop_assert!(hit.snippet.highlights.iter().all(|[s, e]| s < e && *e <= utf16));
            prop_assert!(hit.score.is_finite());
        }
        let _ = contract::search_json(kb(), &serde_json::json!({"q": q, "limit": limit}));
    }
}

proptest! {
    // Each case builds a knowledge base (tens of milliseconds in a debug build): fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn kb_loaders_reject_garbage_without_panicking(json in mail_like(), noise in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = KnowledgeBase::from_json(&json);
        let _ = KnowledgeBase::from_json(&format!("[{{\"id\": {json:?}, \"title\": {json:?}, \"body\": {json:?}, \"updated_at\": {json:?}}}]"));
        prop_assert!(KnowledgeBase::from_bytes(&noise).is_err() || noise.starts_with(b"HDKB"));
        let _ = RankingWeights::from_json(&json);
    }
}

/// A small knowledge base's index bytes, with one article removed (a free slot) and one
/// replaced, so that every section of the format is present.
fn index_bytes() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let mut kb = KnowledgeBase::from_json(
            r#"[{"id": "a", "title": "Reset a forgotten password", "tags": ["login"], "symptoms": ["пароль не подходит"], "body": "Open the sign-in page."},
                {"id": "b", "title": "Export reports to PDF", "steps": ["Open Reports", "Click Export"]},
                {"id": "c", "title": "Webhooks are not delivered", "body": "Check the endpoint returns 200."}]"#,
        )
        .expect("a valid KB");
        kb.remove("b").expect("b exists");
        kb.record_unanswered("how do I export to notion");
        kb.to_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Index bytes damaged anywhere — and given a checksum that matches, so the damage reaches
    /// every reader behind it — load as an error or as a knowledge base that searches; never a
    /// panic.
    #[test]
    fn damaged_index_bytes_never_panic(at in any::<usize>(), flip in 1u8..=255, cut in any::<usize>()) {
        let good = index_bytes();
        let body_len = good.len() - 4;
        let mut body = good[..body_len].to_vec();
        let i = 6 + at % (body_len - 6);
        body[i] ^= flip;
        if cut % 4 == 0 {
            body.truncate(6 + cut % (body_len - 6));
        }
        let crc = crc32fast_hash(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        if let Ok(kb) = KnowledgeBase::from_bytes(&body) {
            let _ = kb.search("password export", &helpdesk_ai::kb::SearchOptions::default());
            let _ = kb.to_bytes();
        }
    }
}

/// CRC-32 (IEEE), written out here so the test needs no extra dependency.
fn crc32fast_hash(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
