//! Types queries letter by letter against the default KB, for profiling (`perf record`).
use helpdesk_ai::kb::{KnowledgeBase, SearchOptions};
fn main() {
    let kb = KnowledgeBase::embedded();
    let queries = ["reset passw", "pasword resset", "не приходят уведомл", "webhook not deliverd", "ckfr byntuhfwbz", "ne mogu voiti v akkaunt", "charged twice refund", "отчёт показывает неверные цифры"];
    let options = SearchOptions::default();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..30 {
        for q in queries {
            for (i, c) in q.char_indices() {
                std::hint::black_box(kb.search(&q[..i + c.len_utf8()], &options));
                n += 1;
            }
        }
    }
    eprintln!("{:?} per keystroke", t.elapsed() / n);
}
