use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let empty = KnowledgeBase::default();
    eprintln!("empty {:?}", t.elapsed());
    drop(empty);
    let t = Instant::now();
    let kb = KnowledgeBase::embedded();
    eprintln!("build {:?}", t.elapsed());
    let t = Instant::now();
    let _ = helpdesk_ai::Analyzer::default();
    eprintln!("analyzer {:?}", t.elapsed());
    for (name, o) in [("default", SearchOptions::default()), ("limit1", SearchOptions { limit: 1, ..Default::default() }), ("noprefix", SearchOptions { prefix: false, ..Default::default() })] {
        for q in ["reset passw", "pasword resset", "не приходят уведомл", "ckfr byntuhfwbz", "ne mogu voiti v akkaunt"] {
            let t = Instant::now();
            for _ in 0..20 { std::hint::black_box(kb.search(q, &o)); }
            eprintln!("{name} {q:?}: {:?}", t.elapsed() / 20);
        }
    }
    let t = Instant::now();
    let p = helpdesk_ai::text::Pipeline::default();
    eprintln!("pipeline {:?}", t.elapsed());
    let t = Instant::now();
    for _ in 0..100 { std::hint::black_box(p.tokens("Open app.orbitdesk.io/login and click Forgot password? Enter the email address your account uses")); }
    eprintln!("tokens {:?}", t.elapsed() / 100);
}
