//! `helpdesk` — the command-line host of the helpdesk-ai core.
//!
//! It adds files, streams and progress; every decision is the core's.

use clap::{Parser, Subcommand};
use helpdesk_ai::classify::metrics::{expected_calibration_error, score};
use helpdesk_ai::classify::{Head, LabelledTicket, Progress, TicketClassifier, TrainOptions};
use helpdesk_ai::contract;
use helpdesk_ai::desk::HelpDesk;
use helpdesk_ai::kb::KnowledgeBase;
use helpdesk_ai::routing::{Roster, Router};
use helpdesk_ai::triage::Triager;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use std::fmt::Write as _;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Lines longer than this are rejected without being held in memory.
const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "helpdesk",
    version,
    about = "The brain of a support desk: understands support tickets in English and Russian.",
    long_about = "helpdesk reads support tickets as JSON Lines (one JSON object per line) on standard \
input and writes one JSON result per line on standard output, in input order. A line that cannot \
be read gets {\"error\":{\"line\":N,\"message\":...}} in its place and the batch goes on.",
    after_help = "Examples:\n  echo '{\"id\":\"1\",\"subject\":\"Login\",\"message\":\"I cant log in since yesterday\"}' | helpdesk analyze\n  helpdesk analyze < tickets.jsonl > analysed.jsonl"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse tickets: language, entities, PII redaction, keywords, concepts, sentiment.
    #[command(
        after_help = "Input, one ticket per line:\n  {\"id\": \"T-1\", \"subject\": \"...\", \"message\": \"...\"}\n\
(`message` may be HTML; `text` is accepted for `message`; `id` may be a string or a number.)\n\n\
Example:\n  echo '{\"id\":1,\"message\":\"Ошибка 401 при вызове API, срочно!\"}' | helpdesk analyze"
    )]
    Analyze {
        /// Indent the JSON output (one result then spans several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Triage tickets: everything `analyze` says plus category, area, priority and complexity
    /// with calibrated confidence, the priority rules that fired, and the routing decision.
    #[command(
        after_help = "Input, one ticket per line:\n  {\"id\": \"T-1\", \"subject\": \"...\", \"message\": \"...\"}\n\n\
Example:\n  echo '{\"id\":1,\"message\":\"API returns 500 error since the last update\"}' | helpdesk triage\n  helpdesk triage --model team.bin < tickets.jsonl"
    )]
    Triage {
        /// A model trained with `helpdesk train` (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// A roster of agents (JSON, see data/routing/roster.sample.json): routing then picks
        /// an agent, fallbacks and an ETA.
        #[arg(long)]
        roster: Option<PathBuf>,
        /// Routing rules (JSON, see data/routing/rules.json; default: the seed's).
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Knowledge base for suggestions (JSON array of articles; default: the embedded one).
        #[arg(long)]
        kb: Option<PathBuf>,
        /// The time for tickets without `created_at` (RFC 3339; default: now).
        #[arg(long)]
        now: Option<String>,
        /// Indent the JSON output.
        #[arg(long)]
        pretty: bool,
    },
    /// Train a classifier on labelled tickets and/or chat messages; one head per label kind present.
    #[command(
        after_help = "Input, one labelled example per line, with any of the labels:\n  {\"subject\": \"...\", \"message\": \"...\", \"category\": \"billing_issue\", \"area\": \"billing_system\", \"priority\": \"P3\", \"complexity\": \"L1\"}\n  {\"text\": \"how do I cancel my card?\", \"intent\": \"cancel_card\"}\n\n\
Example:\n  helpdesk train --input resolved-tickets.jsonl --out team.bin\n  helpdesk train --input intents.jsonl --out intents.bin && helpdesk classify --model intents.bin < messages.jsonl"
    )]
    Train {
        /// Labelled tickets (JSON Lines); repeat for several files.
        #[arg(long, required = true)]
        input: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Seed of the shuffling order (same seed and data, same model).
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
        /// L2 regularisation.
        #[arg(long, default_value_t = TrainOptions::default().l2)]
        l2: f32,
        /// The most feature rows each head keeps (a row of a head with k classes costs about
        /// 1 + k × bits / 8 bytes).
        #[arg(long, default_value_t = TrainOptions::default().rows_per_head)]
        rows_per_head: usize,
        /// Bits per weight, 2–8 (fewer: a smaller model, slightly less exact).
        #[arg(long, default_value_t = TrainOptions::default().weight_bits, value_parser = clap::value_parser!(u8).range(2..=8))]
        weight_bits: u8,
    },
    /// Evaluate a model on labelled tickets: accuracy, macro-F1, per-class precision/recall,
    /// confusion matrix and calibration error per head and per language.
    #[command(
        after_help = "Example:\n  helpdesk eval --input data/corpus/test/en.jsonl --input data/corpus/test/ru.jsonl\n  helpdesk eval --model team.bin --input held-out.jsonl"
    )]
    Eval {
        /// A model trained with `helpdesk train` (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Labelled tickets or messages (JSON Lines); repeat for several files.
        #[arg(long, required = true)]
        input: Vec<PathBuf>,
    },
    /// Classify tickets or messages with every head of a model (e.g. an intent model trained
    /// with `helpdesk train`), with confidence, alternatives and the features behind each label.
    #[command(
        after_help = "Input, one message per line:\n  {\"id\": \"m1\", \"text\": \"...\"}  or a ticket {\"id\", \"subject\", \"message\"}\n\n\
Output per line:\n  {\"id\": \"m1\", \"intent\": {\"label\": \"...\", \"confidence\": 0.93, \"alternatives\": [[\"...\", 0.04]], \"because\": [...]}}\n\n\
Example:\n  echo '{\"text\":\"hi there\"}' | helpdesk classify"
    )]
    Classify {
        /// A model trained with `helpdesk train` (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Search a knowledge base: queries as JSON Lines in, ranked hits out; or, with --eval,
    /// hit@1, hit@3 and MRR on labelled queries.
    #[command(
        after_help = "Input, one query per line:\n  {\"q\": \"reset passw\", \"limit\": 5, \"lang\": \"en\"}\n\n\
KB.json is a JSON array of articles {\"id\", \"title\", \"category\", \"tags\": [], \"symptoms\": [], \"steps\": [], \"body\", ...}.\n\n\
Examples:\n  echo '{\"q\":\"pasword reset\"}' | helpdesk search\n  helpdesk search --kb kb.json --eval queries.jsonl   # lines {\"q\", \"expected\": [ids], \"kind\"?, \"lang\"?}\n  helpdesk search --kb kb.json --save-index kb.bin    # build once; then --kb kb.bin loads it without re-indexing"
    )]
    Search {
        /// The knowledge base (default: the embedded one).
        #[arg(long)]
        kb: Option<PathBuf>,
        /// Labelled queries to evaluate instead of reading stdin.
        #[arg(long)]
        eval: Option<PathBuf>,
        /// Ranking weights (JSON like data/kb/ranking.json; default: the embedded ones).
        #[arg(long)]
        weights: Option<PathBuf>,
        /// Indent the JSON output.
        #[arg(long)]
        pretty: bool,
        /// Build the index and write it to this file instead of searching (load it with --kb:
        /// no article is read again).
        #[arg(long)]
        save_index: Option<PathBuf>,
        /// First teach the KB queries its articles answered: JSON Lines {"q", "id"} or
        /// {"q", "expected": [id, …]} — e.g. what customers asked in tickets resolved with an
        /// article. Repeatable.
        #[arg(long)]
        learn: Vec<PathBuf>,
    },
    /// Follow the customer's sentiment through conversations.
    #[command(
        after_help = "Input, one conversation per line:\n  {\"id\": \"C-1\", \"messages\": [{\"sender\": \"customer\", \"text\": \"...\"}, {\"sender\": \"agent\", \"text\": \"...\"}]}\n\n\
Example:\n  echo '{\"messages\":[{\"sender\":\"customer\",\"text\":\"still broken!!\"},{\"sender\":\"customer\",\"text\":\"works now, thanks\"}]}' | helpdesk conversation"
    )]
    Conversation,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let triager = Triager::default();
    let analyzer = triager.analyzer();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Analyze { pretty } => {
            run_lines(&mut stdin.lock(), &mut out, pretty, |value| contract::analyze_json(analyzer, value))
        }
        Command::Conversation => run_lines(&mut stdin.lock(), &mut out, false, |value| {
            contract::conversation_json(analyzer, value)
        }),
        Command::Triage { model, roster, rules, kb, now, pretty } => {
            let desk = match build_desk(
                triager,
                model.as_deref(),
                roster.as_deref(),
                rules.as_deref(),
                kb.as_deref(),
            ) {
                Ok(d) => d,
                Err(message) => return fail(&message),
            };
            // The host reads the clock; the core is told the time.
            let now = match now.as_deref().map(helpdesk_ai::routing::time::Timestamp::parse) {
                Some(Ok(t)) => t.unix,
                Some(Err(e)) => return fail(&format!("--now: {e}")),
                None => std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            };
            run_lines(&mut stdin.lock(), &mut out, pretty, |value| desk.triage_json(value, Some(now)))
        }
        Command::Train { input, out: path, epochs, seed, l2, rows_per_head, weight_bits } => {
            let options =
                TrainOptions { epochs, seed, l2, rows_per_head, weight_bits, ..TrainOptions::default() };
            return train(&triager, &input, &path, &options);
        }
        Command::Eval { model, input } => {
            let classifier = match load_classifier(&triager, model.as_deref()) {
                Ok(c) => c,
                Err(message) => return fail(&message),
            };
            return eval(triager, classifier, &input);
        }
        Command::Search { kb, eval, weights, pretty, save_index, learn } => {
            let mut kb = match load_kb(kb.as_deref()) {
                Ok(kb) => kb,
                Err(message) => return fail(&message),
            };
            for path in &learn {
                match learn_queries(&mut kb, path) {
                    Ok(n) => eprintln!("helpdesk: learned {n} query → article pairs from {}", path.display()),
                    Err(message) => return fail(&message),
                }
            }
            if let Some(path) = save_index {
                let bytes = kb.to_bytes();
                return match std::fs::write(&path, &bytes) {
                    Ok(()) => {
                        eprintln!(
                            "helpdesk: wrote {} ({} articles, {} bytes)",
                            path.display(),
                            kb.len(),
                            bytes.len()
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&format!("{}: {e}", path.display())),
                };
            }
            if let Some(path) = weights {
                let loaded = std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| helpdesk_ai::kb::RankingWeights::from_json(&t).map_err(|e| e.to_string()));
                match loaded {
                    Ok(w) => kb.set_weights(w),
                    Err(e) => return fail(&format!("{}: {e}", path.display())),
                }
            }
            if let Some(path) = eval {
                return eval_search(&kb, &path);
            }
            run_lines(&mut stdin.lock(), &mut out, pretty, |value| contract::search_json(&kb, value))
        }
        Command::Classify { model } => {
            let classifier = match load_classifier(&triager, model.as_deref()) {
                Ok(c) => c,
                Err(message) => return fail(&message),
            };
            run_lines(&mut stdin.lock(), &mut out, false, |value| {
                contract::classify_json(analyzer, &classifier, value)
            })
        }
    };
    match result.and_then(|stats| out.flush().map(|_| stats)) {
        Ok(stats) if stats.lines == 0 => {
            eprintln!("helpdesk: no input — expected one JSON object per line on standard input");
            ExitCode::from(1)
        }
        Ok(stats) => {
            eprintln!("helpdesk: {} line(s), {} error(s)", stats.lines, stats.errors);
            ExitCode::SUCCESS
        }
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("helpdesk: {err}");
            ExitCode::from(2)
        }
    }
}

/// Writes a report to stdout; a closed pipe (`| head`) is not an error.
fn emit(report: &str) -> ExitCode {
    match io::stdout().lock().write_all(report.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => fail(&e.to_string()),
        _ => ExitCode::SUCCESS,
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("helpdesk: {message}");
    ExitCode::from(2)
}

fn with_model(triager: Triager, path: Option<&Path>) -> Result<Triager, String> {
    let Some(path) = path else { return Ok(triager) };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    triager.with_model_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The desk for `triage`: model, roster, routing rules and KB from files where given.
fn build_desk(
    triager: Triager,
    model: Option<&Path>,
    roster: Option<&Path>,
    rules: Option<&Path>,
    kb: Option<&Path>,
) -> Result<HelpDesk, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let triager = with_model(triager, model)?;
    let router = match rules {
        Some(p) => Router::from_json(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?,
        None => Router::default(),
    };
    let roster = match roster {
        Some(p) => Some(Roster::from_json(&read(p)?).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };
    Ok(HelpDesk { triager, kb: load_kb(kb)?, router, roster })
}

/// The knowledge base at `path` — a JSON array of articles, or an index written by
/// `search --save-index` — or the embedded one.
fn load_kb(path: Option<&Path>) -> Result<KnowledgeBase, String> {
    let Some(path) = path else { return Ok(KnowledgeBase::embedded()) };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let kb = if bytes.starts_with(b"HDKB") {
        KnowledgeBase::from_bytes(&bytes)
    } else {
        let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
        KnowledgeBase::from_json(&text)
    };
    kb.map_err(|e| format!("{}: {e}", path.display()))
}

/// Teaches the KB the queries in a JSON Lines file (`{"q", "id"}` or `{"q", "expected": [ids]}`);
/// returns how many pairs were learned. A line naming no known article is an error.
fn learn_queries(kb: &mut KnowledgeBase, path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut learned = 0;
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = || format!("{}:{}", path.display(), i + 1);
        let value = contract::parse_line(line).map_err(|e| format!("{}: {e}", at()))?;
        let q = value
            .get("q")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}: expected {{\"q\", \"id\"}}", at()))?;
        let ids: Vec<&str> = match (
            value.get("id").and_then(Value::as_str),
            value.get("expected").and_then(Value::as_array),
        ) {
            (Some(id), _) => vec![id],
            (None, Some(list)) => list.iter().filter_map(Value::as_str).collect(),
            (None, None) => {
                return Err(format!("{}: expected {{\"q\", \"id\"}} or {{\"q\", \"expected\": [ids]}}", at()))
            }
        };
        for id in ids {
            kb.learn(q, id).map_err(|e| format!("{}: {e}", at()))?;
            learned += 1;
        }
    }
    Ok(learned)
}

/// hit@1, hit@3 and MRR (first expected id in the top 10) overall, per kind and per language.
fn eval_search(kb: &KnowledgeBase, path: &Path) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{}: {e}", path.display())),
    };
    // (group, n, hit@1, hit@3, reciprocal rank sum)
    let mut groups: Vec<(String, usize, usize, usize, f64)> = Vec::new();
    let mut misses = Vec::new();
    let mut add = |group: String, rank: Option<usize>| {
        let i = match groups.iter().position(|g| g.0 == group) {
            Some(i) => i,
            None => {
                groups.push((group, 0, 0, 0, 0.0));
                groups.len() - 1
            }
        };
        let g = &mut groups[i];
        g.1 += 1;
        g.2 += usize::from(rank == Some(1));
        g.3 += usize::from(rank.is_some_and(|r| r <= 3));
        g.4 += rank.map_or(0.0, |r| 1.0 / r as f64);
    };
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value = match contract::parse_line(line) {
            Ok(v) => v,
            Err(e) => return fail(&format!("{}:{}: {e}", path.display(), i + 1)),
        };
        let expected: Vec<&str> = value
            .get("expected")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let Some(q) = value.get("q").and_then(Value::as_str) else {
            return fail(&format!("{}:{}: expected {{\"q\", \"expected\": [ids]}}", path.display(), i + 1));
        };
        let result = kb.search(q, &helpdesk_ai::kb::SearchOptions::default());
        let rank = result.hits.iter().position(|h| expected.contains(&h.id.as_str())).map(|r| r + 1);
        if rank != Some(1) {
            misses.push(format!(
                "  {:>4}  {q:?} → {}",
                rank.map_or("-".into(), |r| r.to_string()),
                result.hits.first().map_or("(nothing)", |h| h.id.as_str())
            ));
        }
        add("all".into(), rank);
        for key in ["kind", "lang"] {
            if let Some(k) = value.get(key).and_then(Value::as_str) {
                add(format!("{key}={k}"), rank);
            }
        }
    }
    let mut w = String::new();
    let _ = writeln!(w, "{:<22} {:>5} {:>7} {:>7} {:>7}", "queries", "n", "hit@1", "hit@3", "MRR");
    for (group, n, h1, h3, rr) in &groups {
        let n_f = *n as f64;
        let _ = writeln!(
            w,
            "{group:<22} {n:>5} {:>7.3} {:>7.3} {:>7.3}",
            *h1 as f64 / n_f,
            *h3 as f64 / n_f,
            rr / n_f
        );
    }
    if !misses.is_empty() {
        let _ = writeln!(w, "\nnot first (rank, query → top hit):");
        for m in misses.iter().take(40) {
            let _ = writeln!(w, "{m}");
        }
    }
    emit(&w)
}

/// The model at `path`, or the embedded one.
fn load_classifier(triager: &Triager, path: Option<&Path>) -> Result<TicketClassifier, String> {
    let Some(path) = path else {
        return triager.classifier().cloned().ok_or_else(|| "the embedded model did not load".to_string());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    TicketClassifier::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads labelled tickets; bad lines are reported with file and line and skipped.
fn read_labelled(paths: &[PathBuf]) -> Result<Vec<(String, LabelledTicket)>, String> {
    let mut out = Vec::new();
    let mut bad = 0;
    for path in paths {
        let text = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in text.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = std::str::from_utf8(line)
                .map_err(|_| "not valid UTF-8".to_string())
                .and_then(contract::parse_line)
                .and_then(|v| {
                    contract::labelled_from_json(&v)
                        .map(|t| (v.get("lang").and_then(Value::as_str).map(str::to_string), t))
                });
            match parsed {
                Ok((lang, t)) => out.push((lang.unwrap_or_default(), t)),
                Err(message) => {
                    bad += 1;
                    if bad <= 10 {
                        eprintln!("helpdesk: {}:{}: {message} (skipped)", path.display(), i + 1);
                    }
                }
            }
        }
    }
    if bad > 10 {
        eprintln!("helpdesk: … {bad} bad lines in all (skipped)");
    }
    if out.is_empty() {
        return Err("no labelled tickets in the input".into());
    }
    Ok(out)
}

fn train(triager: &Triager, input: &[PathBuf], path: &Path, options: &TrainOptions) -> ExitCode {
    let data = match read_labelled(input) {
        Ok(d) => d,
        Err(message) => return fail(&message),
    };
    let examples: Vec<LabelledTicket> = data.into_iter().map(|(_, t)| t).collect();
    let heads: Vec<&str> = Head::ALL
        .iter()
        .filter(|h| examples.iter().any(|e| e.label(**h).is_some()))
        .map(|h| h.name())
        .collect();
    eprintln!(
        "helpdesk: training {} on {} examples ({} epochs, seed {}) …",
        heads.join(", "),
        examples.len(),
        options.epochs,
        options.seed
    );
    let started = Instant::now();
    // One bar over all the work: feature extraction counts one step per example, each epoch of
    // each head one step per example of the data (twice when the model is refitted after
    // calibration).
    let passes = if options.refit && options.calibration_every > 1 { 2 } else { 1 };
    let total = examples.len() as u64 * (1 + passes * options.epochs as u64 * heads.len() as u64);
    let bar = ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {percent:>3}% {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let per_epoch = examples.len() as u64;
    let mut features_done = 0u64;
    let result = triager.train_with_progress(&examples, options, &mut |p| match p {
        Progress::Features { done, .. } => {
            bar.inc(done as u64 - features_done);
            features_done = done as u64;
            bar.set_message("reading examples");
        }
        Progress::Epoch { head, done, total } => {
            bar.inc(per_epoch);
            bar.set_message(format!("{} epoch {done}/{total}", head.name()));
        }
    });
    bar.finish_and_clear();
    let classifier = match result {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    let bytes = classifier.to_bytes();
    if let Err(e) = std::fs::write(path, &bytes) {
        return fail(&format!("{}: {e}", path.display()));
    }
    let temperatures: Vec<String> =
        classifier.model().heads.iter().map(|h| format!("{} T={:.2}", h.name, h.temperature)).collect();
    eprintln!(
        "helpdesk: wrote {} ({} bytes, {} feature rows) in {:.1} s; calibration: {}",
        path.display(),
        bytes.len(),
        classifier.model().rows(),
        started.elapsed().as_secs_f64(),
        temperatures.join(", ")
    );
    ExitCode::SUCCESS
}

/// One evaluated example: its language, the example, and the predicted `(head, label, confidence)`.
type Row<'a> = (String, &'a LabelledTicket, Vec<(Head, String, f32)>);

fn eval(triager: Triager, classifier: TicketClassifier, input: &[PathBuf]) -> ExitCode {
    let data = match read_labelled(input) {
        Ok(d) => d,
        Err(message) => return fail(&message),
    };
    // Ticket heads are judged as `triage` answers them (priority rules included) when the model
    // has them; other heads straight from the classifier.
    let triager = triager.with_classifier(classifier.clone()).ok();
    let analyzer = helpdesk_ai::Analyzer::default();
    let mut rows: Vec<Row> = Vec::new();
    for (lang, t) in &data {
        let Ok(predictions) = classifier.predict(&analyzer, &t.ticket) else { continue };
        let mut labels: Vec<(Head, String, f32)> =
            predictions.into_iter().map(|p| (p.head, p.label, p.confidence)).collect();
        let mut detected = None;
        if let Some(triage) = triager.as_ref().and_then(|tr| tr.triage(&t.ticket).ok()) {
            for (head, l) in [
                (Head::Category, &triage.category),
                (Head::Area, &triage.area),
                (Head::Priority, &triage.priority),
                (Head::Complexity, &triage.complexity),
            ] {
                if let Some(slot) = labels.iter_mut().find(|x| x.0 == head) {
                    *slot = (head, l.label.clone(), l.confidence);
                }
            }
            detected = Some(triage.language.code.code().to_string());
        }
        // Language: the row's `lang` when given, else what the analyser detects.
        let lang = if lang.is_empty() {
            detected.unwrap_or_else(|| {
                analyzer.analyze(&t.ticket).map(|a| a.language.code.code().to_string()).unwrap_or_default()
            })
        } else {
            lang.clone()
        };
        rows.push((lang, t, labels));
    }
    let mut w = String::new();
    let mut langs: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    langs.sort();
    langs.dedup();
    if langs.len() > 1 {
        langs.push("all".into());
    }
    for lang in &langs {
        let subset: Vec<&Row> = rows.iter().filter(|r| lang == "all" || &r.0 == lang).collect();
        let _ = writeln!(w, "\n== {lang}: {} examples", subset.len());
        for head in classifier.heads() {
            let judged: Vec<(&str, &str, f32)> = subset
                .iter()
                .filter_map(|r| {
                    let gold = r.1.label(*head)?;
                    let (_, label, confidence) = r.2.iter().find(|p| p.0 == *head)?;
                    Some((gold, label.as_str(), *confidence))
                })
                .collect();
            if judged.is_empty() {
                continue;
            }
            print_head_report(&mut w, head.name(), &judged);
        }
    }
    emit(&w)
}

fn print_head_report(w: &mut String, head: &str, judged: &[(&str, &str, f32)]) {
    let gold: Vec<&str> = judged.iter().map(|j| j.0).collect();
    let pred: Vec<&str> = judged.iter().map(|j| j.1).collect();
    let conf: Vec<f32> = judged.iter().map(|j| j.2).collect();
    let right: Vec<bool> = judged.iter().map(|j| j.0 == j.1).collect();
    let s = score(&gold, &pred);
    let _ = writeln!(
        w,
        "\n{head:<10} accuracy {:.3}  macro-F1 {:.3}  ECE {:.3}  ({} examples)",
        s.accuracy,
        s.macro_f1,
        expected_calibration_error(&conf, &right, 10),
        judged.len()
    );
    let _ = writeln!(w, "  {:<24} {:>9} {:>7} {:>6} {:>7}", "class", "precision", "recall", "F1", "support");
    for (class, p, r, f, n) in &s.per_class {
        let _ = writeln!(w, "  {class:<24} {p:>9.3} {r:>7.3} {f:>6.3} {n:>7}");
    }
    // A confusion matrix is readable up to a dozen classes; beyond that, the worst confusions.
    let classes: Vec<&str> = s.per_class.iter().map(|c| c.0.as_str()).collect();
    if classes.len() <= 12 {
        let _ = writeln!(w, "  confusion (rows: true, columns: predicted)");
        let _ = write!(w, "  {:<24}", "");
        for c in &classes {
            let _ = write!(w, " {:>6}", c.chars().take(6).collect::<String>());
        }
        writeln!(w).ok();
        for g in &classes {
            let _ = write!(w, "  {g:<24}");
            for p in &classes {
                let n = gold.iter().zip(&pred).filter(|(a, b)| *a == g && *b == p).count();
                let _ = write!(w, " {n:>6}");
            }
            writeln!(w).ok();
        }
    } else {
        let mut pairs: Vec<((&str, &str), usize)> = Vec::new();
        for (g, p) in gold.iter().zip(&pred).filter(|(g, p)| g != p) {
            match pairs.iter_mut().find(|(k, _)| k == &(*g, *p)) {
                Some((_, n)) => *n += 1,
                None => pairs.push(((g, p), 1)),
            }
        }
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let _ = writeln!(w, "  most frequent confusions (true → predicted):");
        for ((g, p), n) in pairs.iter().take(10) {
            let _ = writeln!(w, "  {n:>5}  {g} → {p}");
        }
    }
}

struct Stats {
    lines: usize,
    errors: usize,
}

/// Reads lines as bytes (so invalid UTF-8 is a per-line error, not the end of the batch), hands
/// each parsed JSON value to `handle`, and writes one output line per input line.
fn run_lines(
    input: &mut impl BufRead,
    out: &mut impl Write,
    pretty: bool,
    mut handle: impl FnMut(&Value) -> Result<Value, String>,
) -> io::Result<Stats> {
    let mut stats = Stats { lines: 0, errors: 0 };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (read, too_long) = read_line_bounded(input, &mut buf)?;
        if read == 0 {
            break;
        }
        stats.lines += 1;
        let line_no = stats.lines;
        let value = if too_long {
            contract::error_value(
                line_no,
                &format!("line is longer than {} MiB", MAX_LINE_BYTES / (1024 * 1024)),
            )
        } else {
            match std::str::from_utf8(&buf) {
                Ok(text) => contract::respond(line_no, text, &mut handle),
                Err(e) => contract::error_value(
                    line_no,
                    &format!("line is not valid UTF-8 (at byte {})", e.valid_up_to()),
                ),
            }
        };
        if value.get("error").is_some() {
            stats.errors += 1;
        }
        if pretty {
            serde_json::to_writer_pretty(&mut *out, &value)?;
        } else {
            serde_json::to_writer(&mut *out, &value)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(stats)
}

/// Reads up to and including the next `\n`, keeping at most `MAX_LINE_BYTES` of it.
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<(usize, bool)> {
    let mut read = 0;
    let mut too_long = false;
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((read, too_long));
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        if buf.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
            buf.clear();
        } else if !too_long {
            buf.extend_from_slice(chunk);
        }
        let n = chunk.len();
        read += n;
        input.consume(n);
        if done {
            return Ok((read, too_long));
        }
    }
}
