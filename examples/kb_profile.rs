//! Where building a knowledge base spends its time: the text pipeline, the concept dictionary,
//! the search thesaurus, and indexing the default articles.
//!
//! `cargo run --release --example kb_profile`
use helpdesk_ai::concepts::ConceptDictionary;
use helpdesk_ai::kb::KnowledgeBase;
use helpdesk_ai::text::Pipeline;
use std::time::Instant;

fn main() {
    let runs = 20;
    let time = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        for _ in 0..runs {
            f();
        }
        println!("{name:<40} {:>8.2} ms", t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
    };
    time("Pipeline::default", &mut || drop(std::hint::black_box(Pipeline::default())));
    let pipeline = Pipeline::default();
    time("ConceptDictionary::embedded", &mut || {
        drop(std::hint::black_box(ConceptDictionary::embedded(&pipeline)))
    });
    time("KnowledgeBase::default (+ thesaurus)", &mut || {
        drop(std::hint::black_box(KnowledgeBase::default()))
    });
    time("KnowledgeBase::embedded (+ 52 articles)", &mut || {
        drop(std::hint::black_box(KnowledgeBase::embedded()))
    });
    let bytes = KnowledgeBase::embedded().to_bytes();
    time("KnowledgeBase::from_bytes (default KB)", &mut || {
        drop(std::hint::black_box(KnowledgeBase::from_bytes(&bytes)))
    });
}
