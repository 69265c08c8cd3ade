//! Trains the ticket classifier on the project's corpus (data/corpus/{en,ru}/train-*.jsonl) and
//! scores it on the held-out test split (data/corpus/test/{en,ru}.jsonl), per language and head:
//! accuracy, macro-F1, expected calibration error, and P1 recall.
//!
//! `cargo run --release --example classifier_eval`
use helpdesk_ai::classify::metrics::{expected_calibration_error, score};
use helpdesk_ai::classify::{Head, LabelledTicket, TicketClassifier, TrainOptions};
use helpdesk_ai::{Analyzer, Ticket};
use std::time::Instant;

fn load(path: &std::path::Path) -> Vec<(String, LabelledTicket)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("valid JSON line");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("lang"), LabelledTicket {
                ticket: Ticket { id: Some(s("id")), subject: s("subject"), message: s("message") },
                labels: [s("category"), s("area"), s("priority"), s("complexity")],
            })
        })
        .collect()
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut train = Vec::new();
    for lang in ["en", "ru"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(lang)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            train.extend(load(&f).into_iter().map(|(_, t)| t));
        }
    }
    let analyzer = Analyzer::default();
    let started = Instant::now();
    let mut options = TrainOptions::default();
    if let Some(rows) = std::env::var("MAX_FEATURES").ok().and_then(|v| v.parse().ok()) {
        options.max_features = rows;
    }
    let model = TicketClassifier::train(&analyzer, &train, &options);
    println!("trained on {} tickets in {:.1} s", train.len(), started.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    let model = TicketClassifier::from_bytes(&bytes).expect("the model reads back");
    let temperatures: Vec<String> =
        model.model().heads.iter().map(|h| format!("{} T={:.2}", h.name, h.temperature)).collect();
    println!("model: {} bytes, {} feature rows; {}", bytes.len(), model.model().rows(), temperatures.join(", "));
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &bytes).expect("model written");
        println!("wrote {path}");
    }
    for lang in ["en", "ru"] {
        let test = load(&root.join("test").join(format!("{lang}.jsonl")));
        let predictions: Vec<_> = test.iter().map(|(_, t)| model.predict(&analyzer, &t.ticket).expect("analysable")).collect();
        println!("\n{lang}: {} held-out tickets", test.len());
        println!("  {:<11} {:>8} {:>9} {:>6}", "head", "accuracy", "macro-F1", "ECE");
        for head in Head::ALL {
            let h = head as usize;
            let gold: Vec<&str> = test.iter().map(|(_, t)| t.labels[h].as_str()).collect();
            let pred: Vec<&str> = predictions.iter().map(|p| p[h].label.as_str()).collect();
            let s = score(&gold, &pred);
            let conf: Vec<f32> = predictions.iter().map(|p| p[h].confidence).collect();
            let right: Vec<bool> = gold.iter().zip(&pred).map(|(g, p)| g == p).collect();
            let ece = expected_calibration_error(&conf, &right, 10);
            println!("  {:<11} {:>8.3} {:>9.3} {:>6.3}", head.name(), s.accuracy, s.macro_f1, ece);
            if head == Head::Priority {
                if let Some(p1) = s.per_class.iter().find(|c| c.0 == "P1") {
                    println!("  {:<11} P1 recall {:.3} (precision {:.3}, support {})", "", p1.2, p1.1, p1.4);
                }
            }
        }
    }
}
