//! `helpdesk` — the command-line host of the helpdesk-ai core.
//!
//! It adds files, streams and progress; every decision is the core's.

use clap::{Parser, Subcommand};
use helpdesk_ai::classify::metrics::{expected_calibration_error, score};
use helpdesk_ai::classify::{Head, LabelledTicket, TrainOptions};
use helpdesk_ai::contract;
use helpdesk_ai::triage::Triager;
use serde_json::Value;
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
    #[command(after_help = "Input, one ticket per line:\n  {\"id\": \"T-1\", \"subject\": \"...\", \"message\": \"...\"}\n\
(`message` may be HTML; `text` is accepted for `message`; `id` may be a string or a number.)\n\n\
Example:\n  echo '{\"id\":1,\"message\":\"Ошибка 401 при вызове API, срочно!\"}' | helpdesk analyze")]
    Analyze {
        /// Indent the JSON output (one result then spans several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Triage tickets: everything `analyze` says plus category, area, priority and complexity
    /// with calibrated confidence, the priority rules that fired, and the routing decision.
    #[command(after_help = "Input, one ticket per line:\n  {\"id\": \"T-1\", \"subject\": \"...\", \"message\": \"...\"}\n\n\
Example:\n  echo '{\"id\":1,\"message\":\"API returns 500 error since the last update\"}' | helpdesk triage\n  helpdesk triage --model team.bin < tickets.jsonl")]
    Triage {
        /// A model trained with `helpdesk train` (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Indent the JSON output.
        #[arg(long)]
        pretty: bool,
    },
    /// Train a classifier on labelled tickets (JSON Lines with category, area, priority, complexity).
    #[command(after_help = "Input, one labelled ticket per line:\n  {\"subject\": \"...\", \"message\": \"...\", \"category\": \"billing_issue\", \"area\": \"billing_system\", \"priority\": \"P3\", \"complexity\": \"L1\"}\n\n\
Example:\n  helpdesk train --input resolved-tickets.jsonl --out team.bin")]
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
        /// The most feature rows the model keeps (model size ≈ rows × 20 bytes).
        #[arg(long, default_value_t = TrainOptions::default().max_features)]
        max_features: usize,
    },
    /// Evaluate a model on labelled tickets: accuracy, macro-F1, per-class precision/recall,
    /// confusion matrix and calibration error per head and per language.
    #[command(after_help = "Example:\n  helpdesk eval --input data/corpus/test/en.jsonl --input data/corpus/test/ru.jsonl\n  helpdesk eval --model team.bin --input held-out.jsonl")]
    Eval {
        /// A model trained with `helpdesk train` (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Labelled tickets (JSON Lines); repeat for several files.
        #[arg(long, required = true)]
        input: Vec<PathBuf>,
    },
    /// Follow the customer's sentiment through conversations.
    #[command(after_help = "Input, one conversation per line:\n  {\"id\": \"C-1\", \"messages\": [{\"sender\": \"customer\", \"text\": \"...\"}, {\"sender\": \"agent\", \"text\": \"...\"}]}\n\n\
Example:\n  echo '{\"messages\":[{\"sender\":\"customer\",\"text\":\"still broken!!\"},{\"sender\":\"customer\",\"text\":\"works now, thanks\"}]}' | helpdesk conversation")]
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
        Command::Conversation => run_lines(&mut stdin.lock(), &mut out, false, |value| contract::conversation_json(analyzer, value)),
        Command::Triage { model, pretty } => {
            let triager = match with_model(triager, model.as_deref()) {
                Ok(t) => t,
                Err(message) => return fail(&message),
            };
            run_lines(&mut stdin.lock(), &mut out, pretty, |value| contract::triage_json(&triager, value))
        }
        Command::Train { input, out: path, epochs, seed, l2, max_features } => {
            let options = TrainOptions { epochs, seed, l2, max_features, ..TrainOptions::default() };
            return train(&triager, &input, &path, &options);
        }
        Command::Eval { model, input } => {
            let triager = match with_model(triager, model.as_deref()) {
                Ok(t) => t,
                Err(message) => return fail(&message),
            };
            return eval(&triager, &input);
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

fn fail(message: &str) -> ExitCode {
    eprintln!("helpdesk: {message}");
    ExitCode::from(2)
}

fn with_model(triager: Triager, path: Option<&Path>) -> Result<Triager, String> {
    let Some(path) = path else { return Ok(triager) };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    triager.with_model_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
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
                .and_then(|v| contract::labelled_from_json(&v).map(|t| (v.get("lang").and_then(Value::as_str).map(str::to_string), t)));
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
    eprintln!("helpdesk: training on {} tickets ({} epochs, seed {}) …", examples.len(), options.epochs, options.seed);
    let started = Instant::now();
    let classifier = triager.train(&examples, options);
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

fn eval(triager: &Triager, input: &[PathBuf]) -> ExitCode {
    let data = match read_labelled(input) {
        Ok(d) => d,
        Err(message) => return fail(&message),
    };
    // Language: the row's `lang` when given, else what the analyser detects.
    let mut rows: Vec<(String, &LabelledTicket, helpdesk_ai::triage::Triage)> = Vec::new();
    for (lang, t) in &data {
        if let Ok(r) = triager.triage(&t.ticket) {
            let lang = if lang.is_empty() { r.language.code.code().to_string() } else { lang.clone() };
            rows.push((lang, t, r));
        }
    }
    let mut langs: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    langs.sort();
    langs.dedup();
    langs.push("all".into());
    for lang in &langs {
        let subset: Vec<_> = rows.iter().filter(|r| lang == "all" || &r.0 == lang).collect();
        println!("\n== {lang}: {} tickets", subset.len());
        for head in Head::ALL {
            let h = head as usize;
            let gold: Vec<&str> = subset.iter().map(|r| r.1.labels[h].as_str()).collect();
            let label = |r: &helpdesk_ai::triage::Triage| match head {
                Head::Category => r.category.clone(),
                Head::Area => r.area.clone(),
                Head::Priority => r.priority.clone(),
                Head::Complexity => r.complexity.clone(),
            };
            let predicted: Vec<_> = subset.iter().map(|r| label(&r.2)).collect();
            let pred: Vec<&str> = predicted.iter().map(|l| l.label.as_str()).collect();
            let s = score(&gold, &pred);
            let conf: Vec<f32> = predicted.iter().map(|l| l.confidence).collect();
            let right: Vec<bool> = gold.iter().zip(&pred).map(|(g, p)| g == p).collect();
            println!(
                "\n{:<10} accuracy {:.3}  macro-F1 {:.3}  ECE {:.3}",
                head.name(),
                s.accuracy,
                s.macro_f1,
                expected_calibration_error(&conf, &right, 10)
            );
            println!("  {:<20} {:>9} {:>7} {:>6} {:>7}", "class", "precision", "recall", "F1", "support");
            for (class, p, r, f, n) in &s.per_class {
                println!("  {class:<20} {p:>9.3} {r:>7.3} {f:>6.3} {n:>7}");
            }
            let classes: Vec<&str> = s.per_class.iter().map(|c| c.0.as_str()).collect();
            println!("  confusion (rows: true, columns: predicted)");
            print!("  {:<20}", "");
            for c in &classes {
                print!(" {:>6}", &c[..c.len().min(6)]);
            }
            println!();
            for g in &classes {
                print!("  {g:<20}");
                for p in &classes {
                    let n = gold.iter().zip(&pred).filter(|(a, b)| *a == g && *b == p).count();
                    print!(" {n:>6}");
                }
                println!();
            }
        }
    }
    ExitCode::SUCCESS
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
            contract::error_value(line_no, &format!("line is longer than {} MiB", MAX_LINE_BYTES / (1024 * 1024)))
        } else {
            match std::str::from_utf8(&buf) {
                Ok(text) => contract::respond(line_no, text, &mut handle),
                Err(e) => contract::error_value(line_no, &format!("line is not valid UTF-8 (at byte {})", e.valid_up_to())),
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
